"""Recognising site furniture in scraped page text, one line at a time.

These are shapes that recur across news sites (skip links, counters, share rows,
section labels over teaser lists, copyright and consent lines, photo credits), not
any one site's wording. The text reader combines them with the shape of the page
(the article body is the longest run of prose) to find the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from newsgen.load.clean import CLOSERS, ends_sentence, words

# News agencies whose names appear as credits ("Yonhap News", "(AFP)", "AP-Yonhap").
WIRES = (
    "Yonhap", "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Bloomberg",
    "Kyodo", "Jiji", "Xinhua", "dpa", "DPA", "EFE", "ANSA", "UPI", "TASS", "Interfax", "RIA Novosti",
    "Anadolu", "PTI", "IANS", "ANI", "Bernama", "Antara", "KCNA", "Newsis", "News1", "Ukrinform",
    "EPA", "CNA", "NTB", "TT", "Belga", "APA", "PAP", "CTK", "MTI", "Efe", "Europa Press",
)
_WIRE = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))
WIRE_RX = re.compile(rf"(?:{_WIRE})")

# "Yonhap News", "Reuters", "AFP News Agency" standing alone as the credit line.
_CREDIT_LINE = re.compile(
    rf"^(?:(?:source|via|credit|from)\s*[:：]?\s*)?(?P<name>(?:{_WIRE})(?:\s+(?:News(?:\s+Agency)?|Wire|Newswire|Agency))?)\.?$",
    re.I,
)
# A wire credited at the very end of an article: "... next year. (Yonhap)".
_TRAILING_CREDIT = re.compile(rf"(?<=[.!?\"”’'])\s*\((?P<name>(?:{_WIRE})(?:\s+News)?)\)\s*$")

# Photo credits that end a caption: "AP-Yonhap", "Reuters/Kim Hong-Ji", "EPA-EFE",
# "AFP via Getty Images", "(AFP)", "[Yonhap]", "Photo by Jane Doe", "Courtesy of ...".
_CREDIT_TOKEN = rf"(?:{_WIRE}|Getty Images|Pool|Newscom|Shutterstock|Alamy|File|Handout|Captured)"
_PHOTO_CREDIT = re.compile(
    rf"(?:(?<=[.!?”\"’'])|(?<=\s[-–—|/])|^)\s*"
    rf"(?:(?i:{_CREDIT_TOKEN})(?:\s*(?:[-/]|via)\s*[A-Z][\w.'’/ -]{{0,40}})?)\s*$"
)
# "... in Seoul on Oct. 18. Ahn Young-joon/AP": photographer, slash, agency.
_NAME_SLASH_CREDIT = re.compile(
    rf"(?<=[.!?”\"’'])\s+[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,3}}\s*/\s*(?:{_CREDIT_TOKEN})\s*$"
)
_BRACKET_CREDIT = re.compile(
    rf"[\[(]\s*(?:(?i:photo|image|picture|file\s+photo|file)s?\s*(?:by|:|=|credit:?)?\s*)?"
    rf"(?:{_CREDIT_TOKEN}|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,3}})(?:\s*[-/]\s*[\w.'’ -]{{1,40}})?\s*[\])]\s*$"
)
_PHOTO_WORD = re.compile(
    r"(?:^|[\s(\[])(?:photo|image|picture|graphic|illustration|video)s?\s*(?:by|courtesy|:|=|credit)|courtesy of\b|/\s*file photo\b|"
    r"^\s*[\[(](?:photo|image|picture|graphic|video)s?[\])]",  # "[Photo] A serviceman checks …"
    re.I,
)


def credit_line(line: str) -> str | None:
    """The credited wire when the line is only a credit ("Yonhap News")."""
    m = _CREDIT_LINE.match(line.strip())
    return m.group("name") if m else None


def trailing_credit(paragraph: str) -> str | None:
    m = _TRAILING_CREDIT.search(paragraph)
    return m.group("name") if m else None


def wire_credit(dateline_credit: str | None, paragraphs: tuple[str, ...] | list[str]) -> str | None:
    """The wire a story credits: its dateline's ("SEOUL, Nov. 4 (Yonhap) --"), else a
    credit closing the article ("… next year. (Yonhap)")."""
    return dateline_credit or (trailing_credit(paragraphs[-1]) if paragraphs else None)


@lru_cache(maxsize=8192)
def photo_credit(line: str, bracketed: bool = True) -> bool:
    """Does the line end with a photo credit (so it is a caption)?"""
    t = line.strip()
    if not 3 <= len(words(t)) <= 60 or len(t) > 600:
        return False
    if _PHOTO_CREDIT.search(t) or _NAME_SLASH_CREDIT.search(t):
        return True
    if _PHOTO_WORD.search(t):
        return True
    return bracketed and bool(_BRACKET_CREDIT.search(t))


# --- furniture lines ------------------------------------------------------------

_NAV = re.compile(
    r"\b(?:skip|jump|go|quick\s+access|direct\s+access|back)\s+to\s+(?:the\s+)?(?:main|content|navigation|menu|"
    r"search|top|footer|home|article|page)|\bmain\s+(?:menu|navigation)\b|\bbreadcrumbs?\b|"
    r"^(?:home|menu|search|sections?)\s*(?:[>›»|/·•]|$)|\s[>›»]\s|^you\s+are\s+here\s*:",
    re.I,
)
_COUNTER = re.compile(
    r"^(?:(?:comments?|views?|likes?|shares?|reads?|hits?|replies|reactions?|votes?|recommend(?:ations?)?|"
    r"조회(?:수)?|댓글|공감)\s*[:：]?\s*[\d,.]*[kKmM]?|[\d,.]+[kKmM]?(?:\s*(?:comments?|views?|likes?|shares?|"
    r"reads?|replies|reactions?))?)$",
    re.I,
)
_SHARE = re.compile(
    r"\b(?:share|tweet|pin it|email this|print this|copy link|send|whatsapp|telegram|linkedin|facebook|twitter|"
    r"kakao(?:talk|story)?|line|naver|reddit|band)\b.*\b(?:button|share|link|this|article|story|page|icon)\b|"
    r"^(?:share(?:\s+(?:this|on|via|the)\b.*)?|facebook|twitter|x|email|e-mail|print|copy\s+link|link copied|"
    r"whatsapp|telegram|linkedin|reddit|kakao(?:talk|story)?|naver|band|threads|bluesky|mastodon)$",
    re.I,
)
_FONT = re.compile(r"\bfont[- ]?size\b|\btext\s+size\b|^(?:[-+]?\d|a[-+]|[-+]?a|가|가가)$|^aa$", re.I)
_ACCOUNT = re.compile(
    r"^(?:sign\s*(?:in|up|out)|log\s*(?:in|out)|register|subscribe(?:\s+now)?|my\s+account|my\s+page|"
    r"join(?:\s+now)?|create\s+(?:an\s+)?account|donate|newsletters?|e-?paper|digital\s+edition|"
    r"get\s+the\s+app|download\s+(?:the\s+)?app|contact\s+us|about\s+us|advertise(?:\s+with\s+us)?|"
    r"privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|cookie\s+(?:policy|settings)|"
    r"accept(?:\s+all)?(?:\s+cookies)?|reject\s+all|manage\s+preferences|rss|sitemap)\b",
    re.I,
)
# Sentences that are furniture even though they read like prose.
_FURNITURE_PROSE = re.compile(
    r"\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|by\s+(?:continuing|using)\s+(?:to\s+)?"
    r"(?:browse|use|this)|cookie\s+policy|privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|"
    r"unauthorized\s+reproduction|reproduction\s+(?:and|or)\s+redistribution|do\s+not\s+reproduce|"
    r"when\s+(?:citing|quoting|using)\b.{0,60}\bhyperlink|hyperlink\s+to\b.{0,60}\b(?:is\s+)?(?:mandatory|required|obligatory)|"
    r"subscribe\s+(?:to|now|for|here)|sign\s+up\s+(?:for|to)|newsletter|unsubscribe|view\s+(?:this\s+(?:e-?mail|newsletter)\s+)?in\s+(?:your\s+)?browser|"
    r"forward(?:ed)?\s+(?:this|it)\s+(?:e-?mail\s+|newsletter\s+)?to\s+a\s+friend|was\s+this\s+(?:e-?mail\s+|newsletter\s+)?forwarded|"
    r"log\s+in\s+to|sign\s+in\s+to|^printed\s+(?:on|from|at)\b|press\s+ctrl\s*\+\s*enter|"
    r"click\s+here|tap\s+here|javascript\s+(?:is\s+)?(?:disabled|required)|enable\s+javascript|"
    r"your\s+browser\s+does\s+not|ad\s*blocker|story\s+continues\s+below|continue\s+reading|"
    r"read\s+(?:the\s+)?full\s+(?:story|article)|follow\s+us\s+on|download\s+(?:our|the)\s+app|"
    r"report\s+(?:a\s+)?(?:typo|error|correction)|send\s+us\s+(?:a\s+)?(?:tip|news)|"
    r"thomson\s+reuters\s+trust\s+principles|our\s+standards:|contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story)|"
    r"contributed\s+(?:additional\s+)?reporting\.?$|delivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox|"
    r"^this\s+(?:article|story|content)\s+is\s+(?:more\s+than|over)\s+.{1,20}\s+old$|"
    # Rights notices: "Use of materials is permitted only with a hyperlink to ...".
    r"\b(?:reproduc\w*|republish\w*|(?:use|copying)\s+of\s+(?:our\s+|the\s+|these\s+)?materials?)\b.{0,60}"
    r"\b(?:only\s+with|prohibited|forbidden|without\s+(?:prior\s+)?(?:written\s+)?permission|(?:hyper)?link)\b)",
    re.I,
)
# Credits for the newsroom's work at the foot of an article ("Reporting by ...; Editing by ...").
_STAFF_CREDITS = re.compile(
    r"^(?:(?:additional\s+)?reporting|writing|editing|translat(?:ed|ion)|edited|compiled|produced|"
    r"fact[- ]checked|graphics?|design|illustrations?)\s+by\b",
    re.I,
)
# Where the correspondents filed from, printed under the byline ("Reporting from Seoul
# and Kyiv, Ukraine"): a credit, not text. A sentence that starts so stays text.
_REPORTING_FROM = re.compile(r"^(?:additional\s+)?reporting\s+from\s+[A-Z]", re.I)
# A speaker's turn in a transcript ("Q:", "A:", "MR. KIRBY:", "GEN. RYDER:", "MS. SINGH:").
SPEAKER_LABEL = re.compile(r"^(?:Q|A|(?:[A-Z][A-Z.'’-]*\s+){0,6}[A-Z][A-Z'’-]+)\s*:\s+\S")
# A speaker's label on a line of its own, the speech under it: "Lord Robathan (Con):",
# "Minister Sybiha:", "The Parliamentary Under-Secretary of State, … (Baroness Chapman
# of Darlington) (Lab):".
SPEAKER_LINE = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){0,5}[A-Z][\w'’-]+|[A-Z][^()\n:]{2,200}\([^()\n]{2,60}\))"
    r"(?:\s*\([^()\n]{1,60}\)){0,2}\s*:$")
# "Please direct any comments or questions about this article to desk@example.com."
_CONTACT = re.compile(r"\b(?:comments?|questions?|tips?|contact|write\s+to|e-?mail|reach|corrections?)\b", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|ⓒ|copyright\b|all\s+rights\s+reserved)", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AD = re.compile(r"^(?:\(?(?:end|ends|fin)\)|-\s*30\s*-|#{3}|advertisement|sponsored\s+content|paid\s+content|scroll\s+to\s+(?:continue|top)|loading\.*|"
                 r"(?:view|see|load|show|read)\s+more|go\s+(?:to\s+)?top|back\s+to\s+top|post\s+a\s+comment|"
                 r"leave\s+a\s+(?:comment|reply)|add\s+(?:a\s+)?comment|(?:[\d,]+\s+)?comments?|no\s+comments(?:\s+yet)?|"
                 r"be\s+the\s+first\s+to\s+comment)\W*$", re.I)
# Button and menu words; a short line made only of these is a widget, not text.
UI_WORDS = frozenset("""
advertisement advertising ad ads sponsored promoted more less previous next prev back top go close x open
menu search settings print letter listen audio play pause video photo photos gallery list all share
comments comment reply login logout subscribe home up down expand collapse toggle zoom font size text
copy link copied save bookmark like likes view views follow unfollow report translate language english
korean 한국어 english korean 日本語 中文 edition
""".split())

_INLINE_TEASER = re.compile(
    r"^(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|stories|news|coverage|link))?|"
    r"more\s+on\s+this(?:\s+story)?|recommended|editor'?s\s+picks?|watch|listen|opinion|analysis|explainer)\s*[:：|>»–—-]\s*\S",
    re.I,
)

# Labels over teaser blocks and page sections ("Most Read", "Latest News", "Top 5 Videos").
_LABEL_WORDS = (
    r"latest|most|top|hot|trending|popular|related|recommended|recommendations|more|other|editor'?s|"
    r"picks?|must\s+reads?|don'?t\s+miss|also|you\s+may|you\s+might|similar|topics?|tags?|keywords?|"
    r"headlines?|breaking|featured|highlights?|spotlight|news\s+in\s+brief|just\s+in|live|in\s+case|"
    r"what\s+to\s+read|read\s+next|up\s+next|next\s+up|sponsored|partner|around\s+the\s+web|from\s+the\s+web|"
    r"comments?|discussion|share|follow|subscribe|newsletter|categories|archives?|sections?|special|series|"
    r"opinion|photos?|videos?|multimedia|podcasts?|this\s+week|today|now|week|this\s+month|\[\w+\]"
)
_LABEL = re.compile(
    rf"^(?:\[[^\]]{{1,20}}\]\s*)?(?:(?:{_LABEL_WORDS})\b[\w\s'’&-]{{0,30}}|[\w\s'’&-]{{0,20}}\b(?:stories|articles|news|"
    rf"reads?|topics|posts|videos|headlines|picks|this\s+week|today|now))$",
    re.I,
)

BULLET = re.compile(r"^\s*(?:[•·▪▫◦‣∙●○■□►▶▸➤✓✔※]|[-*–—](?=\s))\s*")


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def unbullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def is_label(line: str) -> bool:
    """A short section label such as "Most Read", "[NEW] Latest News", "Tags"."""
    t = line.strip().rstrip(":：")
    return len(t) <= 80 and len(words(t)) <= 6 and not ends_sentence(t) and bool(_LABEL.match(t))


def is_email_line(line: str) -> bool:
    """A contact line: an address, possibly with a name or label ("Email: a@b.com")."""
    m = _EMAIL.search(line)
    return bool(m) and len(words(line)) <= 8


_AD_MARKER = re.compile(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|(?:paid|partner)\s+content|promoted)\W*$", re.I)


def is_ad_marker(line: str) -> bool:
    """A line that only says an advertisement follows ("Advertisement", "Sponsored")."""
    return bool(_AD_MARKER.match(line.strip(" -–—=*#_~")))  # (also "--- ADVERTISEMENT ---")


# An advertisement's marker and its copy on one line ("ADVERTISEMENT - Winter tyres from …").
_AD_LINE = re.compile(r"^(?:(?:advertisement|advertising|sponsored(?:\s+content)?|(?:paid|partner)\s+content|promoted|ad)\s*[-–—:|·•]|"
                      r"\[(?:advertisement|advertising|sponsored|promoted|ad)\])\s+\S", re.I)


# Readers and the boilerplate stage ask about the same lines; the answers are pure.
@lru_cache(maxsize=8192)
def is_skippable(line: str) -> bool:
    """Furniture that can interrupt an article without ending it: advertisement
    markers, inline "Read more:" teasers, consent and subscription prompts."""
    t = line.strip()
    n = len(words(t))
    if n > 50 or len(t) > 500:
        return False
    return bool(
        is_ad_marker(t) or (_AD_LINE.match(t) and n <= 30) or re.match(r"^scroll\s+to\s+continue(?:\s+with\s+content)?\W*$", t, re.I)
        or (_INLINE_TEASER.match(t) and n <= 30)
        or (_FURNITURE_PROSE.search(t) and n <= 50 and not _COPYRIGHT.search(t))
    )


@lru_cache(maxsize=8192)
def is_furniture(line: str) -> bool:
    """A line that is never article text, wherever it stands on the page."""
    t = line.strip()
    n = len(words(t))
    if n > 50 or len(t) > 500:
        return False  # furniture is short; long lines are text (and regexes stay cheap)
    if _NAV.search(t) and n <= 25 and not ends_sentence(t):
        return True
    if _COUNTER.match(t) or _AD.match(t) or _FONT.search(t) and n <= 4:
        return True
    if n <= 8 and (_SHARE.search(t) or _ACCOUNT.match(t)):
        return True
    if _COPYRIGHT.search(t) and n <= 40:
        return True
    if is_email_line(t) or (n <= 40 and _EMAIL.search(t) and _CONTACT.search(t)):
        return True
    if _STAFF_CREDITS.match(t) and n <= 30:
        return True
    if _REPORTING_FROM.match(t) and n <= 12 and not ends_sentence(t):
        return True
    if _FURNITURE_PROSE.search(t) and n <= 50:
        return True
    if _INLINE_TEASER.match(t) and n <= 30:
        return True
    # A lone symbol or a couple of capitalised UI words without any sentence ("go top PRINT").
    if not re.search(r"[A-Za-z\u00C0-\uFFFF]{2}", t):
        return True
    tokens = [w.strip(".,:;|·•!?()[]").lower() for w in words(t)]
    return n <= 5 and all(w in UI_WORDS or not w for w in tokens)


def is_ui_words(line: str) -> bool:
    """One to three words, no sentence punctuation: a button or menu entry."""
    t = line.strip()
    return len(words(t)) <= 3 and not ends_sentence(t)


# --- bylines ------------------------------------------------------------------

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.|(?:van|von|de|der|da|del|bin|al|la|le|di)(?=\s))"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
_ROLE = (r"(?:staff\s+(?:writer|reporter)|reporter|correspondent|editor|contributor|columnist|journalist|"
         r"senior\s+\w+|bureau\s+chief|special\s+to\s+\w+.*|\w+\s+correspondent)")
# A role after a by-line's comma may run to several words ("East Asia correspondent",
# "Chief Political Correspondent"); after a bare name it may not ("Lee Min-ji Reporter").
_ROLE_AFTER_COMMA = rf"(?:{_ROLE}|(?:[\w-]+\s+){{1,3}}(?:correspondent|editor|reporter|writer|columnist|journalist|contributor|chief|analyst))"
# "Jane Doe", "Jane Doe in Seoul and John Roe in Kyiv" (the place each reported from).
_PLACE = r"(?:\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
# Verbs a byline puts before "by": who wrote, reported, compiled or prepared the piece
# (a live blog is "compiled", a transcript "prepared"); a label colon may follow "by".
BYLINE_VERBS = ("written", "words", "reported", "posted", "compiled", "prepared", "filed", "story", "interview", "interviewed",
                "column")
_BY = re.compile(
    # ("Feed edited by …", "Live page edited by …": a live page's editors are its authors.)
    rf"^(?i:(?:(?:(?:live\s+)?(?:feed|page|blog|coverage)\s+edited|{'|'.join(BYLINE_VERBS)})\s+)?by\s*[:：]?|author\s*[:：]|reporter\s*[:：]?)\s*"
    rf"(?P<names>{_NAME}{_PLACE}(?:\s*(?:,|and|&)\s*{_NAME}{_PLACE})*)(?P<tail>.*)$"
)
_NAME_LINE = re.compile(rf"^(?P<names>{_NAME}{_PLACE}(?:\s*(?:,|and|&)\s*{_NAME}{_PLACE})*)$")
_TAIL_ITEM = re.compile(
    r"(?:\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?|(?:\s*[|·•/,–—-]\s*|\s+)(?:(?i:views?|comments?\s*\d*|likes?|shares?|reads?|hits?)|[\d,.]+|"
    rf"(?i:{_ROLE})|(?:{_WIRE}))|\s*[|·•/,–—-])\s*$"
)
# Words that make a capitalised pair a section, place or outlet rather than a person.
_NOT_NAME = re.compile(
    r"\b(?:news|world|politics|business|economy|sports?|opinion|editorials?|home|korea|america|asia|europe|africa|"
    r"international|national|local|nation|tech|technology|science|culture|entertainment|health|breaking|live|"
    r"video|photos?|analysis|exclusive|latest|stories|topics|settings|menu|search|press|agency|times|post|daily|"
    r"herald|journal|tribune|global|media|network|channel|report|review|magazine|weekly|online|staff|desk|"
    r"team|admin|administrator|editor|the|north|south|east|west|united|states|republic|department|ministry|"
    r"office|house|council|government|military|defense|defence|security|foreign|affairs|war|forces|"
    r"comments?|views?|share|more|related|top|hot|most|by|homepage|logo|sign|log|cookies?|skip)\b",
    re.I,
)


def _without_places(names: str) -> str:
    """ "Jane Doe in Seoul and John Roe in Kyiv" -> "Jane Doe and John Roe"."""
    return re.sub(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\s*(?:,|and\b|&|$))", "", names)


def _clean_names(names: str) -> str:
    names = re.sub(r"\s+", " ", names).strip(" ,&")
    letters = [c for w in names.split() if w.lower() not in ("and", "&") for c in w if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        # "By JANE DOE AND JOHN ROE": print style, not the name's spelling.
        names = " ".join(w.lower() if w.lower() == "and" else w.title() for w in names.split())
    return names


def by_line(line: str) -> str | None:
    """The author named by a "By ..." line ("By Jane Doe | Reuters" -> "Jane Doe")."""
    t = line.strip()
    if len(t) > 200 or len(words(t)) > 14:
        return None
    m = _BY.match(t)
    if not m:
        return None
    tail = m.group("tail")
    names = _without_places(m.group("names"))
    head, sep, last = names.rpartition(",")
    if tail and sep and re.fullmatch(_ROLE_AFTER_COMMA, f"{last.strip()}{tail}".strip(), re.I):
        names, tail = head, ""  # "By Katrin Vollmer, East Asia correspondent": the role's first words read as a name
    # "Posted by Jane at 10:23 AM" or "By Jane Doe, Reuters": the tail is a time, role or outlet.
    if tail and not re.match(r"^\s*(?:$|[|,/·•–—-]|at\b|on\b|in\b|for\b|[(\[<]|\d|views?\b|comments?\b)", tail, re.I):
        return None
    names = re.sub(r"\s+(?:and|&)\s*$", "", names)
    # "By JANE DOE Associated Press": the wire the author writes for, printed after the name.
    names = re.sub(rf"(?<=\S)\s+(?:{_WIRE})$", "", names)
    # "By Jane Doe, Staff Writer": a role after a comma is not a second author.
    parts = re.split(r"\s*,\s*", names)
    while len(parts) > 1 and (re.fullmatch(_ROLE_AFTER_COMMA, parts[-1], re.I) or _NOT_NAME.search(parts[-1])):
        parts.pop()
    if len(parts) > 1 and not re.search(r"\s(?:and|&)\s", parts[-1]) and all(_PERSON_NAME.fullmatch(p) for p in parts):
        # "By Jeon Da-bin, Ko Min-seok": a list of authors, written as one ("A, B and C").
        return _clean_names(", ".join(parts[:-1]) + " and " + parts[-1])
    return _clean_names(", ".join(parts))


# Two to four capitalised words, as a person's name is written ("Ko Min-seok", "Jean-Paul de Vries").
_PERSON_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|van|von|der|da|di|le|la|bin|al)\s+)?[A-Z][\w'’.-]+){1,3}")


def name_line(line: str) -> str | None:
    """A line that is a person's name, perhaps followed by counter labels or a role
    ("Jane Doe Views" -> "Jane Doe")."""
    t = line.strip()
    if len(t) > 120 or len(words(t)) > 10:
        return None
    # Peel counter labels, roles and separators off the end, one at a time.
    for _ in range(10):
        m = _TAIL_ITEM.search(t)
        if not m or m.start() == 0:
            break
        t = t[: m.start()].rstrip()
    m = _NAME_LINE.match(t)
    if not m:
        return None
    names = _without_places(m.group("names"))
    if _NOT_NAME.search(names) or WIRE_RX.fullmatch(names):
        return None
    return _clean_names(names)


# --- photo credits and author notes -----------------------------------------------

# A line that is only an image credit ("Getty Images", "Reuters", "AFP via Getty
# Images", "EPA-EFE", "Photo: Jane Doe/Reuters"); the caption stands next to it.
_IMAGE_CREDIT_LINE = re.compile(
    rf"^(?:(?i:photo(?:graph)?|image|picture|credit|illustration)s?\s*(?i:by|:|：)\s*\S.*|"
    rf"(?:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,2}}\s*/\s*)?(?:{_CREDIT_TOKEN})(?:\s*(?:[-/]|via)\s*[A-Z][\w.'’/ -]{{0,40}})?)$"
)


def image_credit_line(line: str) -> bool:
    """Only an image credit. A bare wire name ("Yonhap News") is a story credit instead."""
    t = line.strip()
    return (len(words(t)) <= 8 and bool(_IMAGE_CREDIT_LINE.match(t)) and not ends_sentence(t)
            and credit_line(t) is None)


_BIO = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:is|was|has\s+been|works\s+as)\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,6}}?"
    r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|freelancer|stringer|"
    r"news\s+producer|intern)s?\b"
)


def bio_name(paragraph: str) -> str | None:
    """The author an author note at the foot of an article describes
    ("Jane Doe is a reporter covering North Korea for ..."), or None."""
    t = paragraph.strip()
    if len(words(t)) > 60:
        return None
    m = _BIO.match(t)
    if not m or _NOT_NAME.search(m.group("name")):
        return None
    return _clean_names(m.group("name"))
