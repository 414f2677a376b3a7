"""The accessibility and HTML checkers, wired as the real tests use them, do report broken pages.

A checker that silently checks nothing would let every other browser test pass; these pages
prove the wiring: the same helpers, a page served under a strict Content-Security-Policy.
"""

import pytest

from browser_checks import axe_violations, require_tool, vnu_errors

BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Broken on purpose</title></head>
<body><main>
<h1 id="twice">Broken on purpose</h1>
<p id="twice"><img src="chart.png"></p>
<form><input type="text" name="email"></form>
</main></body>
</html>
"""
FIXED_PAGE = (
    BROKEN_PAGE.replace('<p id="twice">', "<p>")
    .replace('<img src="chart.png">', '<img src="chart.png" alt="Chart of arrivals">')
    .replace('<input type="text" name="email">', '<label>Email <input type="text" name="email"></label>')
)
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'"


def serve(page, html):
    page.route(
        "http://checkers.test/**",
        lambda route: route.fulfill(
            status=200,
            body=html,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": STRICT_CSP},
        ),
    )
    page.goto("http://checkers.test/page.html")


@pytest.mark.browser
def test_axe_reports_a_missing_alt_text_and_an_unlabelled_input(page):
    serve(page, BROKEN_PAGE)

    found = {violation["id"] for violation in axe_violations(page)}

    assert {"image-alt", "label"} <= found


@pytest.mark.browser
def test_axe_reports_nothing_once_the_page_is_fixed(page):
    serve(page, FIXED_PAGE)

    assert axe_violations(page) == []


def test_the_w3c_checker_reports_a_missing_alt_and_a_duplicated_id_in_the_broken_file_only(tmp_path):
    broken, fixed = tmp_path / "broken.html", tmp_path / "fixed.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    fixed.write_text(FIXED_PAGE, encoding="utf-8")

    errors = vnu_errors([broken, fixed])

    messages = " | ".join(message["message"] for message in errors["broken.html"])
    assert "Duplicate ID “twice”" in messages
    assert "“img” element must have an “alt” attribute" in messages
    assert errors["fixed.html"] == []


def test_a_missing_tool_skips_the_check_by_default(monkeypatch):
    monkeypatch.delenv("REQUIRE_BROWSER_TESTS", raising=False)

    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require_tool(False, "Chromium", "apt-get install chromium")


def test_a_missing_tool_fails_the_check_when_browser_tests_are_required(monkeypatch):
    monkeypatch.setenv("REQUIRE_BROWSER_TESTS", "1")

    with pytest.raises(pytest.fail.Exception, match="make browser-tools"):
        require_tool(False, "axe-core", "run `make browser-tools`")
