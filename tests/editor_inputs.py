"""A copy of the seeds and content/ with no corrections, for the editor's-hand tests
(corrections and review), so each test writes its own corrections.yaml."""
from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def fresh_project(tmp_path: Path) -> tuple[Path, Path, Path]:
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    shutil.copytree(REPO / "seeds", seeds)
    shutil.copytree(REPO / "content", content)
    (content / "corrections.yaml").unlink(missing_ok=True)
    return seeds, content, tmp_path / "site"
