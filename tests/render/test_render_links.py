"""Every relative link and asset on every page leads to a file of the site (and an
anchor that exists); nothing is loaded from another host."""
from __future__ import annotations

import dataclasses

from htmlscan import is_external, resolve, scan

from render_fixture import TEMPLATES, make_config
from newsgen.render import render_site

# Written by the build's data export, not by the renderer.
EXPORTS = {"data/stories.json", "data/claims.json"}


def check_links(files: dict[str, bytes], base_path: str = "/") -> list[str]:
    pages = {p: d.decode("utf-8") for p, d in files.items() if p.endswith(".html")}
    ids = {p: set(scan(h).ids) for p, h in pages.items()}
    problems = []
    for path, page in pages.items():
        s = scan(page)
        canonical = {a["href"] for a in s.find("link", rel="canonical")}  # names this page, loads nothing
        for tag, attr, url in s.links:
            if is_external(url):
                if tag != "a" and url not in canonical:
                    problems.append(f"{path}: <{tag} {attr}> loads from another host: {url}")
                continue
            if url.startswith("/"):
                if path != "404.html":
                    problems.append(f"{path}: absolute link {url}")
                    continue
                assert url.startswith(base_path), url
                target, frag = url[len(base_path):].partition("#")[::2]
                target = target or "index.html"
            else:
                target, frag = resolve(path, url)
            if target not in files and target not in EXPORTS:
                problems.append(f"{path}: {url} → missing {target}")
            elif frag and target in ids and frag not in ids[target]:
                problems.append(f"{path}: {url} → no #{frag} in {target}")
    return problems


def test_relative_links_resolve(site):
    assert check_links(site) == []


def test_links_resolve_under_a_project_path(timeline):
    cfg = make_config(url="https://example.org/repo/", base_path="/repo/")
    files = {o.path: o.data for o in render_site(timeline, cfg, TEMPLATES)}
    assert check_links(files, "/repo/") == []
    page404 = files["404.html"].decode()
    # its style travels inside it (a stylesheet link fails when it is opened from disk)
    assert "<style>" in page404 and "static/site.css" not in page404 and 'href="/repo/index.html"' in page404


def test_link_checker_catches_a_broken_link(site):
    broken = dict(site)
    broken["index.html"] = site["index.html"].replace(b'href="speakers/john-kirby.html"', b'href="speakers/nobody.html"', 1)
    broken["claims/c1.html"] = site["claims/c1.html"].replace(b"#claim-c1", b"#claim-zzz", 1)
    problems = check_links(broken)
    assert any("speakers/nobody.html" in p for p in problems)
    assert any("#claim-zzz" in p for p in problems)


def test_no_asset_or_script_from_another_host(site):
    for path, data in site.items():
        if path.endswith((".html", ".css", ".js")):
            text = data.decode()
            assert "@import" not in text and "fonts.googleapis" not in text, path
            for tag, attr, url in scan(text).links if path.endswith(".html") else []:
                assert tag == "a" or not is_external(url), (path, url)
