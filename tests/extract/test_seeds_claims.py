"""The claim extractor on the five seed articles, against the answer key.

The key (tests/fixtures/answer_key/seeds.yaml, a copy of shared/gold) says which
claims an editor expects, with speaker, statement day, figures and hedging. Every
expected claim must be found; every date given must be right or left unknown (a
wrong day is worse than none), and at least 30 of the 32 dated ones must be right.
"""
import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from newsgen.build import apply_metadata
from newsgen.config import load_config
from newsgen.extract import extract_claims
from newsgen.load import load_story

REPO = Path(__file__).resolve().parents[2]
KEY = yaml.safe_load((REPO / "tests" / "fixtures" / "answer_key" / "seeds.yaml").read_text("utf-8"))
CONFIG, _ = load_config(REPO / "content")


def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}.items():
        text = text.replace(a, b)
    text = re.sub(r"[-\u2010-\u2015_/]", " ", text.lower())
    text = re.sub(r"[^\w\s,.'\"$%]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seeds():
    out = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        story, _ = load_story(path)
        story = apply_metadata(story, CONFIG.seed_meta(story.id), CONFIG)
        out[story.id] = (story, extract_claims(story, CONFIG.people, CONFIG.story.topics, CONFIG.outlets))
    return out


def matching(gold, claims):
    hits = []
    for c in claims:
        blob = norm(" ".join([c.text, c.quote or ""] + [r.sentence for r in c.reports]))
        if not any(norm(k) in blob for k in gold["keywords"]):
            continue
        if gold.get("speaker") and not (c.speaker and any(norm(s) in norm(c.speaker.name) for s in gold["speaker"])):
            continue
        if gold.get("numbers"):
            have = {v for q in c.quantities for v in (q.value, q.low, q.high) if v is not None}
            if not have & {float(n) for n in gold["numbers"]}:
                continue
        hits.append(c)
    return hits


GOLD = [(sid, g) for sid, story in KEY["stories"].items() for g in story["claims"]]


@pytest.mark.parametrize("sid, gold", GOLD, ids=[f"{s[:3]}-{g['keywords'][0]}" for s, g in GOLD])
def test_expected_claim_found_with_right_or_unknown_date(seeds, sid, gold):
    story, claims = seeds[sid]
    hits = matching(gold, claims)
    assert hits, f"missing {gold} in {[ (c.speaker and c.speaker.name, c.text[:60]) for c in claims]}"
    if gold.get("said_on"):
        want = gold["said_on"]
        tol = dt.timedelta(days=int(gold.get("tolerance_days") or 0))
        assert all(c.said_on is None or abs(c.said_on - want) <= tol for c in hits), [(c.said_on, c.date_basis) for c in hits]
    if "hedged" in gold:
        assert any(c.hedged == gold["hedged"] for c in hits), [(c.text[:60], c.hedges) for c in hits]


def test_dates_found(seeds):
    # Graded as the key says: a day within its tolerance, or no day where the text gives none.
    graded = [(sid, g) for sid, g in GOLD if g.get("said_on") or g.get("undated")]
    right = 0
    for sid, g in graded:
        found = matching(g, seeds[sid][1])
        if g.get("undated"):
            right += any(c.said_on is None for c in found)
            continue
        tol = dt.timedelta(days=int(g.get("tolerance_days") or 0))
        if any(c.said_on and abs(c.said_on - g["said_on"]) <= tol for c in found):
            right += 1
    assert len(graded) == 32 and right >= 31  # issue 17: at least 31 of 32


def test_said_on_never_a_publication_or_scrape_day_by_default(seeds):
    for story, claims in seeds.values():
        for c in claims:
            if c.said_on is not None:
                assert c.date_basis, c.text
            assert c.said_on is None or c.said_on <= (story.published or story.published_window[1])


def test_traps(seeds):
    s3 = seeds["003_551eb5e60494943d"][1]
    assert all(c.speaker is None or c.speaker.name != "Kim Jong Un" for c in s3)
    war = [c for c in s3 if "February 24, 2022" in c.text]
    assert war and all(c.said_on != dt.date(2022, 2, 24) for c in war)
    s4 = seeds["004_cd2ecf6e86e7e1ee"][1]
    (combat,) = [c for c in s4 if "entered combat last week" in c.text]
    assert combat.speaker.name == "Pat Ryder" and combat.said_on == dt.date(2024, 12, 16)
    (reuters,) = [c for c in s4 if "was quoted by Reuters" in c.text]
    assert reuters.reports[0].relay == "Reuters" and reuters.speaker.name == "Pat Ryder"
    some200 = [c for c in s4 if "some 200" in c.text]
    assert some200 and all(c.speaker is None or "Kirby" not in c.speaker.name for c in some200)
    s1 = seeds["001_2e0f3f8c71f04c77"][1]
    (voa,) = [c for c in s1 if "Voice of America" in c.text]
    assert voa.speaker.name == "John Kirby" and voa.reports[0].relay == "VOA"
    s2 = seeds["002_fda70d6681db36c6"][1]
    (inasmuch,) = [c for c in s2 if "So inasmuch" in c.text]
    assert inasmuch.speaker.name == "Pat Ryder" and inasmuch.said_on is None


def test_only_body_text_and_on_topic_claims(seeds):
    for sid, (story, claims) in seeds.items():
        for c in claims:
            assert c.text in story.paragraphs[c.reports[0].paragraph]
            assert c.topics or c.speaker is not None
        for chrome in KEY["stories"][sid].get("chrome") or []:
            # "CLOSE" is a button label; "closely" in a statement is not chrome.
            assert not any(re.search(rf"\b{re.escape(chrome)}\b", c.text) for c in claims), chrome
