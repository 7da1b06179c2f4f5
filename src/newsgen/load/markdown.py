"""Markdown articles (.md) with YAML front matter -> Story.

Front matter fields, with the other names site generators and web clippers use:
title; outlet (site, site_name, publisher, publication); url (link, canonical);
published (date, pubDate, publishDate, date_published, ...); updated (lastmod,
modified: never the publication date); author (authors, byline, creator; lists
and [[wiki links]] allowed); credit; source (an address is the url, a wire is the
credit, any other name the outlet). `created`/`clipped` are when a page was saved,
never when it was published. Other common keys are ignored quietly; unknown keys
give a warning.

The body is rendered with Python-Markdown and read back as plain text, so emphasis,
links and inline HTML leave only their words; a heading is a paragraph only when it
carries a date ("### 15 June: ..."), which dates the text under it. Image
alt/title text and an italic line right after an image are captions. "By ..." and
"Published ..." lines (or a date alone) before the first paragraph fill in the
byline and date when the front matter lacks them and are not paragraphs.

Date values are read with dateutil in the formats people write (RFC 2822, "January
13th, 2025", 13.01.2025), numeric ones in the order the page's other dates settle;
a templating placeholder left unfilled ("{{ page.date }}") is refused with a warning,
and a saved-on date (`created`) counts only where the dateline's day agrees. The
paragraphs then pass through the shared boilerplate stage (newsgen.load.boilerplate),
which sees the Markdown's links, emphasis, lists and horizontal rules.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace
from typing import Any

import lxml.etree as etree
import lxml.html
import markdown as md

from newsgen.load import boilerplate, chrome
from newsgen.load.boilerplate import Block
from newsgen.load.clean import ends_sentence, is_prose, squash, word_count
from newsgen.load.datetext import dateline, header_date, stamps
from newsgen.load.pubdate import day_first, is_template, parse_value
from newsgen.model import Problem, Story
from newsgen.yamlfile import Located, parse

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_TOML = "\0toml\n"  # marks front matter that _split found between '+++' lines
_ALIASES = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "site", "site_name", "sitename", "publisher", "publication", "service", "newswire"),
    "url": ("url", "link", "canonical", "canonical_url", "permalink"),
    "published": ("published", "date", "pubdate", "pub_date", "publishdate", "publish_date", "date_published",
                  "datepublished", "published_at", "published_date", "publication_date", "posted", "posted_at",
                  "date_posted", "filed", "filed_at",
                  # a live page's: the day it opened, its first entries'
                  "opened", "opened_at", "started", "started_at",
                  # a release service's: the day the statement was issued
                  "release_date", "released", "date_released", "issued", "issue_date", "date_issued"),
    "updated": ("updated", "lastmod", "modified", "last_modified", "datemodified", "date_modified", "updated_at"),
    "author": ("author", "authors", "byline", "by", "creator", "creators"),
    "credit": ("credit", "wire"),
    "source": ("source", "source_url"),
}
# Keys that say nothing this reader uses (or that must never be read as a
# publication date: created/clipped/saved are when the page was saved).
_IGNORED = frozenset("""
created clipped saved captured accessed description summary excerpt subtitle dek deck lede tags categories
category keywords topics image images cover thumbnail featured_image lang language locale slug draft layout
id type aliases toc comments release_type issuers page_reviewed reviewed section sections
""".split())
# When the page was saved, not published: evidence only where the dateline agrees.
_SAVED = ("created", "clipped", "saved", "captured", "date_created", "datecreated")
_KNOWN = {k for names in _ALIASES.values() for k in names} | _IGNORED
# Elements whose text is never article text.
_SET_OFF = ("em", "i", "strong", "b", "small")
_DROP = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "form", "button"}


def read_markdown(text: str, seed: str) -> tuple[Story, tuple[Problem, ...]]:
    stem = seed.rsplit(".", 1)[0]
    problems: list[Problem] = []
    front, body, offset, fm_problems = _split(text, seed)
    problems += fm_problems
    fields: dict[str, Any] = {}
    located: Located | None = None
    if front is not None and front.startswith(_TOML):
        located, toml_problems = _toml(front[len(_TOML):], seed)
        problems += [replace(p, line=p.line + offset if p.line else offset) for p in toml_problems]
        if located is not None:
            fields = located.data
    elif front is not None:
        located, yaml_problems = parse(front, seed)
        problems += [Problem(p.file, f"front matter: {p.message}; reading the other fields line by line",
                             p.line + offset if p.line else offset, "error")
                     for p in yaml_problems]
        if located is None:
            located = _salvage(front, seed)
        if located is not None and located.data is not None:
            if isinstance(located.data, dict):
                fields = located.data
            else:
                problems.append(Problem(seed, "front matter is not a mapping of fields; ignored", offset, "warning"))

    def line_of(key: str) -> int | None:
        n = located.line(key) if located else None
        return n + offset if n else None

    for key in fields:
        if str(key).lower() not in _KNOWN:
            problems.append(Problem(seed, f"unknown front-matter field {key!r}; ignored", line_of(key), "warning"))

    def field(name: str) -> tuple[str | None, Any]:
        """(key as written, value) of the first alias of `name` present."""
        lowered = {str(k).lower(): k for k in fields}
        for alias in _ALIASES[name]:
            if alias in lowered and fields[lowered[alias]] not in (None, ""):
                return lowered[alias], fields[lowered[alias]]
        return None, None

    title_from_heading, blocks, captions = _body(body)
    texts = tuple(b.text for b in blocks)
    # Day-month order of numeric dates, from the header lines and front-matter values.
    lead = next((d for d in (dateline(t) for t in texts[:5]) if d), None)
    order = day_first([str(v) for v in fields.values() if isinstance(v, str)] + list(texts[:5]),
                      days=[(lead.month, lead.day)] if lead and lead.month else ())
    links = 0  # link rows above the header ("View this email in your browser")
    while links < len(blocks) and links < 3 and blocks[links].link_chars * 2 >= len(blocks[links].text):
        links += 1
    head, rest = _header_lines(texts[links:], order)
    page = boilerplate.strip(blocks[len(blocks) - len(rest):])
    # A byline and date line under a promo or standfirst that the boilerplate stage
    # took out is still the header, not the article's first paragraph.
    more, paragraphs = _header_lines(page.paragraphs, order)
    for k, v in more.items():
        head.setdefault(k, v)
    captions = tuple(dict.fromkeys(captions + tuple(b.text for b in page.captions)))
    tkey, tval = field("title")
    title = _text(tval, tkey, seed, line_of, problems) or title_from_heading
    dl = dateline(paragraphs[0]) if paragraphs else None

    published, basis = None, None
    key, value = field("published")
    if key is not None:
        published = _date(value, order)
        if published is None and isinstance(value, str) and is_template(value):
            problems.append(Problem(
                seed, f"front matter: {key} {value!r} is a template placeholder the site generator left unfilled, "
                "not a date; using the article's own date lines if they have a full date", line_of(key), "warning"))
        elif published is None:
            problems.append(Problem(
                seed, f"front matter: {key} {value!r} is not a date (write YYYY-MM-DD); "
                "using the article's own date lines if they have a full date", line_of(key), "warning"))
        else:
            basis = "front matter"
    if published is None and head.get("published"):
        published, basis = head["published"], head["basis"]
    if published is None and dl is not None:
        published = dl.on(dl.year)
        basis = "dateline" if published else None
    if published is None and dl is not None:
        # When a page was saved ("created", "clipped") is the publication day only where
        # the dateline's own day agrees with it.
        saved = next((_date(fields[k], order) for k in fields if str(k).lower() in _SAVED), None)
        if saved and (dl.month, dl.day) == (saved.month, saved.day):
            published, basis = saved, "dateline and front matter"
    if published is None and key is None:
        problems.append(Problem(
            seed, "no publication date: the front matter has none (published: YYYY-MM-DD) and the article "
            "gives no full date", offset or None, "warning"))
    ukey, uval = field("updated")
    updated = _date(uval) if ukey else None

    akey, aval = field("author")
    byline = _text(aval, akey, seed, line_of, problems)
    if byline:
        byline = chrome.by_line(byline) or byline
    byline = byline or head.get("byline")
    skey, source = field("source")
    source = _text(source, skey, seed, line_of, problems)
    ckey, cval = field("credit")
    credit = _text(cval, ckey, seed, line_of, problems)
    okey, oval = field("outlet")
    outlet = _text(oval, okey, seed, line_of, problems)
    ukey2, uval2 = field("url")
    url = _text(uval2, ukey2, seed, line_of, problems)
    if source and re.match(r"^https?://", source, re.I):
        url = url or source
    elif source and chrome.WIRE_RX.match(source):
        credit = credit or source
    elif source:
        outlet = outlet or source
    credit = credit or chrome.wire_credit(dl.credit if dl else None, paragraphs)
    if url and not re.match(r"^https?://\S+$", url, re.I):
        problems.append(Problem(seed, f"front matter: url {url!r} is not an http(s) address; ignored",
                                line_of(ukey2 or "url"), "warning"))
        url = None
    paragraphs = boilerplate.without_outlet_blurb(paragraphs, outlet)
    if not paragraphs:
        problems.append(Problem(seed, "no article text after the front matter", severity="warning"))

    story = Story(
        id=stem,
        seed=seed,
        title=title,
        outlet=outlet,
        credit=credit,
        byline=byline,
        url=url,
        published=published,
        published_basis=basis,
        paragraphs=paragraphs,
        captions=captions,
        updated=updated,
        dateline=dl.text if dl else None,
        format="md",
    )
    return story, tuple(problems)


def _split(text: str, seed: str) -> tuple[str | None, str, int, list[Problem]]:
    """(front matter, body, line number of the opening fence, problems). TOML front
    matter (Hugo's, between '+++' lines) comes back marked with _TOML."""
    lines = text.lstrip("\ufeff").splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is not None and lines[start].strip() == "+++":
        end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "+++"), None)
        if end is None:
            return None, text, 0, [Problem(seed, "front matter opened with '+++' is never closed; read as text", start + 1, "error")]
        return _TOML + "\n".join(lines[start + 1:end]), "\n".join(lines[end + 1:]), start + 1, []
    if start is None or lines[start].strip() != "---":
        return None, text, 0, []
    for end in range(start + 1, len(lines)):
        if _FENCE.match(lines[end]):
            return "\n".join(lines[start + 1:end]), "\n".join(lines[end + 1:]), start + 1, []
    # Most often the closing fence was forgotten: take the fields up to the first blank line.
    stop = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    problem = Problem(seed, "front matter opened with '---' is never closed; reading it up to the first "
                      "blank line", start + 1, "error")
    return "\n".join(lines[start + 1:stop]), "\n".join(lines[stop:]), start + 1, [problem]


def _toml(front: str, seed: str) -> tuple[Located | None, list[Problem]]:
    """TOML front matter read with the standard library's tomllib; the line of each
    top-level key, for messages."""
    import tomllib

    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as e:
        at = re.search(r"line (\d+)", str(e))
        return None, [Problem(seed, f"front matter (TOML): {str(e).split(' (at')[0]}; ignored",
                              int(at.group(1)) if at else None, "error")]
    lines = {}
    for no, line in enumerate(front.splitlines(), 1):
        m = re.match(r"\s*([A-Za-z_][\w-]*)\s*=", line)
        if m and (m.group(1),) not in lines:
            lines[(m.group(1),)] = no
    # Tables ([params]) hold a theme's settings, not the article's fields.
    return Located(seed, {k: v for k, v in data.items() if not isinstance(v, dict)}, lines), []


def _salvage(front: str, seed: str) -> Located | None:
    """The well-formed `key: value` lines of a front matter that does not parse as a whole."""
    data: dict[str, Any] = {}
    lines: dict[tuple, int] = {}
    for no, line in enumerate(front.splitlines(), 1):
        if not re.match(r"^[A-Za-z_][\w-]*\s*:\s*\S", line):
            continue
        one, errs = parse(line, seed)
        if errs or one is None or not isinstance(one.data, dict):
            continue
        for k, v in one.data.items():
            if isinstance(v, (str, int, float, dt.date)) and k not in data:
                data[k] = v
                lines[(k,)] = no
    return Located(seed, data, lines) if data else None


def _text(value: Any, key: str, seed: str, line_of, problems: list[Problem]) -> str | None:
    """A front-matter value as plain text (a list of names is joined with "and")."""
    if value is None:
        return None
    if isinstance(value, list) and value and all(isinstance(v, dict) and isinstance(v.get("name"), str) for v in value):
        value = [v["name"] for v in value]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = " and ".join(_unlinked(v) for v in value)
    if isinstance(value, str):
        value = _unlinked(value)
    if isinstance(value, (dict, list)):
        problems.append(Problem(seed, f"front matter: {key} should be text; ignored", line_of(key), "warning"))
        return None
    t = squash(re.sub(r"</?[A-Za-z][^<>]*>", " ", str(value)))
    return t or None


def _unlinked(value: str) -> str:
    """ "[[Jane Doe]]" (a wiki link, as web clippers write authors) -> "Jane Doe"."""
    return re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", value).strip()


def _header_lines(paragraphs: tuple[str, ...], dayfirst: bool | None = None) -> tuple[dict, tuple[str, ...]]:
    """Byline and date lines standing before the first paragraph of text."""
    found: dict = {}
    i = 0
    while i < min(len(paragraphs), 4) and word_count(paragraphs[i]) <= 20:
        p = paragraphs[i]
        # A standfirst signed at its end ("Your morning read, in five minutes. By Jane Doe.").
        signed = re.split(r"(?<=[.!?])\s+(?=By\s)", p)
        if is_prose(p) and not (len(signed) > 1 and chrome.by_line(signed[-1].rstrip("."))):
            break
        name = chrome.by_line(p) or (chrome.by_line(signed[-1].rstrip(".")) if len(signed) > 1 else None)
        st = stamps(p, dayfirst)
        if name:
            found.setdefault("byline", name)
        elif st:
            if st.published:
                found.setdefault("published", st.published)
                found.setdefault("basis", "publication line")
        elif header_date(p, dayfirst):
            found.setdefault("published", header_date(p, dayfirst))
            found.setdefault("basis", "header date")
        else:
            break
        i += 1
    return found, paragraphs[i:]


def _date(value: Any, dayfirst: bool | None = None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_value(value, dayfirst)
    return None


def _emphasis_only(el) -> bool:
    """Is all the element's text inside <em>/<i> (an italic caption line)?"""
    if (el.text or "").strip():
        return False
    kids = [c for c in el if isinstance(c.tag, str)]
    return (any(c.tag in ("em", "i") for c in kids)
            and all(c.tag in ("em", "i", "img", "br") and not (c.tail or "").strip() for c in kids))


@functools.lru_cache(maxsize=1)
def _converter() -> md.Markdown:
    # One converter per process, reset before each page: building one (its parsers and
    # pattern registries) cost about a fifth of the conversion itself.
    return md.Markdown(output_format="html")


# A line of plain prose: it opens with a letter, a quote mark or a parenthesis (not
# with what opens a heading, list, quote block, code block, rule or HTML), has none of
# the characters of Markdown's inline syntax or of HTML (`*_[]<>&\\` and backticks), no
# control character and no trailing space (two of which make a line break).
_PLAIN_LINE = re.compile(r"(?:[^\W\d_]|[\"“‘'(])[^\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029`*_\[\]<>&\\\n]*(?<=\S)")
_BLANK_LINES = re.compile(r"\n{2,}")


def _plain_html(body: str) -> str | None:
    """What Python-Markdown makes of a body of plain paragraphs (lines of plain prose,
    paragraphs apart by blank lines): each paragraph in <p>, as it stands. None for
    anything else, which goes through the converter. Most articles are plain prose,
    and the converter is the slowest step of reading one."""
    paragraphs = _BLANK_LINES.split(body.strip("\n"))
    if not all(_PLAIN_LINE.fullmatch(line) for p in paragraphs for line in p.split("\n")):
        return None
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _body(body: str) -> tuple[str | None, tuple[Block, ...], tuple[str, ...]]:
    """(title from a leading "# Heading", blocks of text for the boilerplate stage, image captions)."""
    html = _plain_html(body)
    if html is None:
        html = _converter().reset().convert(body)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None, (), ()
    for bad in [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in _DROP]:
        bad.drop_tree()
    title = None
    out: list[tuple[Block, int]] = []
    captions: dict[str, None] = {}
    after_image = False
    rules = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "hr":
            rules += 1
            continue
        if tag == "h1" and title is None and all(b.link_chars * 2 >= len(b.text) for b, _ in out):
            # (Above it, at most links: "View this email in your browser · Forward".)
            title = squash(el.text_content()) or None
            continue
        if tag in ("h2", "h3", "h4", "h5", "h6") or tag == "h1" and (title is not None or out):
            # A section heading goes to the boilerplate stage, which keeps it only when it
            # carries a date ("### 15 June: ..."): it sets the day of the text under it.
            t = squash(el.text_content())
            if t and boilerplate.dated_heading(t):
                out.append((Block(t, heading=True), rules))
            elif t and boilerplate.is_clock(t):
                out.append((Block(t), rules))  # "### 06:40 GMT": a live page's entry time, opening the entry below
            elif t and (clock := boilerplate.clock_of_heading(t)):
                out.append((Block(clock), rules))  # "### 17:45 KST · Kim visit …": its time
            continue
        if tag == "figcaption":  # raw HTML figures keep their caption
            cap = squash(el.text_content())
            if cap:
                captions.setdefault(cap, None)
            continue
        if tag not in ("p", "li") or any(a.tag == "figcaption" for a in el.iterancestors()):
            continue
        # List items that hold paragraphs are read through those paragraphs; a nested
        # item is already part of its parent's text.
        ancestors = {a.tag.lower() for a in el.iterancestors() if isinstance(a.tag, str)}
        if tag == "li" and (el.find(".//p") is not None or "li" in ancestors):
            continue
        if tag == "p" and "p" in ancestors:
            continue
        t = squash(el.text_content())
        images = el.findall(".//img")
        for img in images:
            # The title attribute is the caption proper; alt text describes the image.
            cap = squash(img.get("title") or img.get("alt") or "")
            if word_count(cap) >= 3:
                captions.setdefault(cap, None)
        if t and (images or after_image) and _emphasis_only(el):
            captions.setdefault(t, None)
        elif t and tag == "p" and not images and _set_off(el) and boilerplate.dated_heading(t) \
                and not ends_sentence(t) and not el.findall(".//a"):
            # "**NOV. 7, 2024 - ZELENSKY TO EUROPEAN LEADERS**": a bold line that is a
            # date is the section heading a factbox or timeline sets over each entry.
            out.append((Block(t, heading=True), rules))
        elif t:
            links = sum(len(squash(a.text_content())) for a in el.iter("a"))
            out.append((Block(t, link_chars=min(links, len(t)), emphasis=_set_off(el),
                              item=tag == "li" or "li" in ancestors), rules))
        after_image = bool(images) and not t
    blocks = tuple(replace(b, after_rule=rules > 0 and seen == rules) for b, seen in out)
    return title, blocks, tuple(captions)


def _set_off(el) -> bool:
    """Is all of the element's text in bold, italics or small print (a note set off
    from the running text)?"""
    total = squash(el.text_content())
    marked = "".join(squash(e.text_content()) for e in el.iter(*_SET_OFF)
                     if not any(a.tag in _SET_OFF for a in e.iterancestors()))
    return bool(total) and len(marked.replace(" ", "")) >= len(total.replace(" ", "")) - 1
