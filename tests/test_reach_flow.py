"""Reaching journalists, all in the browser, with a real SMTP server in the test process: a reader
subscribes and confirms by the emailed link; a publisher sends a scheduled release under embargo
to a media list from the admin, and the journalist's personal link shows the embargo."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from mail_server import links_in
from releases.models import EmbargoSend, Journalist, MediaList, Release, Subscription
from test_newsroom_flow import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings, live_server, mail_server):
    settings.SITE_URL = live_server.url
    return live_server


def test_a_reader_subscribes_and_confirms(page, site, mail_server, coalition, make_tag, make_release):
    make_release(headline="On asylum", tags=[make_tag(name="Asylum", slug="asylum")])
    page.goto(site.url + "/")
    page.get_by_role("link", name="Get releases by email").first.click()

    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_label("Spanish").check()
    page.get_by_label("Asylum").check()
    page.get_by_label("I agree to receive").check()
    page.get_by_role("button", name="Subscribe").click()

    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    (message,) = mail_server.inbox.to("reader@example.org")
    confirm_url = next(url for url in links_in(message) if "/subscribe/confirm/" in url)
    assert Subscription.objects.get().confirmed_at is None

    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Your email subscription")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Spanish")).to_be_checked()
    expect(page.get_by_label("Asylum")).to_be_checked()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None and subscription.languages == ["es"]


def test_a_publisher_sends_an_embargoed_release_to_a_list(
    page, site, mail_server, coalition, make_release, make_contact, django_user_model
):
    publisher = django_user_model.objects.create_user("pablo", password=PASSWORD, is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publisher"))
    release = make_release(
        headline="Coalition sues over detention",
        contacts=[make_contact(name="Elyssa Pachico")],
        released_at=timezone.now() + timezone.timedelta(days=1),
    )
    desk = MediaList.objects.create(name="Immigration desk")
    desk.journalists.set(
        [
            Journalist.objects.create(
                name="Ana Reporter", outlet="The Daily", email="ana@daily.example", languages=["en"]
            ),
            Journalist.objects.create(name="Ben Writer", outlet="Wire", email="ben@wire.example", languages=["en"]),
        ]
    )

    sign_in(page, site, "pablo", f"/admin/releases/release/{release.pk}/change/")
    page.get_by_role("link", name="Send under embargo to journalists…").click()
    page.get_by_label("Immigration desk").check()
    page.get_by_role("button", name="Send under embargo").click()

    expect(page.get_by_text("2 embargo emails queued.")).to_be_visible()
    expect(page.locator("tr.embargo-send")).to_have_count(2)
    expect(page.locator("tr.embargo-send").first).to_contain_text("Delivered to the mail server")
    assert set(EmbargoSend.objects.values_list("state", flat=True)) == {EmbargoSend.State.SENT}
    (to_ana,) = mail_server.inbox.to("ana@daily.example")
    (to_ben,) = mail_server.inbox.to("ben@wire.example")
    ana_link = next(url for url in links_in(to_ana) if "/access/" in url)
    assert ana_link not in str(to_ben.get_body(("plain",)).get_content())

    reader = page.context.browser.new_page()
    reader.goto(ana_link)
    expect(reader.locator("p.timing")).to_contain_text("EMBARGOED UNTIL")
    expect(reader.get_by_text("Early access for Ana Reporter.")).to_be_visible()
    expect(reader.get_by_role("heading", name="Coalition sues over detention")).to_be_visible()
    reader.close()

    page.reload()
    expect(page.locator("tr.embargo-send", has_text="Ana Reporter")).to_contain_text("yes")
    expect(page.locator("tr.embargo-send", has_text="Ben Writer")).to_contain_text("no")
    assert Release.objects.get(pk=release.pk).is_scheduled()
