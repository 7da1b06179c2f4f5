"""The GitHub Pages workflow: when it runs, what it runs, and who may deploy."""
import re
import shlex
from pathlib import Path

import pytest
import yaml

from newsgen.cli import parser

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
INPUTS = {"seeds/**", "content/**", "templates/**", "src/**", "pyproject.toml", ".github/workflows/pages.yml"}


@pytest.fixture(scope="module")
def wf():
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(job):
    return job["steps"]


def runs(job):
    return "\n".join(s.get("run", "") for s in steps(job))


def uses(job, action):
    found = [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]
    assert found, f"no step uses {action}"
    return found[0]


def make_recipe(target):
    """The command lines of a Makefile target, with $(BIN) expanded."""
    text = (REPO / "Makefile").read_text("utf-8")
    m = re.search(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", text, re.M)
    assert m, f"Makefile has no '{target}' target"
    return [line.strip().replace("$(BIN)/", ".venv/bin/") for line in m.group(1).splitlines()]


def test_triggers_and_paths(wf):
    on = wf["on"]
    assert set(on) >= {"push", "pull_request", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    assert INPUTS <= set(on["push"]["paths"])
    # Pull requests run on exactly the same inputs.
    assert on["pull_request"]["paths"] == on["push"]["paths"]
    assert "branches" not in on["pull_request"] or on["pull_request"]["branches"]


def test_paths_name_real_folders_and_files(wf):
    for pattern in wf["on"]["push"]["paths"]:
        first = pattern.split("/")[0]
        assert (REPO / first).exists(), f"path filter {pattern!r} names nothing in the repository"


def test_build_job_tests_then_builds_with_pages_base_path(wf):
    job = wf["jobs"]["build"]
    setup = uses(job, "actions/setup-python")["with"]
    assert str(setup["python-version"]) == "3.11"
    assert setup["cache"] == "pip" and setup["cache-dependency-path"] == "pyproject.toml"
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps(job)]
    assert names[0] == "actions/checkout"
    assert "make test" in names
    pages = uses(job, "actions/configure-pages")
    assert pages["id"] == "pages"
    # Order: test, configure, build, upload.
    build_at = next(i for i, s in enumerate(steps(job)) if "make site" in s.get("run", ""))
    assert names.index("make test") < names.index("actions/configure-pages") < build_at
    assert build_at < names.index("actions/upload-pages-artifact")
    build_step = steps(job)[build_at]
    assert "steps.pages.outputs.base_path" in build_step["env"]["BASE_PATH"]
    assert uses(job, "actions/upload-pages-artifact")["with"]["path"] == "site"


def test_build_commands_are_the_readmes(wf):
    """The workflow builds exactly as `make site` does, plus the base path, and
    every command it runs is one the CLI accepts."""
    job = wf["jobs"]["build"]
    site = [c for c in make_recipe("site") if "newsgen build" in c]
    assert len(site) == 1
    assert any(c.strip() == "$(BIN)/python -m pytest" or "pytest" in c for c in make_recipe("test"))
    commands = [line.strip() for line in runs(job).splitlines() if "make site" in line]
    assert commands == ['make site BASE_PATH="$BASE_PATH/" SITE_URL="$SITE_URL" STRICT=1'], commands
    # What `make site BASE_PATH=/newsgen/` runs is a command the CLI accepts.
    conditionals = {'$(if $(BASE_PATH),--base-path "$(BASE_PATH)")': '--base-path "/newsgen/"',
                    '$(if $(SITE_URL),--site-url "$(SITE_URL)")': '--site-url "https://you.github.io/newsgen"',
                    '$(if $(STRICT),--strict)': '--strict'}
    expanded = site[0]
    for conditional, value in conditionals.items():
        assert conditional in expanded
        expanded = expanded.replace(conditional, value)
    argv = shlex.split(expanded)
    assert argv[0] == ".venv/bin/newsgen"
    args = parser().parse_args(argv[1:])
    assert args.out == Path("site") and args.base_path == "/newsgen/"
    assert args.site_url == "https://you.github.io/newsgen" and args.strict
    readme = REPO / "README.md"
    if readme.exists():
        text = readme.read_text("utf-8")
        assert "make test" in text and "make site" in text


def test_pull_requests_do_not_deploy(wf):
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    cond = deploy["if"].replace(" ", "")
    assert "github.event_name!='pull_request'" in cond
    assert "github.ref=='refs/heads/main'" in cond
    # Nothing meant for deployment is prepared on a pull request either.
    build = wf["jobs"]["build"]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact"):
        assert "pull_request" in uses(build, action).get("if", "")


def test_permissions_least_privilege(wf):
    assert wf["permissions"] == {"contents": "read"}
    assert "permissions" not in wf["jobs"]["build"]
    deploy = wf["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    step = uses(deploy, "actions/deploy-pages")
    assert step["id"] == "deployment"


def test_deploys_never_overlap(wf):
    groups = [wf.get("concurrency")] + [j.get("concurrency") for j in wf["jobs"].values()]
    pages = [g for g in groups if isinstance(g, dict) and g.get("group") == "pages"]
    assert pages and all(g.get("cancel-in-progress") is False for g in pages)
    # The deploy job is the one serialised; PR builds never queue behind a deploy.
    assert wf["jobs"]["deploy"]["concurrency"]["group"] == "pages"


def test_actions_are_pinned_to_a_version(wf):
    for job in wf["jobs"].values():
        for s in steps(job):
            if "uses" in s:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+|[\w.-]+/[\w.-]+@[0-9a-f]{40}", s["uses"]), s["uses"]


def test_base_path_option_is_normalised():
    from newsgen.config import normalise_base_path

    assert parser().parse_args(["build", "--base-path", "/x/"]).base_path == "/x/"
    assert [normalise_base_path(b) for b in ("/newsgen", "newsgen/", "/newsgen/", "", "/", " /a/b ")] == [
        "/newsgen/", "/newsgen/", "/newsgen/", "/", "/", "/a/b/"]


# Majors that run on the Node version GitHub's runners use now (Node 24); older
# ones are deprecated and deploy-pages@v4 stops working.
CURRENT_MAJORS = {"actions/checkout": 6, "actions/setup-python": 6, "actions/configure-pages": 6,
                  "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def test_actions_are_on_current_majors(wf):
    used = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for job in wf["jobs"].values() for s in steps(job) if "uses" in s}
    assert set(used) == set(CURRENT_MAJORS)
    for action, major in CURRENT_MAJORS.items():
        assert re.fullmatch(r"v(\d+)", used[action]) and int(used[action][1:]) >= major, (action, used[action])
