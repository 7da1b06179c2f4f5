"""JSON text exactly as json.dumps(obj, ensure_ascii=False, indent=1) writes it, faster.

With an indent, the standard library falls back to its pure-Python encoder (the C
encoder only writes compact text), which walks every value through generators: most
of the time spent writing the tens of megabytes of data/claims.json. Here only the
containers are walked in Python. A container holding no container is written whole by
the C encoder, whose item separator can carry the line break and indent of its depth;
only the brackets' own line breaks are added around it. Scalars beside containers are
written the way the standard encoder writes them.
"""
from __future__ import annotations

import json.encoder
from typing import Any

_CONTAINERS = (list, tuple, dict)
# Exactly these types, not subclasses: a container of them holds no container.
_SCALARS = frozenset({str, int, float, bool, type(None)})
_str = json.encoder.encode_basestring  # the C function when _json is built, as json.dumps uses
_INF = float("inf")


def _float(v: float) -> str:
    # As json.dumps with allow_nan: the JavaScript names for non-finite numbers.
    if v != v:
        return "NaN"
    if v == _INF:
        return "Infinity"
    if v == -_INF:
        return "-Infinity"
    return float.__repr__(v)


def _scalar(v: Any) -> str:
    # The standard encoder's order: a bool is an int, so True/False come first.
    if isinstance(v, str):
        return _str(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return int.__repr__(v)
    if isinstance(v, float):
        return _float(v)
    raise TypeError(f"Object of type {v.__class__.__name__} is not JSON serializable")


def _key(k: Any) -> str:
    # json.dumps writes a number, bool or None key as the quoted text of that value.
    if isinstance(k, str):
        return _str(k)
    if k is None or isinstance(k, (int, float)):
        return '"' + _scalar(k) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


class _Writer:
    def __init__(self, indent: int) -> None:
        self.indent = indent
        self.breaks: list[str] = []  # breaks[d]: a line break and the indent of depth d
        self.flat: list[Any] = []  # flat[d]: the C encoder whose items sit at depth d
        self.keys: dict[str, str] = {}  # a str key as written, with the key separator

    def _depth(self, d: int) -> None:
        while len(self.breaks) <= d:
            n = len(self.breaks)
            self.breaks.append("\n" + " " * (self.indent * n))
            make = json.encoder.c_make_encoder
            self.flat.append(make(None, None, _str, None, ": ", "," + self.breaks[n], False, False, True) if make else None)

    def write(self, obj: Any, depth: int, out: list[str]) -> None:
        if isinstance(obj, (list, tuple)):
            if not obj:
                out.append("[]")
                return
            items = obj
        elif isinstance(obj, dict):
            if not obj:
                out.append("{}")
                return
            items = obj.values()
        else:
            out.append(_scalar(obj))
            return
        inner = depth + 1
        if inner >= len(self.breaks):
            self._depth(inner)
        breaks = self.breaks
        flat = self.flat[inner]
        if flat is not None and _SCALARS.issuperset(map(type, items)):
            text = "".join(flat(obj, 0))
            out.append(text[0] + breaks[inner] + text[1:-1] + breaks[depth] + text[-1])
            return
        sep = "," + breaks[inner]
        append = out.append
        if isinstance(obj, dict):
            keys = self.keys  # a record's keys come back in every record
            append("{" + breaks[inner])
            first = True
            for k, v in obj.items():
                if not first:
                    append(sep)
                first = False
                key = keys.get(k) if type(k) is str else None
                if key is None:
                    key = _key(k) + ": "
                    if type(k) is str:
                        keys[k] = key
                append(key)
                if type(v) is str:
                    append(_str(v))
                elif v is None:
                    append("null")
                elif isinstance(v, _CONTAINERS):
                    self.write(v, inner, out)
                else:
                    append(_scalar(v))
            append(breaks[depth] + "}")
        else:
            append("[" + breaks[inner])
            first = True
            for v in obj:
                if not first:
                    append(sep)
                first = False
                if isinstance(v, _CONTAINERS):
                    self.write(v, inner, out)
                else:
                    append(_scalar(v))
            append(breaks[depth] + "]")


def dumps(obj: Any, indent: int = 1) -> str:
    """json.dumps(obj, ensure_ascii=False, indent=indent), character for character."""
    out: list[str] = []
    _Writer(indent).write(obj, 0, out)
    return "".join(out)
