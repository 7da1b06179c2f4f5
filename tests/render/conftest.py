"""Session fixtures for the render tests: the hand-made site from render_fixture."""
from __future__ import annotations

import pytest

from newsgen.config import Config
from newsgen.model import Timeline
from newsgen.render import render_site
from render_fixture import TEMPLATES, make_config, make_timeline


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    return make_timeline()


@pytest.fixture(scope="session")
def config() -> Config:
    return make_config()


@pytest.fixture(scope="session")
def site(timeline, config) -> dict[str, bytes]:
    return {o.path: o.data for o in render_site(timeline, config, TEMPLATES)}


@pytest.fixture(scope="session")
def html(site) -> dict[str, str]:
    return {p: d.decode("utf-8") for p, d in site.items() if p.endswith(".html")}
