"""Pasting from Word and Google Docs keeps what a press officer meant: headings at the body's levels,
real lists (nested too), block quotes, tables with a header row, links and underline, and nothing
else. tests/samples/paste/ holds what each program puts on the clipboard for the same statement;
the editor sends a paste through the sanitizer before inserting it, so what it shows is what is saved.
The public page of a release with such a table passes axe-core and the W3C checker."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from browser_checks import axe_violations, describe_violations, describe_vnu_errors, vnu_errors
from releases.models import Release
from releases.sanitizing import sanitize_html
from test_newsroom_flow import PASTE, sign_in

SAMPLES = Path(__file__).parent / "samples" / "paste"
CLIPBOARDS = {path.stem: path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.html"))}
EDITOR = ".field-body .ProseMirror[contenteditable=true]"
ALLOWED_MARKUP = re.compile(
    r"</?(?:p|br|h[234]|ul|ol|li|a|strong|em|u|blockquote|table|thead|tbody|tr|th|td)"
    r'(?: (?:href="https://example\.org/report"|rel="noopener noreferrer"|scope="col"))*>'
)


def structure(html):
    """The tags in order, without text, whitespace or attributes."""
    return re.findall(r"<(/?[a-z0-9]+)", html)


# Both programs' statements: Heading 1 and 2 become h2 and h3, bullets with a nested list, numbers, a
# table with its header row, a quote, a link; bold, italic and underline kept.
WORD_STRUCTURE = [
    *["h2", "/h2", "p", "strong", "/strong", "em", "/em", "u", "/u", "/p", "h3", "/h3"],
    *[
        "ul",
        "li",
        "ul",
        "li",
        "/li",
        "/ul",
        "/li",
        "li",
        "/li",
        "/ul",
        "p",
        "/p",
        "ol",
        "li",
        "/li",
        "li",
        "/li",
        "/ol",
    ],
    *["table", "thead", "tr", "th", "/th", "th", "/th", "/tr", "/thead"],
    *["tbody", "tr", "td", "/td", "td", "/td", "/tr", "/tbody", "/table"],
    *["blockquote", "p", "/p", "/blockquote", "p", "a", "/a", "/p"],
]
EXPECTED_STRUCTURE = {
    "word-statement": WORD_STRUCTURE,
    # Google Docs writes the quote's italics inline; Word keeps them in the quote style.
    "docs-statement": [*WORD_STRUCTURE[:-6], "em", "/em", *WORD_STRUCTURE[-6:]],
}


def test_there_is_a_word_and_a_google_docs_clipboard():
    assert set(CLIPBOARDS) == set(EXPECTED_STRUCTURE)
    assert "mso-list:l0 level2" in CLIPBOARDS["word-statement"]
    assert "docs-internal-guid" in CLIPBOARDS["docs-statement"]


@pytest.mark.parametrize("name", sorted(CLIPBOARDS))
def test_a_pasted_statement_keeps_its_structure_and_only_allowed_markup(name):
    cleaned = sanitize_html(CLIPBOARDS[name])

    assert structure(cleaned) == EXPECTED_STRUCTURE[name]
    assert ALLOWED_MARKUP.sub("", cleaned) == re.sub(r"<[^>]+>", "", cleaned)  # No other tag or attribute.
    text = " ".join(re.sub(r"<[^>]+>", " ", cleaned).split())
    for words in ("Families separated at the border", "starting with the Dilley center", "148", "full report"):
        assert words in text
    assert "·" not in text and "1." not in text  # Word's list markers are the lists' own now.
    assert sanitize_html(cleaned) == cleaned


@pytest.mark.django_db
def test_the_paste_endpoint_answers_staff_who_edit_rich_text_with_the_cleaned_html(
    client, signed_in, django_user_model
):
    url = reverse("admin:rich_text_paste")
    writer = signed_in("Writer")
    outsider = django_user_model.objects.create_user("outsider", is_staff=True)
    client.force_login(outsider)

    answer = writer.post(url, {"html": CLIPBOARDS["word-statement"]})

    assert answer.status_code == 200
    assert answer.content.decode() == sanitize_html(CLIPBOARDS["word-statement"])
    assert answer["Content-Type"].startswith("text/plain")
    assert writer.get(url).status_code == 405
    assert client.post(url, {"html": "<p>x</p>"}).status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", sorted(CLIPBOARDS))
def test_pasting_into_the_editor_shows_and_saves_the_structure(live_server, page, django_user_model, name):
    from django.contrib.auth.models import Group

    writer = django_user_model.objects.create_user("wanda", password="correct horse battery staple", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    sign_in(page, live_server, "wanda", "/admin/releases/release/add/")
    page.locator("#id_headline").fill("Families separated at the border")
    editor = page.locator(EDITOR)
    editor.click()

    page.evaluate(PASTE, [EDITOR, CLIPBOARDS[name]])

    expect(editor.locator("h2")).to_have_text("Families separated at the border")
    expect(editor.locator("h3")).to_have_text("What we ask")
    expect(editor.locator("ul ul li")).to_have_text("starting with the Dilley center")
    expect(editor.locator("ol li")).to_have_count(2)
    expect(editor.locator("table th")).to_have_text(["State", "Separations"])
    expect(editor.locator("blockquote")).to_contain_text("No child should learn")
    expect(editor.locator("u")).to_have_text("still rising")
    violations = axe_violations(page)  # The form with a pasted table in its editor.
    assert not violations, describe_violations(violations)
    with page.expect_navigation():
        page.locator('.release-actions input[name="_save"]').click()
    body = Release.objects.get().body
    assert structure(body) == EXPECTED_STRUCTURE[name], body
    assert body == sanitize_html(body)


@pytest.fixture
def release_with_a_table(make_release):
    return make_release(headline="Families separated at the border", body=CLIPBOARDS["word-statement"])


@pytest.mark.django_db
def test_a_public_page_with_a_pasted_table_is_valid_html(client, release_with_a_table, tmp_path):
    page = client.get(release_with_a_table.get_absolute_url())
    file = tmp_path / "release-with-table.html"
    file.write_bytes(page.content)

    errors = vnu_errors([file])

    assert '<th scope="col">Separations</th>' in page.text
    assert not any(errors.values()), "\n" + describe_vnu_errors(errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_public_page_with_a_pasted_table_has_no_accessibility_violations_and_fits_a_phone(
    live_server, page, release_with_a_table
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + release_with_a_table.get_absolute_url())

    violations = axe_violations(page)

    assert not violations, describe_violations(violations)
    expect(page.get_by_role("columnheader", name="Separations")).to_be_visible()
    expect(page.get_by_role("cell", name="148")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
