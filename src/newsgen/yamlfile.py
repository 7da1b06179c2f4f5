"""YAML that remembers where each value stood, so errors can name file and line.

Content files are small and hand-written, so the loader refuses what only a
mistake or an attack produces: files over MAX_BYTES, more than MAX_ALIASES
aliases, more than MAX_NODES values once aliases are expanded ("billion laughs"),
nesting deeper than MAX_DEPTH, and the same key twice in one mapping. A scalar
that YAML cannot construct (a date like 2024-13-45) stays text, so the field's
own check reports it at its line instead of the whole file being lost.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from newsgen.model import Problem

Path_ = tuple  # a path into the document: ("people", 2, "role")


@dataclass(frozen=True)
class Located:
    """A parsed YAML document plus the 1-based line of every mapping key and item."""

    file: str
    data: Any
    lines: dict[tuple, int]

    def line(self, *path: Any) -> int | None:
        # Fall back to the nearest enclosing value that has a line.
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


MAX_BYTES = 1_000_000
MAX_ALIASES = 100
MAX_NODES = 100_000
MAX_DEPTH = 40


class LimitExceeded(yaml.YAMLError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message, self.line = message, line


class _Loader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise LimitExceeded(f"more than {MAX_ALIASES} aliases (*name); write the values out", self.peek_event().start_mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise LimitExceeded(f"nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Plain YAML 1.1 reads `no` and `on` as booleans; an outlet called "NO" must stay a string.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse(text: str, file: str) -> tuple[Located | None, tuple[Problem, ...]]:
    """Parse YAML text; a syntax error becomes a Problem with its line."""
    if len(text) > MAX_BYTES:
        return None, (Problem(file, f"larger than {MAX_BYTES // 1000} kB; a content file this big is a mistake"),)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except LimitExceeded as e:
        return None, (Problem(file, f"YAML refused: {e.message}", e.line),)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        what = e.problem or str(e)
        if e.context and e.context_mark and e.context_mark is not mark:
            what += f" ({e.context} that starts at line {e.context_mark.line + 1})"
        return None, (Problem(file, f"YAML syntax error: {what}", line),)
    except yaml.YAMLError as e:
        return None, (Problem(file, f"YAML error: {e}"),)
    if node is None:
        return Located(file, None, {}), ()
    lines: dict[tuple, int] = {}
    constructor = _Loader("")
    problems: list[Problem] = []
    try:
        data = _build(node, (), lines, constructor, problems, file, [0])
    except LimitExceeded as e:
        return None, (Problem(file, f"YAML refused: {e.message}", e.line),)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as e:
        return None, (Problem(file, f"YAML error: {e}", node.start_mark.line + 1),)
    return Located(file, data, lines), tuple(problems)


def _build(node: yaml.Node, path: tuple, lines: dict, c: yaml.SafeLoader, problems: list, file: str, count: list) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise LimitExceeded(f"more than {MAX_NODES} values once aliases are expanded", node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise LimitExceeded(f"nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
    lines[path] = node.start_mark.line + 1
    if node.tag not in c.yaml_constructors:
        # !!python/object and the like: a safe loader cannot build them, and reading
        # the text under the tag instead would silently put it where the value goes.
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(Problem(file, f"YAML tag {tag} is not allowed (content files hold plain values); value left out",
                                node.start_mark.line + 1))
        return None
    if isinstance(node, yaml.MappingNode):
        c.flatten_mapping(node)
        out: dict = {}
        for k, v in node.value:
            key = _scalar(k, c)
            if not isinstance(key, (str, int, float, bool, dt.date)):
                raise ValueError(f"line {k.start_mark.line + 1}: a mapping key must be a plain value")
            key = str(key) if not isinstance(key, str) else key
            if key in out:
                problems.append(Problem(file, f"key '{key}' appears twice in one mapping (first at line {lines[path + (key,)]}); "
                                              f"this one is ignored: remove one", k.start_mark.line + 1))
                continue
            lines[path + (key,)] = k.start_mark.line + 1
            out[key] = _build(v, path + (key,), lines, c, problems, file, count)
            lines[path + (key,)] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, path + (i,), lines, c, problems, file, count) for i, v in enumerate(node.value)]
    return _scalar(node, c)


def _scalar(node: yaml.Node, c: yaml.SafeLoader) -> Any:
    """The scalar's value; one YAML cannot construct (2024-13-45, 0001-99-01) stays its text."""
    if not isinstance(node, yaml.ScalarNode):
        return c.construct_object(node, deep=True)
    try:
        return c.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        return node.value
