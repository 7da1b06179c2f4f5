"""Timeline + Config → every file of the browsable site (except data/stories.json and
data/claims.json, which the build writes).

    render_site(timeline, config, templates_dir) -> tuple[Output, ...]

Pure apart from reading templates_dir: Jinja templates (*.html.j2, autoescaped) and
the static assets under templates_dir/static, copied byte for byte to static/.
Links are relative (urls.relative) so the site works from file://, from a server at
/ and under a GitHub Pages project path; only 404.html, which a server returns for
any missing address at any depth, uses absolute links built from site.base_path.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Callable, Collection, Iterator

import jinja2
from markupsafe import Markup

from newsgen import urls
from newsgen.config import Config, PageSource
from newsgen.model import Output, Timeline
from newsgen.write import Keep
from newsgen.cache import code_fingerprint
from newsgen.render import deps, feeds, formatting, memo, pool, search
from newsgen.render.charts import value_text, when_text
from newsgen.render.highlight import highlight_numbers
from newsgen.render.jsonld import script_json
from newsgen.render.markdown_pages import MarkdownPage, render_page
from newsgen.render.pages import Page, html_pages
from newsgen.render.site import Site, build_site, html_id
from newsgen.render.track import track_svg

__all__ = ["render_site", "render_stream", "Keep"]

# Shown when content/pages has no about.md, so the header's About link never breaks.
DEFAULT_ABOUT = """# About

This site follows one news story claim by claim: who said what, when, with which
numbers, and how sure they were, with a link from every claim to the sentence it
comes from. See [how it is made](method.html) if that page exists.
"""


def make_env(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat per page
    )
    env.filters["day"] = formatting.day
    env.filters["day_long"] = formatting.day_long
    env.filters["iso"] = formatting.iso
    env.filters["number"] = formatting.number
    env.filters["quantity"] = formatting.quantity
    env.filters["html_id"] = html_id
    env.filters["slug"] = urls.slug
    env.globals.update(
        date_note=memo.per_object(formatting.date_note),
        published_note=formatting.published_note,
        when_text=when_text,
        outlet_kind=formatting.outlet_kind,
        script_json=script_json,
        value_text=value_text,
        quote_adds=formatting.quote_adds,
        highlight_numbers=memo.per_text(highlight_numbers),
        urls=urls,
        track_svg=_track_svg,
    )
    env.links = memo.Links()  # type: ignore[attr-defined]  # for _hrefs: one per environment, so per build
    env.fragments = memo.Fragments()  # type: ignore[attr-defined]  # claim cards, drawn once per build
    return env


def _track_svg(track, href: Callable[[str], str], site: Site, dom_id: str):
    names = {v.id: v.speaker.name for v in site.speakers}
    return track_svg(track, href, lambda sid: names.get(sid, sid), dom_id)


def _hrefs(page_path: str, base_path: str | None, links: memo.Links | None = None) -> Callable[[str], str]:
    """Links from one page: relative, or absolute under base_path (for 404.html)."""
    if base_path is not None:
        return lambda target: base_path + target
    if links is not None:
        return links.from_page(page_path)
    return lambda target: urls.relative(target, page_path)


def _markdown_pages(config: Config) -> tuple[MarkdownPage, ...]:
    sources = list(config.pages)
    if not any(p.slug == "about" for p in sources):
        sources.append(PageSource("about", "(built-in)", DEFAULT_ABOUT))
    seen: set[str] = set()
    out = []
    for src in sorted(sources, key=lambda p: p.slug):
        if src.slug in seen:
            continue
        seen.add(src.slug)
        out.append(render_page(src))
    return tuple(out)


def _static_assets(templates_dir: Path) -> list[Output]:
    static = Path(templates_dir) / "static"
    if not static.is_dir():
        return []
    files = sorted(p for p in static.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [Output("static/" + p.relative_to(static).as_posix(), p.read_bytes()) for p in files]


def _nav(md: tuple[MarkdownPage, ...]) -> list[tuple[str, str, str]]:
    about = next(p.path for p in md if p.slug == "about")
    return [
        ("timeline", "Timeline", "index.html"),
        ("questions", "What we know", urls.QUESTIONS),
        ("speakers", "Speakers", "speakers/index.html"),
        ("outlets", "Outlets", "outlets/index.html"),
        ("topics", "Topics", "topics/index.html"),
        ("figures", "Figures", "figures/index.html"),
        ("differ", "Sources differ", "differ.html"),
        ("search", "Search", "search.html"),
        ("about", "About", about),
    ]


def _inline_css(env: jinja2.Environment) -> Markup | None:
    try:
        css = env.loader.get_source(env, "static/site.css")[0]  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return None
    return Markup(css.replace("</", "<\\/"))


def _render(env: jinja2.Environment, site: Site | deps.Reads, page: Page, nav, md, root: str | None) -> bytes:
    base = site.config.site.base_path if page.path == "404.html" else None
    href = _hrefs(page.path, base, getattr(env, "links", None))
    once = _draw_each
    if hasattr(env, "fragments"):
        href, once = env.fragments.for_page(href, site)
    data = page.context(site)
    jsonld = data.get("jsonld")
    method = next((p.path for p in md if p.slug == "method"), None)
    ctx = {
        **data,
        "site": site,
        "cfg": site.config,
        "page": page,
        "href": href,
        "once": once,
        "nav": nav,
        "method_path": method,
        "canonical": root + page.path if root and page.path != "404.html" else None,
        "jsonld_script": script_json(jsonld) if jsonld else None,
    }
    if page.path == "404.html":
        # A server may return this page at any address, and it may be opened from
        # disk where an absolute stylesheet link leads nowhere: it carries its style.
        ctx["inline_css"] = _inline_css(env)
    html = env.get_template(page.template).render(ctx)
    return html.encode("utf-8")


def _draw_each(macro, obj, *args):
    return macro(obj, *args)


def render_site(timeline: Timeline, config: Config, templates_dir: Path) -> tuple[Output, ...]:
    files = {o.path: o.data for o in render_stream(timeline, config, templates_dir)}
    return tuple(Output(p, files[p]) for p in sorted(files))


def render_stream(timeline: Timeline, config: Config, templates_dir: Path, memo: deps.Memo | None = None,
                  intact: Callable[[str], bool] = lambda path: False,
                  record: deps.Memo | None = None, jobs: int | None = 1) -> Iterator[Output | Keep]:
    """The site one file at a time, so it never has to be held whole.

    jobs: processes drawing pages (None: every core this process may use).

    With the previous build's `memo`, a page whose data and reads are unchanged and
    whose file is `intact` is yielded as Keep instead of drawn; what every page
    read goes into `record` for the next build.
    """
    site = build_site(timeline, config)
    env = make_env(Path(templates_dir))
    root = feeds.site_root(config.site)
    md = _markdown_pages(config)
    nav = _nav(md)
    site_wide = deps.digest(code_fingerprint(), config, md, nav, root)
    drawn_with = _TemplateDigests(env, Path(templates_dir), site_wide)
    digests = deps.Digests(site, deps.Hasher())
    # Files that show everything first: cheap to make, so always made (the writer
    # keeps equal bytes), but each is a large object in passing, let go before the
    # page workers start with this process's memory.
    yield Output("static/search-index.js", search.index_js(site))
    yield Output("feed.xml", feeds.atom(site, root))
    yield Output("data/timeline.json", feeds.timelinejs(site))
    seen: set[str] = set()
    html: list[str] = []
    to_draw: list[tuple[Page, str]] = []
    for page in html_pages(site, md, root):
        # Two ids can slug to one address; the first keeps it rather than being overwritten.
        if page.path in seen:
            continue
        seen.add(page.path)
        if page.path.endswith(".html") and page.path != "404.html":
            html.append(page.path)
        fingerprint = deps.page_fingerprint(digests.hasher, drawn_with(page), page)
        if deps.unchanged(memo, page.path, fingerprint, digests) and intact(page.path):
            _note(record, digests, page.path, fingerprint, memo.pages[page.path][1])
            yield Keep(page.path)
        else:
            to_draw.append((page, fingerprint))

    def draw(page: Page) -> pool.Drawn:
        reads = deps.Reads(site)
        return _render(env, reads, page, nav, md, root), frozenset(reads.keys)

    # Which pages to draw is settled above, in page order; drawing them is the
    # bulk of a clean build and is shared among the cores.
    def forget() -> None:
        # In a worker: the digests and both memos serve only this process's choice
        # of what to draw and its record, some 90 MB at 5,000 articles.
        for m in (memo, record):
            if m is not None:
                m.pages.clear()
                m.keys.clear()
        digests.forget()

    for (page, fingerprint), (data, keys) in zip(to_draw, pool.draw_all([p for p, _ in to_draw], draw, jobs, forget)):
        _note(record, digests, page.path, fingerprint, keys)
        yield Output(page.path, data)
    generated = {"static/search-index.js", "feed.xml", "data/timeline.json", "sitemap.xml", "robots.txt"}
    for out in _static_assets(Path(templates_dir)):
        if out.path not in seen and out.path not in generated:
            seen.add(out.path)
            if out.path.endswith(".html"):
                html.append(out.path)
            yield out
    lastmod: dict[str, dt.date] = {}
    for s in site.stories.values():
        if s.published:
            lastmod[urls.story(s.id)] = s.updated or s.published
    yield Output("sitemap.xml", feeds.sitemap(sorted(html), root, lastmod))
    yield Output("robots.txt", feeds.robots(root))


def _note(record: deps.Memo | None, digests: deps.Digests, path: str, fingerprint: str, keys: Collection[deps.Key]) -> None:
    """What a page read, for the next build."""
    if record is not None:
        record.pages[path] = (fingerprint, tuple(keys))
        for k in keys:
            record.keys[k] = digests(k)


class _TemplateDigests:
    """What a page's fingerprint covers of templates/: the template it is drawn with
    and every one that extends, imports or includes (jinja2.meta), each by its text,
    so editing one template redraws only the pages drawn with it. A template that
    names another by an expression, or cannot be parsed, stands for the whole folder."""

    def __init__(self, env: jinja2.Environment, templates_dir: Path, site_wide: str):
        self.env, self.dir, self.site_wide = env, templates_dir, site_wide
        self._of: dict[tuple[str, bool], str] = {}

    def __call__(self, page: Page) -> str:
        # 404.html also carries static/site.css inline (_inline_css).
        key = (page.template, page.path == "404.html")
        if key not in self._of:
            names = self._names(page.template)
            if names is None:
                texts: object = _templates_digest(self.dir)
            else:
                texts = tuple((n, self._text(n)) for n in sorted(names | ({"static/site.css"} if key[1] else set())))
            self._of[key] = deps.digest(self.site_wide, texts)
        return self._of[key]

    def _text(self, name: str) -> str | None:
        try:
            return self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return None  # "ignore missing": adding it later changes the digest

    def _names(self, name: str) -> set[str] | None:
        from jinja2 import meta

        seen: set[str] = set()
        todo = [name]
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            text = self._text(n)
            if text is None:
                continue
            try:
                refs = list(meta.find_referenced_templates(self.env.parse(text)))
            except jinja2.TemplateSyntaxError:
                return None  # drawing it reports the error
            if any(r is None for r in refs):
                return None
            todo += refs
        return seen


def _templates_digest(templates_dir: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(templates_dir.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(templates_dir).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
