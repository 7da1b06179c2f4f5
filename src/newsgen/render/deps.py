"""Which pages must be drawn again: what each page read, recorded as it was drawn.

A page's template sees the Site through `Reads`, which notes every lookup as a
key: ("claim", id) for site.reports(c), site.reports_in(c, story) or site.claim(id), ("story_head", id) for
site.outlet_of(s) or the header of site.stories[id] (("story", id) once its text is
read), ("count", "stories") for site.stories|length, and so on. A
lookup it has no key for (a Site method added later) marks the page "always
draw", so a new page family is correct before it is fast.

A page is drawn again unless its own data (path, template, titles, the context
html_pages gave it, the site-wide fingerprint) and the digest of every key it
read are what they were in the previous build. Digests are worked out from the
new Site on demand, once per key. The memo of the previous build lives in the
cache folder; without one every page is drawn, as on a clean build.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from newsgen import store as stores
from newsgen.render.site import Site

Key = tuple[str, str]
ALWAYS: Key = ("always", "")  # the page used a lookup this module cannot replay


def digest(*parts: Any) -> str:
    return Hasher().digest(*parts)


class Hasher:
    """Digests of page data.

    A frozen dataclass (a story, a claim, a view, a day group) sits in many pages'
    data, so its bytes are hashed once per build and stand for it afterwards (by
    identity; the memo keeps it alive so the id is not reused). Walking every
    page's whole context instead made fingerprints half the render time.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}

    def digest(self, *parts: Any) -> str:
        h = hashlib.blake2b(digest_size=16)
        for part in parts:
            h.update(self._bytes(part) + b"\0")
        return h.hexdigest()

    def _bytes(self, obj: Any) -> bytes:
        t = type(obj)
        if t is str:
            # Length-prefixed, so no two values run together.
            data = obj.encode("utf-8", "surrogatepass")
            return b"s%d:" % len(data) + data
        if t is tuple or t is list:
            return (b"(" if t is tuple else b"[") + b",".join([self._bytes(x) for x in obj]) + b")"
        if t is dict:
            return b"{" + b",".join([self._bytes(k) + b":" + self._bytes(v) for k, v in obj.items()]) + b"}"
        shape = _shape(t)
        if shape is not None:
            names, frozen = shape
            if not frozen:  # may change between two looks: hashed afresh each time
                return self._fields(t, names, obj)
            hit = self._memo.get(id(obj))
            if hit is None:
                hit = (obj, b"#" + hashlib.blake2b(self._fields(t, names, obj), digest_size=16).digest())
                self._memo[id(obj)] = hit
            return hit[1]
        # Markup (its repr names the type), numbers, dates, None. An object without a
        # stable repr (an address) never matches, which only costs drawing its page again.
        return repr(obj).encode("utf-8", "surrogatepass")

    def _fields(self, t: type, names: tuple[str, ...], obj: Any) -> bytes:
        # The bytes _bytes gives each field, with text, None and numbers (most of a
        # claim's fields) done here: a call per field was most of a rebuild's hashing.
        parts = []
        for n in names:
            v = getattr(obj, n)
            tv = type(v)
            if tv is str:
                data = v.encode("utf-8", "surrogatepass")
                parts.append(b"s%d:" % len(data) + data)
            elif v is None or tv is int or tv is float or tv is bool:
                parts.append(repr(v).encode())
            else:
                parts.append(self._bytes(v))
        return t.__qualname__.encode() + b"(" + b",".join(parts) + b")"


_SHAPES: dict[type, tuple[tuple[str, ...], bool] | None] = {}


def _shape(t: type) -> tuple[tuple[str, ...], bool] | None:
    """A dataclass type's field names and whether it is frozen (None: not a dataclass),
    worked out once per type rather than once per object."""
    try:
        return _SHAPES[t]
    except KeyError:
        pass
    shape = None
    if is_dataclass(t):
        shape = (tuple(f.name for f in fields(t)), bool(t.__dataclass_params__.frozen))  # type: ignore[attr-defined]
    _SHAPES[t] = shape
    return shape


@dataclass
class Memo:
    """What one build drew: per page its own fingerprint and the keys it read,
    and the digest each key had."""

    pages: dict[str, tuple[str, tuple[Key, ...]]] = field(default_factory=dict)
    keys: dict[Key, str] = field(default_factory=dict)


class Digests:
    """The current digest of each key, from the new Site, each worked out once."""

    def __init__(self, site: Site, hasher: Hasher | None = None):
        self.site = site
        self.hasher = hasher or Hasher()
        self.cache: dict[Key, str] = {}
        self._heads: dict[str, tuple[Any, Any]] = {}

    def forget(self) -> None:
        """Drop every digest worked out (they are worked out again if asked)."""
        self.cache.clear()
        self._heads.clear()
        self.hasher = Hasher()

    def __call__(self, key: Key) -> str:
        if key not in self.cache:
            self.cache[key] = self._compute(key)
        return self.cache[key]

    def _outlet(self, view) -> Any:
        # A report shows its outlet's name and address, not the outlet's whole list.
        return (view.id, view.name, view.outlet) if view is not None else None

    def _story(self, story_id: str) -> Any:
        s = self.site.stories.get(story_id)
        return (s, self._outlet(self.site.outlet_of(s))) if s is not None else None

    def _head(self, story_id: str) -> Any:
        """A story as a link to it shows it: everything but its text, and its outlet."""
        s = self.site.stories.get(story_id)
        if s is None:
            return None
        return (self._text_less(s), self._outlet(self.site.outlet_of(s)))

    def _text_less(self, s: Any) -> Any:
        # One copy per story, so its digest is made once however many keys show it.
        head = self._heads.get(s.id)
        if head is None or head[0] is not s:
            head = self._heads[s.id] = (s, replace(s, paragraphs=(), captions=()))
        return head[1]

    def _reported_in(self, report) -> Any:
        """A story as a claim's report shows it: everything but the text (a page that
        reads the text of a report's story notes ("story", id), see _ReportStory). Editing
        a story's wording so leaves the pages of its claims alone, even those of a wire
        statement a hundred stories carry."""
        s = self.site.stories.get(report.story)
        if s is None:
            return None
        return (self._text_less(s), self._outlet(self.site.outlet_of(s)))

    def _compute(self, key: Key) -> str:
        kind, name = key
        site = self.site
        if kind == "claim":
            c = site.claim(name)
            reports = tuple((r.report, r.anchor, self._reported_in(r.report), self._outlet(r.outlet))
                            for r in site.reports(c)) if c else ()
            return self.hasher.digest(c, reports)
        if kind == "story":
            return self.hasher.digest(self._story(name))
        if kind == "story_head":
            return self.hasher.digest(self._head(name))
        if kind == "topic":
            return self.hasher.digest(site.topic_label(name))
        if kind == "origin":
            return self.hasher.digest(site.origin_of(name))
        if kind == "count":
            return self.hasher.digest(len(site.stories) if name == "stories" else len(site.timeline.claims))
        if kind == "site" and name == "outlets":
            # A page that lists outlets shows their names, kinds and counts; a story's
            # text is only ever shown from a page's own data or read as ("story", id).
            # So the list stands for its stories' headers: editing one article's text
            # does not redraw the front page.
            return self.hasher.digest(tuple((v.id, v.name, v.outlet, tuple(self._head(s.id) for s in v.stories), v.claims)
                                            for v in site.outlets))
        if kind == "site":
            value = getattr(site, name)
            return self.hasher.digest(value() if callable(value) else value)
        if kind == "timeline":
            return self.hasher.digest(getattr(site.timeline, name))
        return self.hasher.digest(object())  # unknown: never equal, so the page is drawn


# The fields of a Story that its ("story_head", id) key leaves out: only its own page
# and lists of whole stories show them.
_TEXT = frozenset({"paragraphs", "captions"})


class _StoryRead:
    """A story looked up by id (the stories a story page names as its sources): its
    header is read under ("story_head", id), its text under ("story", id), so editing
    one story's text does not redraw every page that links to it."""

    __slots__ = ("_story", "_read")

    def __init__(self, story, read: Callable[[Key], None]):
        self._story, self._read = story, read
        read(("story_head", story.id))

    def __getattr__(self, name):
        if name in _TEXT or name.startswith("__"):
            self._read(("story", self._story.id))
        return getattr(self._story, name)


class _ReportStory:
    """The story of a claim's report (ReportView.story), as a template sees it: the
    ("claim", id) key it came with covers its header; its text is read under
    ("story", id)."""

    __slots__ = ("_story", "_read")

    def __init__(self, story, read: Callable[[Key], None]):
        self._story, self._read = story, read

    def __getattr__(self, name):
        if name in _TEXT or name.startswith("__"):
            self._read(("story", self._story.id))
        return getattr(self._story, name)


class _Stories:
    """site.stories as a template sees it, noting what it looks at."""

    def __init__(self, stories: dict, read: Callable[[Key], None]):
        self._stories, self._read = stories, read

    def __len__(self) -> int:
        self._read(("count", "stories"))
        return len(self._stories)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, story_id):
        story = self._stories.get(story_id)
        if story is None:
            self._read(("story", story_id))
            return self._stories[story_id]  # KeyError, as the dict would
        return _StoryRead(story, self._read)

    def get(self, story_id, default=None):
        story = self._stories.get(story_id)
        if story is None:
            self._read(("story", story_id))  # its digest changes when the story appears
            return default
        return _StoryRead(story, self._read)

    def __contains__(self, story_id) -> bool:
        self._read(("story", story_id))
        return story_id in self._stories

    def __iter__(self) -> Iterator:
        self._read(("site", "stories"))
        return iter(self._stories)

    def __getattr__(self, name):  # values(), items(), keys(): the whole mapping
        self._read(("site", "stories"))
        return getattr(self._stories, name)


class _Seq:
    """A whole list (site.timeline.claims): its length alone, or everything in it."""

    def __init__(self, items, count: Key, whole: Key, read: Callable[[Key], None]):
        self._items, self._count, self._whole, self._read = items, count, whole, read

    def __len__(self) -> int:
        self._read(self._count)
        return len(self._items)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self):
        self._read(self._whole)
        return iter(self._items)

    def __getitem__(self, i):
        self._read(self._whole)
        return self._items[i]


class _Timeline:
    def __init__(self, timeline, read: Callable[[Key], None]):
        self._timeline, self._read = timeline, read

    def __getattr__(self, name):
        value = getattr(self._timeline, name)
        if name == "claims":
            return _Seq(value, ("count", "claims"), ("timeline", "claims"), self._read)
        self._read(("timeline", name))
        return value


class Reads:
    """The Site as one page's template sees it: every lookup leaves a key in `keys`."""

    # Site methods whose answer depends only on one claim / story / topic.
    # (who, shown_hedges, editorial_outlet, window_of read the claim's stories' headers
    # and outlets, which the claim key's digest covers.)
    _BY_CLAIM = frozenset({"reports", "claim_outlet_ids", "claim_topic_ids", "who", "shown_hedges",
                           "editorial_outlet", "window_of"})
    # Site methods whose answer depends only on what one key names: the key's kind, and
    # how to get its name from the argument.
    _BY_KEY: dict[str, tuple[str, Callable[[Any], str]]] = {
        "claim": ("claim", lambda claim_id: claim_id),
        "point_who": ("claim", lambda point: point.claim),
        "origin_of": ("origin", lambda story_id: story_id),
        "topic_label": ("topic", lambda topic_id: topic_id),
    }

    def __init__(self, site: Site):
        self._site = site
        self.keys: set[Key] = set()
        self._reports: dict[str, tuple] = {}  # claim id → its report views, their stories noting text reads

    def _report_views(self, claim) -> tuple:
        views = self._reports.get(claim.id)
        if views is None:
            views = self._reports[claim.id] = tuple(
                replace(v, story=_ReportStory(v.story, self._read)) if v.story is not None else v
                for v in self._site.reports(claim))
        return views

    def _read(self, key: Key) -> None:
        self.keys.add(key)

    def __getattr__(self, name: str):
        site = self._site
        if name == "config":
            return site.config  # part of the site-wide fingerprint
        if name == "stories":
            return _Stories(site.stories, self._read)
        if name == "timeline":
            return _Timeline(site.timeline, self._read)
        value = getattr(site, name)
        if name == "reports":
            def reports(claim):
                if claim is None:
                    return ()
                self._read(("claim", claim.id))
                return self._report_views(claim)
            return reports
        if name == "reports_in":
            def reports_in(claim, story_id):
                self._read(("claim", claim.id))
                return tuple(replace(v, story=_ReportStory(v.story, self._read)) if v.story is not None else v
                             for v in value(claim, story_id))
            return reports_in
        if name in self._BY_CLAIM:
            def by_claim(claim, _f=value):
                if claim is not None:
                    self._read(("claim", claim.id))
                return _f(claim)
            return by_claim
        if name in self._BY_KEY:
            kind, key_of = self._BY_KEY[name]

            def by_key(arg, _f=value):
                self._read((kind, key_of(arg)))
                return _f(arg)
            return by_key
        if name in ("outlet_of", "credit"):
            # The outlet and the wire credit are in a story's header, not its text.
            def by_story(story, _f=value):
                if isinstance(story, (_StoryRead, _ReportStory)):
                    story = story._story
                if story is not None:
                    self._read(("story_head", story.id))
                return _f(story)
            return by_story
        if name == "wires":
            def wires(view):  # the credits in its stories' headers
                for s in view.stories:
                    self._read(("story_head", s.id))
                return value(view)
            return wires
        if callable(value):
            if name in ("latest_date", "outlet_names"):  # no arguments: one answer per build
                self._read(("site", name))
                return value
            self._read(ALWAYS)
            return value
        self._read(("site", name))  # outlets, speakers, topics, series, sorted_stories
        return value


def page_fingerprint(hasher: Hasher, site_wide: str, page) -> str:
    return hasher.digest(site_wide, page.path, page.template, page.title, page.description, page.nav, page.ctx)


def unchanged(memo: Memo | None, path: str, fingerprint: str, digests: Digests) -> bool:
    if memo is None or path not in memo.pages:
        return False
    before, keys = memo.pages[path]
    if before != fingerprint or ALWAYS in keys:
        return False
    return all(memo.keys.get(k) == digests(k) for k in keys)


def memo_file(cache_dir: Path, out_dir: Path):
    """Where the page reads of the site in out_dir are kept: (store, key), or None."""
    store = stores.at(cache_dir)
    return (store, stores.out_key(out_dir)) if store is not None else None


# A memo is kept as plain JSON, each key written once and named by its place in the
# list: 20,000 pages read some 40,000 keys, and each key is read by many pages.
# {"keys": [[kind, name, digest], ...], "pages": [[path, fingerprint, [key index, ...]], ...]}


def load(handle) -> Memo | None:
    """The memo of the last build, or None (missing, unreadable: draw every page)."""
    if handle is None:
        return None
    data = handle[0].get_plain("pages", handle[1])
    try:
        keys = [((str(kind), str(name)), str(d)) for kind, name, d in data["keys"]]
        # A tuple per page, not a set: 28,000 pages' sets were 20 MB of a rebuild,
        # and a page's keys are only ever gone through.
        pages = {str(path): (str(fp), tuple(keys[i][0] for i in used)) for path, fp, used in data["pages"]}
    except (TypeError, ValueError, KeyError, IndexError):
        return None
    return Memo(pages, dict(keys))


def store(handle, memo: Memo) -> None:
    if handle is None:
        return
    index: dict[Key, int] = {}
    keys = []
    for k, d in memo.keys.items():
        index[k] = len(keys)
        keys.append([k[0], k[1], d])
    pages = [[path, fp, sorted(index[k] for k in used)] for path, (fp, used) in memo.pages.items()]
    handle[0].put_plain("pages", handle[1], {"keys": keys, "pages": pages})


def forget(handle) -> None:
    if handle is not None:
        handle[0].delete("pages", handle[1])
