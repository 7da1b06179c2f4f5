"""Which stories are one source: a wire carried twice, a rewrite, independent report counts."""
import datetime as dt
from pathlib import Path

from newsgen.load import load_story
from newsgen.model import Claim, Outlet, Report, Speaker, Story
from newsgen import similar
from newsgen.sources import _copy_pairs, derive, independent_reports, with_independence

ROOT = Path(__file__).resolve().parents[1]

WIRE_BODY = [
    "SEOUL, March 3 (Yonhap) -- The port authority said Monday that a cargo ship ran aground near the harbour entrance early in the morning.",
    "The vessel, carrying about 3,000 tonnes of grain, was refloated by tugboats after six hours, the authority said in a statement.",
    "No crew members were hurt and no fuel leaked into the water, according to the coast guard.",
    "Officials said the ship had lost engine power while turning into the channel during strong winds.",
    "An investigation into the cause of the engine failure will begin this week, the ministry of oceans said.",
    "The harbour was closed to traffic for most of the morning and reopened shortly after noon. (Yonhap)",
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_wire_story_carried_by_two_outlets_with_different_chrome(tmp_path):
    a = _write(tmp_path / "a.txt", ["Skip to main content", "Home > World > Asia", "Cargo ship runs aground near harbour",
                                    "By Staff Writer", *WIRE_BODY, "Share this article", "Most Read", "  • Other story one", "  • Other story two"])
    b = _write(tmp_path / "b.txt", ["MENU | SEARCH | LOGIN", "Ship aground at harbour entrance, refloated after six hours",
                                    *WIRE_BODY, "Related articles", "Copyright 2025 Example Daily. All rights reserved."])
    sa, _ = load_story(a, "a.txt")
    sb, _ = load_story(b, "b.txt")
    assert sa and sb and sa.credit and sb.credit, "the loaders should find the wire credit"
    origins = {o.story: o for o in derive([sa, sb], [Outlet("yonhap", "Yonhap News Agency", aliases=("Yonhap",))])}
    link, = origins["b"].derived_from
    assert link.story == "a" and link.relation == "wire copy"
    assert link.overlap and link.overlap >= 0.8 and "sentences" in link.basis
    assert origins["a"].derived_from == ()
    assert origins["a"].origin == origins["b"].origin

    claim = Claim("c", Speaker("port", "Port authority", kind="organization"), None, None, WIRE_BODY[0],
                  reports=(Report("a", WIRE_BODY[0], 0), Report("b", WIRE_BODY[0], 0)))
    assert independent_reports(claim, {o.story: o.origin for o in origins.values()}) == 1


def _story(sid: str, paragraphs: list[str], day: int, **kw) -> Story:
    return Story(sid, sid + ".txt", paragraphs=tuple(paragraphs), published=dt.date(2025, 3, day), **kw)


ORIGINAL = [
    "The city council voted on Tuesday to build a new bridge across the river by the end of next year.",
    "The bridge will cost about 40 million dollars and carry four lanes of traffic and a cycle path.",
    "The mayor said the old crossing had been closed twice this winter because of cracks in its supports.",
    "Residents on the east bank have complained for years that the detour adds half an hour to their commute.",
    "Construction is expected to begin in the spring once the last permits are approved by the state.",
    "Two council members voted against the plan, saying the money should go to repairing schools first.",
    "The transport department will publish the final design and a timetable for the works next month.",
    "Local businesses welcomed the decision and said it would bring more customers to the riverside market.",
]


def test_a_rewrite_that_keeps_about_half_its_sentences_is_linked_with_its_overlap():
    kept = [ORIGINAL[0], ORIGINAL[1].replace("about", "roughly"), ORIGINAL[2], ORIGINAL[4]]
    new = [
        "Commuters interviewed near the old crossing were mostly pleased with the news.",
        "One driver said she had given up on the detour and now takes the ferry every morning instead.",
        "Engineers hired by a residents' group had warned of the cracks as early as two years ago.",
        "The blog will follow the works and report on any delays as they happen over the coming months.",
    ]
    original = _story("orig", ORIGINAL, 4)
    rewrite = _story("blog", [kept[0], new[0], kept[1], new[1], kept[2], new[2], kept[3], new[3]], 6, outlet="Some Blog")
    unrelated = _story("other", [
        "The regional orchestra announced its summer programme on Wednesday, with six open-air concerts planned.",
        "Tickets will go on sale next week and children under twelve will be admitted free of charge.",
        "The conductor said the season would close with a symphony written by a local composer.",
    ], 5)
    origins = {o.story: o for o in derive([rewrite, unrelated, original])}
    link, = origins["blog"].derived_from
    assert link.story == "orig" and link.relation == "rewrite"
    assert 0.4 <= link.overlap <= 0.6, link.overlap
    assert "4 of 8 sentences" in link.basis
    assert origins["other"].derived_from == () and origins["orig"].derived_from == ()
    assert origins["other"].origin != origins["orig"].origin == origins["blog"].origin


def test_stories_on_one_event_in_their_own_words_stay_independent():
    a = _story("a", ORIGINAL, 4)
    b = _story("b", [
        "Councillors approved a plan for a second river bridge, which officials put at 40 million dollars.",
        "The vote on Tuesday followed two closures of the old bridge during the winter after engineers found cracks.",
        "Work could start in spring, the mayor told reporters outside the town hall.",
    ], 4)
    found = derive([a, b])
    assert all(o.derived_from == () for o in found)
    claim = Claim("c", None, None, None, "x", reports=(Report("a", "x", 0), Report("b", "y", 0)))
    assert with_independence([claim], found)[0].independent_reports == 2


def test_seeds_kirby_statement_carried_by_two_yonhap_sites_is_one_independent_report():
    from newsgen.build import collect, make_timeline

    config, results, _ = collect(ROOT / "seeds", ROOT / "content")
    timeline = make_timeline(config, results)
    stories = {s.id: s for s in timeline.stories}
    # The statement of 21 Oct carried by two sites that both credit Yonhap.
    carried = [c for c in timeline.claims
               if c.speaker and c.speaker.id == "john-kirby" and c.said_on == dt.date(2024, 10, 21) and len(c.reports) >= 2]
    assert carried, "no Kirby claim of 21 Oct is reported by two stories"
    for c in carried:
        credits = {stories[r.story].credit for r in c.reports}
        assert all(cr and "yonhap" in cr.lower() for cr in credits)
        assert c.independent_reports == 1
    # Every claim counts at least one and at most as many independent reports as reports.
    assert all(1 <= c.independent_reports <= len({r.story for r in c.reports}) for c in timeline.claims)


def test_reports_relayed_from_one_outlet_are_one_report():
    origins = {"a": "a", "b": "b", "c": "c"}
    relayed = Claim("x", None, None, None, "t", reports=(Report("a", "s", 0, relay="Reuters"), Report("b", "s", 0, relay="Reuters"),
                                                       Report("c", "s", 0)))
    assert independent_reports(relayed, origins) == 2
    # A relay naming an outlet whose own story is in the corpus joins that story.
    assert independent_reports(relayed, origins, {"name:reuters": "c"}) == 1
    # A relay does not split a report from its own story's origin.
    one_wire = Claim("y", None, None, None, "t", reports=(Report("a", "s", 0), Report("b", "s", 0, relay="VOA")))
    assert independent_reports(one_wire, {"a": "a", "b": "a"}) == 1


def test_two_stories_of_one_outlet_are_one_origin_without_being_derived():
    a = _story("a", ORIGINAL[:3], 4, outlet="City Paper")
    b = _story("b", ORIGINAL[5:], 5, outlet="city paper")
    c = _story("c", ORIGINAL[3:5], 5, outlet="Other Paper")
    found = {o.story: o for o in derive([a, b, c])}
    assert found["a"].origin == found["b"].origin != found["c"].origin
    assert all(o.derived_from == () for o in found.values())


def test_a_short_copy_among_long_stories_of_stock_and_template_sentences_is_found():
    # Long stories of stock lines and sentences reworded from one template (another
    # figure): too few sentences of their own for two of them to be copies of each
    # other, so only the pairs with the short story are looked at; it is still found.
    stock = [f"Background line number {w} about the story repeats in every single article today." for w in
             "one two three four five six seven eight nine ten eleven twelve".split()]
    def template(n: int) -> str:
        return f"The ministry said on Monday that about {n},000 troops had been sent to the border region."
    longs = [_story(f"long{i}", stock + [template(i), template(i + 50), template(i + 90)], 1 + i % 20)
             for i in range(60)]
    short = _story("short", [template(3), template(53), "A sentence of its own, written by the blog about it."], 25)
    found = _copy_pairs(longs + [short])
    assert found == _copy_pairs(longs + [short], similar.all_pairs)
    assert found and all("short" in pair for pair in found)


def test_statements_written_from_one_template_are_not_copies_in_a_corpus_larger_than_its_stock_line():
    # Every story is written from the same few templates (another speaker, day, figure),
    # as a large corpus of one story is: two of them often share two near sentences out
    # of four, but only in runs of words most stories carry. A real copy shares
    # sentences of its own and is still found.
    import random

    from newsgen.sources import STOCK_CARRIERS

    rng = random.Random(5)
    templates = ["{who} said on {day} that about {k},000 troops had been sent to the border region.",
                 "{who} told reporters on {day} that the army had deployed roughly {k},000 soldiers overseas.",
                 "{who} warned on {day} that the deployment of the troops would be a dangerous escalation.",
                 "{who} estimated that around {k},000 soldiers were now taking part in combat operations."]
    speakers = ["The foreign minister", "The defence minister", "A government spokesman", "The army chief"]

    def templated() -> str:
        return rng.choice(templates).format(who=rng.choice(speakers), day=rng.choice(["Monday", "Tuesday", "Friday"]),
                                            k=rng.choice([3, 7, 11]))

    stories = [_story(f"t{n:03d}", [templated() for _ in range(4)], 1 + n % 28) for n in range(8 * STOCK_CARRIERS)]
    own = ["The harbour pilot Ingrid Vasquez said the tanker drifted past the breakwater before its anchor caught.",
           "Fishermen in Puerto Lobos watched the tugboats struggle against the current for nearly three hours.",
           "A maritime lawyer called the salvage bill, 40,000 dollars a day, the highest she had seen on that coast."]
    stories += [_story("orig", own + [templated()], 1), _story("copy", own[:2] + [templated(), templated()], 3)]
    found = _copy_pairs(stories)
    assert found == _copy_pairs(stories, similar.all_pairs)
    assert set(found) == {("copy", "orig")}
    # Among fewer stories than the stock line, the same template sentences are copies:
    # what keeps them apart above is how many stories carry their words, not the words.
    assert any("orig" not in pair for pair in _copy_pairs(stories[:STOCK_CARRIERS - 10]))


# --- copies, after edits (what a rebuild reuses) --------------------------------------

STOCK_LINE = "The ministry has repeated the same background line in every statement it released this year."


def _sentence(rng) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.15:  # one template with another figure: near-identical sentences
        return f"Officials said about {rng.randint(1, 30)},000 troops had moved toward the border region overnight."
    return " ".join(words).capitalize() + "."


VOCABULARY = ("troops border minister said statement monday reported region forces talks army capital "
              "officials week report agency missile night city river bridge council vote").split()


def _text(rng, stories: list[Story]) -> tuple[str, ...]:
    """Paragraphs of new sentences, some taken (or reworded) from another story."""
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 5))]
    if stories and rng.random() < 0.5:
        base = rng.choice(stories).paragraphs
        taken = [p if rng.random() < 0.7 else p.replace("said", "told reporters", 1) for p in base]
        paragraphs = taken[: rng.randint(1, len(taken))] + paragraphs[: rng.randint(0, 2)]
    return tuple(paragraphs)


def _edited(rng, stories: list[Story], step: int, focus: set[str]) -> list[Story]:
    from dataclasses import replace

    from similar_corpus import story_to_change

    stories = list(stories)
    kind = rng.choice(["edit", "rewrite", "copy", "add", "remove", "date", "outlet", "stock", "many"])
    i = story_to_change(rng, stories, focus)
    s = stories[i]
    if kind == "edit":
        p = rng.randrange(len(s.paragraphs))
        stories[i] = replace(s, paragraphs=s.paragraphs[:p] + (s.paragraphs[p].replace(" ", " new ", 1),) + s.paragraphs[p + 1:])
    elif kind == "rewrite":
        stories[i] = replace(s, paragraphs=_text(rng, []))
    elif kind == "copy":
        stories[i] = replace(s, paragraphs=_text(rng, stories))
    elif kind == "add":
        stories.append(_story(f"n{step:03d}", list(_text(rng, stories)), rng.randint(1, 28)))
    elif kind == "remove" and len(stories) > 10:
        del stories[i]
    elif kind == "date":  # which of two stories is the later one
        stories[i] = replace(s, published=dt.date(2025, 3, rng.randint(1, 28)))
    elif kind == "outlet":
        stories[i] = replace(s, outlet=rng.choice([None, "Daily One", "Daily Two"]))
    elif kind == "stock":  # the stock line in one story more or fewer: it may stop or start counting
        rest = tuple(p for p in s.paragraphs if p != STOCK_LINE)
        stories[i] = replace(s, paragraphs=rest if len(rest) < len(s.paragraphs) else rest + (STOCK_LINE,))
    elif kind == "many":
        for j in rng.sample(range(len(stories)), len(stories) // 5):
            stories[j] = replace(stories[j], paragraphs=stories[j].paragraphs[::-1])
    return stories


def test_copies_reused_after_edits_are_those_found_from_scratch(monkeypatch):
    import pickle
    import random

    from dataclasses import replace

    from newsgen import sources
    from newsgen.sources import STOCK_CARRIERS, copy_pairs, story_sentences

    rng = random.Random(3)
    stories: list[Story] = []
    for n in range(110):
        stories.append(_story(f"s{n:03d}", list(_text(rng, stories)), rng.randint(1, 28)))
    # One story more carries the stock line than may for it to count as copying, so
    # that removing it from one (or adding it back) crosses the line between the two.
    stories = [replace(s, paragraphs=s.paragraphs + (STOCK_LINE,)) if n <= STOCK_CARRIERS else s
               for n, s in enumerate(stories)]
    copies, found = copy_pairs(stories)
    line = story_sentences(_story("x", [STOCK_LINE], 1))[0]
    since, stock, kinds = [], set(), set()
    real = sources._matched
    monkeypatch.setattr(sources, "_matched", lambda *a: a[3] is not None and since.append(1) or real(*a))
    for step in range(45):
        stories = _edited(rng, stories, step, {sid for pair in found.matched for sid in pair})
        # Through pickle, as the cache keeps it between builds.
        copies, found = copy_pairs(stories, pickle.loads(pickle.dumps(found)))
        scratch, again = copy_pairs(stories)
        assert copies == scratch and found.matched == again.matched and found.stock == again.stock
        if step % 10 == 0:
            assert derive(stories, (), copies) == derive(stories)
        stock.add(line <= found.stock)
        assert line <= found.stock or line.isdisjoint(found.stock)
        kinds |= {overlap >= 0.8 for _, _, overlap in copies.values()}
    # The stock line counted and did not; copies and rewrites were found; most steps
    # reused the last one's findings.
    assert stock == {True, False} and kinds == {True, False}
    assert len(since) > 20


def test_a_changed_sentence_is_found_near_one_holding_just_half_of_it():
    # t is the middle of s (4 of its 8 shingles: Jaccard 0.5, near). The other half of
    # s is rarer than t's, so a look-up by one shingle fewer than half of s would miss t.
    # One story changed of twelve: the comparison is incremental.
    from newsgen.sources import copy_pairs

    s1 = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet."
    t1 = "Charlie delta echo foxtrot golf hotel."
    s2 = "Oscar papa quebec romeo sierra tango uniform victor whiskey xray."
    t2 = "Quebec romeo sierra tango uniform victor."
    fillers = [_story(f"f{n}", [f"{t1[:-1]} {w} kilo lima mike.", f"{t2[:-1]} {w} yankee zulu nine."], 2)
               for n, w in enumerate("one two three four five six seven eight nine ten".split())]
    before = [_story("a", ["A story of its own with enough words in it to count."], 5), _story("b", [t1, t2], 1), *fillers]
    after = [_story("a", [s1, s2], 5), *before[1:]]
    reused, _ = copy_pairs(after, copy_pairs(before)[1])
    assert reused == copy_pairs(after)[0]
    assert ("a", "b") in reused
