"""render.deps: what a page's lookups record, and page fingerprints."""
from __future__ import annotations

from dataclasses import dataclass, replace

from newsgen.render import deps
from newsgen.render.site import build_site


def test_a_story_looked_up_by_id_reads_its_header_until_its_text_is_shown(timeline, config):
    site = build_site(timeline, config)
    story = timeline.stories[0]
    reads = deps.Reads(site)
    other = reads.stories.get(story.id)
    assert (other.title, other.id) == (story.title, story.id)
    assert reads.outlet_of(other) is site.outlet_of(story)
    assert reads.keys == {("story_head", story.id)}
    assert other.paragraphs == story.paragraphs
    assert reads.keys == {("story_head", story.id), ("story", story.id)}
    assert reads.stories.get("no-such-story") is None
    assert ("story", "no-such-story") in reads.keys


def test_a_story_header_digest_ignores_its_text_and_follows_its_title(timeline, config):
    story = timeline.stories[0]
    key = ("story_head", story.id)

    def digest(stories):
        return deps.Digests(build_site(replace(timeline, stories=stories), config))(key)

    before = digest(timeline.stories)
    edited = replace(story, paragraphs=story.paragraphs[:-1] + (story.paragraphs[-1] + " More.",))
    assert digest((edited,) + timeline.stories[1:]) == before
    retitled = replace(story, title=(story.title or "") + " (updated)")
    assert digest((retitled,) + timeline.stories[1:]) != before


def test_a_claim_looked_up_by_id_reads_that_claim(timeline, config):
    site = build_site(timeline, config)
    claim = timeline.claims[0]
    reads = deps.Reads(site)
    assert reads.claim(claim.id) is claim
    assert reads.keys == {("claim", claim.id)}


@dataclass(frozen=True)
class _Frozen:
    name: str
    items: tuple


@dataclass
class _Open:
    items: list


def test_fingerprints_follow_values_not_identity():
    h = deps.Hasher()
    a, b = _Frozen("x", (1, "2")), _Frozen("x", (1, "2"))
    assert h.digest(a) == h.digest(b) == deps.digest(_Frozen("x", (1, "2")))
    assert h.digest(a) != h.digest(_Frozen("x", (1, 2)))  # "2" is not 2
    assert h.digest(("ab", "c")) != h.digest(("a", "bc"))  # no two strings run together
    assert h.digest({"a": [1]}) != h.digest({"a": (1,)})
    # A dataclass that is not frozen may change between two looks: never remembered.
    o = _Open([1])
    first = h.digest(o)
    o.items.append(2)
    assert h.digest(o) != first


def test_a_story_page_reads_its_own_origin_not_the_whole_list(timeline, config):
    site = build_site(timeline, config)
    story = timeline.stories[0]
    reads = deps.Reads(site)
    found = reads.origin_of(story.id)
    assert found == next((o for o in reversed(timeline.origins) if o.story == story.id), None)
    assert reads.keys == {("origin", story.id)}


@dataclass(frozen=True)
class _Holder:
    inner: _Frozen
    items: tuple


def test_a_nested_frozen_value_is_compared_by_value_wherever_it_sits():
    h = deps.Hasher()
    shared = _Frozen("x", (1,))
    one = _Holder(shared, (shared, shared))
    two = _Holder(_Frozen("x", (1,)), (_Frozen("x", (1,)), shared))  # copies, not the same objects
    assert h.digest(one) == h.digest(two) == deps.Hasher().digest(two)
    assert h.digest(one) != h.digest(_Holder(shared, (shared, _Frozen("x", (2,)))))
    assert h.digest([shared]) != h.digest((shared,))



@dataclass(frozen=True)
class _Lazy:
    name: str

    def remember(self) -> None:
        object.__setattr__(self, "_seen", True)


def test_a_frozen_value_is_its_fields_not_what_it_cached():
    a, b = _Lazy("x"), _Lazy("x")
    a.remember()
    assert deps.digest(a) == deps.digest(b)


def test_what_pickle_refuses_is_still_digested_and_never_equal_to_a_value():
    h = deps.Hasher()
    local = [lambda: 1]
    first = h.digest("a", local)
    assert first == h.digest("a", local)  # walked the same way twice
    assert first != h.digest("a", [1]) and first != h.digest("a", local[:0])


def test_a_story_page_goes_through_its_own_reports_not_every_story_s(timeline, config, monkeypatch):
    # A statement wire copy carries into 400 more stories: drawing one story's page
    # looks at that story's reports of it, not at all 401 (quadratic over the site).
    from newsgen.model import Report
    from newsgen.render import _render, _markdown_pages, _nav, feeds, html_pages, make_env
    from render_fixture import TEMPLATES

    claim = next(c for c in timeline.claims if c.reports)
    home = claim.reports[0]
    copies = tuple(replace(timeline.stories[0], id=f"copy-{n:03}", seed=f"copy-{n:03}.txt") for n in range(400))
    wide = replace(claim, reports=claim.reports + tuple(Report(s.id, home.sentence, home.paragraph) for s in copies))
    timeline = replace(timeline, stories=timeline.stories + copies,
                       claims=tuple(wide if c is claim else c for c in timeline.claims))
    site = build_site(timeline, config)
    assert len(site.reports(wide)) == len(claim.reports) + 400
    assert [v.report.story for v in site.reports_in(wide, "copy-007")] == ["copy-007"]
    wrapped = []
    real = deps._ReportStory

    class Counted(real):
        def __init__(self, *a, **k):
            wrapped.append(1)
            super().__init__(*a, **k)

    monkeypatch.setattr(deps, "_ReportStory", Counted)
    md = _markdown_pages(config)
    root = feeds.site_root(config.site)
    page = next(p for p in html_pages(site, md, root) if p.path.endswith("copy-007.html"))
    reads = deps.Reads(site)
    html = _render(make_env(TEMPLATES), reads, page, _nav(md), md, root).decode()
    assert f'id="{site.reports_in(wide, "copy-007")[0].anchor}"' in html
    assert ("claim", wide.id) in reads.keys
    assert 0 < len(wrapped) < 10, len(wrapped)
