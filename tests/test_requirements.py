"""What a deployment installs is what the press room runs on: no test tool in requirements.txt, and every
package pinned exactly in both files."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_TOOLS = {"pytest", "pytest-django", "pytest-env", "pytest-playwright", "playwright", "ruff", "feedparser"}


def requirements(name):
    lines = [line.split("#")[0].strip() for line in (ROOT / name).read_text().splitlines()]
    return [line for line in lines if line]


def package(line):
    return re.split(r"[\[=<>~! ]", line, maxsplit=1)[0].lower().replace("_", "-")


def test_running_the_press_room_installs_no_test_tool():
    assert not {package(line) for line in requirements("requirements.txt")} & TEST_TOOLS


def test_the_tests_install_what_the_press_room_runs_on_and_their_tools():
    dev = requirements("requirements-dev.txt")
    assert "-r requirements.txt" in dev
    assert TEST_TOOLS <= {package(line) for line in dev}


def test_every_package_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in requirements(name):
            assert line.startswith("-r ") or re.fullmatch(r"[A-Za-z0-9_.\[\]-]+==[0-9][0-9A-Za-z.]*", line), line
