"""The emulator's compiled request checks against jsonschema, an independent oracle.

The emulator checks a body's ``cname``, ``uid`` and required fields, and the path parameters, with the
client's compiled checks (``agora_cr._validation``), compiled once per operation and mode, and it keeps
the values that passed. Here every request body of the fidelity corpus (``tests/fidelity/corpus/``),
with one field at a time replaced by an edge value, goes through those checks (strict: lints count as
errors, as the spec states them) and through jsonschema on the same schema of the spec: the verdicts
must agree, and a second look (served from the caches) must give the same answer as the first.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from agora_cr._operations import operation
from agora_cr.spec import load_spec
from agora_cr.testing.validation import CompiledSpec

from spec_support import validator

CORPUS = Path(__file__).parent / "fidelity" / "corpus"
QUERY_PATH = "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query"
CASES = [
    case
    for path in sorted(CORPUS.glob("*/*.json"))
    if "fragment" not in path.name
    for case in [json.loads(path.read_text())]
    if case["kind"] == "request" and isinstance(case["body"], dict) and case["operation"] != "query"
]
#: The corpus bodies without members other than ``cname``, ``uid`` and ``clientRequest`` (which the
#: checks report first, as unknown fields).
BODIES = [
    {**case, "body": {k: v for k, v in case["body"].items() if k in ("cname", "uid", "clientRequest")}}
    for case in CASES
]

#: Edge values per field. Not here: a value ending in "\n", which Python's ``re`` (so jsonschema) lets
#: a pattern's ``$`` match before, while ECMA-262 (the spec's dialect, and the compiled checks) does not.
VALUES: dict[str, list[Any]] = {
    "cname": ["room", "", " ", "a" * 63, "a" * 64, "a" * 65, "bad/char", "é", "!#$%&()+-:;<=.>?@[]^_{}|~,"],
    "uid": ["527841", "0", "1", "4294967295", "4294967296", "", "abc", "007", " 1", "-1", "1.5"],
}
NON_STRINGS: list[Any] = [123, None, ["x"], {"x": 1}, True]
PARAMETERS: dict[str, list[str]] = {
    "appid": ["0123456789abcdef0123456789abcdef", "", "a" * 64, "a" * 65, "app-id", "ÄPP"],
    "resourceid": ["r" * 300, "", "x" * 2048, "x" * 2049, "a b"],
    "sid": ["38f8e3cfdc474cd56fc1ceba380d7e1a", "", "s" * 256, "s" * 257],
    "mode": ["individual", "mix", "web", "MIX", "composite", ""],
}


def _mode(case: dict[str, Any], body: dict[str, Any]) -> tuple[str | None, str]:
    """The mode the emulator is given (None for acquire) and the one whose schemas apply."""
    if case["operation"] == "acquire":
        request = body.get("clientRequest")
        scene = request.get("scene", 0) if isinstance(request, dict) else 0
        return None, "web" if scene == 1 else "individual"
    mode = case["mode"] or "mix"
    return mode, mode


def _oracle_refuses(case: dict[str, Any], mode: str, field: str, value: Any) -> bool:
    op = operation(case["operation"])
    ref = op.cname_schema_ref(mode) if field == "cname" else f"{op.body_schema_ref(mode)}/properties/uid"
    return any(True for _ in validator({"$ref": ref}).iter_errors(value))


@pytest.mark.parametrize("field", sorted(VALUES))
def test_cname_and_uid_verdicts_agree_with_jsonschema(field: str) -> None:
    spec = CompiledSpec()
    disagreements = []
    for case in BODIES:
        given, mode = _mode(case, case["body"])
        base = spec.check_body(case["operation"], given, case["body"], strict=True)[0]
        if base is not None and not base.field.startswith("clientRequest"):
            continue  # refused before its cname and uid are looked at (a required field is missing)
        for value in VALUES[field] + NON_STRINGS:
            body = copy.deepcopy(case["body"])
            body[field] = value
            given, mode = _mode(case, body)
            first = spec.check_body(case["operation"], given, body, strict=True)
            again = spec.check_body(case["operation"], given, copy.deepcopy(body), strict=True)
            assert again == first, (case["source"], field, value)
            refused = first[0] is not None and first[0].field == field
            if refused != _oracle_refuses(case, mode, field, value):
                disagreements.append((case["operation"], given, field, value, first[0]))
    assert disagreements == []


def test_required_fields_agree_with_jsonschema() -> None:
    spec = CompiledSpec()
    checked = 0
    for case in BODIES:
        for name in ("cname", "uid", "clientRequest"):
            if name not in case["body"]:
                continue
            body = {key: value for key, value in case["body"].items() if key != name}
            given, mode = _mode(case, body)
            schema = {"$ref": operation(case["operation"]).body_schema_ref(mode)}
            problem = spec.check_body(case["operation"], given, body, strict=True)[0]
            oracle = any(error.validator == "required" for error in validator(schema).iter_errors(body))
            assert (problem is not None and problem.field == name) == oracle, (case["source"], name)
            checked += 1
    assert checked > 100


def test_path_parameter_verdicts_agree_with_jsonschema() -> None:
    spec = CompiledSpec()
    spec_data = load_spec()
    query = spec_data["paths"][QUERY_PATH]["get"]["parameters"]
    schemas = {
        param["name"]: param["schema"]
        for ref in query
        for param in [spec_data["components"]["parameters"][ref["$ref"].rsplit("/", 1)[1]]]
    }
    for name, values in PARAMETERS.items():
        for value in values:
            params = {name: value}
            verdicts = [spec.check_params("query", params) for _ in range(2)]  # the second from the cache
            assert verdicts[0] == verdicts[1], (name, value)
            oracle = any(True for _ in validator(schemas[name]).iter_errors(value))
            assert (verdicts[0] is not None) == oracle, (name, value, verdicts[0])
