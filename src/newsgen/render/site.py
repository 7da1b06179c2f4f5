"""Everything the pages need to look up, worked out once from Timeline + Config.

Templates stay simple because the cross-references (which outlet published a story,
which claims a speaker made, where a claim's sentence sits in each story) are
computed here, in sorted, deterministic order.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from newsgen import urls
from newsgen.config import Config
from newsgen.model import Claim, Outlet, Report, Series, SeriesPoint, Speaker, Story, StoryOrigin, Timeline

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
# How many of a speaker's other claims a claim page lists (nearest on the timeline).
OTHER_CLAIMS = 20


def html_id(raw: str) -> str:
    """An id usable as an HTML id and a URL fragment: the raw id when it is plain."""
    return raw if _SAFE_ID.fullmatch(raw) else urls.slug(raw)


@dataclass(frozen=True)
class OutletView:
    id: str
    name: str
    outlet: Outlet | None
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def path(self) -> str:
        return urls.outlet(self.id)


@dataclass(frozen=True)
class SpeakerView:
    speaker: Speaker
    claims: tuple[Claim, ...] = ()

    @property
    def id(self) -> str:
        return self.speaker.id

    @property
    def path(self) -> str:
        return urls.speaker(self.speaker.id)


@dataclass(frozen=True)
class TopicView:
    id: str
    label: str
    claims: tuple[Claim, ...] = ()

    @property
    def path(self) -> str:
        return urls.topic(self.id)


@dataclass(frozen=True)
class ReportView:
    """One report of a claim, with everything needed to link to its sentence."""

    report: Report
    story: Story | None
    outlet: OutletView | None
    anchor: str  # id of the claim's <mark> on the story page

    @property
    def href(self) -> str:
        return urls.story(self.report.story) + "#" + self.anchor


@dataclass(frozen=True)
class DayGroup:
    date: dt.date | None  # None: the "Undated" group (or a window group)
    claims: tuple[Claim, ...]
    stories: tuple[Story, ...]
    # Claims whose report was published on a day we only know to lie in this window.
    window: tuple[dt.date, dt.date] | None = None

    @property
    def dom_id(self) -> str:
        if self.date:
            return "d-" + self.date.isoformat()
        if self.window:
            return f"w-{self.window[0].isoformat()}-{self.window[1].isoformat()}"
        return "undated"

    @property
    def speakers(self) -> int:
        return len({c.speaker.id for c in self.claims if c.speaker})


# Joins the names of a joint statement's speakers ("Lloyd Austin and Kim Yong-hyun").
_JOINT = re.compile(r"\s*(?:,|\band\b|&)\s*")


@dataclass
class Site:
    timeline: Timeline
    config: Config
    stories: dict[str, Story] = field(default_factory=dict)
    outlets: tuple[OutletView, ...] = ()
    speakers: tuple[SpeakerView, ...] = ()
    topics: tuple[TopicView, ...] = ()
    _outlet_of_story: dict[str, OutletView] = field(default_factory=dict)
    _reports: dict[str, tuple[ReportView, ...]] = field(default_factory=dict)
    _story_reports: dict[str, dict[str, tuple[ReportView, ...]]] = field(default_factory=dict)  # story → claim → views
    _speaker_claims: dict[str, tuple[Claim, ...]] = field(default_factory=dict)
    # Worked out once in build_site: every page asks, so a scan per call is quadratic.
    _story_claims: dict[str, tuple[Claim, ...]] = field(default_factory=dict)
    _claims_by_id: dict[str, Claim] = field(default_factory=dict)
    _topic_labels: dict[str, str] = field(default_factory=dict)
    _latest: dt.date | None = None
    _speaker_position: dict[int, int] = field(default_factory=dict)  # id(claim) → index in its speaker's claims
    _origins: dict[str, StoryOrigin] = field(default_factory=dict)  # story id → how it relates to others

    # --- lookups used by templates ---------------------------------------------

    def outlet_of(self, story: Story | None) -> OutletView | None:
        return self._outlet_of_story.get(story.id) if story else None

    def outlet_names(self) -> dict[str, str]:
        """story id → its outlet's name, for stories with a known outlet."""
        return {sid: v.name for sid, v in self._outlet_of_story.items()}

    def reports(self, claim: Claim) -> tuple[ReportView, ...]:
        return self._reports.get(claim.id, ())

    def reports_in(self, claim: Claim, story_id: str) -> tuple[ReportView, ...]:
        """The claim's reports in one story. A story page asks this for each of its
        claims: going through all of a claim's reports instead, for a statement wire
        copy carried in thousands of stories, made the story pages quadratic."""
        return self._story_reports.get(story_id, {}).get(claim.id, ())

    def claim_outlet_ids(self, claim: Claim) -> list[str]:
        return sorted({r.outlet.id for r in self.reports(claim) if r.outlet})

    def claim_topic_ids(self, claim: Claim) -> list[str]:
        return sorted(set(claim.topics))

    def topic_label(self, topic_id: str) -> str:
        return self._topic_labels.get(topic_id, topic_id)

    def speaker_claims(self, speaker: Speaker | None) -> tuple[Claim, ...]:
        return self._speaker_claims.get(speaker.id, ()) if speaker else ()

    def other_claims(self, claim: Claim, limit: int = OTHER_CLAIMS) -> tuple[Claim, ...]:
        """The speaker's other claims nearest this one on the timeline, in timeline order.

        All of them while there are few; a claim page listing every other claim of a
        speaker quoted thousands of times would make the site grow with the square
        of the claims (the speaker's page lists them all).
        """
        own = self.speaker_claims(claim.speaker)
        at = self._speaker_position.get(id(claim))
        if at is None:
            return tuple(o for o in own if o.id != claim.id)
        if len(own) - 1 <= limit:
            return own[:at] + own[at + 1:]
        before = min(at, max(limit // 2, limit - (len(own) - 1 - at)))
        return own[at - before:at] + own[at + 1:at + 1 + limit - before]

    def story_claims(self, story: Story) -> tuple[Claim, ...]:
        return self._story_claims.get(story.id, ())

    def claim(self, claim_id: str) -> Claim | None:
        return self._claims_by_id.get(claim_id)

    def days(self, claims: tuple[Claim, ...] | None = None, with_stories: bool = True) -> tuple[DayGroup, ...]:
        """Claims grouped by the day they sit on; undated ones last.

        The timeline's own order is kept inside a day (the assembler orders by
        date, then source); stories are listed on their publication day.
        """
        claims = self.timeline.claims if claims is None else claims
        # A key is a day, a publication window (claims of a story only known to be
        # published within it), or None for claims with neither.
        Key = dt.date | tuple[dt.date, dt.date] | None
        by_day: dict[Key, list[Claim]] = {}
        for c in claims:
            by_day.setdefault(c.placed_on or self.window_of(c), []).append(c)
        story_days: dict[Key, list[Story]] = {}
        if with_stories:
            for s in sorted(self.stories.values(), key=lambda s: s.id):
                # A day lists its new stories by title, outlet and credit; without
                # their text, editing one article's wording leaves the lists as they were
                # (render.deps fingerprints what a page is given).
                head = replace(s, paragraphs=(), captions=())
                story_days.setdefault(s.published or s.published_window, []).append(head)
        keys = set(by_day) | set(story_days)

        def start(k: Key) -> tuple[dt.date, int]:
            return (k, 0) if isinstance(k, dt.date) else (k[0], 1)  # type: ignore[index]

        ordered: list[Key] = sorted((k for k in keys if k is not None), key=start)
        ordered += [None] if None in keys else []
        return tuple(DayGroup(k if isinstance(k, dt.date) else None, tuple(by_day.get(k, ())),
                              tuple(story_days.get(k, ())), k if isinstance(k, tuple) else None) for k in ordered)

    def window_of(self, claim: Claim) -> tuple[dt.date, dt.date] | None:
        """For a claim with no day: the window its stories were published in, if known."""
        if claim.placed_on:
            return None
        windows = [st.published_window for r in claim.reports
                   if (st := self.stories.get(r.story)) and st.published_window]
        return min(windows) if windows else None

    def shown_hedges(self, claim: Claim) -> tuple[str, ...]:
        """The hedge words the claim's own text uses: a merged claim collects the hedges of
        every outlet's sentence, but a card shows one sentence and must not misquote it."""
        return tuple(h for h in claim.hedges if re.search(rf"\b{re.escape(h)}\b", claim.text, re.I))

    def editorial_outlet(self, claim: Claim) -> OutletView | None:
        """The outlet whose own voice an unattributed claim is: an unsigned piece from an
        outlet that publishes editorials (its name or address says so)."""
        if claim.speaker or not claim.reports:
            return None
        st = self.stories.get(claim.reports[0].story)
        o = self.outlet_of(st)
        if not st or not o or st.byline:
            return None
        names = [o.name, st.url or "", o.outlet.homepage if o.outlet and o.outlet.homepage else ""]
        return o if any(re.search(r"editorial", n, re.I) for n in names) else None

    def who(self, claim: Claim | None) -> str:
        """The speaker's name in plain text; an editorial's outlet; else "Unattributed"."""
        if claim is None:
            return "Unattributed"
        if claim.speaker:
            return " and ".join(sp.name for sp in claim.speakers) if claim.joint else claim.speaker.name
        ed = self.editorial_outlet(claim)
        return f"{ed.name}, editorial" if ed else "Unattributed"

    def point_who(self, point: SeriesPoint) -> str:
        return point.speaker.name if point.speaker else self.who(self.claim(point.claim))

    def credit(self, story: Story | None) -> str | None:
        """The wire a story credits, by the name content/outlets.yaml gives it, so
        "Yonhap" and "Yonhap News" read as one agency."""
        if not story or not story.credit:
            return None
        known = self.config.outlet_named(story.credit)
        return known.name if known else story.credit

    def wires(self, view: OutletView) -> tuple[str, ...]:
        """The wires and sources an outlet's stories credit."""
        return tuple(sorted({c for s in view.stories if (c := self.credit(s))}, key=str.casefold))

    @property
    def series(self) -> tuple[Series, ...]:
        # A figure no source has given a value for yet has no page (it would be empty).
        return tuple(sorted((s for s in self.timeline.series if s.points), key=lambda s: (s.label.casefold(), s.id)))

    @property
    def sorted_stories(self) -> tuple[Story, ...]:
        """Newest first, undated last, then by id."""
        dated = sorted((s for s in self.stories.values() if s.published), key=lambda s: (s.published, s.id), reverse=True)
        undated = sorted((s for s in self.stories.values() if not s.published), key=lambda s: s.id)
        return tuple(dated + undated)

    def latest_date(self) -> dt.date | None:
        return self._latest

    def origin_of(self, story_id: str) -> StoryOrigin | None:
        """The story's relation to other stories (a wire copy, a rewrite), if any."""
        return self._origins.get(story_id)


def _latest_date(stories: tuple[Story, ...], claims: tuple[Claim, ...]) -> dt.date | None:
    dates = [s.published for s in stories if s.published]
    dates += [c.placed_on for c in claims if c.placed_on]
    dates += [c.said_on for c in claims if c.said_on]
    return max(dates) if dates else None


def outlet_id(config: Config, name: str) -> tuple[str, Outlet | None]:
    o = config.outlet_named(name)
    return (urls.slug(o.id), o) if o else (urls.slug(name), None)


def build_site(timeline: Timeline, config: Config) -> Site:
    site = Site(timeline, config)
    site.stories = {s.id: s for s in timeline.stories}

    # Outlets: every outlet that published a story, named as content/ names it.
    outlet_stories: dict[str, list[Story]] = {}
    outlet_meta: dict[str, tuple[str, Outlet | None]] = {}
    for s in sorted(timeline.stories, key=lambda s: s.id):
        if not s.outlet:
            continue
        oid, o = outlet_id(config, s.outlet)
        outlet_stories.setdefault(oid, []).append(s)
        outlet_meta.setdefault(oid, (o.name if o else s.outlet, o))

    # Anchors: a claim reported twice in one story gets a numbered second anchor.
    reports: dict[str, list[tuple[Report, Story | None, str]]] = {}
    for c in timeline.claims:
        seen: dict[str, int] = {}
        base = "claim-" + html_id(c.id)
        for r in c.reports:
            n = seen.get(r.story, 0) + 1
            seen[r.story] = n
            reports.setdefault(c.id, []).append((r, site.stories.get(r.story), base if n == 1 else f"{base}-{n}"))

    outlet_claims: dict[str, list[Claim]] = {}
    for c in timeline.claims:
        for oid in sorted({outlet_id(config, st.outlet)[0] for _, st, _ in reports.get(c.id, []) if st and st.outlet}):
            outlet_claims.setdefault(oid, []).append(c)

    site.outlets = tuple(sorted(
        (OutletView(oid, outlet_meta[oid][0], outlet_meta[oid][1], tuple(outlet_stories[oid]), tuple(outlet_claims.get(oid, ())))
         for oid in outlet_stories),
        key=lambda v: (v.name.casefold(), v.id),
    ))
    for v in site.outlets:
        for s in v.stories:
            site._outlet_of_story[s.id] = v
    site._reports = {
        cid: tuple(ReportView(r, st, site._outlet_of_story.get(st.id) if st else None, anchor) for r, st, anchor in items)
        for cid, items in reports.items()
    }
    in_story: dict[str, dict[str, list[ReportView]]] = {}
    for cid, views in site._reports.items():
        for v in views:
            in_story.setdefault(v.report.story, {}).setdefault(cid, []).append(v)
    site._story_reports = {sid: {cid: tuple(vs) for cid, vs in by.items()} for sid, by in in_story.items()}

    # Speakers: the timeline's list plus any speaker only found on a claim.
    speakers: dict[str, Speaker] = {}
    for sp in timeline.speakers:
        speakers.setdefault(sp.id, sp)
    claims_by: dict[str, list[Claim]] = {}
    # Which claims each speaker's list holds, by identity: asking the list itself is a
    # scan per claim, quadratic for a speaker quoted thousands of times. (The
    # timeline's claims have unique ids, so identity is equality here.)
    listed: dict[str, set[int]] = {}

    def list_under(sid: str, c: Claim) -> bool:
        held = listed.setdefault(sid, set())
        if id(c) in held:
            return False
        held.add(id(c))
        claims_by.setdefault(sid, []).append(c)
        return True

    for c in timeline.claims:
        # A joint statement (Claim.joint) is on each of its speakers' pages.
        for sp in c.speakers:
            speakers.setdefault(sp.id, sp)
            list_under(sp.id, c)
    # A joint statement belongs on each of its speakers' pages too, even a speaker
    # who made no statement alone (known from content/people.yaml).
    by_name: dict[str, Speaker] = {}
    for p in config.people:
        for name in (p.name, *p.aliases):
            by_name.setdefault(name.casefold(), Speaker(p.id, p.name, p.role, p.org, p.kind))
    for sp in speakers.values():
        by_name[sp.name.casefold()] = sp
    for c in timeline.claims:
        if c.speaker and _JOINT.search(c.speaker.name):
            for part in _JOINT.split(c.speaker.name):
                member = by_name.get(part.strip().casefold())
                if member and member.id != c.speaker.id and list_under(member.id, c):
                    speakers.setdefault(member.id, member)
    order = {c.id: i for i, c in enumerate(timeline.claims)}
    for lst in claims_by.values():
        lst.sort(key=lambda c: order[c.id])
    site._speaker_claims = {k: tuple(v) for k, v in claims_by.items()}
    site._speaker_position = {id(c): n for v in site._speaker_claims.values() for n, c in enumerate(v)}
    site.speakers = tuple(sorted(
        (SpeakerView(sp, site._speaker_claims.get(sp.id, ())) for sp in speakers.values()),
        key=lambda v: (v.speaker.name.casefold(), v.id),
    ))

    # Topics: content/'s order; topic ids found on claims but not defined come after.
    labels = {t.id: t.label for t in config.story.topics}
    order = [t.id for t in config.story.topics]
    order += sorted({t for c in timeline.claims for t in c.topics} - set(order))
    topic_claims: dict[str, list[Claim]] = {}
    for c in timeline.claims:
        for tid in dict.fromkeys(c.topics):
            topic_claims.setdefault(tid, []).append(c)
    site.topics = tuple(TopicView(tid, labels.get(tid, tid), tuple(topic_claims.get(tid, ()))) for tid in order)
    site._topic_labels = {}
    for t in site.topics:
        site._topic_labels.setdefault(t.id, t.label)  # the first of two equal ids wins, as a scan would

    # A story's claims in timeline order, each once however often the story reports it.
    story_claims: dict[str, dict[int, Claim]] = {}
    for n, c in enumerate(timeline.claims):
        for r in c.reports:
            story_claims.setdefault(r.story, {}).setdefault(n, c)
    site._story_claims = {sid: tuple(cs.values()) for sid, cs in story_claims.items()}
    site._claims_by_id = {}
    for c in timeline.claims:
        site._claims_by_id.setdefault(c.id, c)
    site._latest = _latest_date(tuple(site.stories.values()), timeline.claims)
    # The last of two entries for one story wins, as the story page's scan of the list did.
    site._origins = {o.story: o for o in timeline.origins}
    return site
