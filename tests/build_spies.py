"""What the build tests look at: an output folder's files, and which pages a build draws."""
from __future__ import annotations

from pathlib import Path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path there, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def drawn(monkeypatch) -> list[str]:
    """The paths of the pages drawn from now on (the list fills as the build draws)."""
    import newsgen.render

    pages: list[str] = []
    real = newsgen.render._render

    def spy(env, site, page, *rest):
        pages.append(page.path)
        return real(env, site, page, *rest)

    monkeypatch.setattr(newsgen.render, "_render", spy)
    return pages
