"""Email subscriptions through a real SMTP server in the test process: double opt-in (nothing is
sent before the confirmation), the same answer for every address, expiry of unconfirmed requests,
rate limits in the shared cache, a preferences link with no account, consent recorded, and leaving.
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from mail_server import html_of, links_in, path_of, text_of
from releases import alerts
from releases.models import Release, Subscription

SITE = "https://press.example.org"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_and_local(settings):
    settings.SITE_URL = SITE
    settings.ALERTS_PER_SECOND = 0


def subscribe(client, email, **choices):
    data = {"email": email, "languages": ["en"], "consent": "on", **choices}
    return client.post(reverse("subscriptions:subscribe"), data)


def link_to(message, name):
    """The first link in the message to the named subscriptions page ("confirm", "manage", "leave")."""
    prefix = f"{SITE}/subscribe/{name}/"
    return path_of(next(url for url in links_in(message) if url.startswith(prefix)), SITE)


def confirm(client, mail_server, email):
    (message,) = mail_server.inbox.to(email)
    path = link_to(message, "confirm")
    page = client.get(path)
    assert page.status_code == 200 and "Confirm" in page.text
    return client.post(path)


def publish_now(make_release, **fields):
    """A release published now, as the admin's button does (its save is what announces it)."""
    release = make_release(status=Release.Status.DRAFT, **fields)
    release.status = Release.Status.PUBLISHED
    release.save()
    alerts.run()
    return release


def test_nothing_is_sent_before_the_address_is_confirmed(client, mail_server, make_release, coalition):
    response = subscribe(client, "Ana@Example.org")

    assert response.status_code == 302 and response["Location"] == reverse("subscriptions:requested")
    (message,) = mail_server.inbox.to("ana@example.org")
    assert "Confirm your subscription" in message["Subject"]
    assert Subscription.objects.get().confirmed_at is None
    publish_now(make_release, headline="Before the confirmation")
    assert mail_server.inbox.count() == 1

    done = confirm(client, mail_server, "ana@example.org")

    assert done.status_code == 302 and "/subscribe/manage/" in done["Location"]
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert "I agree to receive the press room's releases by email" in subscription.consent
    assert "Releases in: en" in subscription.consent and "ana@example.org" in subscription.consent
    publish_now(make_release, headline="After the confirmation")
    alert = mail_server.inbox.to("ana@example.org")[-1]
    assert alert["Subject"] == "After the confirmation"
    assert mail_server.inbox.count() == 2


def test_the_confirmation_page_confirms_only_on_post(client, mail_server):
    subscribe(client, "ana@example.org")
    (message,) = mail_server.inbox.to("ana@example.org")

    client.get(link_to(message, "confirm"))

    assert Subscription.objects.get().confirmed_at is None


def test_the_answer_is_the_same_whether_or_not_the_address_is_subscribed(client, mail_server):
    first = subscribe(client, "ana@example.org", languages=["en", "es"])
    confirm(client, mail_server, "ana@example.org")
    cache.clear()  # the address may be emailed again now

    again = subscribe(client, "ana@example.org", languages=["es"], kinds=["statement"])
    stranger = subscribe(client, "new@example.org")

    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert (stranger.status_code, stranger["Location"]) == (first.status_code, first["Location"])
    assert client.get(again["Location"]).content == client.get(stranger["Location"]).content
    subscription = Subscription.objects.get(email="ana@example.org")
    assert (subscription.languages, subscription.kinds) == (["en", "es"], [])
    reminder = mail_server.inbox.to("ana@example.org")[-1]
    assert "already subscribed" in reminder["Subject"]
    assert link_to(reminder, "manage")


def test_an_address_is_emailed_once_however_often_it_is_entered(client, mail_server):
    for _ in range(3):
        subscribe(client, "victim@example.org")

    assert len(mail_server.inbox.to("victim@example.org")) == 1


def test_requests_are_limited_per_network_address(client, mail_server, settings):
    settings.SUBSCRIPTION_REQUESTS_PER_HOUR = 3
    answers = [subscribe(client, f"reader{n}@example.org").status_code for n in range(4)]

    assert answers == [302, 302, 302, 429]
    assert "Too many" in subscribe(client, "reader9@example.org").text
    other_network = client.post(
        reverse("subscriptions:subscribe"),
        {"email": "x@example.org", "languages": ["en"], "consent": "on"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert other_network.status_code == 302


def test_consent_and_a_language_are_required(client, mail_server):
    response = client.post(reverse("subscriptions:subscribe"), {"email": "ana@example.org"})

    assert response.status_code == 200
    assert not Subscription.objects.exists() and mail_server.inbox.count() == 0


def test_an_unconfirmed_request_expires(client, mail_server, time_machine, settings):
    time_machine.move_to(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False)
    subscribe(client, "late@example.org")
    (message,) = mail_server.inbox.to("late@example.org")

    time_machine.move_to(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=8), tick=False)
    expired = client.post(link_to(message, "confirm"))
    alerts.run()

    assert expired.status_code == 410 and "expired" in expired.text
    assert not Subscription.objects.exists()


def test_the_preferences_link_changes_choices_with_no_account(client, mail_server, make_tag, make_release):
    topic = make_tag(name="Asylum", slug="asylum")
    make_release(tags=[topic])
    subscribe(client, "ana@example.org")
    manage = client.get(confirm(client, mail_server, "ana@example.org")["Location"])
    assert manage.status_code == 200 and manage["Cache-Control"] == "private, no-store"
    assert "Asylum" in manage.text

    response = client.post(
        manage.request["PATH_INFO"],
        {"language": "es", "languages": ["es"], "kinds": ["statement"], "topics": [topic.pk]},
    )

    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.language, subscription.languages, subscription.kinds) == ("es", ["es"], ["statement"])
    assert list(subscription.topics.all()) == [topic]


def test_a_forged_or_unknown_token_opens_nothing(client):
    for name in ("confirm", "manage", "leave"):
        assert client.get(reverse(f"subscriptions:{name}", args=["1:forged"])).status_code == 404


def test_the_emails_carry_no_trackers(client, mail_server, make_release, coalition):
    subscribe(client, "ana@example.org")
    confirm(client, mail_server, "ana@example.org")
    release = publish_now(make_release, headline="Plain links only")

    for message in mail_server.inbox.to("ana@example.org"):
        html = html_of(message)
        assert "<img" not in html
        assert all(url.startswith(SITE) for url in links_in(message))
    assert f"{SITE}{release.get_absolute_url()}" in text_of(mail_server.inbox.to("ana@example.org")[-1])


def test_the_subscription_page_is_linked_from_every_page(client, coalition):
    for path in (reverse("home"), reverse("releases:list"), reverse("media-contacts")):
        assert reverse("subscriptions:subscribe") in client.get(path).text
