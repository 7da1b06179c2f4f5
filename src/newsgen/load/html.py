"""Saved web pages (.html) -> Story.

trafilatura finds the article's main text. Everything else comes from the page's
own metadata (meta tags, JSON-LD, canonical link), because a saved page is full of
other dates and names: sidebars, teasers, footers and build stamps. A date that is
only in those surroundings is never the publication date.

When the metadata has no publication date, the article's header may: a stamp
("Published ...") or a <time>/date printed under the headline, before the first
paragraph, unless marked as an update. A date only in dateModified is never
taken. A metadata stamp in UTC that is one day off the dateline's day is read as
the dateline's (local) day: "2024-11-04T19:12Z" under "SEOUL, Nov 5" is Nov 5.

Outlet: og:site_name, JSON-LD publisher (also by @id reference in an @graph),
application-name, then the <title> suffix ("... - Reuters") when the part before
it is the page's headline or the suffix is the copyright owner, then the
copyright line (newsgen.load.outlet rules).

All-numeric dates, in the metadata or the header, are read in the order the dates
printed on the page settle (newsgen.load.pubdate). trafilatura's paragraphs, with
their share of link text, pass through the boilerplate stage every reader shares
(newsgen.load.boilerplate).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterable

import lxml.etree as etree
import lxml.html

from newsgen.load import boilerplate, chrome
from newsgen.load.boilerplate import Block
from newsgen.load.clean import is_prose, is_short_sentence, paragraphs_of, squash
from newsgen.load.datetext import clock_time, dateline, find_date, header_date, stamps, year_for
from newsgen.load.outlet import outlet_from, same_outlet
from newsgen.load.pubdate import day_first, parse_value
from newsgen.model import Problem, Story

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "date_published", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "date", "original-publish-date", "article.published",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
)
_MODIFIED_META = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "article:modified",
    "datemodified", "date_modified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified",
    "revised", "parsely-updated", "sailthru.lastmodified", "article.updated", "modified_time",
)
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
    "scholarlyarticle", "techarticle", "report",
}
# Page regions whose dates and names belong to other pages or to the site.
_SURROUNDINGS = re.compile(
    r"sidebar|footer|related|teaser|widget|recommend|popular|trending|most-?read|newsletter|promo|"
    r"breadcrumb|masthead|navbar|menu|comment|share|social|advert|banner|cookie",
    re.I,
)
_SURROUNDING_TAGS = {"aside", "nav", "footer", "form", "noscript"}
# Markup that must never reach a Story field as if it were text.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ")


def read_html(html: str, seed: str) -> tuple[Story, tuple[Problem, ...]]:
    stem = seed.rsplit(".", 1)[0]
    problems: list[Problem] = []
    doc = _parse(html)
    if doc is None:
        return Story(id=stem, seed=seed, format="html"), (Problem(seed, "not an HTML page (cannot parse it)"),)
    meta = _metas(doc)
    ld, ld_bad = _json_ld(doc)
    if ld_bad:
        problems.append(Problem(seed, f"{ld_bad} JSON-LD block(s) are not valid JSON; ignored", severity="warning"))

    url = _http(_first(_canonical(doc), meta.get("og:url"), _ld_str(ld, "url"), _ld_str(ld, "mainEntityOfPage")))
    outlet = _plain(_first(meta.get("og:site_name"), _ld_name(ld.get("publisher")), meta.get("application-name")))
    outlet = outlet or _title_site(doc, meta, ld) or outlet_from((), _copyright_lines(doc))
    captions = _captions(doc)
    paragraphs, extra = _body(html, url, captions)
    extra += _caption_paragraphs(paragraphs)
    if extra:
        captions = tuple(dict.fromkeys(captions + extra))
        paragraphs = tuple(p for p in paragraphs if p not in extra)

    title = _title(doc, meta, ld, outlet)
    byline = _byline(doc, meta, ld)
    if byline is None:
        byline = next((b for b in (chrome.by_line(p) for p in paragraphs[:3] if len(p.split()) <= 10) if b), None)
    if byline is None:
        byline = _byline_above(doc, paragraphs, title)
    # A byline or stamp the extractor kept as a paragraph is not body text.
    stamp_dates = [stamps(c) for p in paragraphs[:3] + paragraphs[-2:] if len(p.split()) <= 20
                   for c in (p, *re.split(r"\s+[|·•]\s+", p)[1:])]
    paragraphs = tuple(p for p in paragraphs if not _header_line(p, title))

    updated = _first_date(meta.get(k) for k in _MODIFIED_META) or _date_of(_ld_str(ld, "dateModified"))
    stated = [meta.get(k) for k in _PUBLISHED_META] + [_ld_str(ld, "datePublished")]
    (published, raw), basis = _published(doc, meta, ld, url, _day_first(doc, stated)), "meta"
    if published is None:
        published = next((s.published for s in stamp_dates if s and s.published), None)
        published = published or _stamp_above(doc, paragraphs, title) or _stamp_below(doc, paragraphs)
        basis = "publication line"
    dl = dateline(paragraphs[0]) if paragraphs else None
    if published and basis == "meta" and dl is not None:
        published = _local_day(published, raw, dl)
    if published is None and dl is not None:
        published = dl.on(dl.year or year_for(dl, updated))
        basis = "dateline"
    credit = chrome.wire_credit(dl.credit if dl else None, paragraphs)
    issued_by = _issuer(doc)
    issued_paragraphs = None
    if issued_by is not None:
        # "Kyiv, 28 April 2025" under the text: the day the body issued it, which a
        # register or news page then carries (its own notes after that line are not the text).
        closing = _closing_date_line(doc, paragraphs)
        if closing is not None:
            day, issued_paragraphs = closing
            if published is None or day <= published:
                published, basis = day, "the issued text's date line"
    paragraphs = boilerplate.without_outlet_blurb(paragraphs, outlet)
    paragraphs = _with_day_headings(doc, paragraphs)
    occasion = _occasion_row(doc)
    if occasion is not None and sum(1 for p in paragraphs if chrome.SPEAKER_LINE.match(p) or chrome.SPEAKER_LABEL.match(p)) >= 2:
        # A transcript's "Date and place" row: the day of its answers, kept as its preamble.
        paragraphs = (occasion, *paragraphs)
    paragraphs, entries_day = _with_entry_days(doc, paragraphs)
    if published is None and entries_day is not None:
        # A live page all of whose entries carry a <time datetime> of one day, and no
        # other publication date: the page is that day's.
        published, basis = entries_day, "its live entries' day"
    if not paragraphs:
        problems.append(Problem(seed, "no article text found in the page", severity="warning"))
    story = Story(
        id=stem,
        seed=seed,
        title=title,
        outlet=outlet,
        credit=credit,
        byline=byline,
        url=url,
        published=published,
        published_basis=basis if published else None,
        paragraphs=paragraphs,
        captions=captions,
        updated=updated,
        dateline=dl.text if dl else None,
        format="html",
        issued_by=issued_by,
        issued_paragraphs=issued_paragraphs,
    )
    return story, tuple(problems)


_ISSUER_LABEL = re.compile(r"^(?:issuer|issued by|issuing (?:body|authority|ministry|department|office))\s*:?$", re.I)
# "Kyiv, 28 April 2025": a place and a full date, the line an issued text closes with.
_CLOSING_LINE = re.compile(r"^[A-Z][\w.'’ -]{1,40},\s+(?P<date>.{6,30})$")


def _issuer(doc) -> str | None:
    """The body a page of an official text names as its issuer, in a row of its
    details ("<th>Issuer</th><td>Ministry of Foreign Affairs of Ukraine</td>")."""
    for _, value in _detail_rows(doc, _ISSUER_LABEL):
        who = value.strip(" .;")
        if 2 <= len(who) <= 120 and not re.search(r"\d", who):
            return who
    return None


def _detail_rows(doc, label_rx: re.Pattern[str]):
    """(label, value) of each row of a page's details whose label is one of these
    ("<th>Issuer</th><td>…</td>", "<dt>Date and place</dt><dd>…</dd>")."""
    for label in doc.iter("th", "dt", "td", "span", "div", "strong", "b"):
        name = squash(label.text_content())
        if label_rx.match(name) is None or _in_surroundings(label):
            continue
        value = label.getnext()
        yield name, squash(value.text_content()) if value is not None else ""


_OCCASION_ROW = re.compile(r"^(?:date(?:\s+and\s+(?:place|time|venue))?|time\s+and\s+place|held(?:\s+on)?)\s*:?$", re.I)


def _occasion_row(doc) -> str | None:
    """A transcript page's row saying when the occasion was ("<th>Date and place</th>
    <td>Saturday, November 16, 2024, Ministry of Foreign Affairs of Ukraine, Kyiv</td>"),
    as a line: "Date and place: Saturday, November 16, 2024, …"."""
    for name, when in _detail_rows(doc, _OCCASION_ROW):
        if when and len(when) <= 120 and re.search(r"\b(?:19|20)\d\d\b", when) and find_date(when)[0] is not None:
            return f"{name.rstrip(':')}: {when}"
    return None


def _closing_date_line(doc, paragraphs: tuple[str, ...]) -> tuple[dt.date, int] | None:
    """(the date, the paragraphs before it) of a place-and-date line standing alone
    after the text's first paragraph and before its last."""
    if len(paragraphs) < 2:
        return None
    body = doc.find("body")
    starts = [p[:60] for p in paragraphs]
    seen = 0
    for el in (body.iter("p", "div") if body is not None else ()):
        text = squash(el.text_content())
        if seen < len(starts) and text.startswith(starts[seen]):
            seen += 1
            continue
        m = _CLOSING_LINE.match(text) if 0 < seen < len(paragraphs) and len(text) <= 60 else None
        if m is not None:
            d = parse_value(m.group("date"))
            if d is not None:
                return d, seen
    return None


def _with_day_headings(doc, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """A page that heads its days ("<h2>Wednesday, 20 November 2024</h2>" over that day's
    entries, then "Tuesday, 19 November 2024"): the headings the main-text extractor
    left out, put back above the paragraphs under them, so each entry has its day."""
    starts = {squash(p)[:60]: k for k, p in enumerate(paragraphs)}
    have = set(paragraphs)
    body = doc.find("body")
    found: dict[int, str] = {}  # paragraph index -> the day heading above it
    heading: str | None = None
    days = 0
    for el in (body.iter("h2", "h3", "h4", "p", "li", "div") if body is not None else ()):
        text = squash(el.text_content())
        if el.tag in ("h2", "h3", "h4"):
            heading = None
            if not _in_surroundings(el) and len(text) <= 60 and text not in have and _full_day(text):
                heading, days = text, days + 1
            continue
        if el.tag in ("p", "div") and text[:60] not in starts and len(text.split()) <= 14 and not _in_surroundings(el):
            # A briefing's date line set apart from its text: "Matthew Miller, Department
            # Spokesperson<br>Washington, D.C.<br>Monday, December 16, 2024".
            last = next((squash(x) for x in reversed(list(el.itertext())) if squash(x)), "")
            if last != text and len(last) <= 40 and _full_day(last):
                heading, days = last, days + 1
                continue
            # A session's line under its heading: "03 Dec. 2024 · morning · NATO
            # Headquarters, press theatre".
            first = re.split(r"\s+[·|•–—]\s+", text)[0]
            if first != text and len(first) <= 40 and _full_day(first):
                heading, days = first, days + 1
                continue
        k = starts.get(text[:60])
        if k is None:
            # (An entry's paragraph may open after a bold headline in the same element.)
            k = next((i for key, i in starts.items() if key and text.startswith(key[:40])), None) if heading else None
        if k is not None and heading is not None:
            found.setdefault(k, heading)
            heading = None
    if days < 2 or len(found) < 2:
        return paragraphs  # one date over the text is the page's, not a page of days
    out: list[str] = []
    for k, p in enumerate(paragraphs):
        if k in found:
            out.append(found[k])
        out.append(p)
    return tuple(out)


def _full_day(text: str) -> bool:
    """A heading that is a full date, or holds one ("Wednesday, 20 November 2024")."""
    return find_date(text)[0] is not None and boilerplate.dated_heading(text) and re.search(r"(?:19|20)\d\d", text) is not None


# Timed entries that make a page a live page.
_LIVE_ENTRIES = 2
_ONE_DAY_ENTRIES = 3  # entries, each with its <time>, that make a one-day page a live page


def _with_entry_days(doc, paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], dt.date | None]:
    """A live page whose entries carry their own <time datetime> on more than one day:
    the paragraphs with the day printed as a heading where a new day's entries begin
    ("Wednesday 18 December 2024"), as a live page shows its days. The extractor
    dates an entry by the day above it, not by the day the page was first published.
    Also the day of a one-day live page whose entries say it (else None)."""
    if len(paragraphs) < 2:
        return paragraphs, None
    day_of: dict[str, dt.date] = {}
    clock_of: dict[str, str] = {}  # an entry's first paragraph -> the entry's time
    current: dt.date | None = None
    clock: str | None = None
    entries = 0
    # (A paragraph the boilerplate stage already opened with its entry's time counts as
    # kept, under its own words: "13:40 – For context, …".)
    kept = {squash(re.sub(r"^\d{1,2}[:.]\d\d\s+–\s+", "", p))[:60] for p in paragraphs}
    undated = 0  # entries whose time is printed without a day ("<span class="time">23:35</span>")
    for el in doc.iter("time", "p", "li", "blockquote", "span", "div"):
        if el.tag == "time" and not el.get("datetime"):
            # "<time>4:40 PM EDT</time>": an entry's time printed without its day.
            text = squash(el.text_content())
            at = clock_time(text) if boilerplate.is_clock(text) else None
            if at is not None and not _in_surroundings(el) and not any(a.tag == "blockquote" for a in el.iterancestors()):
                clock, undated = f"{at.hour:02d}:{at.minute:02d}", undated + 1
            continue
        if el.tag == "time":
            # (Not a post quoted in the article: its time is the post's, no entry's.)
            if not _in_surroundings(el) and el.get("datetime") and not any(a.tag == "blockquote" for a in el.iterancestors()):
                current = _date_of(el.get("datetime"))
                m = re.search(r"T(\d\d):(\d\d)", el.get("datetime") or "")
                clock = f"{m.group(1)}:{m.group(2)}" if m else None
                entries += 1
            continue
        if el.tag in ("span", "div", "p") and re.search(r"time", el.get("class", ""), re.I):
            # "<span class="time">23:35</span>", "<p class="entry-time">16:05</p>".
            text = squash(el.text_content())
            m = re.search(r"(\d{1,2})[:.](\d\d)", text) if boilerplate.is_clock(text) else None
            if m and not _in_surroundings(el):
                clock, undated = f"{int(m.group(1)):02d}:{m.group(2)}", undated + 1
                continue
        if el.tag in ("span", "div"):
            continue
        text = squash(el.text_content())
        if current is not None and not (el.tag == "li" and el.find(".//p") is not None):
            # (An entry's <li> opens before its <time>: its paragraphs take the day, after it.)
            day_of.setdefault(text[:60], current)
        if clock is not None and el.tag == "p" and len(text.split()) > 4 and text[:60] in kept:
            # (The entry's first paragraph the page keeps: not an embedded post dropped as chrome.)
            clock_of.setdefault(text[:60], clock)
            clock = None
    days = [day_of.get(squash(p)[:60]) for p in paragraphs]
    timed = sum(1 for p in paragraphs if squash(p)[:60] in clock_of)

    def with_times() -> tuple[str, ...]:
        return tuple(f"{clock_of[squash(p)[:60]]} – {p}" if squash(p)[:60] in clock_of else p for p in paragraphs)

    if not entries and undated >= _ONE_DAY_ENTRIES and timed >= _ONE_DAY_ENTRIES:
        # A live ticker that prints only each entry's time: the day is the page's.
        return with_times(), None
    if entries >= _ONE_DAY_ENTRIES and len({d for d in days if d}) == 1 and timed >= _ONE_DAY_ENTRIES:
        # A one-day live page: each entry opens with its time, as a text live page prints
        # it, so the extractor reads the entries as the page's day's.
        return with_times(), next(d for d in days if d)
    if entries < _LIVE_ENTRIES or len({d for d in days if d}) < 2:
        return paragraphs, None  # a date line and a quoted post's time are no live page's entries
    out: list[str] = []
    last = None
    for p, d in zip(paragraphs, days):
        if d is not None and d != last:
            out.append(f"{d:%A} {d.day} {d:%B} {d.year}")
            last = d
        out.append(p)
    return tuple(out), None


# --- parsing ----------------------------------------------------------------------


def _parse(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input that still declares a byte encoding.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    return doc


def _plain(text: str | None) -> str | None:
    """Metadata as plain text: markup removed, whitespace squashed."""
    if text is None:
        return None
    t = squash(_TAG.sub(" ", str(text)))
    return t or None


def _first(*values: Any) -> Any:
    return next((v for v in values if v), None)


def _http(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    u = url.strip()
    return u if re.match(r"^https?://[^\s<>\"']+$", u, re.I) else None


def _metas(doc) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in doc.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if not key or content is None or _in_surroundings(el):
            continue
        out.setdefault(key.strip().lower(), content.strip())
    return out


def _canonical(doc) -> str | None:
    for el in doc.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            return el.get("href")
    return None


def _in_surroundings(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _SURROUNDING_TAGS:
            return True
        if anc.tag in ("head", "article", "main", "body", "html"):
            return False
        marker = f"{anc.get('class', '')} {anc.get('id', '')} {anc.get('role', '')}"
        if _SURROUNDINGS.search(marker) or anc.get("role") in ("complementary", "contentinfo", "navigation"):
            return True
    return False


# --- JSON-LD ----------------------------------------------------------------------


def _json_ld(doc) -> tuple[dict, int]:
    """The page's own article object from its JSON-LD (and how many blocks were broken)."""
    nodes: list[dict] = []
    bad = 0
    for el in doc.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(el.text or "")
        except (ValueError, TypeError):
            bad += 1
            continue
        nodes.extend(_flatten(data))
    articles = [n for n in nodes if _types(n) & _ARTICLE_TYPES] or [
        n for n in nodes if "datePublished" in n or "headline" in n]
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    # Pages list related articles in JSON-LD too: prefer the one that is this page.
    here = {u.rstrip("/") for u in (_canonical(doc), _metas(doc).get("og:url")) if u}
    for node in articles:
        if {(_ld_str(node, k) or "").rstrip("/") for k in ("url", "mainEntityOfPage", "@id")} & here:
            return _resolved(node, by_id), bad
    return (_resolved(articles[0], by_id) if articles else {}), bad


def _resolved(node: dict, by_id: dict[str, dict]) -> dict:
    """The article with its author and publisher references ({"@id": ...}, as in
    WordPress @graph blocks) replaced by the nodes they point to."""
    def look(v: Any) -> Any:
        if isinstance(v, list):
            return [look(x) for x in v]
        if isinstance(v, dict) and "name" not in v and isinstance(v.get("@id"), str):
            return by_id.get(v["@id"], v)
        return v
    out = dict(node)
    for key in ("author", "publisher", "creator"):
        if key in out:
            out[key] = look(out[key])
    return out


def _flatten(data: Any) -> Iterable[dict]:
    if isinstance(data, list):
        for d in data:
            yield from _flatten(d)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _flatten(data["@graph"])


def _types(node: dict) -> set[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _ld_str(ld: dict, key: str) -> str | None:
    v = ld.get(key)
    if isinstance(v, dict):
        v = v.get("@id") or v.get("url")
    if isinstance(v, list):
        v = next((x for x in v if isinstance(x, str)), None)
    return v if isinstance(v, str) else None


def _ld_name(v: Any) -> str | None:
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        name = v.get("name")
        return name if isinstance(name, str) else None
    if isinstance(v, list):
        names = [n for n in (_ld_name(x) for x in v) if n]
        return " and ".join(names) if names else None
    return None


# --- fields -----------------------------------------------------------------------


def _title(doc, meta: dict, ld: dict, outlet: str | None) -> str | None:
    h1 = next((squash(el.text_content()) for el in doc.iter("h1") if not _in_surroundings(el)), None)
    title_el = doc.find(".//title")
    page_title = title_el.text_content() if title_el is not None else None
    social = _first(meta.get("og:title"), meta.get("twitter:title"),
                    ld.get("headline") if isinstance(ld.get("headline"), str) else None)
    if h1 and social and _printed_headline(h1, _plain(social), _strip_site(_plain(page_title), outlet)):
        return _plain(h1)
    return _strip_site(_plain(_first(social, h1, page_title)), outlet)


def _printed_headline(h1: str, social: str | None, page_title: str | None) -> bool:
    """Is the page's printed <h1> its headline rather than the title it gives for sharing?
    Sharing titles are often cut short; the <h1> wins where the page's own <title> says
    the same as the <h1>, or the <h1> is the sharing title with more words after it
    (an <h1> may also be the site's logo, which neither confirms)."""
    a, b = h1.lower().strip(), (social or "").lower().strip()
    if not b or a == b:
        return False
    return (page_title is not None and page_title.lower().strip() == a) or (a.startswith(b) and len(a) > len(b))


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    """ "Troops cross border | Daily Planet" -> "Troops cross border"."""
    if not title:
        return None
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        same_site = outlet and tail.strip().lower() == outlet.strip().lower()
        # Without a known site name only " | " is safe: headlines themselves use dashes.
        if same_site or (sep == " | " and len(tail.split()) <= 4 and len(head.split()) >= 3):
            return head.strip() or title
    return title


_SECTION_WORDS = frozenset("""
home news world politics business economy markets opinion sports sport culture science tech technology
health asia europe africa americas us uk middle east national international local latest live video
analysis features north korea south korean defense defence diplomacy military
""".split())


def _headings(doc, meta: dict, ld: dict) -> set[str]:
    found = {squash(el.text_content()).lower() for el in doc.iter("h1", "h2") if not _in_surroundings(el)}
    for v in (meta.get("og:title"), meta.get("twitter:title"), ld.get("headline")):
        if isinstance(v, str):
            found.add(squash(v).lower())
    return found


def _title_site(doc, meta: dict, ld: dict) -> str | None:
    """ "Troops engage in Kursk - Reuters" -> "Reuters", when the part before the
    separator is this page's headline (or the suffix owns the copyright) and the
    suffix is not a section name."""
    el = doc.find(".//title")
    title = _plain(el.text_content()) if el is not None else None
    if not title:
        return None
    headings = _headings(doc, meta, ld)
    owners = None
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        tail = tail.strip()
        tokens = re.findall(r"[a-z]+", tail.lower())
        if not 1 <= len(tail.split()) <= 5 or len(head.split()) < 3 or set(tokens) <= _SECTION_WORDS:
            continue
        if head.strip().lower() in headings:
            return tail
        if owners is None:
            owners = [o for o in (outlet_from((), [line]) for line in _copyright_lines(doc)) if o]
        if any(same_outlet(tail, o) for o in owners):
            return tail
    return None


_COPYRIGHT_MARK = re.compile(r"©|\(c\)|ⓒ|\bcopyright\b", re.I)


def _copyright_lines(doc) -> list[str]:
    """Short texts of the elements that carry a copyright notice (footers)."""
    out = []
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "meta"):
            continue
        own = " ".join(t for t in (el.text, *(c.tail for c in el)) if t)
        if _COPYRIGHT_MARK.search(own):
            text = squash(el.text_content())
            if len(text) <= 300:
                out.append(text)
    return out


def _byline(doc, meta: dict, ld: dict) -> str | None:
    author = meta.get("author") or meta.get("article:author") or meta.get("parsely-author") or meta.get("dc.creator")
    if author and _http(author):
        author = None  # article:author is often a profile URL
    author = author or _ld_name(ld.get("author"))
    if not author:
        for el in doc.iter("a"):
            if "author" in (el.get("rel") or "").lower().split() and not _in_surroundings(el):
                author = el.text_content()
                break
    if not author:
        for el in doc.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " byline ") '
                            'or contains(@class, "author")]'):
            if _in_surroundings(el):
                continue
            text = squash(el.text_content())
            author = chrome.by_line(text) or chrome.name_line(text)
            if author:
                break
    author = _plain(author)
    if author:
        author = chrome.by_line(author) or re.sub(r"^(?i:by)\s+", "", author)
    return author or None


def _captions(doc) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    marked = doc.xpath('//figcaption | //*[contains(@class, "caption") or contains(@class, "photo-desc") '
                       'or contains(@class, "img-desc")]')
    for el in marked:
        if _in_surroundings(el) or any(a in marked for a in el.iterancestors()):
            continue
        t = squash(el.text_content())
        if t:
            seen.setdefault(t, None)
    return tuple(seen)


_ITEM_TIME = re.compile(r"(<li\b[^>]*>\s*)<time\b[^>]*>([^<]{1,40})</time>", re.I)
# An embedded post as the platform's embed code prints it: the post's words, then
# "— Name (@handle) <a>October 27, 2024</a>" (in the quotation itself or its
# <footer>, whatever the page calls it: "twitter-tweet", "x-post", …).
_EMBEDDED_POST = re.compile(r"<blockquote\b[^>]*>((?:(?!<blockquote\b).)*?)</blockquote>", re.I | re.S)
_POST_BY = re.compile(r"^[—–-]+\s*(?P<name>[^()@]+?)\s*\(@\w{1,30}\)\s*(?P<date>.{4,40})$")


# A transcript that sets each speaker's label in a definition list's term, the speech
# in its description ("<dt>Minister Sybiha:</dt><dd><p>…</p></dd>"): the label as a line.
_DT_LABEL = re.compile(r"<dt\b[^>]*>\s*([A-Z][^<>:]{1,120}:)\s*</dt>")


def _labels_from_terms(html: str) -> str:
    """Each speaker's label a line of its own, above the speech it opens (kept in order:
    the main-text extractor reads a definition list's terms apart from its descriptions)."""
    if len(_DT_LABEL.findall(html)) < 2:
        return html
    html = _DT_LABEL.sub(r"<p>\1</p>", html)
    return re.sub(r"<(/?)(?:dl|dd)\b[^>]*>", r"<\1div>", html)


def _embedded_posts(html: str) -> str:
    """Each embedded post as the sentence the page shows it as: who posted it, when, and
    its words ("Jane Doe posted on X on October 27, 2024: “…”"). Trafilatura keeps the
    words and drops the rest; the words alone would be nobody's."""
    import html as htmllib

    def one(m: re.Match) -> str:
        try:
            frag = lxml.html.fragment_fromstring(m.group(1), create_parent="div")
        except (etree.ParserError, ValueError):
            return m.group(0)
        paras = frag.findall(".//p")
        words = squash(" ".join(p.text_content() for p in paras))
        by = squash("".join([paras[-1].tail or ""] + [etree.tostring(x, method="text", encoding="unicode") for x in paras[-1].itersiblings()])) if paras else ""
        found = _POST_BY.match(by)
        day = find_date(found.group("date"))[0] if found else None
        if not words or found is None or day is None:
            return m.group(0)
        # "Jane Doe / Джейн Доу", "Jane Doe 🇺🇦": the name in Latin letters, as the text spells it.
        name = re.sub(r"[^\w.'’ -]+.*$", "", found.group("name").split(" / ")[0]).strip()
        if not name:
            return m.group(0)
        return f"<p>{htmllib.escape(name)} posted on X on {day.strftime('%B')} {day.day}, {day.year}: “{htmllib.escape(words)}”</p>"

    return _EMBEDDED_POST.sub(one, html)


def _body(html: str, url: str | None, captions: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The article's paragraphs: trafilatura finds the main text, the shared
    boilerplate stage then drops link rows, teaser lists and notes around it."""
    # Imported here, not with the module: trafilatura and htmldate take about half a
    # second to import, which every build (even one with nothing to do, or with no
    # HTML page) would otherwise pay, since the configuration loads this package.
    import trafilatura

    # A dated list's items open with their day ("<li><time>26 April 2025</time> — Gerasimov
    # says …"): the day is the item's text, which trafilatura would drop with the element.
    html = _ITEM_TIME.sub(r"\g<1>\g<2>", html)
    html = _embedded_posts(html)
    html = _labels_from_terms(html)
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_tables=False,
        include_images=False, include_links=True, with_metadata=False, favor_precision=True,
    ) or trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_tables=False,
        include_images=False, include_links=True, with_metadata=False,
    )
    if not xml:
        return (), ()
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return (), ()
    main = root.find("main")
    if main is None:
        main = root
    blocks: list[Block] = []
    for el in main.iter("p", "item", "quote", "head"):
        if el.tag == "head":
            # A heading reaches the body only when it carries a date (boilerplate).
            t = _plain(" ".join(el.itertext())) or ""
            if t and boilerplate.dated_heading(t):
                blocks.append(Block(t, heading=True))
            continue
        # A quote's paragraphs are read as paragraphs; its own text only if it has none.
        # So are a list item's (a live ticker's entries are items holding a headline and
        # paragraphs: read whole, the headline runs into the first sentence).
        if el.tag in ("quote", "item") and el.find(".//p") is not None:
            continue
        if any(a.tag == "p" or a.tag == "item" and a.find(".//p") is None for a in el.iterancestors()):
            continue
        links = sum(len(squash(" ".join(r.itertext()))) for r in el.iter("ref"))
        for para in paragraphs_of(" ".join(el.itertext())):
            # List items without a sentence are link lists ("Related: ...").
            if el.tag == "item" and not (is_prose(para) or is_short_sentence(para)):
                continue
            text = _plain(para) or ""
            if text:
                share = links / max(len(squash(" ".join(el.itertext()))), 1)
                blocks.append(Block(text, link_chars=round(share * len(text)), item=el.tag == "item"))
    cap = set(captions)
    page = boilerplate.strip([b for b in blocks if b.text not in cap])
    return page.paragraphs, tuple(b.text for b in page.captions)


def _caption_paragraphs(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """Paragraphs that end in a photo credit: captions the extractor kept as text."""
    return tuple(
        p for p in paragraphs
        if len(p.split()) <= 60 and chrome.photo_credit(p, bracketed=chrome.trailing_credit(p) is None)
    )


def _day_first(doc, stated: Iterable[str | None] = ()) -> bool | None:
    """The day-month order of the page's numeric dates (the metadata's `stated` ones
    among them), from the dates printed on the page."""
    texts = [squash(t) for t in doc.xpath("//body//text()[normalize-space()]")]
    return day_first([t for t in texts if len(t) <= 120] + [v for v in stated if v])


def _header_line(p: str, title: str | None) -> bool:
    if title and p == title:
        return True
    if len(p.split()) <= 12 and header_date(p, True):
        return True  # a date printed alone, as under a headline
    if len(p.split()) <= 10 and chrome.by_line(p):
        return True
    return len(p.split()) <= 20 and stamps(p) is not None


# --- dates ------------------------------------------------------------------------


def _date_of(value: str | None, dayfirst: bool | None = None) -> dt.date | None:
    """The calendar date as the page wrote it (the outlet's local day for ISO stamps)."""
    if not value:
        return None
    m = re.match(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return parse_value(value, dayfirst) or find_date(value, dayfirst)[0]


def _first_date(values: Iterable[str | None]) -> dt.date | None:
    return next((d for d in (_date_of(v) for v in values) if d), None)


def _published(doc, meta: dict, ld: dict, url: str | None,
               dayfirst: bool | None = None) -> tuple[dt.date | None, str | None]:
    """(publication date, the stamp it was read from) from the page's metadata."""
    for raw in [meta.get(k) for k in _PUBLISHED_META] + [_ld_str(ld, "datePublished")]:
        d = _date_of(raw, dayfirst)
        if d:
            return d, raw
    for el in doc.xpath('//*[@itemprop="datePublished"]'):
        if not _in_surroundings(el):
            raw = el.get("datetime") or el.get("content") or el.text_content()
            d = _date_of(raw, dayfirst)
            if d:
                return d, raw
    return _htmldate_from_head(doc, url), None


def _local_day(published: dt.date, raw: str | None, dl) -> dt.date:
    """A UTC stamp one day off the dateline's day is the dateline's local day."""
    if not raw or dl.month is None or not re.search(r"(?:Z|[+-]00:?00)\s*$", raw.strip()):
        return published
    for year in (published.year, published.year - 1, published.year + 1):
        cand = dl.on(year)
        if cand and abs((cand - published).days) == 1:
            return cand
    return published


_UPDATE_MARK = re.compile(r"updat|modif|edited|revised", re.I)


def _stamp_above(doc, paragraphs: tuple[str, ...], title: str | None = None) -> dt.date | None:
    """A "Posted : 2024-12-27" stamp printed between the headline and the first
    paragraph (never one further down, where teasers and comments carry their own);
    after the headline, also a <time> or a date printed alone (the article header's
    date), unless it is marked as an update. Numeric dates are read in the order the
    header's other dates settle (newsgen.load.pubdate.day_first)."""
    header = _article_header(doc, paragraphs, title)
    order = day_first([t for _, t, _ in header])
    for el, text, below in header:
        st = stamps(text, order)
        if st and st.published:
            return st.published
        if below and not st and not _marked_update(el):
            d = _date_of(el.get("datetime")) if el.tag == "time" else None
            # (Or a cell of a meta line: "Live ticker · Friday, 29 November 2024 · Editors: …".)
            d = d or header_date(text, order) or next(
                (c for c in (header_date(cell, order) for cell in re.split(r"\s+[|·•]\s+", text)[1:]) if c), None)
            if d:
                return d
    return None


def _stamp_below(doc, paragraphs: tuple[str, ...]) -> dt.date | None:
    """A publication line printed after the last paragraph, as a cell of the page's foot
    ("The Ledger | Article published 22 August 2025 | https://…", a print version's),
    outside the page's surroundings (where teasers carry their own dates)."""
    if not paragraphs:
        return None
    last = paragraphs[-1][:60]
    body = doc.find("body")
    past = False
    for el in (body.iter() if body is not None else ()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        text = squash(el.text_content())
        if not past:
            past = last in text and len(text) <= 2 * len(paragraphs[-1])
            continue
        if el.tag not in ("p", "div", "span", "small") or len(text.split()) > 30 or _in_surroundings(el) \
                or any(isinstance(ch.tag, str) and ch.tag in ("p", "div") for ch in el):
            continue
        for cell in re.split(r"\s+[|·•]\s+", text):
            st = stamps(cell)
            if st and st.published:
                return st.published
    return None


def _article_header(doc, paragraphs: tuple[str, ...], title: str | None) -> list[tuple[Any, str, bool]]:
    """The short elements between the top of the page and the first paragraph, outside
    the page's surroundings: (element, text, whether it stands under the headline)."""
    if not paragraphs:
        return []
    first = paragraphs[0][:60]
    body = doc.find("body")
    header: list[tuple[Any, str, bool]] = []
    after_headline = False
    for el in (body.iter() if body is not None else ()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        text = squash(el.text_content())
        if first in text and len(text) <= 2 * len(paragraphs[0]):
            break  # reached the first paragraph (larger containers hold it too)
        if len(text.split()) > 20 or _in_surroundings(el):
            continue
        if el.tag in ("h1", "h2") and (el.tag == "h1" or (title and text == title)):
            after_headline = True
            continue
        header.append((el, text, after_headline))
    return header


def _byline_above(doc, paragraphs: tuple[str, ...], title: str | None) -> str | None:
    """A "By ..." line under the headline and above the first paragraph (a byline in
    markup that names no author class)."""
    for _, text, below in _article_header(doc, paragraphs, title):
        if not below:
            continue
        # Also as a cell of the line ("Record posted 24 October 2024 · Prepared by Jane Doe").
        cells = [c for c in re.split(r"\s+[|·•]\s+", text) if c != text]
        name = chrome.by_line(text) or next((n for n in (chrome.by_line(c) for c in cells) if n), None)
        if name:
            return name
    return None


def _marked_update(el) -> bool:
    marks = [el.get("class", ""), el.get("itemprop", ""), el.get("id", ""), el.text_content()]
    parent = el.getparent()
    if parent is not None:
        marks += [parent.get("class", ""), parent.get("itemprop", ""), (parent.text or "")]
    return any(_UPDATE_MARK.search(m or "") for m in marks)


def _htmldate_from_head(doc, url: str | None) -> dt.date | None:
    """htmldate over the <head> alone (minus update stamps): metadata only, so a date
    printed in the page's furniture can never be taken for the publication date."""
    head = doc.find("head")
    if head is None:
        return None
    keep = []
    for el in head:
        if not isinstance(el.tag, str):
            continue
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if el.tag == "meta" and key in _MODIFIED_META:
            continue
        if el.tag in ("meta", "link", "title"):
            keep.append(lxml.html.tostring(el, encoding="unicode"))
    page = "<html><head>" + "".join(keep) + "</head><body></body></html>"
    from htmldate import find_date as htmldate_find  # see _body: imported when needed

    try:
        found = htmldate_find(page, extensive_search=False, original_date=True, url=url,
                              outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate on odd input must not stop a build
        return None
    return _date_of(found)
