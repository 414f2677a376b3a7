"""Alerts, in the test process (tasks run at once; test_alert_worker.py runs real workers): one
email per subscriber and story, in the subscriber's language, with the list headers and RFC 8058
one-click unsubscribe; sent at the release's moment and never before; nothing for an archive, for
a release unpublished or rescheduled before its moment, or for a subscriber who confirmed after.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mail_server import html_of, text_of
from releases import alerts
from releases.models import Alert, Announcement, Release, Subscription

pytestmark = pytest.mark.django_db
SITE = "https://press.example.org"
NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
Status = Release.Status


@pytest.fixture(autouse=True)
def _clock_and_site(settings, time_machine):
    settings.SITE_URL = SITE
    settings.ALERTS_PER_SECOND = 0
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def subscriber(db):
    def make(email, *, confirmed_at=NOW - dt.timedelta(days=1), topics=(), **fields):
        fields.setdefault("languages", ["en"])
        subscription = Subscription.objects.create(email=email, confirmed_at=confirmed_at, **fields)
        subscription.topics.set(topics)
        return subscription

    return make


def publish(release, moment=None):
    """What the admin's publish button does: the status, then a save."""
    release.status = Status.PUBLISHED
    if moment is not None:
        release.released_at = moment
    release.save()
    alerts.run()
    return release


@pytest.fixture
def draft(make_release):
    def make(**fields):
        fields.setdefault("released_at", NOW)
        return make_release(status=Status.DRAFT, **fields)

    return make


def test_each_subscriber_gets_one_alert_per_release(mail_server, subscriber, draft, make_contact):
    for n in range(3):
        subscriber(f"reader{n}@example.org")
    contact = make_contact(name="Elyssa Pachico", email="elyssa@example.org", phone="+1 312 555 0142")
    release = publish(draft(headline="Coalition sues over detention", summary="A lawsuit.", contacts=[contact]))
    release.headline = "Coalition sues over detention (updated)"
    release.save()
    alerts.run()

    for n in range(3):
        (message,) = mail_server.inbox.to(f"reader{n}@example.org")
        assert message["Subject"] == "Coalition sues over detention"
        text = text_of(message)
        assert f"{SITE}{release.get_absolute_url()}" in text
        assert "A lawsuit." in text and "Elyssa Pachico" in text and "+1 312 555 0142" in text
        assert "June 15, 2026" in text
        assert f'href="{SITE}{release.get_absolute_url()}"' in html_of(message)
    assert Alert.objects.filter(state=Alert.State.SENT).count() == 3


def test_an_alert_carries_the_list_headers_and_one_click_unsubscribe(client, mail_server, subscriber, draft):
    subscriber("ana@example.org")
    publish(draft(headline="First"))
    (message,) = mail_server.inbox.to("ana@example.org")

    assert message["List-Id"] == '"Press room" <releases.press.example.org>'
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{SITE}/subscribe/leave/")
    assert message["Message-ID"].endswith("@press.example.org>")

    # RFC 8058: the mail client POSTs this body, with no cookie and no CSRF token.
    path = unsubscribe.removeprefix(SITE)
    client.handler.enforce_csrf_checks = True
    answer = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    again = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    publish(draft(headline="Second"))

    assert (answer.status_code, again.status_code) == (200, 200)
    assert not Subscription.objects.exists()
    assert [m["Subject"] for m in mail_server.inbox.to("ana@example.org")] == ["First"]


def test_the_leave_link_asks_before_it_unsubscribes(client, mail_server, subscriber, draft):
    subscriber("ana@example.org")
    publish(draft())
    (message,) = mail_server.inbox.to("ana@example.org")

    page = client.get(message["List-Unsubscribe"].strip("<>").removeprefix(SITE))

    assert page.status_code == 200 and "Unsubscribe" in page.text
    assert Subscription.objects.exists()


def test_the_alert_is_in_the_subscribers_language(mail_server, subscriber, draft, time_machine):
    subscriber("reader@example.org", language="en", languages=["en", "es"])
    subscriber("lectora@example.org", language="es", languages=["en", "es"])
    subscriber("only-spanish@example.org", language="en", languages=["es"])
    moment = NOW + dt.timedelta(hours=1)
    original = publish(draft(headline="Summit declaration falls short"), moment)
    publish(draft(headline="La declaración de la cumbre se queda corta", language="es", translation_of=original))
    time_machine.move_to(moment, tick=False)
    alerts.run()

    (english,) = mail_server.inbox.to("reader@example.org")
    (spanish,) = mail_server.inbox.to("lectora@example.org")
    (only_spanish,) = mail_server.inbox.to("only-spanish@example.org")
    assert (english["Subject"], english["Content-Language"]) == ("Summit declaration falls short", "en")
    assert (spanish["Subject"], spanish["Content-Language"]) == ("La declaración de la cumbre se queda corta", "es")
    assert "15 de junio de 2026" in text_of(spanish)
    assert '<html lang="es">' in html_of(spanish)
    assert only_spanish["Subject"] == "La declaración de la cumbre se queda corta"


def test_choices_of_kind_and_topic_are_kept(mail_server, subscriber, draft, make_tag):
    asylum, labor = make_tag(name="Asylum", slug="asylum"), make_tag(name="Labor", slug="labor")
    subscriber("asylum@example.org", topics=[asylum])
    subscriber("statements@example.org", kinds=["statement"])
    subscriber("spanish@example.org", languages=["es"])
    publish(draft(headline="On asylum", tags=[asylum]))
    publish(draft(headline="On labor", tags=[labor], kind=Release.Kind.STATEMENT))

    assert [m["Subject"] for m in mail_server.inbox.to("asylum@example.org")] == ["On asylum"]
    assert [m["Subject"] for m in mail_server.inbox.to("statements@example.org")] == ["On labor"]
    assert mail_server.inbox.to("spanish@example.org") == []


def test_a_scheduled_release_is_alerted_at_its_moment_never_before(mail_server, subscriber, draft, time_machine):
    subscriber("ana@example.org")
    moment = NOW + dt.timedelta(hours=2)
    publish(draft(headline="Scheduled"), moment)

    time_machine.move_to(moment - dt.timedelta(seconds=1), tick=False)
    alerts.run()
    assert mail_server.inbox.count() == 0

    time_machine.move_to(moment, tick=False)
    alerts.run()
    alerts.run()
    assert [m["Subject"] for m in mail_server.inbox.to("ana@example.org")] == ["Scheduled"]


def test_a_rescheduled_release_is_alerted_at_its_new_moment_only(mail_server, subscriber, draft, time_machine):
    subscriber("ana@example.org")
    first, second = NOW + dt.timedelta(hours=1), NOW + dt.timedelta(hours=3)
    release = publish(draft(headline="Moved"), first)
    release.released_at = second
    release.save()

    time_machine.move_to(first + dt.timedelta(minutes=1), tick=False)
    alerts.run()
    assert mail_server.inbox.count() == 0
    assert Announcement.objects.get(moment=first).state == Announcement.State.CANCELLED

    time_machine.move_to(second, tick=False)
    alerts.run()
    assert len(mail_server.inbox.to("ana@example.org")) == 1


def test_a_release_unpublished_before_its_moment_is_not_alerted(mail_server, subscriber, draft, time_machine):
    subscriber("ana@example.org")
    moment = NOW + dt.timedelta(hours=1)
    release = publish(draft(), moment)
    Release.objects.filter(pk=release.pk).update(status=Status.DRAFT)

    time_machine.move_to(moment + dt.timedelta(minutes=5), tick=False)
    alerts.run()
    assert mail_server.inbox.count() == 0

    # Published again later: visible from now, so alerted now.
    publish(Release.objects.get(pk=release.pk))
    assert len(mail_server.inbox.to("ana@example.org")) == 1


def test_an_archive_brought_in_alerts_nobody(mail_server, subscriber, draft, make_release):
    subscriber("ana@example.org")
    make_release(headline="From 2019", released_at=NOW - dt.timedelta(days=2000))
    make_release(headline="Last week", released_at=NOW - dt.timedelta(days=7))
    publish(draft(headline="Forgot to publish this morning", released_at=NOW - dt.timedelta(hours=6)))

    assert [m["Subject"] for m in mail_server.inbox.to("ana@example.org")] == ["Forgot to publish this morning"]
    # Nothing is even noted for them: the worker never looks at an archive.
    assert not Announcement.objects.filter(release__headline__in=["From 2019", "Last week"]).exists()


def test_an_import_of_old_releases_sends_nothing(mail_server, subscriber, tmp_path, admin_user):
    from django.core.management import call_command

    subscriber("ana@example.org")
    (tmp_path / "old.txt").write_text(
        "FOR IMMEDIATE RELEASE\nMarch 3, 2019\n\nCoalition answers the old summit\n\n"
        "CHICAGO — The coalition answered.\n\n###\n",
        encoding="utf-8",
    )

    call_command("import_releases", str(tmp_path), "--publish", stdout=open("/dev/null", "w"))
    alerts.run()

    assert Release.objects.published().count() == 1
    assert mail_server.inbox.count() == 0


def test_a_subscriber_gets_only_what_went_public_after_they_confirmed(mail_server, subscriber, draft, time_machine):
    release = publish(draft(headline="Before them"))
    subscriber("late@example.org", confirmed_at=NOW + dt.timedelta(minutes=1))
    time_machine.move_to(NOW + dt.timedelta(minutes=2), tick=False)
    release.save()
    alerts.run()
    publish(draft(headline="After them"))

    assert [m["Subject"] for m in mail_server.inbox.to("late@example.org")] == ["After them"]


def test_a_release_withdrawn_before_its_alert_is_sent_is_skipped(mail_server, subscriber, draft, settings):
    subscriber("ana@example.org")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # nothing runs by itself
    release = draft()
    release.status = Status.PUBLISHED
    release.save()
    alerts.write_due_alerts()
    Release.objects.filter(pk=release.pk).update(status=Status.WITHDRAWN, withdrawn_at=timezone.now())
    alerts.deliver(10)

    assert mail_server.inbox.count() == 0
    assert Alert.objects.get().state == Alert.State.SKIPPED


def test_a_refused_message_is_retried_later_and_a_rejected_one_fails(mail_server, subscriber, draft, time_machine):
    subscriber("later@example.org")
    subscriber("never@example.org")
    refusals = {"later@example.org": "451 4.3.0 Try again later", "never@example.org": "550 5.1.1 No such user"}
    mail_server.inbox.before_reply = lambda message: refusals.get(str(message["To"]))
    publish(draft())

    assert Alert.objects.get(subscription__email="never@example.org").state == Alert.State.FAILED
    later = Alert.objects.get(subscription__email="later@example.org")
    assert (later.state, later.attempts) == (Alert.State.PENDING, 1)

    refusals.clear()
    time_machine.move_to(later.retry_after, tick=False)
    alerts.run()
    assert len(mail_server.inbox.to("later@example.org")) == 1
    assert mail_server.inbox.to("never@example.org") == []


def test_an_unreachable_mail_server_leaves_the_alerts_to_send(settings, subscriber, draft):
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": {"host": "127.0.0.1", "port": 1}}}
    subscriber("ana@example.org")
    publish(draft())

    alert = Alert.objects.get()
    assert (alert.state, alert.attempts, alert.sent_at) == (Alert.State.PENDING, 1, None)
    assert alert.error


def test_the_leave_page_unsubscribes_only_its_own_address(client, subscriber):
    ana, ben = subscriber("ana@example.org"), subscriber("ben@example.org")
    from releases.subscriptions import tokens

    client.post(reverse("subscriptions:leave", args=[tokens.manage_token(ana)]))

    assert list(Subscription.objects.values_list("email", flat=True)) == [ben.email]
