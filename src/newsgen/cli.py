"""The `newsgen` command: a thin layer over the library (build, check, review, serve, add)."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from newsgen import __version__

if TYPE_CHECKING:
    from newsgen.model import Problem


def _print_problems(problems: Sequence[Problem], stream=sys.stderr) -> None:
    for p in problems:
        print(str(p), file=stream)


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds/)")
    p.add_argument("--content", type=Path, default=Path("content"), help="editorial metadata (default: content/)")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def _site_url(text: str) -> str:
    # Refused here, before anything is built: a site published with a wrong address
    # links nowhere, and a build that goes on regardless would exit 0.
    if not text.startswith(("https://", "http://")) or len(text.split("://", 1)[1].strip("/")) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) address")
    return text


def _guard_out(args: argparse.Namespace) -> None:
    """Refuse an --out that would replace the user's inputs or project (newsgen.outdir)."""
    from newsgen.build import default_templates
    from newsgen.outdir import guard

    # templates/ is guarded even when absent: a site written there would be read as templates next time.
    guard(args.out, (("seeds", args.seeds), ("content", args.content),
                     ("templates", args.templates or default_templates()), ("templates", Path("templates"))))


def cmd_build(args: argparse.Namespace) -> int:
    from newsgen.build import BuildFailed, build, process_seed
    from newsgen.cache import CacheRefused, cached, default_cache_dir, usable
    from newsgen.outdir import OutDirRefused

    started = time.perf_counter()
    try:
        _guard_out(args)
        process = process_seed if args.no_cache else cached(process_seed, usable(args.cache or default_cache_dir()))
        result = build(args.seeds, args.content, args.out, args.templates, strict=args.strict,
                       process=process, base_path=args.base_path, site_url=args.site_url)
    except (OutDirRefused, CacheRefused) as e:
        print(f"newsgen: {e}", file=sys.stderr)
        return 1
    except BuildFailed as e:
        _print_problems(e.problems)
        print(f"newsgen: build failed: {e}", file=sys.stderr)
        return 1
    _print_problems(result.problems)
    counts = result.summary  # not result.timeline: an unchanged rebuild never assembles one
    if result.unknown_speakers:
        print(f"speakers not in {args.content.as_posix()}/people.yaml ({len(result.unknown_speakers)}):")
        for s in result.unknown_speakers:
            print(f"  {s.name}" + (f" ({s.role})" if s.role else ""))
    r = result.report
    errors = sum(p.severity == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    print(
        f"built {counts.stories} stories, {counts.claims} claims, {counts.speakers} speakers "
        f"in {time.perf_counter() - started:.2f}s: {r.written} written, {r.unchanged} unchanged, {r.removed} removed"
        + (f"; {errors} error(s), {warnings} warning(s)" if result.problems else "")
    )
    if process is not process_seed:
        process.prune()
        print(process.summary())
    index = (args.out / "index.html").resolve()
    print(f"open {index.as_uri()}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from newsgen.check import check

    report = check(args.seeds, args.content)
    _print_problems(report.problems, sys.stdout)
    print(report.summary())
    return 0 if report.ok else 1


def cmd_review(args: argparse.Namespace) -> int:
    from newsgen.review import as_json, as_text, gather, items

    timeline, people = gather(args.seeds, args.content)
    found = items(timeline, people, args.content.as_posix(), by=args.by)
    sys.stdout.write(as_json(found) if args.format == "json" else as_text(found))
    return 0  # a list, not a verdict: whatever it holds, the command succeeded


def cmd_serve(args: argparse.Namespace) -> int:
    from newsgen.cache import CacheRefused
    from newsgen.outdir import OutDirRefused
    from newsgen.serve import PortInUse, Server

    try:
        _guard_out(args)
        server = Server(args.seeds, args.content, args.out, args.templates, port=args.port, use_cache=not args.no_cache)
    except (OutDirRefused, CacheRefused) as e:
        print(f"newsgen: {e}", file=sys.stderr)
        return 1
    try:
        server.start()
        print(f"serving {server.url} (rebuilds when seeds/, content/ or templates/ change; Ctrl-C stops)", flush=True)
        server.wait()
    except PortInUse as e:
        print(f"newsgen: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.stop()
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from newsgen.add import AddError, add, describe

    failed = 0
    for source in args.sources:
        try:
            added = add(source, args.seeds, args.content)
        except AddError as e:
            print(f"newsgen: {e}", file=sys.stderr)
            failed += 1
            continue
        for line in describe(added):
            print(line)
    return 1 if failed else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgen", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"newsgen {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the site")
    _add_inputs(b)
    b.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site/)")
    b.add_argument("--templates", type=Path, default=None, help="templates folder (default: templates/)")
    b.add_argument("--strict", action="store_true", help="fail on any problem with the inputs")
    b.add_argument("--base-path", default=None, metavar="PATH",
                   help="address the site is served under, e.g. /newsgen/ (default: site.yaml's base_path)")
    b.add_argument("--site-url", type=_site_url, default=None, metavar="URL",
                   help="published address, e.g. https://you.github.io/newsgen/ (default: site.yaml's url)")
    b.add_argument("--no-cache", action="store_true", help="process every seed again (ignore .newsgen-cache/)")
    b.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help="folder newsgen keeps its cache in (default: .newsgen-cache/ in the current folder)")
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="check seeds and content without building")
    _add_inputs(c)
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("review", help="list what most needs an editor, with stubs for content/corrections.yaml")
    _add_inputs(r)
    r.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json for tools")
    r.add_argument("--by", default="the editor", metavar="NAME", help="name the stubs give as checked_by")
    r.set_defaults(func=cmd_review)

    s = sub.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on change")
    _add_inputs(s)
    s.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site/)")
    s.add_argument("--templates", type=Path, default=None, help="templates folder (default: templates/)")
    s.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1 (default: 8000)")
    s.add_argument("--no-cache", action="store_true", help="process every seed on every rebuild")
    s.set_defaults(func=cmd_serve)

    a = sub.add_parser("add", help="add articles to seeds/ from URLs or saved files")
    _add_inputs(a)
    a.add_argument("sources", nargs="+", metavar="URL|FILE", help="http(s) address or saved .html/.txt/.md file")
    a.set_defaults(func=cmd_add)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001
        if not _is_template_error(e):
            return _failed(args, e)
        where = _template_place(e)
        print(f"newsgen: {args.command} failed: template error{where}: {e.message or e}", file=sys.stderr)
        return 1


def _template_place(e: BaseException) -> str:
    """ ' file:line' of a template error: a syntax error carries it, an error while
    rendering (an undefined variable) only in the traceback, whose frames jinja2
    rewrites to the template's own file and line."""
    import traceback

    if getattr(e, "filename", None):
        return f" {e.filename}:{e.lineno}"
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename.endswith(".j2") or "/templates/" in f.filename]
    if frames:
        return f" {frames[-1].filename}:{frames[-1].lineno}"
    return ""


def _is_template_error(e: BaseException) -> bool:
    # jinja2 is imported only by commands that render: a rebuild that finds
    # nothing changed never loads it, so its error class is looked up, not imported.
    jinja2 = sys.modules.get("jinja2")
    return jinja2 is not None and isinstance(e, jinja2.TemplateError)


def _failed(args: argparse.Namespace, e: Exception) -> int:
    if isinstance(e, OSError):
        # A file system refusal (name too long, disk full, permission): one line, naming the file.
        where = f" {e.filename}" if e.filename else ""
        print(f"newsgen: {args.command} failed:{where}: {e.strerror or e}", file=sys.stderr)
        return 1
    # A bug must still not greet the user with a traceback.
    if os.environ.get("NEWSGEN_DEBUG"):
        raise e
    print(f"newsgen: {args.command} failed: internal error ({type(e).__name__}: {e}); "
          f"set NEWSGEN_DEBUG=1 for the traceback and report it", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
