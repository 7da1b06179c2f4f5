"""The list of HTML pages: where each goes, which template draws it, with what.

Only data is assembled here; the markup lives in templates/. Titles and
descriptions are plain text (the templates escape them).
"""
from __future__ import annotations

import datetime as dt
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
from newsgen.render.site import DayGroup, OutletView, Site, html_id
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
        for rv in site.reports_in(c, s.id):
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


# A list of claims by day longer than this many claims goes on over pages, one per
# calendar month (a month with more: one per week of it, then one per day), so each
# page is a few hundred kilobytes. (On one page, a 5,000-article story's home page was
# 35 MB: too much for a browser to open, and every new claim drew all of it again.)
# Calendar pages keep their bounds when claims are added: a new claim changes its own
# month's page, not every page after it. The list's own address holds its latest
# period, where an evolving story is read; the others go beside it (period_path).
PAGE_CLAIMS = 500


@dataclass(frozen=True)
class Pager:
    """Where a page is among the pages one list of days is spread over, oldest first."""

    number: int  # 1 for the first
    paths: tuple[str, ...]
    labels: tuple[str, ...]  # the days each page holds, as a reader scans for them

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None


Period = tuple[str, str, tuple[DayGroup, ...]]  # (key in the address, label, days)


def _start(g: DayGroup) -> dt.date | None:
    return g.date or (g.window[0] if g.window else None)


def _claims(groups) -> int:
    return sum(max(1, len(g.claims)) for g in groups)  # a day of new stories only still takes room


def _days_label(groups: tuple[DayGroup, ...]) -> str:
    first = _start(groups[0])
    last = groups[-1].date or (groups[-1].window[1] if groups[-1].window else None)
    if first is None or last is None:
        return "Undated"
    return fmt.day(first) if first == last else f"{fmt.day(first)} to {fmt.day(last)}"


def periods(days: tuple[DayGroup, ...], limit: int = PAGE_CLAIMS) -> list[Period]:
    """The days in calendar periods of at most `limit` claims where the calendar allows
    (a month, else its weeks, else its days: a day is never split), in order."""
    months: dict[tuple[int, int] | None, list[DayGroup]] = {}
    for g in days:
        d = _start(g)
        months.setdefault((d.year, d.month) if d else None, []).append(g)
    out: list[Period] = []
    for month, groups in months.items():
        if month is None:
            out.append(("undated", "Undated", tuple(groups)))
            continue
        key = f"{month[0]}-{month[1]:02d}"
        if _claims(groups) <= limit:
            out.append((key, fmt.month_long(dt.date(month[0], month[1], 1)), tuple(groups)))
            continue
        weeks: dict[int, list[DayGroup]] = {}
        for g in groups:
            weeks.setdefault(_start(g).isocalendar()[1], []).append(g)  # type: ignore[union-attr]
        for week, wgroups in weeks.items():
            if _claims(wgroups) <= limit:
                out.append((f"{key}-w{week:02d}", _days_label(tuple(wgroups)), tuple(wgroups)))
            else:
                out += [(g.dom_id, _days_label((g,)), (g,)) for g in wgroups]
    return out


def period_path(path: str, key: str) -> str:
    """Where the page of one period of the list at `path` goes: beside it, in the same
    folder (a claim card drawn for one page of a folder serves them all), after a
    double hyphen, which no slug has (urls.slug), so no other page has the address."""
    return f"{path[:-len('.html')]}--{key}.html"


def spread(page: Page, days: tuple[DayGroup, ...], limit: int | None = None, keep: tuple[str, ...] = ()) -> list[Page]:
    """The page with its days; or, when they are more than a page holds, a page per
    period, the latest at the page's own address (each with a Pager). An earlier
    period's page gets only the `keep` part of the context: what describes the whole
    list (a speaker's facts and counts, an outlet's stories) is on the latest page, so
    a claim added today does not redraw every month's page of its speaker."""
    limit = limit or PAGE_CLAIMS
    found = periods(days, limit) if _claims(days) > limit else []
    if len(found) < 2:
        return [replace(page, ctx={**page.ctx, "days": days, "pager": None})]
    last = len(found) - 1
    paths = tuple(page.path if k == last else period_path(page.path, key) for k, (key, _, _) in enumerate(found))
    labels = tuple(label for _, label, _ in found)
    lean = {k: v for k, v in page.ctx.items() if k in keep}
    return [replace(page, path=paths[k], title=page.title if k == last else f"{page.title}: {label}",
                    ctx={**(page.ctx if k == last else lean), "days": groups, "pager": Pager(k + 1, paths, labels)})
            for k, (_, label, groups) in enumerate(found)]

def html_pages(site: Site, markdown_pages: tuple[MarkdownPage, ...], root: str | None = None) -> list[Page]:
    cfg = site.config
    head = _Heads()
    story_title = cfg.story.title or cfg.site.title
    n_claims = len(site.timeline.claims)
    differences = _differences(site)
    days = site.days()
    home = spread(Page("index.html", "index.html.j2", story_title,
                       cfg.story.summary or cfg.site.description or f"{_count(n_claims, 'claim')} on one timeline.",
                       "timeline", {}), days)
    # Which home page holds each day and each claim: the axis, the day list and the
    # claim pages link there.
    day_page = {g.dom_id: pg.path for pg in home for g in pg.ctx["days"]}
    claim_page = {c.id: pg.path for pg in home for g in pg.ctx["days"] for c in g.claims}
    day_links = tuple((g, day_page[g.dom_id]) for g in days if g.claims)
    landing = home[-1].path
    axis = claims_axis(days, page_of=lambda g: "" if day_page[g.dom_id] == landing else urls.relative(day_page[g.dom_id], landing))
    pages: list[Page] = [
        replace(pg, ctx={**pg.ctx, "axis": axis if pg.path == landing else None,
                         "so_far": _story_so_far(site) if pg.path == landing else (),
                         # Only the latest page shows these (the others are fingerprinted without them).
                         "differences": differences if pg.path == landing else (),
                         "day_links": day_links if pg.path == landing else (),
                         "n_page": sum(len(g.claims) for g in pg.ctx["days"])})
        for pg in home]
    pages.append(Page("differ.html", "differ.html.j2", "Where sources differ",
                      "Claims that give different values for the same figure at about the same time, side by side.",
                      "differ", {"differences": differences}))
    for mode, hedged in (("hedged", True), ("asserted", False)):
        claims = tuple(c for c in site.timeline.claims if c.hedged is hedged)
        pages += spread(Page(f"{mode}.html", "claim_list.html.j2", f"{mode.capitalize()} claims",
                             f"{_count(len(claims), 'claim')} marked {mode}.", "timeline",
                             {"mode": mode, "n_mode": len(claims)}), site.days(claims, with_stories=False), keep=("mode",))

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
                          {"claim": c, "others": others, "dom_id": html_id(c.id), "on_timeline": claim_page.get(c.id, landing),
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
        pages += spread(Page(v.path, "speaker.html.j2", sp.name,
                             f"{sp.name}{' (' + role + ')' if role else ''}: {_count(len(v.claims), 'claim')}.", "speakers",
                             {"view": v}), site.days(v.claims, with_stories=False))

    # outlets
    outlets = tuple(head.view(o) for o in site.outlets)
    pages.append(Page("outlets/index.html", "outlets.html.j2", "Outlets",
                      f"{_count(len(site.outlets), 'outlet')} whose stories are on the timeline.", "outlets",
                      {"outlets": outlets}))
    for o in outlets:
        pages += spread(Page(o.path, "outlet.html.j2", o.name,
                             f"{o.name}: {_count(len(o.stories), 'story')}, {_count(len(o.claims), 'claim')}.", "outlets",
                             {"view": o}), site.days(o.claims, with_stories=False))

    # topics
    pages.append(Page("topics/index.html", "topics.html.j2", "Topics",
                      f"{_count(len(site.topics), 'topic')} the claims are filed under.", "topics",
                      {"topics": site.topics}))
    for t in site.topics:
        pages += spread(Page(t.path, "topic.html.j2", t.label, f"Claims about {t.label}: {len(t.claims)}.", "topics",
                             {"view": t}), site.days(t.claims, with_stories=False))

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
