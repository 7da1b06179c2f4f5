"""jsontext.dumps writes the very characters json.dumps(ensure_ascii=False, indent=...) writes."""
import json
import math
import random

import pytest

from newsgen import jsontext

STRINGS = ["", "plain", "Tëst “quotes”", 'quote " and \\ backslash', "tab\tnew\nline\r", "\x00\x1f\x7f",
           "\u2028\u2029", "emoji 🙂", "brackets {[,]} : inside", '"}, {"', "\\u0041 not an escape", "ü" * 50]
NUMBERS = [0, -1, 1, 10**30, -(10**20), 0.0, -0.0, 1.5, 1e-7, 1e22, 123456789.123, 2.5e-310,
           float("inf"), float("-inf"), float("nan"), True, False, None]


def random_value(rng, depth=0):
    roll = rng.random()
    if depth < 4 and roll < 0.25:
        return {rng.choice(STRINGS + ["k%d" % rng.randrange(9)]): random_value(rng, depth + 1) for _ in range(rng.randrange(5))}
    if depth < 4 and roll < 0.45:
        items = [random_value(rng, depth + 1) for _ in range(rng.randrange(5))]
        return tuple(items) if rng.random() < 0.2 else items
    return rng.choice(STRINGS + NUMBERS)


def same(obj, indent=1):
    assert jsontext.dumps(obj, indent=indent) == json.dumps(obj, ensure_ascii=False, indent=indent)


def test_random_nested_values_are_written_as_json_dumps_writes_them():
    rng = random.Random(5)
    for _ in range(3000):
        same(random_value(rng))
    for indent in (0, 2, 4):
        same(random_value(rng), indent)


def test_edge_values():
    for obj in [{}, [], (), "", None, 0, [[]], {"a": {}}, [{}], {"a": [[], {}, [1, [2, {"b": []}]]]},
                {1: "int key", 2.5: "float key", True: "bool", None: "none"}, {"k": float("nan")},
                ["\ud800 lone surrogate"], {"\udfff": 1}, [math.pi, -math.e], list(NUMBERS), list(STRINGS),
                {"claims": [{"id": "x", "speaker": {"id": "s", "known": True}, "topics": [], "n": 1.0}]}]:
        same(obj)


def test_subclasses_are_written_as_their_base_types():
    class Text(str):
        pass

    class Count(int):
        pass

    class Items(list):
        pass

    class Record(dict):
        pass

    same(Record(a=Items([Text("x"), Count(3)]), b=Items()))
    same([Count(1), Text("y"), Record()])


def test_what_json_dumps_refuses_is_refused():
    for obj in [{"a": object()}, [1, {1, 2}], {(1, 2): "tuple key"}]:
        with pytest.raises(TypeError):
            json.dumps(obj, ensure_ascii=False, indent=1)
        with pytest.raises(TypeError):
            jsontext.dumps(obj)


def test_without_the_c_encoder_the_same_text(monkeypatch):
    import json.encoder

    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    rng = random.Random(6)
    for _ in range(300):
        same(random_value(rng))
