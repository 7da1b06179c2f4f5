"""Same input → byte-identical output."""
from __future__ import annotations

from render_fixture import TEMPLATES, make_config, make_timeline
from newsgen.render import render_site


def test_render_twice_gives_identical_bytes():
    a = render_site(make_timeline(), make_config(), TEMPLATES)
    b = render_site(make_timeline(), make_config(), TEMPLATES)
    assert [o.path for o in a] == sorted(o.path for o in a)
    assert a == b
    assert all(x.data == y.data for x, y in zip(a, b))


def test_static_assets_are_copied_byte_for_byte(site):
    for f in (TEMPLATES / "static").iterdir():
        assert site["static/" + f.name] == f.read_bytes()
