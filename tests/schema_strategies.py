"""Hypothesis strategies that draw JSON values from the spec's schemas (the JSON-Schema subset it uses)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from spec_support import deref

JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**31), 2**31) | st.text(max_size=8)


def from_schema(schema: dict[str, Any], *, extras: bool = True, depth: int = 0) -> st.SearchStrategy[Any]:
    """Draw values valid for ``schema``; ``extras`` adds unknown keys where a schema allows them."""
    schema = deref(schema)
    if "anyOf" in schema:
        return st.one_of([from_schema(s, extras=extras, depth=depth) for s in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        return _object(schema, extras=extras, depth=depth)
    if kind == "array":
        items = from_schema(schema["items"], extras=extras, depth=depth + 1)
        max_size = min(schema.get("maxItems", 3), 3)
        return st.lists(
            items,
            min_size=schema.get("minItems", 0),
            max_size=max(max_size, schema.get("minItems", 0)),
            unique_by=(lambda v: repr(v)) if schema.get("uniqueItems") else None,
        )
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return st.integers(schema.get("minimum", -(2**40)), schema.get("maximum", 2**40))
    if kind == "number":
        return st.floats(
            schema.get("minimum", -1e9), schema.get("maximum", 1e9), allow_nan=False, allow_infinity=False
        )
    if kind == "boolean":
        return st.booleans()
    raise NotImplementedError(f"schema not covered by the strategy builder: {schema}")


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    lo, hi = schema.get("minLength", 0), min(schema.get("maxLength", 24), 64)
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True).filter(lambda s: lo <= len(s) <= hi)
    return st.text(min_size=lo, max_size=max(lo, hi))


def _object(schema: dict[str, Any], *, extras: bool, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {k: from_schema(v, extras=extras, depth=depth + 1) for k, v in props.items() if k in required}
    # Deep optional blocks are drawn less often, to keep examples small.
    optional = {
        k: from_schema(v, extras=extras, depth=depth + 1)
        for k, v in props.items()
        if k not in required and (depth < 3 or deref(v).get("type") not in ("object", "array"))
    }
    base = st.fixed_dictionaries(fixed, optional=optional)
    if extras and schema.get("additionalProperties") is True:
        extra_keys = st.text("abcdefghijklmnopqrstuvwxyz", min_size=12, max_size=16).map(lambda s: "x" + s)
        return st.tuples(base, st.dictionaries(extra_keys, JSON_SCALARS, max_size=2)).map(
            lambda pair: {**pair[1], **pair[0]}
        )
    return base
