"""Routing table and request validation, both derived from the shipped OpenAPI description.

Validators are compiled once per spec object (``compiled(load_spec())`` is cached), so request
validation costs one jsonschema pass. Errors come back as :class:`Problem` whose ``field`` is a
dotted JSON path such as ``clientRequest.recordingConfig.maxIdleTime``.
"""

from __future__ import annotations

import functools
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft7Validator, validators
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from agora_cr.spec import ecma_regex, load_spec

SPEC_URI = "urn:agora-cr:openapi"
# Paths served in addition to the spec's own (the spec notes that some sources use /v2).
PATH_ALIASES = {"/v2/ncs/ip": "/v1/ncs/ip"}


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterable[ValidationError]:
    """``pattern`` with JSON-Schema (ECMA-262) meaning: ``$`` matches only at the very end."""
    if validator.is_type(instance, "string") and ecma_regex(pattern).search(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


#: Draft 7 with ECMA-262 ``pattern`` semantics (jsonschema's own uses Python's ``re`` as is).
_Validator: Any = validators.extend(Draft7Validator, {"pattern": _ecma_pattern})  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class Problem:
    """One validation failure: a service ``code`` (2 parameter, 8 header/JSON), field and message."""

    field: str
    message: str
    code: int = 2

    @property
    def reason(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class Route:
    """A spec operation on one concrete path pattern."""

    operation: str
    method: str
    pattern: re.Pattern[str]


def _field_path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _error_field(error: ValidationError) -> str:
    parts = list(error.absolute_path)
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        required = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [name for name in required if name not in instance]
        if missing:
            parts.append(missing[0])
    elif error.validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted(name for name in instance if name not in known)
        if extra:
            parts.append(extra[0])
    return _field_path(parts) or "body"


def _relevance(error: ValidationError) -> tuple[int, int]:
    # Prefer the deepest error; among equals prefer a concrete keyword over a combinator.
    weak = error.validator in ("anyOf", "oneOf")
    return (-len(error.absolute_path), int(weak))


def problem_from(error: ValidationError) -> Problem:
    return Problem(_error_field(error), error.message)


class CompiledSpec:
    """Routes and compiled validators for one parsed spec."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        resource: Resource[Any] = Resource.from_contents(dict(spec), default_specification=DRAFT7)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._by_ref: dict[str, Draft7Validator] = {}
        #: (body ref, canonical clientRequest JSON) that passed the schema; see :meth:`check_body`.
        self._accepted: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._three_part_refs: dict[str, bool] = {}
        self.routes: list[Route] = []
        self.body_validators: dict[str, Draft7Validator] = {}
        self.mode_body_validators: dict[str, dict[str, Draft7Validator]] = {}
        self.scene_body_validators: dict[int, Draft7Validator] = {}
        self.param_validators: dict[str, dict[str, Draft7Validator]] = {}
        self._compile_paths()
        schemas = spec["components"]["schemas"]
        self.modes: tuple[str, ...] = tuple(schemas["Mode"]["enum"])
        self.service_param_validators = {
            "web_recorder_service": self.validator("#/components/schemas/WebRecorderParam"),
            "rtmp_publish_service": self.validator("#/components/schemas/RtmpPublishParam"),
            "aliyun_vod_service": self.validator("#/components/schemas/AliyunVodParam"),
        }

    # -- compilation ----------------------------------------------------------------------------
    def validator(self, ref: str) -> Draft7Validator:
        """A validator for a local ``#/...`` reference (compiled once)."""
        found = self._by_ref.get(ref)
        if found is None:
            found = _Validator({"$ref": SPEC_URI + ref}, registry=self._registry)
            self._by_ref[ref] = found
        return found

    def _schema_validator(self, schema: Mapping[str, Any]) -> Draft7Validator:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self.validator(ref)
        found: Draft7Validator = _Validator(dict(schema), registry=self._registry)
        return found

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow local ``$ref`` chains inside the spec."""
        while isinstance(node.get("$ref"), str):
            target: Any = self.spec
            for key in str(node["$ref"]).lstrip("#/").split("/"):
                target = target[key]
            node = target
        return node

    def _compile_paths(self) -> None:
        aliases: dict[str, list[str]] = {}
        for alias, original in PATH_ALIASES.items():
            aliases.setdefault(original, []).append(alias)
        for path, item in self.spec["paths"].items():
            for method, operation in item.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                name = str(operation["operationId"])
                for served in [path, *aliases.get(path, [])]:
                    regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(served))
                    self.routes.append(Route(name, method.upper(), re.compile(f"^{regex}$")))
                self.param_validators[name] = {
                    str(param["name"]): self._schema_validator(param["schema"])
                    for param in (self.resolve(p) for p in operation.get("parameters", []))
                    if param.get("in") == "path"
                }
                self._compile_body(name, operation)

    def _compile_body(self, name: str, operation: Mapping[str, Any]) -> None:
        body = operation.get("requestBody")
        if not body:
            return
        schema = self.resolve(body)["content"]["application/json"]["schema"]
        by_mode = operation.get("x-agora-mode-schemas")
        if by_mode:
            self.mode_body_validators[name] = {mode: self.validator(ref) for mode, ref in by_mode.items()}
        elif "anyOf" in schema:
            # acquire: the alternatives differ by the scene values their clientRequest allows.
            for alternative in schema["anyOf"]:
                client = self.resolve(
                    self.resolve(alternative).get("properties", {}).get("clientRequest", {})
                )
                scenes = self.resolve(client.get("properties", {}).get("scene", {})).get("enum", [])
                for scene in scenes:
                    self.scene_body_validators.setdefault(int(scene), self._schema_validator(alternative))
        self.body_validators[name] = self._schema_validator(schema)

    # -- use ------------------------------------------------------------------------------------
    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route serving ``method path`` and its raw path parameters, or None (no route)."""
        for route in self.routes:
            if route.method != method:
                continue
            found = route.pattern.match(path)
            if found:
                return route, found.groupdict()
        return None

    def check_params(self, operation: str, params: Mapping[str, str]) -> Problem | None:
        for name, validator in self.param_validators.get(operation, {}).items():
            if name in params:
                error = best_match(validator.iter_errors(params[name]), key=_relevance)
                if error is not None:
                    return Problem(name, error.message)
        return None

    def check_body(self, operation: str, mode: str | None, body: Any) -> Problem | None:
        validator = self._body_validator(operation, mode, body)
        if validator is None:
            return None
        key = self._accepted_key(validator, body)
        if key is None or key not in self._accepted or not self._ids_valid(key[0], body):
            error = best_match(validator.iter_errors(body), key=_relevance)
            if error is not None:
                return problem_from(error)
            if key is not None:
                self._remember(key)
        return _semantic_problem(self, operation, mode, body)

    # A body is {cname, uid, clientRequest} with nothing else: valid exactly when each part is. Tests
    # and benchmarks send one configuration for many channels, and jsonschema over the whole
    # clientRequest was most of the emulator's time per request; a clientRequest that passed once is
    # not walked again (cname and uid always are). Only verdicts of the schema are kept, bounded.
    _ACCEPTED_KEPT = 256

    def _accepted_key(self, validator: Draft7Validator, body: Any) -> tuple[str, str] | None:
        target = validator.schema.get("$ref") if isinstance(validator.schema, dict) else None
        ref = target[len(SPEC_URI) :] if isinstance(target, str) and target.startswith(SPEC_URI) else None
        if ref is None or not isinstance(body, dict) or body.keys() != {"cname", "uid", "clientRequest"}:
            return None
        if not self._three_part(ref):
            return None
        return ref, json.dumps(body["clientRequest"], sort_keys=True, separators=(",", ":"))

    def _three_part(self, ref: str) -> bool:
        """Whether the body schema at ``ref`` is just the three closed properties."""
        found = self._three_part_refs.get(ref)
        if found is None:
            schema = self.resolve({"$ref": ref})
            found = (
                set(schema) <= {"type", "description", "required", "additionalProperties", "properties"}
                and schema.get("additionalProperties") is False
                and set(schema.get("properties") or {}) == {"cname", "uid", "clientRequest"}
            )
            self._three_part_refs[ref] = found
        return found

    def _ids_valid(self, ref: str, body: dict[str, Any]) -> bool:
        return all(
            self.validator(f"{ref}/properties/{name}").is_valid(body[name]) for name in ("cname", "uid")
        )

    def _remember(self, key: tuple[str, str]) -> None:
        self._accepted[key] = None
        while len(self._accepted) > self._ACCEPTED_KEPT:
            try:
                self._accepted.popitem(last=False)
            except KeyError:  # emptied by another emulator's thread
                break

    def _body_validator(self, operation: str, mode: str | None, body: Any) -> Draft7Validator | None:
        if operation in self.mode_body_validators and mode is not None:
            return self.mode_body_validators[operation].get(mode)
        if self.scene_body_validators and operation == "acquire":
            scene = 0
            if isinstance(body, dict) and isinstance(body.get("clientRequest"), dict):
                raw = body["clientRequest"].get("scene", 0)
                scene = raw if isinstance(raw, int) and not isinstance(raw, bool) else 0
            return self.scene_body_validators.get(scene, self.scene_body_validators[0])
        return self.body_validators.get(operation)


@functools.lru_cache(maxsize=4)
def _compiled_for(spec_id: int) -> CompiledSpec:
    return CompiledSpec(load_spec())


def compiled() -> CompiledSpec:
    """The compiled form of :func:`agora_cr.spec.load_spec` (built once per process)."""
    return _compiled_for(id(load_spec()))


# -- rules the schema cannot express ---------------------------------------------------------------
_Rule = Callable[[CompiledSpec, str | None, dict[str, Any]], Problem | None]


def _storage_problem(storage: Any, at: str) -> Problem | None:
    if (
        isinstance(storage, dict)
        and storage.get("vendor") == 11
        and not (storage.get("extensionParams") or {}).get("endpoint")
    ):
        return Problem(f"{at}.extensionParams.endpoint", "required when vendor is 11")
    return None


def _start_rules(spec: CompiledSpec, mode: str | None, body: dict[str, Any]) -> Problem | None:
    client = body["clientRequest"]
    file_types = (client.get("recordingFileConfig") or {}).get("avFileType")
    if file_types == ["mp4"]:
        return Problem("clientRequest.recordingFileConfig.avFileType", '["mp4"] alone is not supported')
    if mode == "individual" and file_types is not None and "mp4" in file_types:
        return Problem("clientRequest.recordingFileConfig.avFileType", 'individual mode records ["hls"] only')
    recording = client.get("recordingConfig") or {}
    decryption = recording.get("decryptionMode", 0)
    if decryption and "secret" not in recording:
        return Problem("clientRequest.recordingConfig.secret", "required when decryptionMode is not 0")
    if decryption in (7, 8) and "salt" not in recording:
        return Problem("clientRequest.recordingConfig.salt", "required when decryptionMode is 7 or 8")
    if mode == "individual":
        if "snapshotConfig" in client:
            if recording.get("streamTypes", 2) == 0:
                return Problem(
                    "clientRequest.recordingConfig.streamTypes", "must be 1 or 2 with snapshotConfig"
                )
        elif "recordingFileConfig" not in client:
            return Problem("clientRequest.recordingFileConfig", "required unless snapshotConfig is set")
    transcoding = recording.get("transcodingConfig") or {}
    if transcoding.get("width", 360) * transcoding.get("height", 640) > 1920 * 1080:
        return Problem(
            "clientRequest.recordingConfig.transcodingConfig.width", "width * height exceeds 1920*1080"
        )
    if transcoding.get("mixedVideoLayout") == 2 and "maxResolutionUid" not in transcoding:
        return Problem(
            "clientRequest.recordingConfig.transcodingConfig.maxResolutionUid",
            "required when mixedVideoLayout is 2",
        )
    services = (client.get("extensionServiceConfig") or {}).get("extensionServices", [])
    for index, service in enumerate(services):
        at = f"clientRequest.extensionServiceConfig.extensionServices[{index}].serviceParam"
        validator = spec.service_param_validators.get(service.get("serviceName", ""))
        if validator is not None:
            error = best_match(validator.iter_errors(service.get("serviceParam")), key=_relevance)
            if error is not None:
                found = problem_from(error)
                field = at if found.field == "body" else f"{at}.{found.field}"
                return Problem(field.replace(".[", "["), found.message)
        param = service.get("serviceParam") or {}
        is_recorder = service.get("serviceName") == "web_recorder_service"
        if is_recorder and param.get("videoWidth", 0) * param.get("videoHeight", 0) > 2073600:
            return Problem(f"{at}.videoWidth", "videoWidth * videoHeight exceeds 2073600")
    names = [service.get("serviceName") for service in services]
    if mode == "web":
        if names.count("web_recorder_service") != 1:
            return Problem(
                "clientRequest.extensionServiceConfig.extensionServices",
                "exactly one web_recorder_service is required",
            )
        if "aliyun_vod_service" in names:
            return Problem(
                "clientRequest.extensionServiceConfig.extensionServices",
                "aliyun_vod_service is not available in web mode",
            )
    elif any(name != "aliyun_vod_service" for name in names):
        # Outside web mode only the legacy VoD upload service exists (reference §4.8).
        return Problem(
            "clientRequest.extensionServiceConfig.extensionServices",
            f"only aliyun_vod_service is accepted in {mode} mode",
        )
    return _storage_problem(client.get("storageConfig"), "clientRequest.storageConfig")


def _update_rules(spec: CompiledSpec, mode: str | None, body: dict[str, Any]) -> Problem | None:
    client = body["clientRequest"]
    if mode == "web" and "streamSubscribe" in client:
        return Problem("clientRequest.streamSubscribe", "not supported in web mode")
    if mode in ("individual", "mix"):
        for key in ("webRecordingConfig", "rtmpPublishConfig"):
            if key in client:
                return Problem(f"clientRequest.{key}", f"not supported in {mode} mode")
    return _storage_problem(client.get("storageConfig"), "clientRequest.storageConfig")


def _layout_rules(spec: CompiledSpec, mode: str | None, body: dict[str, Any]) -> Problem | None:
    client = body["clientRequest"]
    if client.get("mixedVideoLayout") == 2 and "maxResolutionUid" not in client:
        return Problem("clientRequest.maxResolutionUid", "required when mixedVideoLayout is 2")
    return None


_RULES: dict[str, _Rule] = {"start": _start_rules, "update": _update_rules, "updateLayout": _layout_rules}


def _semantic_problem(spec: CompiledSpec, operation: str, mode: str | None, body: Any) -> Problem | None:
    rule = _RULES.get(operation)
    if rule is None or not isinstance(body, dict) or not isinstance(body.get("clientRequest"), dict):
        return None
    return rule(spec, mode, body)
