"""Merging gives exactly what comparing every claim with every merged claim gives,
with the predicate as it was written before merging read precomputed facts."""
import datetime as dt
import random

from newsgen import timeline
from newsgen.model import Claim, Quantity, Report, Speaker
from newsgen.timeline import (
    MERGE_MAX_LAG_DAYS, MERGE_MIN_SHARED, MERGE_MIN_SHARED_SAME_DAY, MERGE_OVERLAP, RANGE_MIN_SHARED,
    SPECIFIC_FIGURE, UNDATED_OVERLAP, _distinctive, _figures, _span, same_quotation,
)


def reference_same_statement(a, b, common=frozenset()):
    """same_statement as first written: every test in its original order."""
    if a.speaker is None or b.speaker is None or timeline.merge_speaker(a) != timeline.merge_speaker(b):
        return False
    fa, fb = _figures(a.quantities), _figures(b.quantities)
    if fa and fb and not fa & fb:
        return False
    if not {r.story for r in b.reports}.isdisjoint([r.story for r in a.reports]):
        return False
    wa, wb = _distinctive(a.text, a.speaker.name, common), _distinctive(b.text, a.speaker.name, common)
    shared = wa & wb
    overlap = len(shared) / (min(len(wa), len(wb)) or 1)
    sa, sb = _span(a), _span(b)
    if sa and sb:
        if sa[0] > sb[1] or sb[0] > sa[1]:
            return False
        same_figure = any(v >= SPECIFIC_FIGURE for v in fa & fb) or (bool(fa & fb) and len(shared) >= RANGE_MIN_SHARED)
        if a.said_on and b.said_on or timeline.day_in_week(a, b):
            return same_figure or (len(shared) >= MERGE_MIN_SHARED_SAME_DAY and overlap >= MERGE_OVERLAP)
        return same_figure
    if len(shared) < MERGE_MIN_SHARED:
        overlap = 0.0
    known = a.said_on or b.said_on
    undated = b if a.said_on else a
    if known and undated.placed_on and not (0 <= (undated.placed_on - known).days <= MERGE_MAX_LAG_DAYS):
        return False
    return same_quotation(a, b) or overlap >= UNDATED_OVERLAP


def reference_merge(claims):
    common = timeline.common_words(claims)
    merged = []
    for claim in claims:
        for i, m in enumerate(merged):
            if reference_same_statement(m, claim, common):
                merged[i] = timeline._combine(m, claim)
                break
        else:
            merged.append(claim)
    return merged


# One id, two spellings: the first merged claim's spelling is the one left out of the words.
SPEAKERS = [Speaker("kirby", "John Kirby"), Speaker("kirby", "Kirby"), Speaker("ryder", "Pat Ryder"),
            Speaker("kim", "Kim Yong-hyun"), Speaker("un", "United Nations", kind="organization")]
VOCAB = [f"{a}{b}{c}" for a in ("troop", "front", "drone", "border", "shell", "convoy") for b in "aeiou" for c in ("s", "ing", "")]
STOPS = "the said it is what they were and that was".split()


def varied_corpus(seed, n=500):
    """Days, weeks and months, undated reports, quotes (some all stop words), small and
    specific figures, claims already reported twice, unattributed ones."""
    rng = random.Random(seed)
    statements = [rng.sample(VOCAB, 7) for _ in range(30)]
    days = [dt.date(2024, 10, 1) + dt.timedelta(days=d) for d in range(20)]
    claims = []
    for i in range(n):
        speaker = rng.choice(SPEAKERS) if rng.random() < 0.93 else None
        base = rng.choice(statements)
        words = [w for w in base if rng.random() < 0.8] + rng.sample(VOCAB, rng.randrange(3))
        if rng.random() < 0.4 and speaker:
            # Under either spelling the text may give the full name.
            words.insert(0, rng.choice(["John Kirby", "John Kirby said"]) if speaker.id == "kirby" else speaker.name)
        text = " ".join(words)
        quote = rng.choice([None, None, " ".join(base), " ".join(STOPS), " ".join(STOPS[2:] + base[:2])])
        kind = rng.random()
        said = date_range = precision = None
        placed = rng.choice(days + [None])
        if kind < 0.5:
            said = rng.choice(days)
            placed = said
            precision = "day"
        elif kind < 0.65:
            start = rng.choice(days)
            precision = rng.choice(["week", "month", "year"])
            date_range = (start, start + dt.timedelta(days=6 if precision == "week" else 29))
        figures = rng.choice([(), (), (Quantity(2.0, text="two"),), (Quantity(1500.0, text="1,500"),),
                              (Quantity(3000.0, low=2000, high=3000, text="2,000 to 3,000"),),
                              (Quantity(12.0, text="12"), Quantity(1500.0, text="1,500"))])
        story = f"story-{i // 4}"
        reports = (Report(story, text, i % 4),)
        if rng.random() < 0.1:
            reports += (Report(f"other-{i}", text, 0),)
        claims.append(Claim(f"c{i}", speaker, said, "test" if said else rng.choice([None, "range"]), text,
                            quote=quote, hedged=rng.random() < 0.2, topics=tuple(rng.sample("abc", rng.randrange(3))),
                            quantities=figures, reports=reports, date_precision=precision, date_range=date_range,
                            placed_on=placed))
    return claims


def test_merge_equals_the_all_pairs_reference_on_varied_claims():
    merges = 0
    for seed in range(6):
        claims = varied_corpus(seed)
        expected = reference_merge(claims)
        assert timeline.merge_claims(claims) == expected
        merges += len(claims) - len(expected)
    assert merges > 200, "the corpora should make merges happen"


def test_same_statement_equals_the_reference_on_every_pair():
    claims = varied_corpus(11, 160)
    common = timeline.common_words(claims)
    agree = 0
    for a in claims:
        for b in claims:
            expected = reference_same_statement(a, b, common)
            assert timeline.same_statement(a, b, common) == expected
            agree += expected
    assert agree > 100


def test_a_body_is_one_speaker_however_outlets_name_it():
    def body(name):
        return Claim(id=name, speaker=Speaker(id=name.lower(), name=name, kind="organization"), said_on=None, date_basis=None, text="t",
                     reports=(Report(story="s", sentence="t", paragraph=0),))
    assert timeline.merge_speaker(body("Ukraine's General Staff")) == timeline.merge_speaker(body("General Staff"))
    assert timeline.merge_speaker(body("Security Service of Ukraine (SBU)")) == timeline.merge_speaker(body("Security Service of Ukraine"))
    assert timeline.merge_speaker(body("General Staff")) != timeline.merge_speaker(body("Security Service of Ukraine"))


def stock_lines(n):
    """What wire copy repeats under one speaker: a background line spanning a month,
    with no figure, in every article (never one statement: no day, no figure), and a
    short undated line with one of three figures (too few words to be one statement
    undated) — with, among them, a real statement told on one day by several outlets."""
    june = (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    russia = Speaker("russia", "Russia", kind="organization")
    claims = []
    for i in range(n):
        story = f"story-{i}"
        claims.append(Claim(f"m{i}", russia, None, None, "Russia and North Korea signed a mutual defence treaty in June, "
                            "pledging to assist each other if attacked.", reports=(Report(story, "", 0),),
                            date_precision="month", date_range=june, placed_on=dt.date(2024, 10, 1 + i % 28)))
        figure = 100.0 * (1 + i % 3)
        claims.append(Claim(f"u{i}", russia, None, None, f"More than {figure:.0f} casualties were counted in recent weeks.",
                            quantities=(Quantity(figure, text=f"{figure:.0f}"),), reports=(Report(story, "", 1),),
                            placed_on=dt.date(2024, 10, 1 + i % 28)))
        if i % 10 == 0:
            claims.append(Claim(f"d{i}", russia, dt.date(2024, 10, 20), "test", "Moscow denied that foreign soldiers "
                                "were fighting on its territory near Kursk.", reports=(Report(story, "", 2),),
                                date_precision="day", placed_on=dt.date(2024, 10, 21)))
    return claims


def test_a_stock_line_repeated_by_every_article_is_not_compared_with_all_its_copies(monkeypatch):
    claims = stock_lines(300)
    expected = reference_merge(claims)
    calls = []
    real = timeline._same
    monkeypatch.setattr(timeline, "_same", lambda *a: calls.append(1) or real(*a))
    merged = timeline.merge_claims(claims)
    assert merged == expected
    # The stock lines stay one claim per article; the statement told on one day is one.
    assert len(merged) == 2 * 300 + 1
    assert [len(c.reports) for c in merged if c.said_on] == [30]
    # Comparing each line with every earlier copy would be 300 * 299 per kind.
    assert len(calls) < 2 * 300
