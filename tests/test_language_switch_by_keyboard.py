"""A reader switches language with the keyboard alone: from a page to the same page in Spanish and back,
and from a release to its translation."""

import pytest
from playwright.sync_api import expect

from test_keyboard_navigation import follow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_switches_language_and_back_by_keyboard(live_server, page, coalition, make_release):
    make_release(headline="Summit statement")
    page.goto(live_server.url + "/releases/")

    follow(page, 'header a[hreflang="es"]')

    assert page.url == live_server.url + "/es/releases/"
    expect(page.locator("html")).to_have_attribute("lang", "es")
    follow(page, 'header a[hreflang="en"]')
    assert page.url == live_server.url + "/releases/"
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_switch_on_a_release_leads_to_its_translation(live_server, page, coalition, make_release):
    original = make_release(language="en", slug="summit", headline="Summit statement")
    make_release(language="es", slug="cumbre", headline="Declaración de la cumbre", translation_of=original)
    page.goto(live_server.url + "/releases/summit/")

    follow(page, 'header a[hreflang="es"]')

    assert page.url == live_server.url + "/es/releases/cumbre/"
    expect(page.locator("h1")).to_have_text("Declaración de la cumbre")
