"""The one store a build keeps between runs: JSON in SQLite, in the project, never through a link."""
import json
import random
import shutil
from pathlib import Path

import pytest

from newsgen import codec
from newsgen.build import SeedResult, build, collect, make_timeline, process_seed
from newsgen.cache import cached
from newsgen.model import Timeline
from newsgen.store import FILE, Store, at

REPO = Path(__file__).resolve().parents[1]


def through_json(value, hint):
    return codec.decode(json.loads(json.dumps(codec.encode(value))), hint)


@pytest.fixture(scope="module")
def collected():
    return collect(REPO / "seeds", REPO / "content", process_seed, jobs=1)


def test_real_seed_results_and_timeline_come_back_equal(collected):
    config, results, _ = collected
    assert results and all(r.story is not None for r in results)
    for r in results:
        assert through_json(r, SeedResult) == r
    timeline = make_timeline(config, results)
    assert through_json(timeline, Timeline) == timeline


def test_a_value_of_another_shape_is_refused_not_guessed():
    with pytest.raises(ValueError):
        codec.decode(["only one field"], SeedResult)
    with pytest.raises(ValueError):
        codec.decode("2024-01-01", int)


@pytest.mark.parametrize("data, hint", [
    ([1, 2, True], tuple[int, int, int]),  # JSON's true is not a number
    ([1, 2], tuple[int, int, int]),
    ([1, 2.5, 3], tuple[int, int, int]),
    (["a", 1], tuple[str, ...]),
    ([["a", [1, 2, "3"]]], dict[str, tuple[int, int, int]]),
    ([[1, "a"]], dict[str, str]),
    ("1.5", float),
    (True, float),
    ([None], frozenset[str]),
    ({"a": 1}, list[int]),
])
def test_every_value_is_checked_against_its_type(data, hint):
    with pytest.raises(ValueError):
        codec.decode(data, hint)


def test_a_record_read_back_is_a_whole_dataclass(collected):
    # Made without calling __init__: each field set, equal and hashable as the original.
    _, results, _ = collected
    claim = next(c for r in results for c in r.claims if c.quantities)
    back = through_json(claim, type(claim))
    assert back == claim and hash(back) == hash(claim) and back.quantities == claim.quantities
    with pytest.raises(AttributeError):
        back.text = "changed"  # still frozen


def test_records_round_trip_and_a_broken_one_is_missing(tmp_path, collected):
    _, results, _ = collected
    s = Store(tmp_path / "cache")
    s.put("seed", "k", results[0])
    assert s.get("seed", "k", SeedResult) == results[0]
    assert s.get("seed", "other", SeedResult) is None
    assert s.get("seed", "k", Timeline) is None  # another shape: missing, not an error
    assert (tmp_path / "cache" / FILE).is_file()


def test_a_store_folder_that_is_a_link_is_never_written_through(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache").symlink_to(tmp_path / "elsewhere")
    s = Store(tmp_path / "cache")
    s.put("seed", "k", "value")
    assert s.get("seed", "k", str) is None
    assert list((tmp_path / "elsewhere").iterdir()) == []


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_cached_rebuild_after_a_random_edit_is_byte_identical_to_an_uncached_build(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    shutil.copytree(REPO / "seeds", seeds)
    shutil.copytree(REPO / "content", content)
    cache = tmp_path / ".newsgen-cache"
    build(seeds, content, tmp_path / "site", process=cached(process_seed, cache))
    rng = random.Random(18)
    victim = rng.choice(sorted(seeds.iterdir()))
    paragraphs = victim.read_text("utf-8").split("\n\n")
    rest = paragraphs[1:]
    rng.shuffle(rest)  # keep the title first, reorder the rest, and add a claim
    rest.insert(rng.randrange(len(rest) + 1), "The ministry said on Tuesday that 1,200 more troops had arrived.")
    victim.write_text("\n\n".join(paragraphs[:1] + rest), "utf-8")
    c = cached(process_seed, cache)
    build(seeds, content, tmp_path / "site", process=c)
    assert (c.reused, c.processed) == (len(list(seeds.iterdir())) - 1, 1)
    build(seeds, content, tmp_path / "clean")
    assert _tree(tmp_path / "site") == _tree(tmp_path / "clean")
    assert at(cache).keys("manifest") and at(cache).keys("pages")


def test_records_read_together_share_their_equal_texts_and_skip_a_broken_one(tmp_path, collected):
    _, results, _ = collected
    s = Store(tmp_path / "cache")
    s.put_many("seed", [("a", results[0]), ("b", results[0]), ("c", results[1])])
    s._open().execute("UPDATE records SET value = '[1,' WHERE key = 'c'")
    back = s.get_many("seed", ["a", "b", "c", "d"], SeedResult)
    assert set(back) == {"a", "b"} and back["a"] == back["b"] == results[0]
    first, second = back["a"].claims[0], back["b"].claims[0]
    assert first is not second and first.text is second.text
    assert first.reports[0].sentence is first.text or first.reports[0].sentence != first.text
    # One at a time, nothing is shared beyond what JSON gives.
    assert s.get("seed", "a", SeedResult).claims[0].text is not first.text
