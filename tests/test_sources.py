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
