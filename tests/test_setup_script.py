"""tests/browser/setup.sh waits for another apt/dpkg process instead of failing at once."""
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APT_WAIT = REPO / "tests" / "browser" / "apt_wait.sh"


def fake_apt(tmp_path, fail_times, message="E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)"):
    """A stand-in for apt-get that fails `fail_times` times with `message`, then succeeds."""
    counter = tmp_path / "calls"
    script = tmp_path / "apt-get"
    script.write_text(
        "#!/usr/bin/env bash\n"
        f'n=$(cat "{counter}" 2>/dev/null || echo 0); n=$((n+1)); echo "$n" > "{counter}"\n'
        f'if [ "$n" -le {fail_times} ]; then echo "{message}" >&2; exit 100; fi\n'
        'echo "installed $*"\n'
    )
    script.chmod(0o755)
    return script, counter


def run(tmp_path, script, wait="5"):
    return subprocess.run(
        ["bash", "-c", f'. "{APT_WAIT}"; apt_retry "{script}" install chromium'],
        capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "APT_LOCK_SLEEP": "0.05", "APT_LOCK_WAIT": wait},
    )


def test_waits_while_the_lock_is_held_then_installs(tmp_path):
    script, counter = fake_apt(tmp_path, fail_times=3)
    r = run(tmp_path, script)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("holds the lock; waiting") == 3 and "installed install chromium" in r.stdout
    assert counter.read_text().strip() == "4"


def test_gives_up_after_the_wait_limit(tmp_path):
    script, _ = fake_apt(tmp_path, fail_times=10_000)
    r = run(tmp_path, script, wait="0.2")
    assert r.returncode == 1 and "Could not get lock" in r.stderr


def test_other_failures_are_not_retried(tmp_path):
    script, counter = fake_apt(tmp_path, fail_times=1, message="E: Unable to locate package chromium")
    r = run(tmp_path, script)
    assert r.returncode == 1 and "Unable to locate package" in r.stderr
    assert counter.read_text().strip() == "1"


def test_setup_uses_the_wait_for_every_apt_command():
    text = (REPO / "tests" / "browser" / "setup.sh").read_text("utf-8")
    apt_lines = [line for line in text.splitlines() if "apt-get" in line and not line.lstrip().startswith(("#", "echo"))]
    assert apt_lines and all("apt_retry" in line for line in apt_lines), apt_lines
