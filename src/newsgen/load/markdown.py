"""Markdown articles (.md) with YAML front matter -> Story.

Front matter fields: title, outlet, url, published, author (or byline), credit.
The body is rendered with Python-Markdown and read back as plain text, so emphasis,
links and inline HTML leave only their words; headings are not paragraphs.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import lxml.etree as etree
import lxml.html
import markdown as md

from newsgen.load import chrome
from newsgen.load.clean import squash
from newsgen.load.datetext import dateline, find_date
from newsgen.model import Problem, Story
from newsgen.yamlfile import Located, parse

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_KNOWN = {"title", "outlet", "url", "published", "date", "author", "byline", "credit", "source", "tags"}
# Elements whose text is never article text.
_DROP = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "form", "button"}


def read_markdown(text: str, seed: str) -> tuple[Story, tuple[Problem, ...]]:
    stem = seed.rsplit(".", 1)[0]
    problems: list[Problem] = []
    front, body, offset, fm_problems = _split(text, seed)
    problems += fm_problems
    fields: dict[str, Any] = {}
    located: Located | None = None
    if front is not None:
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
        if key not in _KNOWN:
            problems.append(Problem(seed, f"unknown front-matter field {key!r}; ignored", line_of(key), "warning"))

    title_from_heading, paragraphs = _body(body)
    title = _text(fields.get("title"), "title", seed, line_of, problems) or title_from_heading
    dl = dateline(paragraphs[0]) if paragraphs else None

    published, basis = None, None
    key = "published" if "published" in fields else ("date" if "date" in fields else None)
    if key is None:
        problems.append(Problem(
            seed, "front matter has no published date (published: YYYY-MM-DD); "
            "using the article's dateline if it has a full date", offset or None, "warning"))
    else:
        published = _date(fields[key])
        if published is None:
            problems.append(Problem(
                seed, f"front matter: {key} {fields[key]!r} is not a date (write YYYY-MM-DD); "
                "using the article's dateline if it has a full date", line_of(key), "warning"))
        else:
            basis = "front matter"
    if published is None and dl is not None:
        published = dl.on(dl.year)
        basis = "dateline" if published else None

    byline = _text(fields.get("author") or fields.get("byline"), "author", seed, line_of, problems)
    if byline:
        byline = chrome.by_line(byline) or byline
    credit = _text(fields.get("credit") or fields.get("source"), "credit", seed, line_of, problems)
    credit = credit or (dl.credit if dl else None) or (chrome.trailing_credit(paragraphs[-1]) if paragraphs else None)
    url = _text(fields.get("url"), "url", seed, line_of, problems)
    if url and not re.match(r"^https?://\S+$", url, re.I):
        problems.append(Problem(seed, f"front matter: url {url!r} is not an http(s) address; ignored",
                                line_of("url"), "warning"))
        url = None
    if not paragraphs:
        problems.append(Problem(seed, "no article text after the front matter", severity="warning"))

    story = Story(
        id=stem,
        seed=seed,
        title=title,
        outlet=_text(fields.get("outlet"), "outlet", seed, line_of, problems),
        credit=credit,
        byline=byline,
        url=url,
        published=published,
        published_basis=basis,
        paragraphs=paragraphs,
        captions=(),
        dateline=dl.text if dl else None,
        format="md",
    )
    return story, tuple(problems)


def _split(text: str, seed: str) -> tuple[str | None, str, int, list[Problem]]:
    """(front matter, body, line number of the opening fence, problems)."""
    lines = text.lstrip("\ufeff").splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
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
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = " and ".join(value)
    if isinstance(value, (dict, list)):
        problems.append(Problem(seed, f"front matter: {key} should be text; ignored", line_of(key), "warning"))
        return None
    t = squash(re.sub(r"</?[A-Za-z][^<>]*>", " ", str(value)))
    return t or None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
        d, dm = find_date(value)
        # Only a value that is the date itself, not a sentence that happens to hold one.
        if d and len(re.sub(r"[\W\d]|(?i:at|am|pm|utc|gmt|kst|est|edt)", "", value[: dm.start()] + value[dm.end():])) == 0:
            return d
    return None


def _body(body: str) -> tuple[str | None, tuple[str, ...]]:
    """(title from a leading "# Heading", plain-text paragraphs)."""
    html = md.markdown(body, output_format="html")
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None, ()
    for bad in [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in _DROP]:
        bad.drop_tree()
    title = None
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "h1" and title is None and not out:
            title = squash(el.text_content()) or None
            continue
        if tag not in ("p", "li"):
            continue
        # List items that hold paragraphs are read through those paragraphs; a nested
        # item is already part of its parent's text.
        ancestors = {a.tag.lower() for a in el.iterancestors() if isinstance(a.tag, str)}
        if tag == "li" and (el.find(".//p") is not None or "li" in ancestors):
            continue
        if tag == "p" and "p" in ancestors:
            continue
        t = squash(el.text_content())
        if t:
            out.append(t)
    return title, tuple(out)
