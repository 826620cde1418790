"""Griffe extension: the members the API reference shows, as the code documents them.

The site inspects the package at runtime (``force_inspection``): it sees what ``help()`` sees, but not
what only the source says. This puts that back on load (the source is not touched):

* attribute docstrings: the ``#:`` comment above an assignment (or at its end), or a string literal
  right below it, in a module, a class body or a method (``self.name = ...``). A module attribute
  imported from a private module is looked up where it is assigned. Without one, an attribute has no
  docstring: the runtime ``__doc__`` of its value (``int``'s, an enum's, ``time.monotonic``'s) does
  not describe the attribute;
* attributes that only instances have: every dataclass field (with its annotation, default and
  docstring; one without a class-level default is no class attribute), and any other documented
  ``self.name`` or bare class-body annotation;
* the type of a property (inspection cannot read a property's signature: its getter's return
  annotation is the type);
* ``async``: inspection takes every function of a class for a plain method; a coroutine function
  gets its ``async`` label back;
* the operations of the mode clients: ``op`` (``agora_cr/modes/_op.py``) builds a blocking method on a
  blocking client and a coroutine method on an asyncio one, but both inherit one ``op`` from the mode's
  shared base. Each concrete client gets its own member, inspected on that client, in the order the
  mode declares them;
* what a class defines but its ``dir()`` hides (Python 3.11 hides the methods of a ``str`` enum);
* and a module shows its API only: what ``__all__`` lists or, without ``__all__``, what it defines
  (not the names it imports, not ``from __future__ import annotations``); never a type variable.

Members are placed in source order (their line numbers come from the source). List this extension
before ``ReSTToMarkdown`` in ``mkdocs.yml``, so that the docstrings found here are converted too.
"""

from __future__ import annotations

import ast
import collections
import dataclasses
import enum
import importlib.util
import inspect
import io
import tokenize
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, ParamSpec, TypeVar

from griffe import (
    Alias,
    Attribute,
    Class,
    Docstring,
    Extension,
    Function,
    Module,
    Object,
    ObjectNode,
    safe_get_annotation,
)


class _Assigned(NamedTuple):
    """One assignment found in the source."""

    doc: str | None
    lineno: int
    endlineno: int
    annotation: ast.expr | None
    value: str | None


class _Source(NamedTuple):
    """What one module file assigns (keys ``name``, ``Class.name``, ``Class.Inner.name``) and imports."""

    assigned: dict[str, _Assigned]
    imported: dict[str, tuple[str, str]]  # local name -> (module, name there)


def _comments(text: str) -> tuple[dict[int, str], set[int]]:
    """``#:`` comments by line, and the lines holding nothing else."""
    found: dict[int, str] = {}
    alone: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and token.string.startswith("#:"):
                line = token.start[0]
                found[line] = token.string[2:].removeprefix(" ").rstrip()
                if not token.line[: token.start[1]].strip():
                    alone.add(line)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found, alone


@cache
def _source(path: str, module: str, is_package: bool) -> _Source:
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        tree = ast.parse(text)
    except (OSError, SyntaxError, ValueError):
        return _Source({}, {})
    comments, alone = _comments(text)
    assigned: dict[str, _Assigned] = {}
    imported: dict[str, tuple[str, str]] = {}
    package = module if is_package else module.rpartition(".")[0]

    def doc_of(body: list[ast.stmt], index: int) -> str | None:
        stmt = body[index]
        above = []
        line = stmt.lineno - 1
        while line in alone:
            above.insert(0, comments[line])
            line -= 1
        if above:
            return "\n".join(above)
        if stmt.lineno in comments and stmt.lineno not in alone:
            return comments[stmt.lineno]
        after = body[index + 1] if index + 1 < len(body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            return inspect.cleandoc(after.value.value)
        return None

    def record(key: str, body: list[ast.stmt], index: int, annotation: ast.expr | None) -> None:
        stmt = body[index]
        value = getattr(stmt, "value", None)
        found = _Assigned(
            doc_of(body, index),
            stmt.lineno,
            stmt.end_lineno or stmt.lineno,
            annotation,
            ast.get_source_segment(text, value) if value is not None else None,
        )
        known = assigned.get(key)
        if known is None or (known.doc is None and found.doc is not None):
            assigned[key] = found

    def targets(stmt: ast.stmt) -> list[tuple[ast.expr, ast.expr | None]]:
        if isinstance(stmt, ast.Assign):
            return [(target, None) for target in stmt.targets]
        if isinstance(stmt, ast.AnnAssign):
            return [(stmt.target, stmt.annotation)]
        return []

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for index, stmt in enumerate(body):
            for target, annotation in targets(stmt):
                if isinstance(target, ast.Name):
                    record(prefix + target.id, body, index, annotation)
            if isinstance(stmt, ast.ClassDef):
                walk(stmt.body, f"{prefix}{stmt.name}.")
                for method in stmt.body:
                    if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                        methods(method, f"{prefix}{stmt.name}.")
            elif isinstance(stmt, ast.ImportFrom) and not prefix:
                base = stmt.module or ""
                if stmt.level:
                    parts = package.split(".")
                    parent = ".".join(parts[: len(parts) - stmt.level + 1])
                    base = f"{parent}.{base}" if base else parent
                for alias in stmt.names:
                    imported[alias.asname or alias.name] = (base, alias.name)
            elif isinstance(stmt, ast.If | ast.Try):
                walk(stmt.body, prefix)  # (``if TYPE_CHECKING:``, ``try: import``)

    def methods(function: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str) -> None:
        """``self.name = ...`` in a method (the first documented one wins)."""

        def visit(body: list[ast.stmt]) -> None:
            for index, stmt in enumerate(body):
                for target, annotation in targets(stmt):
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        record(prefix + target.attr, body, index, annotation)
                for field in ("body", "orelse", "finalbody"):
                    inner = getattr(stmt, field, None)
                    if isinstance(inner, list) and not isinstance(stmt, ast.FunctionDef | ast.ClassDef):
                        visit(inner)

        visit(function.body)

    walk(tree.body, "")
    return _Source(assigned, imported)


def _module_source(module: str) -> _Source:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return _Source({}, {})
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return _Source({}, {})
    return _source(spec.origin, module, spec.submodule_search_locations is not None)


def _assigned(obj: Object) -> _Assigned | None:
    """The source assignment of ``obj`` (an attribute of a module or a class), following re-exports."""
    module = obj.module.path
    key = obj.path[len(module) + 1 :]
    for _ in range(5):  # a name re-exported through a few packages at most
        source = _module_source(module)
        found = source.assigned.get(key)
        if found is not None or "." in key or key not in source.imported:
            return found
        module, key = source.imported[key]
    return None


def _docstring(text: str, obj: Object, agent: Any, lineno: int) -> Docstring:
    return Docstring(
        text,
        lineno=lineno,
        parent=obj,
        parser=getattr(agent, "docstring_parser", None),
        parser_options=getattr(agent, "docstring_options", None),
    )


def _returned(prop: Any, obj: Object) -> Any:
    """The return annotation of a property's getter (inspection cannot call a property's signature)."""
    getter = getattr(prop, "fget", None) or getattr(prop, "func", None)
    try:
        returned = inspect.signature(getter).return_annotation if getter is not None else None
    except (TypeError, ValueError):
        return None
    if not isinstance(returned, str):
        return None if returned in (None, inspect.Signature.empty) else getattr(returned, "__name__", None)
    try:
        expression = ast.parse(returned, mode="eval").body
    except SyntaxError:
        return returned
    parent = obj.parent if isinstance(obj.parent, Class | Module) else None
    return safe_get_annotation(expression, parent=parent) if parent is not None else returned


#: The type of a NamedTuple field on its class (``collections._tuplegetter``).
_TUPLE_FIELD = type(collections.namedtuple("_Pair", "first").first)

#: How a dataclass ``default_factory`` reads in a signature (instead of ``<factory>``).
_FACTORIES = {list: "[]", dict: "{}", tuple: "()", set: "set()"}


def _getter_lines(prop: Any, obj: Object) -> tuple[int | None, int | None]:
    """Where a property's getter is (inspection gives a property no line numbers)."""
    getter = inspect.unwrap(getattr(prop, "fget", None) or getattr(prop, "func", None) or prop)
    try:
        source = inspect.getsourcefile(getter)
        if source is None or Path(source).resolve() != Path(str(obj.module.filepath)).resolve():
            return None, None
        lines, first = inspect.getsourcelines(getter)
    except (OSError, TypeError):
        return None, None
    return first, first + len(lines) - 1


def _line(member: Object | Alias) -> float:
    lineno = member.alias_lineno if isinstance(member, Alias) else member.lineno
    return float("inf") if lineno is None else lineno


class MemberDocs(Extension):
    """See the module docstring."""

    def __init__(self) -> None:
        super().__init__()
        self._made: set[int] = set()

    def on_instance(
        self, *, node: ObjectNode | None = None, obj: Object, agent: Any = None, **kwargs: Any
    ) -> None:
        if isinstance(obj, Function) and node is not None and inspect.iscoroutinefunction(node.obj):
            obj.labels.add("async")  # (inspection takes any function of a class for a plain method)
        if not isinstance(obj, Attribute) or id(obj) in self._made:
            return
        if "property" in obj.labels:  # griffe keeps a property as an attribute, with its getter's docstring
            if node is not None:
                if obj.annotation is None:
                    obj.annotation = _returned(node.obj, obj)
                if obj.lineno is None:
                    obj.lineno, obj.endlineno = _getter_lines(node.obj, obj)
            return
        found = _assigned(obj)
        if found is None:
            obj.docstring = None
            return
        obj.lineno, obj.endlineno = found.lineno, found.endlineno
        obj.docstring = _docstring(found.doc, obj, agent, found.lineno) if found.doc else None
        if node is not None and inspect.ismemberdescriptor(node.obj):  # a slot set in ``__init__``
            obj.value = None
            obj.labels.discard("class-attribute")
            obj.labels.add("instance-attribute")
        elif node is not None and isinstance(node.obj, enum.Enum) and found.value is not None:
            obj.value = found.value  # ``"web"``, not ``<Mode.WEB: 'web'>``
        elif node is not None and isinstance(node.obj, _TUPLE_FIELD):  # a NamedTuple field
            obj.value = None
            obj.labels.discard("class-attribute")
            obj.labels.add("instance-attribute")
        if obj.annotation is None and found.annotation is not None and isinstance(obj.parent, Class | Module):
            obj.annotation = safe_get_annotation(found.annotation, parent=obj.parent)

    def on_module_members(self, *, node: ObjectNode, mod: Module, agent: Any, **kwargs: Any) -> None:
        """Keep a module's API: what ``__all__`` lists, or without it what the module defines (not the
        names it imports); never ``from __future__ import annotations`` or a type variable."""
        source = _module_source(mod.path)
        exported = getattr(node.obj, "__all__", None)
        for name, member in list(mod.members.items()):
            value = getattr(node.obj, name, None)
            if name.startswith("_") or inspect.ismodule(value):
                continue  # (private names are filtered by mkdocs.yml; submodules have their own pages)
            imported = source.imported.get(name)
            if exported is not None:
                drop = name not in exported
            else:
                drop = imported is not None and (member.is_alias or imported[0] == "__future__")
            if drop or isinstance(value, TypeVar | ParamSpec):
                mod.del_member(name)

    def on_class_members(self, *, node: ObjectNode, cls: Class, agent: Any, **kwargs: Any) -> None:
        runtime = node.obj
        if dataclasses.is_dataclass(runtime) and isinstance(runtime, type):
            self._fields(runtime, cls, node, agent)
        self._documented(runtime, cls, node, agent)
        self._operations(runtime, cls, node, agent)
        self._undiscovered(runtime, cls, node, agent)
        # Source order in the members themselves: a class shown through an alias (``agora_cr.testing.Fault``)
        # has members without line numbers, which keep this order.
        ordered = sorted(cls.members.items(), key=lambda item: _line(item[1]))
        cls.members.clear()
        cls.members.update(ordered)

    def _fields(self, runtime: type, cls: Class, node: ObjectNode, agent: Any) -> None:
        init = cls.members.get("__init__")
        factories = {field.name: field.default_factory for field in dataclasses.fields(runtime)}
        if isinstance(init, Function):
            for parameter in init.parameters:
                factory = factories.get(parameter.name, dataclasses.MISSING)
                if parameter.default == "<factory>" and factory is not dataclasses.MISSING:
                    name = getattr(factory, "__name__", "factory")
                    parameter.default = _FACTORIES.get(factory, f"{name}()")
        own = inspect.get_annotations(runtime)  # (its own fields; inherited ones are shown as inherited)
        for field in dataclasses.fields(runtime):
            if field.name not in own or field.name.startswith("_"):
                continue
            attribute = Attribute(field.name, analysis="dynamic")
            attribute.labels.add("instance-attribute")
            cls.set_member(field.name, attribute)
            found = _assigned(attribute)
            if found is not None:
                attribute.lineno, attribute.endlineno = found.lineno, found.endlineno
                attribute.value = found.value
                if found.annotation is not None:
                    attribute.annotation = safe_get_annotation(found.annotation, parent=cls)
                if found.doc:
                    attribute.docstring = _docstring(found.doc, attribute, agent, found.lineno)
            if attribute.annotation is None and isinstance(field.type, str):
                attribute.annotation = field.type
            self._made.add(id(attribute))
            agent.extensions.call("on_instance", node=node, obj=attribute, agent=agent)

    def _documented(self, runtime: type, cls: Class, node: ObjectNode, agent: Any) -> None:
        """Documented attributes that exist only on instances: ``self.name = ...`` in a method, or a
        bare annotation in the class body."""
        prefix = f"{runtime.__qualname__}."
        for key, found in _module_source(runtime.__module__).assigned.items():
            name = key[len(prefix) :]
            if not key.startswith(prefix) or "." in name or name.startswith("_") or not found.doc:
                continue
            if name in cls.members:
                continue
            attribute = Attribute(name, lineno=found.lineno, endlineno=found.endlineno, analysis="dynamic")
            attribute.labels.add("instance-attribute")
            if found.annotation is not None:
                attribute.annotation = safe_get_annotation(found.annotation, parent=cls)
            cls.set_member(name, attribute)
            attribute.docstring = _docstring(found.doc, attribute, agent, found.lineno)
            self._made.add(id(attribute))
            agent.extensions.call("on_instance", node=node, obj=attribute, agent=agent)

    def _undiscovered(self, runtime: type, cls: Class, node: ObjectNode, agent: Any) -> None:
        """What the class defines but its ``dir()`` hides (Python 3.11 leaves an enum's methods out)."""
        for name, value in vars(runtime).items():
            if name.startswith("_") or name in cls.members:
                continue
            if isinstance(value, type) or inspect.ismodule(value):
                continue  # (a class or a module held by a class is not inspected again: no cycles)
            agent.inspect(ObjectNode(value, name, parent=node))

    def _operations(self, runtime: type, cls: Class, node: ObjectNode, agent: Any) -> None:
        from agora_cr.modes._op import op

        for name in dir(runtime):
            if name.startswith("_") or name in runtime.__dict__:
                continue
            declared = inspect.getattr_static(runtime, name)
            if not isinstance(declared, op):
                continue
            owner = next(base for base in runtime.__mro__ if base.__dict__.get(name) is declared)
            agent.inspect(ObjectNode(getattr(runtime, name), name, parent=node))
            member = cls.members.get(name)
            found = _module_source(owner.__module__).assigned.get(f"{owner.__qualname__}.{name}")
            if member is not None and found is not None:
                member.lineno, member.endlineno = found.lineno, found.endlineno
