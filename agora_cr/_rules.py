"""One rule set for the client and the emulator: the request schema, then the rules it cannot express.

:func:`check_client_request` is what both run on a ``clientRequest``: the compiled schema check of the
operation's (and mode's) schema, then every cross-field rule of the operation. Each rule is declared in
the spec's ``x-agora-rules`` with its level and its source; the level decides what a violation is:

* ``error``: the docs say the service refuses it (``["mp4"]`` alone, a canvas over 1920x1080, web mode
  without its web recorder, ...): a :class:`ValidationError`, before anything is sent;
* ``lint``: the docs state it but the service is not known to refuse it: a :class:`Lint` (an error only
  in strict mode).

A rule registered here but missing from the spec, or the reverse, fails the tests.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ._operations import operation
from ._validation import Lint, fail, schema_check, validate
from .spec import load_spec

#: A rule: ``(client_request, mode, base path) -> violations`` as ``(field, message)``.
Rule = Callable[[Mapping[str, Any], str, str], Iterator[tuple[str, str]]]

_RULES: dict[str, tuple[str, Rule]] = {}

MAX_TRANSCODING_PIXELS = 1920 * 1080
MAX_WEB_PIXELS = 2_073_600
MAX_FILE_NAME_PREFIX = 128
_SERVICE_PARAMS = {
    "web_recorder_service": "WebRecorderParam",
    "rtmp_publish_service": "RtmpPublishParam",
    "aliyun_vod_service": "AliyunVodParam",
}
_WEB_SERVICES = frozenset({"web_recorder_service", "rtmp_publish_service"})


def _rule(operation_id: str, rule_id: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        _RULES[rule_id] = (operation_id, function)
        return function

    return register


def _block(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


# -------------------------------------------------------------------------------------------- start
@_rule("start", "storage-required")
def _storage_required(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if request.get("storageConfig") is None and not request.get("extensionServiceConfig"):
        yield f"{base}.storageConfig", "required: where the files go (storage_config=...)"


@_rule("start", "storage-with-extension")
def _storage_with_extension(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if request.get("storageConfig") is None and request.get("extensionServiceConfig"):
        yield f"{base}.storageConfig", "missing: only the extension services will receive the streams"


@_rule("start", "mp4-alone")
def _mp4_alone(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if _block(request.get("recordingFileConfig")).get("avFileType") == ["mp4"]:
        yield (
            f"{base}.recordingFileConfig.avFileType",
            '["mp4"] alone is refused by the service; use ["hls", "mp4"]',
        )


@_rule("start", "individual-mp4")
def _individual_mp4(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    types = _block(request.get("recordingFileConfig")).get("avFileType")
    if mode == "individual" and isinstance(types, list) and "mp4" in types and types != ["mp4"]:
        yield f"{base}.recordingFileConfig.avFileType", "MP4 files are documented for mix and web mode only"


@_rule("start", "canvas-size")
def _canvas_size(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    transcoding = _block(_block(request.get("recordingConfig")).get("transcodingConfig"))
    width, height = transcoding.get("width", 360), transcoding.get("height", 640)
    if (
        isinstance(width, (int, float))
        and isinstance(height, (int, float))
        and width * height > MAX_TRANSCODING_PIXELS
    ):
        yield (
            f"{base}.recordingConfig.transcodingConfig.width",
            f"width x height must be at most 1920x1080 = {MAX_TRANSCODING_PIXELS} pixels "
            f"(got {width}x{height})",
        )


@_rule("start", "vertical-layout-uid")
def _start_vertical_layout(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    transcoding = _block(_block(request.get("recordingConfig")).get("transcodingConfig"))
    if transcoding.get("mixedVideoLayout") == 2 and not transcoding.get("maxResolutionUid"):
        path = f"{base}.recordingConfig.transcodingConfig.maxResolutionUid"
        yield path, "required when mixedVideoLayout is 2 (vertical layout)"


@_rule("start", "decryption-secret")
def _decryption_secret(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    recording = _block(request.get("recordingConfig"))
    decryption = recording.get("decryptionMode", 0)
    if decryption not in (0, None, "") and not recording.get("secret"):
        yield f"{base}.recordingConfig.secret", "required when decryptionMode is not 0"
    if decryption in (7, 8) and not recording.get("salt"):
        yield f"{base}.recordingConfig.salt", "required when decryptionMode is 7 or 8"


@_rule("start", "snapshot-needs-video")
def _snapshot_video(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if "snapshotConfig" in request and _block(request.get("recordingConfig")).get("streamTypes", 2) == 0:
        yield f"{base}.recordingConfig.streamTypes", "snapshots need video: streamTypes must be 1 or 2"


@_rule("start", "snapshot-video-uids")
def _snapshot_video_uids(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    recording = _block(request.get("recordingConfig"))
    if (
        "snapshotConfig" in request
        and "subscribeAudioUids" in recording
        and "subscribeVideoUids" not in recording
    ):
        yield (
            f"{base}.recordingConfig.subscribeVideoUids",
            "snapshots are taken of subscribed video: list the UIDs",
        )


@_rule("start", "web-recorder")
def _web_recorder(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    names = _service_names(request)
    path = f"{base}.extensionServiceConfig.extensionServices"
    if mode == "web" and names.count("web_recorder_service") != 1:
        yield path, "web mode needs exactly one web_recorder_service"
    if mode != "web" and _WEB_SERVICES & set(names):
        yield (
            path,
            f"web_recorder_service and rtmp_publish_service are web mode's; not available in {mode} mode",
        )


@_rule("start", "web-no-vod")
def _web_no_vod(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if mode == "web" and "aliyun_vod_service" in _service_names(request):
        yield (
            f"{base}.extensionServiceConfig.extensionServices",
            "aliyun_vod_service is not available in web mode",
        )


@_rule("start", "web-page-size")
def _web_page_size(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    for index, service in _services(request):
        param = _block(service.get("serviceParam"))
        width, height = param.get("videoWidth", 0), param.get("videoHeight", 0)
        numbers = isinstance(width, (int, float)) and isinstance(height, (int, float))
        if (
            service.get("serviceName") == "web_recorder_service"
            and numbers
            and width * height > MAX_WEB_PIXELS
        ):
            path = f"{base}.extensionServiceConfig.extensionServices[{index}].serviceParam.videoWidth"
            yield (
                path,
                f"videoWidth x videoHeight must be at most {MAX_WEB_PIXELS} pixels (got {width}x{height})",
            )


def _services(request: Mapping[str, Any]) -> Iterator[tuple[int, Mapping[str, Any]]]:
    services = _block(request.get("extensionServiceConfig")).get("extensionServices")
    for index, service in enumerate(services if isinstance(services, list) else ()):
        if isinstance(service, Mapping):
            yield index, service


def _service_names(request: Mapping[str, Any]) -> list[Any]:
    return [service.get("serviceName") for _, service in _services(request)]


@_rule("acquire", "start-parameter")
def _start_parameter(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    # The check itself is the start schema run by check_rules (below), so that its own lints stay lints.
    return iter(())


# ------------------------------------------------------------------------------ storage (any operation)
def _storage_rules(operation_id: str) -> None:
    @_rule(operation_id, f"{operation_id}.s3-compatible-endpoint")
    def _endpoint(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
        storage = _block(request.get("storageConfig"))
        if storage.get("vendor") == 11 and not _block(storage.get("extensionParams")).get("endpoint"):
            path = f"{base}.storageConfig.extensionParams.endpoint"
            yield path, "required when vendor is 11 (S3-compatible storage)"

    @_rule(operation_id, f"{operation_id}.prefix-length")
    def _prefix_length(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
        prefix = _block(request.get("storageConfig")).get("fileNamePrefix")
        if isinstance(prefix, list) and len("/".join(str(p) for p in prefix)) > MAX_FILE_NAME_PREFIX:
            path = f"{base}.storageConfig.fileNamePrefix"
            yield path, f"joined with '/' it should be at most {MAX_FILE_NAME_PREFIX} characters"


_storage_rules("start")
_storage_rules("update")


# ----------------------------------------------------------------------------------- update, layout
@_rule("update", "update-mode-blocks")
def _update_blocks(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    offered = operation("update").spec.get("x-agora-mode-blocks", {}).get(mode)
    blocks = operation("update").blocks(None).values()  # unknown keys are the schema's own lint
    for key in request:
        if offered is not None and key not in offered and key in blocks:
            yield f"{base}.{key}", f"not one of {mode} mode's update blocks ({', '.join(offered)})"


@_rule("updateLayout", "layout-vertical-uid")
def _layout_vertical(request: Mapping[str, Any], mode: str, base: str) -> Iterator[tuple[str, str]]:
    if request.get("mixedVideoLayout") == 2 and not request.get("maxResolutionUid"):
        yield f"{base}.maxResolutionUid", "required when mixedVideoLayout is 2 (vertical layout)"


# ------------------------------------------------------------------------------------------ running
@functools.cache
def rule_levels() -> dict[str, str]:
    """Each rule's level as the spec declares it (``x-agora-rules``): ``error`` or ``lint``."""
    return {str(entry["id"]): str(entry["level"]) for entry in load_spec().get("x-agora-rules", ())}


def registered_rules() -> dict[str, str]:
    """Every rule implemented here, by id, with the operation it checks."""
    return {rule_id: operation_id for rule_id, (operation_id, _) in _RULES.items()}


def check_rules(
    operation_id: str,
    mode: str,
    client_request: Mapping[str, Any],
    *,
    base: str = "clientRequest",
    strict: bool = False,
) -> list[Lint]:
    """Run the cross-field rules of ``operation_id``: raise the first error, return the lints."""
    levels = rule_levels()
    lints: list[Lint] = []
    for rule_id, (rule_operation, rule) in _RULES.items():
        if rule_operation != operation_id:
            continue
        for field, message in rule(client_request, mode, base):
            if strict or levels.get(rule_id, "error") == "error":
                raise fail(field, message, operation_id)
            lints.append(Lint(field, message))
    if operation_id == "start":
        lints.extend(_check_service_params(client_request, base, strict))
    if operation_id == "acquire":
        start_parameter = client_request.get("startParameter")
        if isinstance(start_parameter, Mapping):
            inner = f"{base}.startParameter"
            ref = f"{operation('start').body_schema_ref(mode)}/properties/clientRequest"
            lints.extend(validate(schema_check(ref), start_parameter, inner, "acquire", strict=strict))
            lints.extend(check_rules("start", mode, start_parameter, base=inner, strict=strict))
    return lints


def _check_service_params(request: Mapping[str, Any], base: str, strict: bool) -> list[Lint]:
    """Each extension service's ``serviceParam`` against the schema of that service."""
    lints: list[Lint] = []
    for index, service in _services(request):
        schema = _SERVICE_PARAMS.get(str(service.get("serviceName")))
        if schema is not None:
            path = f"{base}.extensionServiceConfig.extensionServices[{index}].serviceParam"
            lints.extend(
                validate(schema_check(schema), service.get("serviceParam"), path, "start", strict=strict)
            )
    return lints


def check_client_request(
    operation_id: str, mode: str, client_request: Any, *, strict: bool = False
) -> list[Lint]:
    """The whole check of a ``clientRequest`` (schema, then rules); raises the first error."""
    ref = f"{operation(operation_id).body_schema_ref(mode)}/properties/clientRequest"
    lints = validate(schema_check(ref), client_request, "clientRequest", operation_id, strict=strict)
    if isinstance(client_request, Mapping):
        lints.extend(check_rules(operation_id, mode, client_request, strict=strict))
    return lints
