"""Griffe extension: render the package's reST-flavoured docstrings as Markdown.

The docstrings use a few reStructuredText habits that Markdown shows literally: ``Text::`` before a
literal block, roles such as ``:class:`Name```, and "definition" paragraphs (a term line followed by
an indented body, often a bullet list). This rewrites them on load; the source is not touched.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

_PYTHONISH = re.compile(r"^\s*(from |import |with |def |class |\w+(\.\w+)*\(|\w+ = )", re.M)
_ROLE = re.compile(r":(?:class|meth|func|data|attr|mod|obj|exc):`~?([^`]+)`")


def to_markdown(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        term = line and not line.startswith(" ") and nxt.startswith("    ") and nxt.strip()
        if line.rstrip().endswith("::"):
            # "Text::" introduces a literal block: keep the (indented) block as code.
            head = line.rstrip()[:-2].rstrip()
            if head:
                out.append(head + ":")
            out.append("")
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            lang = "python" if _PYTHONISH.search("\n".join(block)) else "text"
            out += [f"```{lang}", *block, "```", ""]
            continue
        if term:
            # A definition: the term in bold, the body dedented so lists render as lists.
            out += [f"**{line.strip()}**", ""]
            i += 1
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            out += to_markdown("\n".join(body)).splitlines()  # (a body has its own ``Text::`` blocks)
            out.append("")
            continue
        out.append(line)
        i += 1
    return _ROLE.sub(r"`\1`", "\n".join(out))


class ReSTToMarkdown(Extension):
    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
