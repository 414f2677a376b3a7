"""A release's day, all in the browser: a Writer pastes it into the editor and previews the draft,
a Publisher schedules it a few seconds ahead, and an anonymous reader finds it on the home page, in
search and in the feed once its moment has passed, and not before, with nothing run in between."""

import time

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
HEADLINE = "Families in Tlaxcala demand answers after the dawn raids"
SEARCH_WORD = "Tlaxcala"
CONTACTS = ("Elyssa Pachico", "Marisol Quintero")
SPOKESPERSON = "Oscar Chacón"
OLDER_HEADLINE = "Coalition welcomes the court's ruling"
WRITER, PUBLISHER = "wanda", "pablo"
LEAD_SECONDS = 8
EDITOR = ".field-body .ProseMirror[contenteditable=true]"
# What a press officer copies out of Word or Google Docs: real formatting wrapped in junk.
PASTED_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal { margin: 0in; }</style></head><body>
<!--StartFragment-->
<h2 style="mso-outline-level:2">Raids in Tlaxcala</h2>
<p class="MsoNormal" style="margin:0in;mso-line-height-alt:12pt" onclick="alert('p')"><span
 style="mso-bidi-font-family:Calibri;mso-fareast-language:EN-US">Families were <b>separated at dawn</b>
 and <i>held without counsel</i>.</span></p>
<ul><li><span style="mso-list:Ignore">End the raids now</span></li><li>Reunite every family</li></ul>
<p>Read <a href="https://example.org/report" onclick="steal()" style="color:red">the full report</a>.</p>
<script>alert("pasted")</script>
<!--EndFragment--></body></html>"""
PASTE = """([selector, html]) => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "Raids in Tlaxcala");
  const target = document.querySelector(selector);
  target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""
JUNK_IN_BODY = """() => [...document.querySelectorAll(".body *")].flatMap(
  (element) => [...element.attributes].map((attribute) => attribute.name)
    .filter((name) => name === "style" || name.startsWith("on") || name === "class")
    .map((name) => `${element.tagName.toLowerCase()}[${name}]`)
)"""


@pytest.fixture
def browser_context_args(browser_context_args, settings):
    """Staff and readers browse from the coalition's own time zone."""
    return {**browser_context_args, "timezone_id": settings.TIME_ZONE}


@pytest.fixture
def staff(django_user_model):
    def make(username, role):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def newsroom(coalition, make_contact, make_spokesperson, make_release, staff):
    """Two media contacts, a spokesperson, an older public release, a Writer and a Publisher."""
    for name in CONTACTS:
        make_contact(name=name, organization=coalition)
    make_spokesperson(name=SPOKESPERSON, slug="oscar-chacon", organization=coalition)
    make_release(headline=OLDER_HEADLINE)
    staff(WRITER, "Writer")
    staff(PUBLISHER, "Publisher")


def sign_in(page, live_server, username, next_path):
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()


def choose_in_autocomplete(page, widget, text):
    """Open a select2 autocomplete, type part of a name and pick the suggestion, as people do."""
    widget.locator(".select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.press_sequentially(text[:5])
    page.locator(".select2-container--open .select2-results__option", has_text=text).click()
    expect(widget.locator(".select2-selection")).to_contain_text(text)


def write_and_preview_the_draft(page, live_server):
    sign_in(page, live_server, WRITER, "/admin/releases/release/add/")
    page.locator("#id_headline").press_sequentially(HEADLINE)
    expect(page.locator("#id_slug")).to_have_value("families-in-tlaxcala-demand-answers-after-the-dawn-raids")

    editor = page.locator(EDITOR)
    editor.click()
    page.evaluate(PASTE, [EDITOR, PASTED_HTML])
    expect(editor.locator("h2")).to_have_text("Raids in Tlaxcala")
    expect(editor.locator("li")).to_have_count(2)

    contacts = page.locator("#releasecontact_set-group")
    for number, name in enumerate(CONTACTS):
        contacts.locator(".add-row a").click()
        choose_in_autocomplete(page, contacts.locator(f"#releasecontact_set-{number} .field-contact"), name)
    choose_in_autocomplete(page, page.locator(".field-spokespeople"), SPOKESPERSON)

    with page.expect_navigation():
        page.locator('.submit-row input[name="_continue"]').last.click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    expect(page.locator(".publishing-actions")).to_contain_text("Status: Draft.")
    expect(page.get_by_role("button", name="Save and publish or schedule")).to_have_count(0)

    with page.expect_navigation():
        page.get_by_role("link", name="View on site").click()
    expect(page.locator("h1")).to_have_text(HEADLINE)
    expect(page.locator(".banner.preview")).to_contain_text("Not published.")
    body = page.locator(".body")
    expect(body.locator("h2")).to_have_text("Raids in Tlaxcala")
    expect(body.locator("strong")).to_have_text("separated at dawn")
    expect(body.locator("em")).to_have_text("held without counsel")
    expect(body.locator("li")).to_have_text(["End the raids now", "Reunite every family"])
    expect(body.locator('a[href="https://example.org/report"]')).to_have_text("the full report")
    expect(body.locator("script, style, span")).to_have_count(0)
    assert page.evaluate(JUNK_IN_BODY) == []
    assert "mso-" not in body.inner_html() and "alert" not in body.inner_html()
    expect(page.locator(".release-contacts")).to_contain_text(CONTACTS[0])
    expect(page.locator(".release-contacts")).to_contain_text(CONTACTS[1])
    expect(page.locator("main")).to_contain_text(SPOKESPERSON)
    return page.url


def schedule(page, live_server):
    """Open the release from the list and publish it for a moment a few seconds ahead; return that moment."""
    sign_in(page, live_server, PUBLISHER, "/admin/releases/release/")
    with page.expect_navigation():
        page.get_by_role("link", name=HEADLINE).click()
    expect(page.locator(".publishing-actions")).to_contain_text("Status: Draft.")

    moment = (timezone.now() + timezone.timedelta(seconds=LEAD_SECONDS)).replace(microsecond=0)
    local = timezone.localtime(moment)
    page.locator("#id_released_at_0").fill(local.strftime("%Y-%m-%d"))
    page.locator("#id_released_at_1").fill(local.strftime("%H:%M:%S"))
    with page.expect_navigation():
        page.get_by_role("button", name="Save and publish or schedule").click()
    expect(page.locator(".messagelist")).to_contain_text("Now “Scheduled”.")
    expect(page.get_by_role("row", name=HEADLINE).locator(".field-state")).to_have_text("Scheduled")
    return moment


def feed_titles(page, live_server):
    response = page.request.get(f"{live_server.url}/feeds/rss/")
    assert response.ok
    feed = feedparser.parse(response.body())
    assert feed.bozo == 0 and feed.version == "rss20", feed.get("bozo_exception")
    return [entry.title for entry in feed.entries]


def search_from_the_header(page, live_server):
    page.goto(f"{live_server.url}/")
    page.locator("#site-search-q").fill(SEARCH_WORD)
    with page.expect_navigation():
        page.locator(".site-search").get_by_role("button", name="Search").click()
    expect(page.locator("h1")).to_have_text("Search releases")


def headline_on_home(page, live_server):
    page.goto(f"{live_server.url}/")
    expect(page.locator("#latest-heading")).to_be_visible()
    return page.locator(".results").get_by_role("link", name=HEADLINE)


def test_a_pasted_draft_is_scheduled_and_reaches_readers_at_its_moment(live_server, page, new_context, newsroom):
    address = write_and_preview_the_draft(page, live_server)
    moment = schedule(new_context().new_page(), live_server)
    reader = new_context().new_page()

    expect(headline_on_home(reader, live_server)).to_have_count(0)
    expect(reader.locator(".results")).to_contain_text(OLDER_HEADLINE)
    search_from_the_header(reader, live_server)
    expect(reader.locator("main")).to_contain_text(f"No results for “{SEARCH_WORD}”")
    assert feed_titles(reader, live_server) == [OLDER_HEADLINE]
    assert reader.goto(address).status == 404
    assert timezone.now() < moment, "too slow: the moment passed before the reader looked"

    # The reader comes back to the home page until the release is there; nothing runs meanwhile.
    deadline = moment + timezone.timedelta(seconds=15)
    while (looked_at := timezone.now()) < deadline and headline_on_home(reader, live_server).count() == 0:
        time.sleep(0.5)
    expect(reader.locator(".results").get_by_role("link", name=HEADLINE)).to_have_count(1)
    assert looked_at > moment - timezone.timedelta(seconds=1), "public before its moment"

    search_from_the_header(reader, live_server)
    expect(reader.locator(".release-card").get_by_role("link", name=HEADLINE)).to_be_visible()
    assert feed_titles(reader, live_server) == [HEADLINE, OLDER_HEADLINE]
    assert reader.goto(address).status == 200
    expect(reader.locator(".banner")).to_have_count(0)
    expect(reader.locator(".body h2")).to_have_text("Raids in Tlaxcala")
