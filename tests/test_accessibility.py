"""Every public page type, and the release admin's forms, pass axe-core's WCAG 2.2 AA rules in a real browser.

Serious and critical violations fail the test; the message lists each rule and the elements breaking it.
"""

import pytest
from playwright.sync_api import expect

from browser_checks import axe_violations, describe_violations, serve_media

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_public_page_type_has_no_serious_accessibility_violations(
    live_server, page, public_pages, spanish_public_pages, language
):
    pages = spanish_public_pages if language == "es" else public_pages
    serve_media(page)
    failures = {}
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == (404 if name == "not-found" else 200), f"{name} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == ("es" if name == "translation" else language), name
        if violations := axe_violations(page):
            failures[name] = violations

    assert not failures, "\n".join(
        f"{name} ({pages[name]}):\n{describe_violations(found)}" for name, found in failures.items()
    )


def test_release_admin_login_and_add_form_with_inline_rows_have_no_serious_accessibility_violations(
    live_server, page, superuser
):
    page.goto(live_server.url + "/admin/releases/release/add/")
    login_violations = axe_violations(page)
    page.fill("#id_username", "admin")
    page.fill("#id_password", "correct horse battery")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".prose-editor [contenteditable]")
    for add_row in page.locator(".add-row a").all():
        add_row.click()
    expect(page.locator("tr.dynamic-releasecontact_set")).to_have_count(1)

    add_form_violations = axe_violations(page)

    assert not login_violations, describe_violations(login_violations)
    assert not add_form_violations, describe_violations(add_form_violations)
    expect(page.get_by_role("textbox", name="Body")).to_be_editable()
    expect(page.get_by_role("combobox", name="Boilerplate")).to_be_visible()
    expect(page.get_by_role("combobox", name="Media contact")).to_be_visible()
    expect(page.get_by_label("Featured image")).to_have_attribute("type", "file")
