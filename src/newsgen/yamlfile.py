"""YAML that remembers where each value stood, so errors can name file and line."""
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


class _Loader(yaml.SafeLoader):
    pass


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
    try:
        node = yaml.compose(text, Loader=_Loader)
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
    try:
        data = _build(node, (), lines, constructor)
    except (yaml.YAMLError, ValueError, TypeError) as e:
        return None, (Problem(file, f"YAML error: {e}", node.start_mark.line + 1),)
    return Located(file, data, lines), ()


def _build(node: yaml.Node, path: tuple, lines: dict, c: yaml.SafeLoader) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        c.flatten_mapping(node)
        out: dict = {}
        for k, v in node.value:
            key = c.construct_object(k, deep=True)
            if not isinstance(key, (str, int, float, bool, dt.date)):
                raise ValueError(f"line {k.start_mark.line + 1}: a mapping key must be a plain value")
            key = str(key) if not isinstance(key, str) else key
            lines[path + (key,)] = k.start_mark.line + 1
            out[key] = _build(v, path + (key,), lines, c)
            lines[path + (key,)] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, path + (i,), lines, c) for i, v in enumerate(node.value)]
    return c.construct_object(node, deep=True)
