"""The publishing outlet, from the few signals a page gives about itself.

A scraped page names many organisations (teasers, photo agencies, wires, quoted
media), so only these count:

- a copyright line ("© 2024 The Korea Herald. All rights reserved."): the site's
  owner, taken from the last such line (the footer). A wire's licence notice
  ("... may not be published, broadcast, rewritten or redistributed") travels with
  syndicated copy and says nothing about the site, so it never names the outlet;
- a "Source: X" line ("Source: Al Jazeera and news agencies"), not a wire (a wire
  is a credit), when the copyright owner or the logo line agrees with it (some
  outlets use "Source:" for where the information came from);
- a site-name line at the very top of the page (logo text), but only when it
  agrees with the copyright owner or the source line: on its own it may be a
  section name or a teaser.

- with neither, the logo line when the page's foot names it again (a reproduction
  notice, "Use of materials ... with a link to the X"): a site repeats its own
  name at its foot; the name is taken as the foot spells it (logos are often in
  capitals). Only a name of two words or more with a word that is not generic.
  A name of three words or more may come back at the foot as its initials, in
  capitals ("... a hyperlink to ENA."); a logo line of two or three names side by
  side ("EXAMPLE NEWS AGENCY | ENGLISH") offers each;
- else the logo line when the byline agrees with it: the outlet printed
  under the author's name ("By Jane Doe" / "Stars and Stripes") or the domain of the
  author's e-mail address in the byline ("jane@koreatimes.co.kr"). A staff byline
  names the employer; a wire or guest byline names someone else and does not agree.

An owner that is a company ("Herald Corporation", "Cable News Network") names the
outlet only when the site-name or source line confirms it, and then the brand
("The Korea Herald", "CNN") is used. Nothing confirmed: no outlet (a missing
outlet can be added in content/, a wrong one misleads).
"""
from __future__ import annotations

import re
from typing import Iterable

from newsgen.load.chrome import WIRE_RX
from newsgen.load.clean import squash, words

_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|ⓒ|\bcopyright\b)(?:\s*(?:©|\(c\)|ⓒ))?\s*"
    r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[,.]?\s*)?(?:by\s+)?"
    r"(?P<owner>(?-i:[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&|the|for|de|du))*))",
    re.I,
)
# "Example News Agency. All rights reserved.": the notice without the sign, the owner first.
_RESERVED_OWNER = re.compile(
    r"^(?P<owner>(?-i:[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&|the|for|de|du)){0,5}))[.,]?\s+all\s+rights\s+reserved\b", re.I)
_LICENCE = re.compile(r"\bmay\s+not\s+be\s+(?:published|broadcast|rewritten|redistributed|reproduced)", re.I)
_SOURCE = re.compile(r"^source\s*[:：]\s*(?P<name>.+?)\.?$", re.I)
_COMPANY = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|corp|corporation|co|company|group|holdings|plc|gmbh|ag|"
    r"network|enterprises|ventures|communications|publishing|publications|media|partners|"
    # legal forms of other countries ("Media Oy", "Förlag AB", "Presse SA")
    r"oy|oyj|ab|as|asa|sa|sas|sarl|srl|spa|bv|nv|kk|k\.k|pty|pte|kft|sro)\.?$",
    re.I,
)
# Words that say nothing about which outlet a name means.
_GENERIC = frozenset("""
the of and a an for news media group network corporation corp inc ltd limited llc co company agency
holdings international global daily online com www homepage home logo official site
""".split())
_PHOTO_AGENCIES = re.compile(r"\b(?:getty|shutterstock|alamy|istock|newscom|photo|images?)\b", re.I)
# Logo text often carries a word for the link it is ("BBC Homepage", "Reuters logo").
_LOGO_WORDS = re.compile(r"\s+(?:homepage|home\s*page|home|logo|main\s+page)$", re.I)


def copyright_owner(line: str) -> str | None:
    """The owner a copyright line names, or None (also for licence notices)."""
    t = squash(line)
    if len(t) > 300 or _LICENCE.search(t):
        return None
    for m in [*_COPYRIGHT_OWNER.finditer(t), *_RESERVED_OWNER.finditer(t)]:
        owner = _trim(m.group("owner"))
        if owner and not re.match(r"^(?:all\s+rights|\d|(?:notice|policy|information|infringement|act|law|"
                                               r"statement|terms|complaints?|holders?)\b)", owner, re.I) and not _PHOTO_AGENCIES.search(owner):
            return owner
    return None


def _trim(name: str) -> str | None:
    # The owner runs to the first sentence break; "Inc." keeps its full stop out.
    name = re.split(r"\.\s|\.$|\s+(?:all\s+rights|used\s+with|unauthori[sz]ed|a\s+\w+\s+company)\b", name,
                    maxsplit=1, flags=re.I)[0]
    name = re.sub(r"\s+(?:and|&|of|the|for)$", "", name.strip(" .,-"), flags=re.I)
    n = len(words(name))
    return name if 1 <= n <= 6 else None


def source_name(line: str) -> str | None:
    """"Source: Al Jazeera and news agencies" -> "Al Jazeera"; a wire is a credit, not this."""
    t = squash(line)
    if len(words(t)) > 10:
        return None
    m = _SOURCE.match(t)
    if not m:
        return None
    first = re.split(r"\s+(?:and|with|&)\s+|[,;/|]", m.group("name"), maxsplit=1)[0].strip()
    if not first[:1].isupper() or not 1 <= len(words(first)) <= 5 or WIRE_RX.fullmatch(first):
        return None
    if WIRE_RX.match(first) and len(words(first)) <= 3 and re.search(r"news|agency|wire", first, re.I):
        return None  # "Yonhap News Agency": a wire
    return first


def site_name(line: str) -> str | None:
    """A short logo-text line that could be the site's name ("BBC Homepage" -> "BBC")."""
    t = _LOGO_WORDS.sub("", squash(line))
    n = len(words(t))
    if not 1 <= n <= 5 or not re.search(r"[A-Za-z]", t) or t.endswith((".", "!", "?", ":")):
        return None
    return t if t[:1].isupper() else None


def _tokens(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", name.lower().replace("’", "'"))]


def _initials(name: str) -> str:
    return "".join(w[0] for w in _tokens(name) if w not in ("the", "of", "and", "a"))


def same_outlet(a: str, b: str) -> bool:
    """Do two names plausibly mean the same outlet ("CNN" / "Cable News Network",
    "The Korea Herald" / "Herald Corporation", "DAILY NK" / "Daily NK")?"""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or " ".join(ta) in " ".join(tb) or " ".join(tb) in " ".join(ta):
        return True
    joined_a, joined_b = "".join(ta), "".join(tb)
    if len(joined_a) >= 2 and joined_a == _initials(b) or len(joined_b) >= 2 and joined_b == _initials(a):
        return True
    return bool((set(ta) - _GENERIC) & (set(tb) - _GENERIC))


def _is_initialism(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", name.strip()))


_EMAIL_DOMAIN = re.compile(r"[\w.+-]+@(?P<label>[\w-]+)\.[\w.-]+")


def byline_affiliations(byline_line: str, next_line: str | None) -> tuple[str, ...]:
    """What a byline says about the author's employer: the e-mail domain's name
    ("lee@joongang.co.kr" -> "joongang") and a short name line under the byline."""
    out = [m.group("label") for m in _EMAIL_DOMAIN.finditer(byline_line)]
    if next_line is not None:
        name = site_name(next_line)
        if name and not WIRE_RX.fullmatch(name) and not re.search(r"\d", name):
            out.append(name)
    return tuple(out)


def _affiliated(site: str, affiliation: str) -> bool:
    if " " not in affiliation and affiliation.islower():
        # An e-mail domain name: part of the logo's words run together, long enough
        # not to be a place or a common word ("joongang" in "Korea JoongAng Daily").
        joined = "".join(_tokens(site))
        return len(affiliation) >= 6 and affiliation in joined
    return _tokens(site) == _tokens(affiliation)


def outlet_from(top_lines: Iterable[str], lines: Iterable[str], affiliations: Iterable[str] = (),
                footer: Iterable[str] = ()) -> str | None:
    """The outlet named by a page's own signals (see the module docstring).

    `top_lines` are the first lines of the page (where logo text stands);
    `lines` are all lines of the page; `affiliations` what the byline says about
    the author's employer (see byline_affiliations); `footer` the lines after the article.
    """
    owners: list[str] = []
    sources: list[str] = []
    lines = list(lines)
    for line in lines:
        if re.search(r"©|\(c\)|ⓒ|copyright|all\s+rights\s+reserved", line, re.I):
            owner = copyright_owner(line)
            if owner:
                owners.append(owner)
        s = source_name(line)
        if s:
            sources.append(s)
    sites = [s for s in (site_name(t) for line in top_lines for t in _logo_parts(line)) if s]
    owner = owners[-1] if owners else None
    if owner:
        confirm = next((s for s in sites + sources if same_outlet(s, owner)), None)
        if _COMPANY.search(owner):
            # The brand the company publishes, or nothing; a logo in capitals as the page
            # spells it elsewhere ("THE KUROSHIO REPORT" … "Get The Kuroshio Report's …").
            return (_named_again(confirm, list(lines)) or _as_named(confirm)) if confirm else None
        spelled = next((s for s in sites + sources if _initials(s) == owner.lower()), None)
        if _is_initialism(owner) and spelled and not _is_initialism(spelled):
            return spelled  # "RFA" written out by the logo as "Radio Free Asia"
        return owner
    # "Source: X" alone may name where the information came from ("Source: Ukraine's
    # Defence Intelligence"); it names the outlet only when the logo line agrees.
    confirmed = next((src for src in reversed(sources) if any(same_outlet(src, site) for site in sites)), None)
    if confirmed:
        return confirmed
    footer = list(footer)
    for site in sites:
        again = _named_again(site, footer)
        if again:
            return again
    affiliations = tuple(affiliations)
    return next((site for site in sites if any(_affiliated(site, a) for a in affiliations)), None)


def _logo_parts(line: str) -> list[str]:
    """A logo line and, when it is two or three names side by side ("EXAMPLE NEWS
    AGENCY | ENGLISH EDITION"), each of them; a longer row is a menu."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", squash(line)) if p.strip()]
    return [line] + parts if 2 <= len(parts) <= 3 else [line]


def _as_named(name: str) -> str:
    """A logo in capitals ("EXAMPLE NEWS AGENCY") as a name is spelled ("Example News Agency")."""
    if len(words(name)) < 2 or any(c.islower() for c in name):
        return name
    return " ".join(w.lower() if w.lower() in ("of", "and", "the", "for", "de") and i else w.capitalize()
                    for i, w in enumerate(name.split()))


def _named_again(site: str, footer: list[str]) -> str | None:
    """The logo's name as a line at the page's foot writes it, if one does; a long
    name may come back as its initials ("... with a hyperlink to ENA.")."""
    toks = _tokens(site)
    if len(toks) < 2 or not set(toks) - _GENERIC:
        return None
    initials = _initials(site).upper()
    if len(toks) >= 3 and len(initials) >= 3:
        short = re.compile(r"(?<![\w'’-])" + re.escape(initials) + r"(?![\w'’-])")
        if any(short.search(line) and line.strip() != initials for line in footer):
            return _as_named(site)
    # (Its possessive too: "Get The Kuroshio Report's morning briefing".)
    rx = re.compile(r"(?<![\w'’])" + r"\W+".join(re.escape(t) for t in toks) + r"(?=['’]s\b|[^\w'’]|$)", re.I)
    found = [m.group(0) for line, m in ((line, rx.search(line)) for line in reversed(footer))
             if m and m.group(0) != line.strip()]  # named inside a notice, not a repeated logo or menu entry
    # (As a sentence spells it, over another logo in capitals.)
    return next((f for f in found if not f.isupper()), found[0] if found else None)
