"""The list of HTML pages: where each goes, which template draws it, with what.

Only data is assembled here; the markup lives in templates/. Titles and
descriptions are plain text (the templates escape them).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from newsgen import urls
from newsgen.model import Claim, SeriesPoint, Story
from newsgen.render import formatting as fmt
from newsgen.render import jsonld
from newsgen.render import figures
from newsgen.render.axis import claims_axis
from newsgen.render.charts import plottable, series_svg
from newsgen.render.highlight import Mark, mark_story
from newsgen.render.markdown_pages import MarkdownPage
from newsgen.render.site import OutletView, Site, html_id
from newsgen.timeline import story_token
from newsgen.differences import of_timeline as claim_differences


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    title: str
    description: str
    nav: str | None = None  # which header link is the current page
    ctx: dict[str, Any] = field(default_factory=dict)
    # More of the context, worked out from the Site (as the template sees it, through
    # render.deps.Reads) only when the page is drawn: a page kept from the previous
    # build skips it. Its lookups are recorded as the template's are, so `ctx` (what
    # the page's fingerprint covers) need only hold the values it starts from.
    lazy: Callable[[Any], dict[str, Any]] | None = None

    def context(self, site: Any) -> dict[str, Any]:
        return {**self.ctx, **self.lazy(site)} if self.lazy is not None else self.ctx


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _estimates(points: tuple[SeriesPoint, ...]) -> list[tuple[Any, list[SeriesPoint]]]:
    """Dates on which sources give different values for the figure."""
    by_date: dict[Any, list[SeriesPoint]] = {}
    for p in points:
        if p.date:
            by_date.setdefault(p.date, []).append(p)
    out = []
    for d in sorted(by_date):
        values = {fmt.quantity(p.quantity) for p in by_date[d]}
        if len(values) > 1:
            out.append((d, by_date[d]))
    return out


def _differences(site: Site) -> list[figures.Difference]:
    return claim_differences(site.timeline, site.config)


def _story_so_far(site: Site) -> list[tuple[Any, figures.Summary]]:
    """Each figure with its latest value, in the order the figures are listed."""
    out = []
    for s in site.series:
        summ = figures.summary(s)
        if summ:
            out.append((s, summ))
    return out


def _figures_by_claim(site: Site) -> dict[str, list[tuple[Any, SeriesPoint]]]:
    """claim id → (figure, point) for each point it gives, figures in list order:
    worked out once, since a scan of every figure per claim grows with their product."""
    out: dict[str, list[tuple[Any, SeriesPoint]]] = {}
    for s in site.series:
        for p in s.points:
            out.setdefault(p.claim, []).append((s, p))
    return out


def _differences_by(differences: list[figures.Difference], keys) -> dict[str, list[figures.Difference]]:
    """key → the differences it takes part in, in the list's order, each once."""
    out: dict[str, list[figures.Difference]] = {}
    for d in differences:
        for k in dict.fromkeys(keys(d)):
            out.setdefault(k, []).append(d)
    return out


def _sorted_points(points: tuple[SeriesPoint, ...]) -> list[SeriesPoint]:
    dated = sorted((p for p in points if p.date), key=lambda p: (p.date, p.claim, p.story))
    return dated + [p for p in points if not p.date]


def _story_ctx(site: Site, s, claims: tuple[Claim, ...], root: str | None) -> dict[str, Any]:
    """The story's text with its claims marked. `site` is the page's Reads: the
    reports and speakers of the claims and the story's outlet are recorded as read."""
    here = urls.story(s.id)
    marks = []
    for c in claims:
        for rv in site.reports(c):
            if rv.report.story == s.id:
                label = f"Claim by {site.who(c)}: its page"
                marks.append((Mark(c, rv.anchor, urls.relative(urls.claim(c.id), here), label), rv.report.sentence, rv.report.paragraph))
    paragraphs, unlocated = mark_story(s, marks)
    # The outlet is looked up here, when the page is drawn, not put in the page's data:
    # its view lists every story of the outlet, so one changed story would change the
    # data (and redraw the page) of every other story from that outlet.
    outlet = site.outlet_of(s)
    return {"outlet": outlet, "paragraphs": paragraphs, "unlocated": unlocated,
            "jsonld": jsonld.news_article(s, outlet.name if outlet else s.outlet, root + here if root else None)}


def _claim_jsonld(site: Site, c: Claim, root: str | None) -> dict[str, Any]:
    """The claim's JSON-LD. `site` is the page's Reads: the headers and outlets of
    the stories that report it are recorded as read (not site.outlet_names(), every story's)."""
    names = {}
    for r in c.reports:
        st = site.stories.get(r.story)
        o = site.outlet_of(st) if st is not None else None
        if o is not None:
            names[st.id] = o.name
    return {"jsonld": jsonld.claim(c, site.stories, names, root + urls.claim(c.id) if root else None)}


class _Heads:
    """Stories without their text, for pages that list stories but never show it.

    Such a page's data then holds no story text, so editing one article's text
    leaves its data (and its fingerprint) alone: the page of an outlet with 1,000
    stories is not drawn again. A page given heads cannot show the text, so its
    fingerprint covers all that it can show."""

    def __init__(self) -> None:
        self._heads: dict[int, tuple[Story, Story]] = {}

    def __call__(self, s: Story) -> Story:
        hit = self._heads.get(id(s))
        if hit is None:
            hit = self._heads[id(s)] = (s, replace(s, paragraphs=(), captions=()) if s.paragraphs or s.captions else s)
        return hit[1]

    def view(self, v: OutletView) -> OutletView:
        return replace(v, stories=tuple(self(s) for s in v.stories))


def html_pages(site: Site, markdown_pages: tuple[MarkdownPage, ...], root: str | None = None) -> list[Page]:
    cfg = site.config
    head = _Heads()
    story_title = cfg.story.title or cfg.site.title
    n_claims = len(site.timeline.claims)
    differences = _differences(site)
    days = site.days()
    pages: list[Page] = [
        Page("index.html", "index.html.j2", story_title,
             cfg.story.summary or cfg.site.description or f"{_count(n_claims, 'claim')} on one timeline.",
             "timeline", {"days": days, "axis": claims_axis(days), "so_far": _story_so_far(site),
                          "differences": differences}),
        Page("differ.html", "differ.html.j2", "Where sources differ",
             "Claims that give different values for the same figure at about the same time, side by side.",
             "differ", {"differences": differences}),
    ]
    for mode, hedged in (("hedged", True), ("asserted", False)):
        claims = tuple(c for c in site.timeline.claims if c.hedged is hedged)
        pages.append(Page(f"{mode}.html", "claim_list.html.j2", f"{mode.capitalize()} claims",
                          f"{_count(len(claims), 'claim')} marked {mode}.", "timeline",
                          {"days": site.days(claims, with_stories=False), "mode": mode, "claims": claims}))

    # what we know: the tracked questions and how their answers firmed up
    pages.append(Page(urls.QUESTIONS, "questions.html.j2", "What we know",
                      f"{_count(len(site.timeline.questions), 'question')} this site follows, each with its status and the claims that set it.",
                      "questions", {"tracks": site.timeline.questions}))

    # stories
    pages.append(Page("stories/index.html", "stories.html.j2", "Stories",
                      f"{_count(len(site.stories), 'story')} the timeline is built from.", None,
                      {"stories": tuple(head(s) for s in site.sorted_stories)}))
    for s in sorted(site.stories.values(), key=lambda s: s.id):
        outlet = site.outlet_of(s)
        desc = f"{s.title or s.id}" + (f", {outlet.name}" if outlet else "") + (f", {fmt.day(s.published)}" if s.published else "")
        claims = site.story_claims(s)
        pages.append(Page(urls.story(s.id), "story.html.j2", s.title or "Untitled story", desc, None,
                          {"story": s, "claims": claims},
                          lambda reads, s=s, claims=claims: _story_ctx(reads, s, claims, root)))

    # claims
    claim_figures = _figures_by_claim(site)
    claim_differs = _differences_by(differences, lambda d: (d.a.claim, d.b.claim))
    for c in site.timeline.claims:
        others = site.other_claims(c)
        who = site.who(c)
        pages.append(Page(urls.claim(c.id), "claim.html.j2", f"Claim by {who}",
                          f"{who}: {c.text}"[:300], None,
                          {"claim": c, "others": others, "dom_id": html_id(c.id),
                           "figures": claim_figures.get(c.id, []),
                           "differs": claim_differs.get(c.id, [])},
                          lambda reads, c=c: _claim_jsonld(reads, c, root)))

    # speakers
    pages.append(Page("speakers/index.html", "speakers.html.j2", "Speakers",
                      f"{_count(len(site.speakers), 'speaker')} quoted on the timeline.", "speakers",
                      {"speakers": site.speakers}))
    for v in site.speakers:
        sp = v.speaker
        role = ", ".join(filter(None, [sp.role, sp.org]))
        pages.append(Page(v.path, "speaker.html.j2", sp.name,
                          f"{sp.name}{' (' + role + ')' if role else ''}: {_count(len(v.claims), 'claim')}.", "speakers",
                          {"view": v, "days": site.days(v.claims, with_stories=False)}))

    # outlets
    outlets = tuple(head.view(o) for o in site.outlets)
    pages.append(Page("outlets/index.html", "outlets.html.j2", "Outlets",
                      f"{_count(len(site.outlets), 'outlet')} whose stories are on the timeline.", "outlets",
                      {"outlets": outlets}))
    for o in outlets:
        pages.append(Page(o.path, "outlet.html.j2", o.name,
                          f"{o.name}: {_count(len(o.stories), 'story')}, {_count(len(o.claims), 'claim')}.", "outlets",
                          {"view": o, "days": site.days(o.claims, with_stories=False)}))

    # topics
    pages.append(Page("topics/index.html", "topics.html.j2", "Topics",
                      f"{_count(len(site.topics), 'topic')} the claims are filed under.", "topics",
                      {"topics": site.topics}))
    for t in site.topics:
        pages.append(Page(t.path, "topic.html.j2", t.label, f"Claims about {t.label}: {len(t.claims)}.", "topics",
                          {"view": t, "days": site.days(t.claims, with_stories=False)}))

    # figures
    pages.append(Page("figures/index.html", "figures.html.j2", "Figures",
                      "Numbers that move over time, with every source's estimate.", "figures",
                      {"series": site.series}))
    series_differs = _differences_by(differences, lambda d: (d.series.id,))
    for s in site.series:
        here = urls.figure(s.id)
        chart = series_svg(s, lambda p, here=here: urls.relative(urls.claim(p.claim), here), "chart-" + html_id(s.id))
        pages.append(Page(urls.figure(s.id), "figure.html.j2", s.label,
                          s.description or f"{s.label}: {_count(len(s.points), 'value')} from the sources.", "figures",
                          {"series_item": s, "points": _sorted_points(s.points), "estimates": _estimates(s.points),
                           "chart": chart, "plotted": any(plottable(p) for p in s.points),
                           "summary": figures.summary(s),
                           "differs": series_differs.get(s.id, [])}))

    # text pages, search, 404
    for mp in markdown_pages:
        pages.append(Page(mp.path, "page.html.j2", mp.title, mp.description or mp.title,
                          "about" if mp.slug == "about" else None, {"doc": mp}))
    pages.append(Page("search.html", "search.html.j2", "Search",
                      "Search claims, speakers and stories.", "search",
                      {"stories": tuple(head(s) for s in site.sorted_stories)}))
    pages.append(Page("404.html", "404.html.j2", "Page not found",
                      "There is no page at this address.", None,
                      {"story_tokens": {story_token(st.id): [urls.story(st.id), st.title or "Untitled story"]
                                        for st in site.sorted_stories}}))
    return pages
