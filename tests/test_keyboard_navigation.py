"""A reader can go through the press room with the keyboard alone, always seeing where the focus is."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TAB_STOPS = 80
FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
}"""


def focused(page, selector):
    return page.evaluate("(selector) => document.activeElement.matches(selector)", selector)


def describe_focus(page):
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")


def tab_to(page, selector):
    """Press Tab until ``selector`` has the focus, checking that every element reached shows a focus ring."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_RING), f"no visible focus on {describe_focus(page)}"
        if focused(page, selector):
            return
    pytest.fail(f"{selector} not reached in {MAX_TAB_STOPS} presses of Tab on {page.url}")


def follow(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["home"])

    page.keyboard.press("Tab")
    assert focused(page, "a.skip-link"), describe_focus(page)
    assert page.evaluate(FOCUS_RING)
    expect(page.locator("a.skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")

    assert focused(page, "main#main"), describe_focus(page)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)"), describe_focus(page)


def test_a_reader_goes_from_home_to_a_member_by_keyboard_only(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["home"])

    follow(page, 'header a[href="/releases/"]')
    expect(page.locator("h1")).to_have_text("Releases")

    tab_to(page, "select#id_tag")
    for _ in range(10):
        if page.evaluate("() => document.activeElement.value") == "asylum":
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("select#id_tag")).to_have_value("asylum")
    follow(page, '.filters button[type="submit"]')
    expect(page).to_have_url(re.compile(r"[?&]tag=asylum(&|$)"))
    expect(page.locator(".results .release-card")).to_have_count(3)
    expect(page.locator(".results")).not_to_contain_text("Media advisory: vigil on Friday")

    follow(page, f'.results a[href="{public_pages["release"]}"]')
    expect(page.locator("h1")).to_have_text("Summit declaration falls short on asylum")

    follow(page, f'main a[href="{public_pages["spokesperson"]}"]')
    expect(page.locator("h1")).to_have_text("Oscar Chacón")

    follow(page, f'main a[href="{public_pages["member"]}"]')
    expect(page.locator("h1")).to_have_text("Centro Latino de Chicago")
    expect(page.locator("main")).to_contain_text("Summit declaration falls short on asylum")
