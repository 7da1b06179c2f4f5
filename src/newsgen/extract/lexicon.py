"""Cue lexicons: the word lists the extraction layers consult.

Entities (speakers.py), clauses (attribution.py) and reference time (claims.py,
dates.py) read these tables; none of them is control flow. Adding a reporting verb,
a title or an organisation word is an edit here, not a new rule.
"""
from __future__ import annotations

# Speech verbs: lemma → surface forms. Base forms serve plural subjects ("officials say").
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "say"),
    "state": ("stated", "states"),
    "tell": ("told", "tells"),
    "note": ("noted", "notes"),
    "add": ("added", "adds"),
    "explain": ("explained", "explains"),
    "remark": ("remarked",),
    "emphasize": ("emphasized", "emphasised", "emphasizes", "emphasises"),
    "stress": ("stressed", "stresses"),
    "warn": ("warned", "warns", "warn"),
    "claim": ("claimed", "claims", "claim"),
    "confirm": ("confirmed", "confirms", "confirm"),
    "describe": ("described", "describes"),
    "suggest": ("suggested", "suggests"),
    "indicate": ("indicated", "indicates"),
    "announce": ("announced", "announces"),
    "criticize": ("criticized", "criticised", "criticizes", "criticises"),
    "highlight": ("highlighted", "highlights"),
    "point out": ("pointed out", "points out"),
    "echo": ("echoed", "echoes"),
    "condemn": ("condemned", "condemns", "condemn"),
    "urge": ("urged", "urges", "urge"),
    "call": ("called",),
    "call on": ("called on", "calls on", "called upon", "called for", "calls for", "call on", "call for"),
    "express": ("expressed", "expresses", "express"),
    "decline": ("declined to", "declines to", "refused to"),
    "comment": ("commented",),
    "insist": ("insisted", "insists"),
    "argue": ("argued", "argues"),
    "assert": ("asserted", "asserts"),
    "acknowledge": ("acknowledged", "acknowledges"),
    "admit": ("admitted", "admits"),
    "deny": ("denied", "denies", "deny"),
    "reiterate": ("reiterated", "reiterates"),
    "predict": ("predicted", "predicts"),
    "estimate": ("estimated", "estimates", "estimate"),
    "assess": ("assessed", "assesses", "assess"),
    "believe": ("believed", "believes", "believe"),
    "think": ("thinks",),
    "expect": ("expects",),
    "promise": ("promised", "promises"),
    "pledge": ("pledged", "pledges"),
    "vow": ("vowed", "vows"),
    "accuse": ("accused", "accuses"),
    "demand": ("demanded", "demands"),
    "reply": ("replied", "replies"),
    "respond": ("responded",),
    "answer": ("answered",),
    "testify": ("testified",),
    "disclose": ("disclosed",),
    "reveal": ("revealed",),
    "observe": ("observed",),
    "mention": ("mentioned",),
    "caution": ("cautioned",),
    "contend": ("contended",),
    "maintain": ("maintained",),
    "concede": ("conceded",),
    "allege": ("alleged", "alleges"),
    "declare": ("declared",),
    "report": ("reported", "reports", "report"),
    "write": ("wrote", "writes"),
    "conclude": ("concluded",),
    "underline": ("underlined",),
    "praise": ("praised",),
    "welcome": ("welcomed",),
    "reject": ("rejected",),
    "dismiss": ("dismissed",),
    "ask": ("asked",),
    "agree": ("agreed",),
    "tweet": ("tweeted",),
    "post": ("posted",),
    "offer": ("offered", "offers"),
    # A lawmaker passing on a briefing: the speaker, on the briefing's occasion.
    "relay": ("relayed", "relays"),
    "cite": ("quotes", "cites", "cited"),  # "Lawmaker Lee quotes the NIS as saying …"
    "put it": ("put it",),  # only in "As X put it, …"
    "quote": ("was quoted", "were quoted", "is quoted", "has been quoted"),
    "release": tuple(
        f"{v} {d}{a}statement" for v in ("released", "issued", "published", "put out")
        for d in ("a ", "an ", "the ", "") for a in ("", "joint ", "written ", "separate ", "brief ")
    ),
    # Ties the speaker to the statement reported just before; says nothing itself.
    "made-remarks": tuple(
        f"{v} {d} {n}" for v in ("made", "delivered", "gave", "offered")
        for d in ("the", "these", "those", "his", "her", "their") for n in ("remarks", "comments", "statement")
    ),
}
# Verbs that can follow a quote with the speaker after them ("…,” said Kirby).
INVERTIBLE_VERBS = frozenset("say add note write ask state explain warn insist reply tell continue".split())

# Abbreviated titles, spelled out so "Gen. Ryder" fits "Major General Pat Ryder".
ABBREVIATIONS = {
    "gen": "general", "maj": "major", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
    "sgt": "sergeant", "capt": "captain", "cpt": "captain", "brig": "brigadier", "sen": "senator",
    "rep": "representative", "gov": "governor", "amb": "ambassador", "pres": "president",
    "sec": "secretary", "dep": "deputy", "cmdr": "commander", "prof": "professor",
    "defence": "defense", "spokeswoman": "spokesperson", "spokesman": "spokesperson",
    "advisor": "adviser",
}
# Words that are a title or rank, never part of a person's name.
TITLE_WORDS = frozenset(
    """
    president vice prime minister ministers secretary secretary-general undersecretary
    under-secretary spokesperson spokespeople spokesman spokeswoman press adviser advisor
    director director-general deputy principal chief head leader chairman chairwoman chair
    commander commander-in-chief general major lieutenant colonel admiral sergeant captain
    marshal brigadier ambassador envoy official officer representative senator congressman
    congresswoman lawmaker governor mayor chancellor premier king queen prince emir sheikh
    foreign defense defence national security communications coordinator counselor
    counsellor assistant attorney justice judge analyst expert professor dr mr mrs ms miss
    sir dame lord supreme acting interim former senior top executive ceo founder member
    diplomat correspondent spy chief-of-staff staff joint chiefs unification interior
    finance trade economy health strategic operations public relations information
    international affairs military army navy air force forces intelligence general-secretary
    premier speaker first deputy-spokesperson pope cardinal envoy negotiator commissioner
    """.split()
) | frozenset(ABBREVIATIONS)
# Words that make a phrase an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    department ministry house council office agency service services command intelligence
    nations union organization organisation committee commission government administration
    pentagon kremlin army navy military forces embassy parliament assembly congress senate
    bureau institute center centre staff headquarters cabinet party presidency secretariat
    directorate alliance coalition court mission authority corps guard police directorate
    statement group network agency news press times post journal broadcasting television
    radio
    """.split()
)
# Words of place names: "United States", "North Korea", "New Zealand" are not people.
PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western central united states kingdom
    republic federation emirates islands new saudi arabia korea""".split()
)
# Plural heads of a group of unnamed people or bodies.
GROUP_WORDS = frozenset(
    """
    officials authorities analysts experts sources diplomats observers lawmakers critics
    officers leaders governments countries nations allies partners ministers spokespeople
    researchers commanders activists residents witnesses legislators agencies
    """.split()
)

# Plural heads that, with "the", stand for a group of people the story has named
# ("two members of the committee, A and B" … "the lawmakers said", "they said").
PEOPLE_GROUP_WORDS = frozenset(
    """
    lawmakers legislators members mps representatives senators congressmen officials
    ministers diplomats envoys spokesmen spokespeople leaders commanders
    """.split()
)

# Titles of people whose words are their institution's voice on an occasion.
SPOKESPERSON_TITLES = frozenset(
    """spokesperson spokesman spokeswoman spokespeople press-secretary""".split()
)

# Regex fragments that hedges.py and stance.py both build their patterns from.
# Either apostrophe, as outlets print "can't" and "can’t".
APOSTROPHE = "['’]"
# Adverbs that may stand between a negation and its verb ("could not independently confirm").
NEGATION_ADVERBS = r"(?:\s+(?:independently|officially|immediately|publicly|yet|fully|formally|directly))*"
