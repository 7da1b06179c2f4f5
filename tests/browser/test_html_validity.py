"""The Nu HTML checker (vnu.jar) over every built page: no errors."""
from __future__ import annotations

import json
import subprocess

import pytest

pytestmark = pytest.mark.browser


def test_every_page_is_valid_html(site_dir, vnu_jar, artifacts):
    files = sorted(site_dir.rglob("*.html"))
    # vnu exits 0 on a path it cannot read, so the list is checked here first.
    assert files, "no .html file in the built site"
    assert all(f.is_file() for f in files)
    proc = subprocess.run(
        ["java", "-Xss4m", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    raw = proc.stderr.strip() or proc.stdout.strip()
    (artifacts / "vnu.json").write_text(raw or "{}", encoding="utf-8")
    try:
        messages = json.loads(raw or '{"messages": []}')["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu did not answer in JSON (exit {proc.returncode}):\n{raw[:2000]}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    checked = {m.get("url") for m in messages}
    lines = []
    for m in errors[:40]:
        where = (m.get("url") or "").replace(site_dir.as_uri(), "")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}  [{(m.get('extract') or '').strip()[:80]}]")
    assert not errors, f"{len(errors)} HTML error(s) in {len(checked)} page(s):\n" + "\n".join(lines)
    assert proc.returncode == 0, f"vnu exited {proc.returncode}:\n{raw[:2000]}"
