"""Frozen dataclasses to JSON values and back, driven by their type hints.

What the build keeps between runs (newsgen.store) must be data that cannot run
code when read back, as Python's own object format can. The model's dataclasses hold only str, int,
float, bool, None, dates, bytes, tuples, frozensets, dicts and other dataclasses,
so their type hints say everything needed to rebuild them from plain JSON:

- a dataclass is a list of its fields' values in declaration order;
- tuple, list, frozenset and set are lists (frozensets sorted, so equal sets
  give equal text); a dict is a list of [key, value] pairs (keys need not be str);
- dates are ISO text, bytes are base64 text; `X | None` is the value or null;
- `Any` keeps what JSON gives, with lists read back as tuples.

A value that does not fit its type raises ValueError on decoding: the store
treats such a record as missing.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import sys
import threading
import types
import typing
from functools import lru_cache
from typing import Any, Callable, Iterable


def encode(value: Any) -> Any:
    """value as JSON-ready lists, dicts of str, numbers, text, booleans and null."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in _fields(type(value))]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (frozenset, set)):
        items = [encode(v) for v in value]
        try:
            return sorted(items)  # numbers or text: the common case, and quick
        except TypeError:
            return sorted(items, key=_order)
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return [[encode(k), encode(v)] for k, v in value.items()]
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(data: Any, hint: Any) -> Any:
    """The value of type `hint` that encode() turned into data."""
    return _decoder(hint)(data)


def decode_many(items: Iterable[Any], hint: Any) -> list[Any]:
    """decode() of each item, or None where an item does not fit; equal texts among
    them come back as one object. Records repeat their texts (a claim's sentence in
    each report, a unit, a speaker's name, a day's basis): a 5,000-article store read
    back this way (newsgen.store.get_many) takes 74 MB, not 138."""
    decode_one = _decoder(hint)
    _texts.shared = {}
    out: list[Any] = []
    try:
        for data in items:
            try:
                out.append(decode_one(data))
            except (ValueError, TypeError, KeyError, RecursionError):
                out.append(None)
    finally:
        _texts.shared = None
    return out


# The texts decode_many has seen, in this thread (None outside decode_many).
_texts = threading.local()
_texts.shared = None


def _order(v: Any) -> tuple:
    import json

    return (json.dumps(v, sort_keys=True),)


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return tuple(f for f in dataclasses.fields(cls))


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    # Hints are strings (from __future__ import annotations) and may name types
    # imported only for type checking: those are looked up in the model and build.
    import newsgen.model

    names: dict[str, Any] = dict(vars(newsgen.model))
    for module in ("newsgen.config", "newsgen.seeds", "newsgen.build", "newsgen.similar"):
        if module in sys.modules:
            names.update(vars(sys.modules[module]))
    names.update(vars(sys.modules[cls.__module__]))
    return typing.get_type_hints(cls, globalns=names)


_cache: dict[Any, Callable[[Any], Any]] = {}


def _decoder(hint: Any) -> Callable[[Any], Any]:
    try:
        return _cache[hint]
    except (KeyError, TypeError):
        pass
    made = _make(hint)
    try:
        _cache[hint] = made
    except TypeError:
        pass
    return made


def _make(hint: Any) -> Callable[[Any], Any]:
    # JSON gives exact types (a number is int or float, never bool), so each check is
    # one `type(d) is` test: the store decodes a 5,000-article build's records each rebuild.
    if hint is Any or hint is object:
        return _plain
    if hint is type(None) or hint is None:
        return _exact(type(None))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if hint is str:
        return _text
    if hint in (bool, int):
        return _exact(hint)
    if hint is float:
        return _float
    if hint is bytes:
        return _expect(lambda d: isinstance(d, str), lambda d: base64.b64decode(d.encode("ascii"), validate=True))
    if hint is dt.datetime:
        return _expect(lambda d: isinstance(d, str), dt.datetime.fromisoformat)
    if hint is dt.date:
        return _expect(lambda d: isinstance(d, str), dt.date.fromisoformat)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        allowed = frozenset(args)
        return _expect(lambda d: d in allowed, lambda d: d)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            inner = _decoder(options[0])
            return lambda d: None if d is None else inner(d)
        decoders = [_decoder(a) for a in options]

        def union(d: Any) -> Any:
            if d is None and len(options) < len(args):
                return None
            for dec in decoders:
                try:
                    return dec(d)
                except (ValueError, TypeError):
                    continue
            raise ValueError(f"no type of {hint} fits {d!r}")
        return union
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(tuple, args[0])
        items = [_decoder(a) for a in args]
        kinds = [_SCALAR.get(a) for a in args]
        if all(kinds):
            def scalars(d: Any) -> tuple:
                if type(d) is not list or list(map(type, d)) != kinds:
                    raise ValueError(f"expected {len(kinds)} values of {hint}")
                return tuple(d)
            return scalars

        def fixed(d: Any) -> tuple:
            if type(d) is not list or len(d) != len(items):
                raise ValueError(f"expected {len(items)} values")
            return tuple([dec(v) for dec, v in zip(items, d)])
        return fixed
    if origin in (list, frozenset, set):
        return _sequence(origin, args[0] if args else Any)
    if origin is dict:
        key, value = (_decoder(a) for a in args) if args else (_plain, _plain)
        if args and _SCALAR.get(args[0]) is str:
            def by_text(d: Any) -> dict:
                # Pairs of [text, value]: the keys checked in one pass.
                if type(d) is not list or any(type(p) is not list or len(p) != 2 for p in d):
                    raise ValueError(f"unexpected value {d!r:.60}")
                made = dict(d)
                if len(made) != len(d) or {type(k) for k in made} - {str}:
                    raise ValueError("keys must be distinct text")
                return {k: value(v) for k, v in made.items()}
            return by_text

        def mapping(d: Any) -> dict:
            if type(d) is not list:
                raise ValueError(f"unexpected value {d!r:.60}")
            return {key(k): value(v) for k, v in d}
        return mapping
    if isinstance(hint, typing.TypeVar):
        return _plain
    raise TypeError(f"cannot decode {hint!r}")


# Types whose JSON value is the value itself: a list of them is checked in one pass.
_SCALAR: dict[Any, type] = {str: str, int: int, bool: bool}


def _sequence(kind: type, hint: Any) -> Callable[[Any], Any]:
    scalar = _SCALAR.get(hint)
    if scalar is not None:
        def scalars(d: Any) -> Any:
            if type(d) is not list or {type(v) for v in d} - {scalar}:
                raise ValueError(f"unexpected value {d!r:.60}")
            shared = getattr(_texts, "shared", None) if scalar is str else None
            return kind(d) if shared is None else kind([shared.setdefault(v, v) for v in d])
        return scalars
    item = _decoder(hint)

    def items(d: Any) -> Any:
        if type(d) is not list:
            raise ValueError(f"unexpected value {d!r:.60}")
        return kind([item(v) for v in d])
    return items


def _exact(kind: type) -> Callable[[Any], Any]:
    def check(d: Any) -> Any:
        if type(d) is not kind:
            raise ValueError(f"unexpected value {d!r:.60}")
        return d
    return check


def _text(d: Any) -> str:
    if type(d) is not str:
        raise ValueError(f"unexpected value {d!r:.60}")
    shared = getattr(_texts, "shared", None)
    return d if shared is None else shared.setdefault(d, d)


def _float(d: Any) -> float:
    t = type(d)
    if t is float:
        return d
    if t is int:
        return float(d)
    raise ValueError(f"unexpected value {d!r:.60}")


def _dataclass(cls: type) -> Callable[[Any], Any]:
    fields: list = []
    names: list[str] = []
    # A frozen dataclass's __init__ sets each field through object.__setattr__; a class
    # with no __post_init__ and no slots can instead have its __dict__ filled directly
    # (every field was just checked), and one whose fields all go to __init__ is
    # called with them in order.
    direct = not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    in_order: list[bool] = []

    def decode_one(d: Any) -> Any:
        if not fields:  # worked out on first use: the class may refer to itself
            hints = _hints(cls)
            fields.extend((f.name, _decoder(hints[f.name]), f.init) for f in _fields(cls))
            names.extend(f.name for f in _fields(cls))
            in_order.append(all(f.init for f in _fields(cls)))
        if type(d) is not list or len(d) != len(fields):
            raise ValueError(f"{cls.__name__}: expected {len(fields)} fields")
        values = [dec(v) for (_, dec, _), v in zip(fields, d)]
        if direct:
            made = object.__new__(cls)
            made.__dict__.update(zip(names, values))
            return made
        if in_order[0]:
            return cls(*values)
        made = cls(**{name: v for (name, _, init), v in zip(fields, values) if init})
        for (name, _, init), v in zip(fields, values):
            if not init:
                object.__setattr__(made, name, v)
        return made
    return decode_one


def _expect(test: Callable[[Any], bool], make: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def check(d: Any) -> Any:
        if not test(d):
            raise ValueError(f"unexpected value {d!r:.60}")
        return make(d)
    return check


def _plain(d: Any) -> Any:
    if isinstance(d, list):
        return tuple(_plain(v) for v in d)
    return d
