"""The `newsgen` command: a thin layer over the library (build, check, serve, add)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from newsgen import __version__
from newsgen.model import Problem


def _print_problems(problems: Sequence[Problem], stream=sys.stderr) -> None:
    for p in problems:
        print(str(p), file=stream)


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds/)")
    p.add_argument("--content", type=Path, default=Path("content"), help="editorial metadata (default: content/)")


def cmd_build(args: argparse.Namespace) -> int:
    from newsgen.build import BuildFailed, build

    started = time.perf_counter()
    try:
        result = build(args.seeds, args.content, args.out, args.templates, strict=args.strict)
    except BuildFailed as e:
        _print_problems(e.problems)
        print(f"newsgen: build failed: {e}", file=sys.stderr)
        return 1
    _print_problems(result.problems)
    tl = result.timeline
    if result.unknown_speakers:
        print(f"speakers not in {args.content.as_posix()}/people.yaml ({len(result.unknown_speakers)}):")
        for s in result.unknown_speakers:
            print(f"  {s.name}" + (f" ({s.role})" if s.role else ""))
    r = result.report
    errors = sum(p.severity == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    print(
        f"built {len(tl.stories)} stories, {len(tl.claims)} claims, {len(tl.speakers)} speakers "
        f"in {time.perf_counter() - started:.2f}s: {r.written} written, {r.unchanged} unchanged, {r.removed} removed"
        + (f"; {errors} error(s), {warnings} warning(s)" if result.problems else "")
    )
    index = (args.out / "index.html").resolve()
    print(f"open {index.as_uri()}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgen", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"newsgen {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the site")
    _add_inputs(b)
    b.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site/)")
    b.add_argument("--templates", type=Path, default=None, help="templates folder (default: templates/)")
    b.add_argument("--strict", action="store_true", help="fail on any problem with the inputs")
    b.set_defaults(func=cmd_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
