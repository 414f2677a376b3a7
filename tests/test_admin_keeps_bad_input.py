"""An editor whose release is refused sees why, and finds everything typed still in the form."""

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Coalition rejects the new detention rule"
BODY = "Forty organizations signed the letter sent today."


def sign_in_and_write_a_release(page, live_server):
    page.goto(live_server.url + "/admin/releases/release/add/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("correct horse battery")
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    page.locator("#id_headline").press_sequentially(HEADLINE)
    page.locator(".field-body .prose-editor [contenteditable]").click()
    page.keyboard.type(BODY)
    page.locator("#id_kind").select_option(label="Joint statement")


def expect_the_typed_text_kept(page):
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator("#id_headline")).to_have_value(HEADLINE)
    expect(page.locator(".field-body .prose-editor [contenteditable]")).to_have_text(BODY)
    expect(page.locator("#id_kind")).to_have_value("joint-statement")


def test_publishing_a_joint_statement_without_cosigners_is_refused_and_keeps_the_text(live_server, page, superuser):
    sign_in_and_write_a_release(page, live_server)
    with page.expect_navigation():
        page.get_by_role("button", name="Save and publish or schedule").click()

    expect(page.locator(".errorlist").first).to_contain_text(
        "A joint statement needs at least two co-signing organizations before it is published."
    )
    expect_the_typed_text_kept(page)


def test_an_image_without_alt_text_is_refused_and_keeps_the_text(live_server, page, superuser, tmp_path):
    picture = tmp_path / "vigil.png"
    Image.new("RGB", (64, 48), "teal").save(picture)
    sign_in_and_write_a_release(page, live_server)
    page.locator("#id_image").set_input_files(picture)
    page.locator("#id_image_alt").fill("   ")
    with page.expect_navigation():
        page.locator('.submit-row input[name="_save"]').last.click()

    expect(page.locator(".field-image_alt .errorlist")).to_have_text("Describe the featured image in its alt text.")
    expect_the_typed_text_kept(page)
