"""MkDocs hook: render the REST reference from ``openapi/cloud_recording.yaml`` at build time.

The spec is read through :func:`agora_cr.spec.load_spec`, the same loader the emulator uses, so the
pages cannot drift from what the client and the emulator accept. The hook adds virtual pages
(``reference/rest/index.md`` and one page per operation) and fills the "REST reference" nav section.
Nothing is written to ``docs/``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, Files

from agora_cr.spec import load_spec

REST_DIR = "reference/rest"
NAV_TITLE = "REST reference"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
#: Patterns longer than this are not printed (the description explains them; the spec has the regex).
MAX_PATTERN = 60
#: Schemas that are a whole ``clientRequest`` of another operation: linked, not expanded again.
LINKED_SCHEMAS = {
    "StartIndividualClientRequest": ("start", "clientRequest of start (individual)"),
    "StartMixClientRequest": ("start", "clientRequest of start (mix)"),
    "StartWebClientRequest": ("start", "clientRequest of start (web)"),
}


# ------------------------------------------------------------------------------------------ spec model
@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    body: Mapping[str, Any]

    @property
    def page(self) -> str:
        return f"{REST_DIR}/{self.operation_id}.md"


def operations(spec: Mapping[str, Any]) -> list[Operation]:
    """Every operation of the spec, in file order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                found.append(Operation(item[method]["operationId"], method.upper(), path, item[method]))
    return found


class Resolver:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def ref(self, ref: str) -> Any:
        node: Any = self.spec
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        return node

    def resolve(self, schema: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
        """Follow ``$ref`` chains; return the last schema name (if any) and the schema."""
        name = None
        while "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.ref(schema["$ref"])
        return name, schema


# ------------------------------------------------------------------------------------------ formatting
# Tables are emitted as HTML: spec text contains `|`, `<` and `>` inside code spans, which Markdown
# tables split or mangle. ``inline`` turns the spec's light Markdown (code spans) into HTML.
_CODE_SPAN = re.compile(r"``\s?(.+?)\s?``|`([^`]+)`")


def inline(text: object) -> str:
    """Escape spec text for HTML and render its `code` spans."""
    value = " ".join(str(text).split())
    out, last = [], 0
    for match in _CODE_SPAN.finditer(value):
        out.append(html.escape(value[last : match.start()], quote=False))
        out.append(f"<code>{html.escape(match.group(1) or match.group(2), quote=False)}</code>")
        last = match.end()
    out.append(html.escape(value[last:], quote=False))
    return "".join(out)


def code(value: object) -> str:
    """``value`` as an HTML code element (strings as given, other values as JSON)."""
    text = value if isinstance(value, str) else _json(value)
    return f"<code>{html.escape(text, quote=False)}</code>"


def path_code(path: str, sep: str = ".") -> str:
    """A JSON path (or URL path) that may wrap after each ``sep``, never inside a name."""
    parts = html.escape(path, quote=False).split(sep)
    return '<code class="json-path">' + f"{sep}<wbr>".join(parts) + "</code>"


def html_table(headers: list[str], rows: list[list[str]], css: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'


def autoref(identifier: str, title: str) -> str:
    """A cross-reference resolved by mkdocs-autorefs (an unknown target fails the strict build)."""
    return f'<autoref identifier="{identifier}" optional=""><code>{html.escape(title)}</code></autoref>'


def _json(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return str(value)


def type_name(resolver: Resolver, schema: Mapping[str, Any]) -> str:
    _, schema = resolver.resolve(schema)
    if "anyOf" in schema or "oneOf" in schema:
        variants = schema.get("anyOf") or schema.get("oneOf")
        names = []
        for variant in variants:
            label = type_name(resolver, variant)
            if label not in names:
                names.append(label)
        return " or ".join(names)
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {type_name(resolver, schema.get('items', {}))}"
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    return str(kind)


def constraints(schema: Mapping[str, Any]) -> str:
    parts = []
    if "enum" in schema:
        parts.append(
            "one of " + ", ".join(code(_json(v) if isinstance(v, str) else v) for v in schema["enum"])
        )
    if "x-agora-values" in schema:
        values = ", ".join(code(v) for v in schema["x-agora-values"])
        parts.append(f"documented values {values}")
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        parts.append(_range("", low, high))
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None or high is not None:
        parts.append(_range("length ", low, high))
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low is not None or high is not None:
        parts.append(_range("items ", low, high))
    if schema.get("uniqueItems"):
        parts.append("unique items")
    pattern = schema.get("pattern")
    if pattern:
        parts.append(f"pattern {code(pattern)}" if len(pattern) <= MAX_PATTERN else "pattern in the spec")
    if schema.get("deprecated"):
        parts.append("<strong>deprecated</strong>")
    return "; ".join(parts)


def _range(prefix: str, low: object, high: object) -> str:
    if low is not None and high is not None:
        return f"{prefix}{low}–{high}"
    if low is not None:
        return f"{prefix}≥ {low}"
    return f"{prefix}≤ {high}"


# ------------------------------------------------------------------------------------------ flattening
@dataclass
class Row:
    path: str
    type: str
    required: bool
    constraints: str  # HTML
    default: str  # HTML
    description: str  # spec text


def flatten(
    resolver: Resolver,
    schema: Mapping[str, Any],
    path: str = "",
    *,
    required: bool = False,
    stack: tuple[str, ...] = (),
    page: str | None = None,
) -> Iterator[Row]:
    """Yield one row per field of ``schema``, depth first, with JSON paths (``a.b[].c``).

    ``anyOf`` alternatives are all expanded under the same path; a property whose alternatives are
    all whole ``clientRequest`` schemas of another operation (``LINKED_SCHEMAS``) links there instead.
    """
    name, target = resolver.resolve(schema)
    if name is not None and name in stack:  # recursion guard (the spec has none today)
        return
    stack = (*stack, name) if name else stack
    variants = target.get("anyOf") or target.get("oneOf") or []
    link = _linked(resolver, variants, page)
    if path:
        text = schema.get("description") or target.get("description") or ""
        if link:
            text = f"{text} Same shape as {link}; its fields are listed there."
        yield Row(
            path,
            type_name(resolver, target),
            required,
            constraints(target),
            code(_json(target["default"])) if "default" in target else "",
            text,
        )
    if link:
        return
    for variant in variants:
        yield from _members(resolver, variant, path, stack, page)
    if not variants:
        yield from _members(resolver, target, path, stack, page)


def _members(
    resolver: Resolver, schema: Mapping[str, Any], path: str, stack: tuple[str, ...], page: str | None
) -> Iterator[Row]:
    """The rows below ``path`` for an object (its properties) or an array (its items' properties)."""
    _, target = resolver.resolve(schema)
    variants = target.get("anyOf") or target.get("oneOf")
    if variants:
        for variant in variants:
            yield from _members(resolver, variant, path, stack, page)
        return
    if target.get("type") == "array":
        yield from _members(resolver, target.get("items", {}), f"{path}[]", stack, page)
        return
    needed = set(target.get("required", ()))
    for prop, sub in target.get("properties", {}).items():
        sub_path = f"{path}.{prop}" if path else prop
        yield from flatten(resolver, sub, sub_path, required=prop in needed, stack=stack, page=page)


def _linked(resolver: Resolver, variants: Any, page: str | None) -> str | None:
    names = [resolver.resolve(v)[0] for v in variants]
    if not names or not all(n in LINKED_SCHEMAS for n in names):
        return None
    if any(LINKED_SCHEMAS[n][0] == page for n in names):
        return None
    return " or ".join(f"[{LINKED_SCHEMAS[n][1]}]({LINKED_SCHEMAS[n][0]}.md)" for n in names)


def field_table(rows: list[Row]) -> str:
    body = []
    for row in rows:
        depth = row.path.count(".") + row.path.count("[]")
        body.append(
            [
                path_code(row.path) + (f'<span class="depth" data-depth="{depth}"></span>' if depth else ""),
                inline(row.type),
                "yes" if row.required else "",
                "; ".join(p for p in (row.constraints, f"default {row.default}" if row.default else "") if p),
                _md_links(inline(row.description)),
            ]
        )
    return html_table(["Field", "Type", "Required", "Allowed values", "Description"], body, "rest-fields")


_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\.md\)")


def _md_links(text: str) -> str:
    """Turn the generated ``[title](page.md)`` links of :func:`_linked` into HTML links."""
    return _MD_LINK.sub(lambda m: f'<a href="../{m.group(2)}/">{m.group(1)}</a>', text)


# ------------------------------------------------------------------------------------------ error codes
def service_error_codes(spec: Mapping[str, Any]) -> list[tuple[int, str]]:
    """Parse the ``code`` list out of ``components.schemas.ServiceError.description``."""
    text = " ".join(spec["components"]["schemas"]["ServiceError"]["description"].split())
    match = re.search(r"values:(.*?)\.\s*`code` is", text)
    body = match.group(1) if match else text
    codes = []
    for item in body.split(";"):
        found = re.match(r"\s*(\d+)\s+(.*)", item)
        if found:
            codes.append((int(found.group(1)), found.group(2).strip().rstrip(".")))
    return codes


def _exception_name(status: int | None, error_code: int | None) -> str | None:
    """The agora-cr exception class for a status/code, or None when the client has no mapping."""
    try:
        from agora_cr import exceptions
    except ImportError:  # pragma: no cover - the package is installed for the docs build
        return None
    if error_code is not None and status is None:
        cls = exceptions.CODE_TABLE.get(error_code)
        return cls.__name__ if cls else None
    return exceptions.exception_class_for(status, error_code).__name__


def _exception_ref(name: str | None, fallback: str = "") -> str:
    return autoref(f"agora_cr.exceptions.{name}", name) if name else fallback


# ------------------------------------------------------------------------------------------ pages
NOTE = (
    '!!! note "Generated from the spec"\n'
    "    This page is generated from `openapi/cloud_recording.yaml` each time the site is built; to change\n"
    "    it, change the spec.\n"
)


def index_page(spec: Mapping[str, Any]) -> str:
    info = spec["info"]
    resolver = Resolver(spec)
    ops = operations(spec)
    description = info.get("description", "").split("Points where the public sources disagree")[0].strip()
    lines = [f"# {info['title']} {info['version']}", "", NOTE, description, "", "## Operations", ""]
    lines.append(
        html_table(
            ["Operation", "Method", "Path", "Summary"],
            [
                [
                    f'<a href="{op.operation_id}/">{op.operation_id}</a>',
                    op.method,
                    path_code(op.path, "/"),
                    inline(op.body.get("summary", "")),
                ]
                for op in ops
            ],
            "rest-ops",
        )
    )
    lines += ["## Servers", ""]
    rows = []
    for server in spec.get("servers", []):
        rows.append([code(server["url"]), inline(server.get("description", ""))])
        for var, detail in server.get("variables", {}).items():
            values = ", ".join(code(v) for v in detail.get("enum", []))
            rows.append([code(f"{{{var}}}"), f"{values} (default {code(detail.get('default'))})"])
    lines += [html_table(["URL", "Description"], rows, "rest-servers"), "## Authentication", ""]
    for name, scheme in spec["components"].get("securitySchemes", {}).items():
        lines.append(
            f"- `{name}` ({scheme.get('type')} {scheme.get('scheme')}): {scheme.get('description', '')}"
        )
    lines += ["", "## Error responses", "", "The shared error responses the operations refer to:", ""]
    rows = []
    for name, response in spec["components"].get("responses", {}).items():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        rows.append([code(name), type_label(resolver, schema), inline(response.get("description", ""))])
    lines += [html_table(["Response", "Body", "Description"], rows, "rest-responses")]
    for name in ("ServiceError", "GatewayError"):
        schema = spec["components"]["schemas"][name]
        first = schema["description"].strip().split(". ")[0].rstrip(".") + "."
        lines += [f"### {name}", "", first, ""]
        lines.append(field_table(list(flatten(resolver, {"$ref": f"#/components/schemas/{name}"}))))

    lines += [
        "## Service error codes",
        "",
        "The `code` of a `{code, reason}` body: a plain integer, not tied to the HTTP status. The last",
        "column is the exception agora-cr raises (see [Errors and retries](../../guide/errors.md)); a code",
        "without a class of its own maps by HTTP status (next table).",
        "",
    ]
    rows = [
        [str(number), inline(meaning), _exception_ref(_exception_name(None, number), "by HTTP status")]
        for number, meaning in service_error_codes(spec)
    ]
    lines += [html_table(["Code", "Meaning", "agora-cr exception"], rows, "rest-codes")]
    statuses = sorted(
        {int(s) for op in ops for s in op.body.get("responses", {}) if not str(s).startswith("2")}
    )
    lines += [
        "## HTTP statuses",
        "",
        "A non-2xx status, or a 201/206 carrying a `{code, reason}` body, is an error. When the body has no",
        "code with a class of its own, the status decides the exception:",
        "",
    ]
    rows = [[str(s), _exception_ref(_exception_name(s, None))] for s in statuses]
    lines += [html_table(["Status", "agora-cr exception"], rows, "rest-statuses")]
    lines += storage_regions(spec)
    unconfirmed = info.get("x-agora-unconfirmed", [])
    if unconfirmed:
        lines += [
            "## Points where the sources disagree",
            "",
            "The public sources contradict each other on these points; the spec (and so the client and the",
            "emulator) makes the tolerant choice shown.",
            "",
        ]
        rows = [[inline(item["field"]), inline(item["choice"])] for item in unconfirmed]
        lines += [html_table(["Point", "Choice"], rows, "rest-unconfirmed")]
    return "\n".join(lines) + "\n"


def type_label(resolver: Resolver, schema: Mapping[str, Any]) -> str:
    name, target = resolver.resolve(schema)
    variants = target.get("anyOf") or target.get("oneOf")
    if variants:
        return " or ".join(code(resolver.resolve(v)[0] or type_name(resolver, v)) for v in variants)
    return code(name) if name else inline(type_name(resolver, target))


def storage_regions(spec: Mapping[str, Any]) -> list[str]:
    schemas = spec["components"]["schemas"]
    vendor_text = " ".join(schemas.get("StorageVendor", {}).get("description", "").split())
    vendors = {num: name.strip() for num, name in re.findall(r"`(\d+)`\s+([^,`;]+)", vendor_text)}
    table = schemas.get("StorageRegion", {}).get("x-agora-storage-regions", {})
    if not table:
        return []
    rows = []
    for vendor, regions in table.items():
        codes = ", ".join(f"{code(str(k))}&nbsp;{html.escape(str(v))}" for k, v in regions.items())
        name = re.sub(r"\s*\(needs.*$|\s+and$|; legacy$", "", vendors.get(str(vendor), ""))
        rows.append([str(vendor), inline(name), codes])
    return [
        "## Storage vendors and regions",
        "",
        "`storageConfig.vendor` and what `storageConfig.region` means for each vendor.",
        "",
        html_table(["Vendor", "Name", "Region codes"], rows, "rest-regions"),
    ]


def operation_page(spec: Mapping[str, Any], op: Operation) -> str:
    resolver = Resolver(spec)
    body = op.body
    lines = [
        f"# {op.operation_id}",
        "",
        f'<p class="rest-endpoint"><span class="rest-method">{op.method}</span> '
        f"{path_code(op.path, '/')}</p>",
        "",
        f"**{body.get('summary', '').strip()}**",
        "",
        body.get("description", "").strip(),
        "",
    ]
    params = [resolver.resolve(p)[1] for p in body.get("parameters", [])]
    if params:
        rows = []
        for param in params:
            _, schema = resolver.resolve(param.get("schema", {}))
            rows.append(
                [
                    code(param["name"]),
                    inline(type_name(resolver, schema)),
                    "yes" if param.get("required") else "",
                    constraints(schema),
                    inline(param.get("description", "")),
                ]
            )
        lines += [
            "## Path parameters",
            "",
            html_table(["Name", "Type", "Required", "Allowed values", "Description"], rows, "rest-params"),
        ]

    request = body.get("requestBody")
    if request:
        schema = request["content"]["application/json"]["schema"]
        lines += ["## Request body", ""]
        by_mode = body.get("x-agora-mode-schemas")
        if by_mode:
            lines += ["The body depends on the `mode` path parameter.", ""]
            variants = [(f"Mode `{mode}`", {"$ref": ref}) for mode, ref in by_mode.items()]
        else:
            _, target = resolver.resolve(schema)
            alternatives = target.get("anyOf") or target.get("oneOf")
            variants = [(None, v) for v in alternatives] if alternatives else [(None, schema)]
        for label, variant in variants:
            name, target = resolver.resolve(variant)
            if len(variants) > 1:
                lines += [f"### {label or name}", ""]
            lines += [f"Schema `{name}`. {target.get('description', '').strip()}", ""]
            lines.append(field_table(list(flatten(resolver, variant, page=op.operation_id))))

    lines += ["## Responses", ""]
    rows, success = [], []
    for status, response in body.get("responses", {}).items():
        _, response = resolver.resolve(response)
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        rows.append(
            [
                str(status),
                inline(response.get("description", "")),
                type_label(resolver, schema) if schema else "",
            ]
        )
        if str(status) == "200" and schema:
            success.append(schema)
    lines += [html_table(["Status", "Meaning", "Body"], rows, "rest-statuses")]
    lines += [
        "What each `code` of an error body means, and the exception agora-cr raises for it:",
        "[Service error codes](index.md#service-error-codes).",
        "",
    ]
    for schema in success:
        name, target = resolver.resolve(schema)
        lines += [
            "## Success response fields",
            "",
            f"Schema `{name}`. {target.get('description', '').strip()} Response schemas are open: the",
            "service may add fields, and documented values are not enforced.",
            "",
            field_table(list(flatten(resolver, schema, page=op.operation_id))),
        ]
    return "\n".join(lines) + "\n"


def render_all(spec: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Every generated page: ``{src_uri: markdown}``."""
    spec = spec if spec is not None else load_spec()
    pages = {f"{REST_DIR}/index.md": index_page(spec)}
    for op in operations(spec):
        pages[op.page] = operation_page(spec, op)
    return pages


# ------------------------------------------------------------------------------------------ mkdocs events
def _fill_nav(items: list[Any], entries: list[Any]) -> bool:
    for item in items:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if title == NAV_TITLE:
                item[title] = entries
                return True
            if isinstance(value, list) and _fill_nav(value, entries):
                return True
    return False


def on_config(config: Any) -> Any:
    """Fill the "REST reference" nav section with the spec's operations."""
    load_spec.cache_clear()  # `mkdocs serve` rebuilds after the spec changed
    ops = operations(load_spec())
    entries: list[Any] = [f"{REST_DIR}/index.md", *({op.operation_id: op.page} for op in ops)]
    _fill_nav(config.get("nav") or [], entries)
    return config


def on_files(files: Files, config: Any) -> Files:
    """Add the generated pages (virtual files: nothing is written to ``docs/``)."""
    for src_uri, markdown in render_all().items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=markdown))
    return files


# ------------------------------------------------------------------------------------------ guide inserts
# Guide pages hold placeholders (HTML comments) that are replaced with text generated from the code,
# so the tables they show cannot drift from it.
PLACEHOLDER = re.compile(r"<!-- agora-cr:([a-z-]+) -->")


def exception_table() -> str:
    """Every exception class: its parent, the Agora codes and HTTP statuses that map to it, its doc."""
    from agora_cr import exceptions

    by_code: dict[str, list[str]] = {}
    for number, cls in exceptions.CODE_TABLE.items():
        by_code.setdefault(cls.__name__, []).append(str(number))
    by_status: dict[str, list[str]] = {}
    for status, cls in exceptions.STATUS_TABLE.items():
        by_status.setdefault(cls.__name__, []).append(str(status))
    public = {getattr(exceptions, n) for n in exceptions.__all__ if isinstance(getattr(exceptions, n), type)}

    def tree(cls: type) -> list[type]:  # depth first, in definition order
        children = [c for c in cls.__subclasses__() if c in public]
        return [cls] + [d for c in children for d in tree(c)]

    rows = []
    for cls in tree(exceptions.ClientException):
        name = cls.__name__
        parent = cls.__mro__[1].__name__
        if parent == "Exception":
            parent = ""
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        rows.append(
            [
                autoref(f"agora_cr.exceptions.{name}", name),
                code(parent) if parent else "",
                ", ".join(by_code.get(name, [])),
                ", ".join(by_status.get(name, [])),
                inline(doc.replace("``", "`")),
            ]
        )
    return html_table(
        ["Exception", "Parent", "Agora codes", "HTTP statuses", "Meaning"], rows, "rest-exceptions"
    )


def cli_help() -> str:
    """``agora-cr --help`` and the help of every sub-command, as printed."""
    import argparse
    import os

    from agora_cr import cli

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "90"  # argparse wraps to the terminal width; make it fixed
    try:
        parser = cli._parser()
        parser.prog = "agora-cr"
        out = ["```text", "$ agora-cr --help", parser.format_help().rstrip(), "```", ""]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out += [f"### `agora-cr {name}`", "", "```text", sub.format_help().rstrip(), "```", ""]
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return "\n".join(out)


INSERTS = {"exception-table": exception_table, "cli-help": cli_help}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        make = INSERTS.get(match.group(1))
        if make is None:
            raise ValueError(f"{page.file.src_uri}: unknown placeholder {match.group(0)}")
        return make()

    return PLACEHOLDER.sub(replace, markdown)
