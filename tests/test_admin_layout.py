"""The release list and form, in a real browser at 1280×800 and on a 390×844 phone, with real content:
no sideways scrolling (of the page, or of the list hiding a column), a 160-character headline
readable whole in its box, and the publishing buttons in view wherever the form is scrolled to.

Full-page screenshots go to test-artifacts/screenshots/admin-release-{list,form}-<width>.png."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser_checks import save_screenshot
from releases.models import Release
from test_newsroom_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}
EDITOR_NAME = "maria.gonzalez-ortega"
HEADLINE_160 = (
    "Coalition of 60 migrant-led organizations across eleven states demands that Congress restore "
    "asylum access at the border and end family detention before summer."
)
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
HIDDEN_IN = """(selector) => { const box = document.querySelector(selector);
  return {width: box.scrollWidth - box.clientWidth, height: box.scrollHeight - box.clientHeight}; }"""
UNCOVERED = """(selector) => { const element = document.querySelector(selector);
  const box = element.getBoundingClientRect();
  const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return inside && (top === element || element.contains(top)); }"""


@pytest.fixture
def desk(django_user_model, make_release, make_tag):
    """A publisher's list: a page of releases of every kind, with long headlines, last changed by someone."""
    assert len(HEADLINE_160) == 160
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user(EDITOR_NAME, password="correct horse battery staple", is_staff=True)
    editor.groups.add(Group.objects.get(name="Publisher"))
    tag = make_tag(name="Asylum")
    kinds, languages = Release.Kind.values, ["en", "es"]
    for number in range(24):
        make_release(
            headline=f"{HEADLINE_160[: 60 + 4 * number]} ({number})",
            kind=kinds[number % len(kinds)],
            language=languages[number % 2],
            status=[Release.Status.PUBLISHED, Release.Status.DRAFT, Release.Status.REVIEW][number % 3],
            released_at=timezone.now() + dt.timedelta(days=2 - number * 40, hours=number),
            tags=[tag],
            updated_by=editor,
        )
    draft = make_release(headline=HEADLINE_160, slug="long-headline", status=Release.Status.DRAFT, updated_by=editor)
    return draft


@pytest.fixture(params=SCREENS)
def screen(request, page):
    width, height = SCREENS[request.param]
    page.set_viewport_size({"width": width, "height": height})
    return request.param


def test_the_release_list_fits_the_screen_and_shows_every_column_it_has_whole(live_server, page, desk, screen):
    sign_in(page, live_server, EDITOR_NAME, "/admin/releases/release/")
    expect(page.locator("#result_list tbody tr")).to_have_count(25)
    page.evaluate("() => document.fonts.ready")
    save_screenshot(page, f"admin-release-list-{SCREENS[screen][0]}")

    assert page.evaluate(OVERFLOW) == 0
    hidden = page.evaluate(
        "() => document.querySelector('#result_list').scrollWidth "
        "- document.querySelector('#result_list').parentElement.clientWidth"
    )
    assert hidden <= 0, f"the list is {hidden}px wider than its box: its last columns scroll out of sight"
    headers = page.locator("#result_list thead th:visible")
    shown = [text.strip().lower() for text in headers.all_inner_texts()]
    if screen == "desktop":
        assert {"headline", "kind", "language", "status", "last changed by"} <= set(shown)
        expect(page.locator("#result_list td.field-updated_by").first).to_have_text(EDITOR_NAME)
    else:
        assert {"headline", "status"} <= set(shown) and any(name.startswith("release moment") for name in shown)
    last_header = headers.last.bounding_box()
    assert last_header["x"] + last_header["width"] <= SCREENS[screen][0]


def test_the_release_form_shows_a_long_headline_whole_and_keeps_the_buttons_in_view(live_server, page, desk, screen):
    sign_in(page, live_server, EDITOR_NAME, f"/admin/releases/release/{desk.pk}/change/")
    page.wait_for_selector(".field-body .ProseMirror[contenteditable=true]")
    headline = page.locator("#id_headline")
    expect(headline).to_have_value(HEADLINE_160)
    page.evaluate("() => document.fonts.ready")
    save_screenshot(page, f"admin-release-form-{SCREENS[screen][0]}")

    assert page.evaluate(OVERFLOW) == 0
    assert page.evaluate(HIDDEN_IN, "#id_headline") == {"width": 0, "height": 0}, "part of the headline is hidden"
    page.evaluate("() => document.querySelector('#id_headline').scrollIntoView({block: 'center'})")
    assert page.evaluate(UNCOVERED, "#id_headline")
    box = headline.bounding_box()
    assert box["width"] >= 0.8 * page.locator(".field-headline").bounding_box()["width"]

    for place in ("#id_headline", ".field-tags", "#access_links-group", "#status_changes-group"):
        page.evaluate(f"() => document.querySelector('{place}').scrollIntoView({{block: 'start'}})")
        for button in ('button[value="publish"]', 'button[value="submit"]', 'input[name="_save"]'):
            assert page.evaluate(UNCOVERED, f".release-actions {button}"), f"{button} is out of view at {place}"


def test_a_headline_typed_with_a_line_break_is_saved_as_one_line(live_server, page, desk, screen):
    sign_in(page, live_server, EDITOR_NAME, f"/admin/releases/release/{desk.pk}/change/")
    headline = page.locator("#id_headline")
    headline.fill("Coalition answers the summit")
    headline.press("End")
    headline.press("Enter")
    headline.press_sequentially("on asylum")
    with page.expect_navigation():
        page.locator('.release-actions input[name="_continue"]').click()

    desk.refresh_from_db()
    assert desk.headline == "Coalition answers the summit on asylum"
