"""What the real-browser tests share: axe-core audits, the W3C Nu HTML checker, screenshots.

A missing tool skips the test with what to install. With REQUIRE_BROWSER_TESTS set (CI sets it)
a missing tool fails the test instead, so a green run always means the checks really ran.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

TESTS_DIR = Path(__file__).resolve().parent
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
AXE_JS = TESTS_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = TESTS_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS_DIR = TESTS_DIR.parent / "test-artifacts" / "screenshots"

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa")
BLOCKING_IMPACTS = ("serious", "critical")
VNU_TIMEOUT_SECONDS = 300


def browser_tests_required():
    return os.environ.get("REQUIRE_BROWSER_TESTS", "").strip().lower() not in ("", "0", "false", "no", "off")


def require_tool(present, what, how_to_install):
    """Skip the calling test when a tool is missing, or fail it when REQUIRE_BROWSER_TESTS is set."""
    if present:
        return
    message = f"{what} is missing; to run this check, {how_to_install}."
    if browser_tests_required():
        pytest.fail(f"{message} REQUIRE_BROWSER_TESTS is set, so it may not be skipped.", pytrace=False)
    pytest.skip(message)


def require_chromium():
    require_tool(os.access(CHROMIUM, os.X_OK), f"Chromium ({CHROMIUM})", "apt-get install chromium")


def require_axe():
    require_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS})", "run `make browser-tools` (needs npm)")


def require_vnu():
    require_tool(shutil.which("java"), "Java", "apt-get install default-jre-headless")
    require_tool(VNU_JAR.is_file(), f"the W3C Nu HTML checker ({VNU_JAR})", "run `make browser-tools` (needs npm)")


def serve_media(page):
    """Answer the page's requests for uploaded files from MEDIA_ROOT (with DEBUG off Django serves none)."""
    media_root = Path(settings.MEDIA_ROOT)

    def fulfill(route):
        name = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
        path = (media_root / name).resolve()
        if path.is_relative_to(media_root.resolve()) and path.is_file():
            route.fulfill(path=path)
        else:
            route.fulfill(status=404)

    page.route(f"**{settings.MEDIA_URL}**", fulfill)


def axe_violations(page, *, tags=WCAG_TAGS, impacts=BLOCKING_IMPACTS):
    """The page's axe-core violations under ``tags`` whose impact is one of ``impacts``."""
    require_axe()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations", list(tags)
    )
    return [violation for violation in violations if violation["impact"] in impacts]


def describe_violations(violations):
    """One readable line per violation and element, for assertion messages."""
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            where = " ".join(map(str, node["target"]))
            lines.append(f"    at {where}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def vnu_errors(paths):
    """Run the W3C Nu HTML checker once over ``paths``; return its error messages keyed by file name.

    Every file is reported, clean ones with an empty list. One JVM start for all files: it is the slow part.
    """
    require_vnu()
    paths = [Path(path) for path in paths]
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stdout.strip():
        raise RuntimeError(f"The W3C checker did not run (exit {result.returncode}): {result.stderr.strip()}")
    errors = {path.name: [] for path in paths}
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[Path(message.get("url", "unknown")).name].append(message)
    return errors


def describe_vnu_errors(errors):
    lines = []
    for name, messages in errors.items():
        for message in messages:
            where = f"line {message.get('lastLine', '?')}"
            lines.append(f"  {name}, {where}: {message['message']}  [{message.get('extract', '').strip()}]")
    return "\n".join(lines)


def save_screenshot(page, name):
    """A full-page screenshot in test-artifacts/screenshots/<name>.png (the folder is gitignored)."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path
