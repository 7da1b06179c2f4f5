"""One build: seeds + content → site, with every problem collected, never raised.

Reading happens in `collect` (seeds and content), writing in `write_site`; the
steps between are pure. A problem with one input skips that input only; under
`strict` any problem stops the build before anything is written.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from newsgen.config import EARLIEST, LATEST, Config, SeedMeta, load_config, normalise_base_path
from newsgen.export import export_data, export_questions, figures_data
from newsgen.model import Claim, Problem, Speaker, Story, Timeline
from newsgen.questions import tracks, with_stances
from newsgen.sources import derive, with_independence
from newsgen.timeline import assemble
from newsgen.write import WriteReport, write_site

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")
# Pages are named after the seed ("stories/<slug>.html", "<slug>.json" in the
# cache); most file systems stop at 255 bytes a name.
MAX_NAME_BYTES = 200


class BuildFailed(Exception):
    def __init__(self, problems: Sequence[Problem], reason: str):
        super().__init__(reason)
        self.problems = tuple(problems)


class ContentError(BuildFailed):
    """content/ has errors: building with what is left would publish a degraded site."""


def content_errors(problems: Sequence[Problem], content_dir: Path) -> list[Problem]:
    """Errors in content/ files, the ones that stop a build (metadata for a missing seed is only a warning)."""
    root = Path(content_dir).as_posix().rstrip("/")
    return [p for p in problems if p.severity == "error" and (p.file == root or p.file.startswith(root + "/"))]


@dataclass(frozen=True)
class SeedResult:
    """What one seed yields; the unit the incremental cache stores."""

    story: Story | None
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class BuildResult:
    config: Config
    timeline: Timeline
    problems: tuple[Problem, ...]
    report: WriteReport | None
    unknown_speakers: tuple[Speaker, ...]


def default_templates() -> Path:
    local = Path("templates")
    if local.is_dir():
        return local
    return Path(__file__).resolve().parents[2] / "templates"


def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Seed files directly in seeds_dir; links that lead outside it are refused."""
    problems: list[Problem] = []
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return [], [Problem(seeds_dir.as_posix(), "seeds folder not found")]
    root = seeds_dir.resolve()
    found = []
    for p in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if p.name.startswith("."):
            continue
        if p.is_symlink() and not p.exists():
            problems.append(Problem(p.as_posix(), "broken symbolic link (its target does not exist); skipped"))
            continue
        if root not in p.resolve().parents:
            problems.append(Problem(p.as_posix(), "link points outside the seeds folder; skipped"))
            continue
        if p.is_dir():
            if p.suffix.lower() in SEED_SUFFIXES:
                problems.append(Problem(p.as_posix(), "a folder, not an article file; skipped", None, "warning"))
            continue
        if p.suffix.lower() not in SEED_SUFFIXES:
            problems.append(Problem(p.as_posix(), f"not a seed format ({', '.join(SEED_SUFFIXES)}); skipped", None, "warning"))
            continue
        found.append(p)
    return _distinct(found, problems)


def _distinct(paths: list[Path], problems: list[Problem]) -> tuple[list[Path], list[Problem]]:
    """Refuse, by name, a seed whose story id or page address another seed already has.

    The id is the file stem and the page address its slug, so `same.txt` and
    `same.md`, or two names in a script the slug drops, would overwrite each
    other's story. The first in name order is kept.
    """
    from newsgen import urls

    kept: list[Path] = []
    by_id: dict[str, Path] = {}
    by_slug: dict[str, Path] = {}
    for p in paths:
        slug = urls.slug(p.stem)
        twin = by_id.get(p.stem) or by_slug.get(slug)
        if twin is not None:
            same = "id" if twin.stem == p.stem else f"page address (stories/{slug}.html)"
            problems.append(Problem(p.as_posix(), f"has the same story {same} as {twin.as_posix()}; skipped: rename one of them"))
            continue
        if len(p.name.encode("utf-8")) > MAX_NAME_BYTES:
            problems.append(Problem(p.as_posix(), f"file name longer than {MAX_NAME_BYTES} bytes: its pages could not be written; skipped: shorten it"))
            continue
        by_id[p.stem], by_slug[slug] = p, p
        kept.append(p)
    return kept, problems


def apply_metadata(story: Story, meta: SeedMeta | None, config: Config) -> Story:
    """content/ overrides what the text says; published_basis records the winner."""
    if meta is not None:
        changes = {k: getattr(meta, k) for k in ("outlet", "credit", "url", "title", "byline") if getattr(meta, k)}
        if meta.published:
            changes.update(published=meta.published, published_basis="content", published_window=None)
        elif meta.published_window:
            changes.update(published_window=meta.published_window)
        story = replace(story, **changes)
    outlet = config.outlet_named(story.outlet)
    if outlet is not None:
        story = replace(story, outlet=outlet.name)
    return story


def process_seed(path: Path, config: Config) -> SeedResult:
    """Load one seed, apply its metadata and extract its claims."""
    from newsgen.extract import extract_claims
    from newsgen.load import load_story

    story, problems = load_story(path, path.as_posix())
    if story is None:
        return SeedResult(None, (), tuple(problems))
    story = apply_metadata(story, config.seed_meta(story.id), config)
    if story.published is not None and not EARLIEST <= story.published <= LATEST:
        # 0001-01-01 is a typo, and dates counted back from it overflow the calendar.
        problems = tuple(problems) + (Problem(path.as_posix(), f"publication date {story.published.isoformat()} is not between "
                                              f"{EARLIEST.year} and {LATEST.year}; left out", None, "warning"),)
        story = replace(story, published=None, published_basis=None)
    try:
        claims = extract_claims(story, config.people, config.story.topics)
    except (ArithmeticError, RecursionError, ValueError) as e:
        # One article the extractor cannot handle (a date at the end of the
        # calendar, a number too long to convert) must not stop the others.
        return SeedResult(None, (), tuple(problems) + (Problem(path.as_posix(), f"could not extract its claims ({type(e).__name__}: {e}); skipped"),))
    claims, dropped = _finite(claims)
    if dropped:
        problems = tuple(problems) + (Problem(path.as_posix(), f"{dropped} number(s) too large to compute with (e.g. hundreds of digits); left out of the figures", None, "warning"),)
    return SeedResult(story, tuple(claims), tuple(problems))


def _finite(claims: Sequence[Claim]) -> tuple[list[Claim], int]:
    """Claims without quantities that overflow to infinity: JSON cannot carry them and no chart can scale to them."""
    import math

    out, dropped = [], 0
    for c in claims:
        keep = tuple(q for q in c.quantities if all(math.isfinite(v) for v in (q.value, q.low, q.high) if v is not None))
        dropped += len(c.quantities) - len(keep)
        out.append(c if len(keep) == len(c.quantities) else replace(c, quantities=keep))
    return out, dropped


def collect(
    seeds_dir: Path,
    content_dir: Path,
    process: Callable[[Path, Config], SeedResult] = process_seed,
) -> tuple[Config, list[SeedResult], list[Problem]]:
    config, problems = load_config(content_dir)
    problems = list(problems)
    paths, probs = list_seeds(seeds_dir)
    problems += probs
    results = [process(p, config) for p in paths]
    for r in results:
        problems += r.problems
    results, probs = _without_copies(results, Path(seeds_dir), config)
    problems += probs
    from newsgen.check import duplicate_url_problems

    problems += duplicate_url_problems(config)  # in collect, so build fails where check does
    stems = {p.stem for p in paths}
    for meta in config.seeds:
        if meta.seed not in stems:
            problems.append(Problem(meta.source, f"metadata for seed '{meta.seed}', which is not in {Path(seeds_dir).as_posix()}/", meta.line, "warning"))
    for r in results:
        s = r.story
        if s is not None and s.published is None and s.published_window is None:
            problems.append(Problem(f"{Path(seeds_dir).as_posix()}/{s.seed}", f"no publication date: add 'published:' in {Path(content_dir).as_posix()}/seeds/{s.id}.yaml", None, "warning"))
    return config, results, problems


def _without_copies(results: list[SeedResult], seeds_dir: Path, config: Config) -> tuple[list[SeedResult], list[Problem]]:
    """Drop a seed that copies another from the same outlet: `check` calls it an
    error, so the build must not publish it either (a syndicated copy from
    another outlet is only a warning and stays)."""
    import hashlib

    from newsgen.check import duplicate_problems

    def declared(s: Story) -> str:
        meta = config.seed_meta(s.id)
        return (meta.outlet or "").casefold() if meta else ""

    stories = [r.story for r in results if r.story is not None]
    found: list[Problem] = []
    first: dict[bytes, Story] = {}
    for s in stories:
        # The same file byte for byte is a copy, whatever outlet its text names,
        # unless content/ declares both, as two different outlets (a wire story).
        shown = f"{seeds_dir.as_posix()}/{s.seed}"
        try:
            digest = hashlib.sha256((seeds_dir / s.seed).read_bytes()).digest()
        except OSError:
            continue
        twin = first.setdefault(digest, s)
        if twin is not s and not (declared(twin) and declared(s) and declared(twin) != declared(s)):
            found.append(Problem(shown, f"same article as {seeds_dir.as_posix()}/{twin.seed} (the same file, byte for byte): remove one of them"))
    copies = {p.file for p in found}
    found += [p for p in duplicate_problems([s for s in stories if f"{seeds_dir.as_posix()}/{s.seed}" not in copies], seeds_dir.as_posix())]
    copies = {p.file for p in found if p.severity == "error"}
    kept = [SeedResult(None, (), r.problems) if r.story is not None and f"{seeds_dir.as_posix()}/{r.story.seed}" in copies else r
            for r in results]
    return kept, [replace(p, message=p.message + "; skipped") if p.severity == "error" else p for p in found]


def make_timeline(config: Config, results: Sequence[SeedResult]) -> Timeline:
    stories = [r.story for r in results if r.story is not None]
    claims = [c for r in results for c in r.claims]
    return what_we_know(assemble(stories, claims, config.story.series), config)


def what_we_know(timeline: Timeline, config: Config) -> Timeline:
    """Which stories are one source, each claim's stance and independent reports, and
    the status track of each question the editor tracks."""
    origins = derive(timeline.stories, config.outlets)
    claims = with_independence(timeline.claims, origins, timeline.stories, config.outlets)
    claims = with_stances(claims, config.story.questions, config.people)
    return replace(timeline, claims=claims, origins=origins,
                   questions=tracks(config.story.questions, claims, config.people))


def unknown_speakers(timeline: Timeline) -> tuple[Speaker, ...]:
    return tuple(s for s in timeline.speakers if not s.known)


def build(
    seeds_dir: Path = Path("seeds"),
    content_dir: Path = Path("content"),
    out_dir: Path = Path("site"),
    templates_dir: Path | None = None,
    strict: bool = False,
    process: Callable[[Path, Config], SeedResult] = process_seed,
    base_path: str | None = None,
    site_url: str | None = None,
) -> BuildResult:
    from newsgen import outdir
    from newsgen.render import render_site

    # Before any work: a wrong --out would otherwise be found only after it.
    outdir.guard(Path(out_dir), (("seeds", Path(seeds_dir)), ("content", Path(content_dir)),
                                 ("templates", Path(templates_dir or default_templates()))))
    config, results, problems = collect(seeds_dir, content_dir, process)
    broken = content_errors(problems, content_dir)
    if broken:
        raise ContentError(problems, f"{len(broken)} error(s) in {Path(content_dir).as_posix()}/: fix them; nothing written, the site is as it was")
    if base_path is not None:  # e.g. GitHub Pages' project path, given by CI
        config = replace(config, site=replace(config.site, base_path=normalise_base_path(base_path)))
    if site_url:  # the published address, so feeds and the sitemap can be absolute
        if not site_url.startswith(("https://", "http://")):
            problems.append(Problem("--site-url", f"{site_url!r} is not an http(s) address; ignored"))
        else:
            config = replace(config, site=replace(config.site, url=site_url.rstrip("/") + "/"))
    if strict and problems:
        raise BuildFailed(problems, f"{len(problems)} problem(s) and --strict is set; nothing written")
    timeline = make_timeline(config, results)
    outputs = (tuple(render_site(timeline, config, templates_dir or default_templates())) + export_data(timeline)
               + export_questions(timeline) + (figures_data(timeline, config.story.series),))
    report = write_site(outputs, Path(out_dir))
    return BuildResult(config, timeline, tuple(problems), report, unknown_speakers(timeline))

