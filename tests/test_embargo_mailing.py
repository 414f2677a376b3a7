"""Embargo mailings from the admin, through a real SMTP server: a publisher sends a scheduled
release to lists and journalists; each gets one email with a personal link that works for them
alone and shows the embargo, in their language and time zone, with the media contacts; the log
records each send and whether the link was opened. Only publishers send; the media list stays
off every public page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mail_server import links_in, text_of
from releases import embargo_mailing
from releases.models import AccessLink, EmbargoSend, Journalist, MediaList

pytestmark = pytest.mark.django_db
SITE = "https://press.example.org"
NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
MOMENT = dt.datetime(2026, 6, 16, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _clock_and_site(settings, time_machine):
    settings.SITE_URL = SITE
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def embargoed(make_release, make_contact, coalition):
    contact = make_contact(name="Elyssa Pachico", email="elyssa@example.org")
    return make_release(headline="Coalition sues over detention", released_at=MOMENT, contacts=[contact])


@pytest.fixture
def media_list(db):
    Journalist.objects.create(name="Ana Reporter", outlet="The Daily", email="ana@daily.example", languages=["en"])
    Journalist.objects.create(
        name="Lucía Periodista",
        outlet="El Diario",
        email="lucia@diario.example",
        languages=["es"],
        time_zone="Europe/Madrid",
    )
    Journalist.objects.create(name="Gone Away", email="gone@example.org", languages=["en"], is_active=False)
    media = MediaList.objects.create(name="Immigration desk")
    media.journalists.set(Journalist.objects.all())
    return media


def personal_link(message):
    return next(url for url in links_in(message) if url.startswith(f"{SITE}/access/")).removeprefix(SITE)


def send_from_the_admin(publisher, release, **choices):
    return publisher.post(reverse("admin:releases_release_embargo_mailing", args=[release.pk]), choices)


def test_each_journalist_gets_a_link_of_their_own_that_shows_the_embargo(
    client, mail_server, signed_in, embargoed, media_list
):
    publisher = signed_in("Publisher")
    ana = Journalist.objects.get(name="Ana Reporter")

    response = send_from_the_admin(publisher, embargoed, media_lists=[media_list.pk], journalists=[ana.pk])

    assert response.status_code == 302
    assert mail_server.inbox.count() == 2  # the list and Ana overlap; the inactive journalist gets nothing
    (to_ana,) = mail_server.inbox.to("ana@daily.example")
    (to_lucia,) = mail_server.inbox.to("lucia@diario.example")
    assert to_ana["Subject"] == "Under embargo: Coalition sues over detention"
    assert "EMBARGOED UNTIL June 16, 2026, 10 a.m. (America/Chicago)" in text_of(to_ana)
    assert "16 de junio de 2026 a las 17:00 (Europe/Madrid)" in text_of(to_lucia)
    assert to_lucia["Content-Language"] == "es"
    assert "Elyssa Pachico" in text_of(to_ana) and "elyssa@example.org" in text_of(to_lucia)
    links = {personal_link(to_ana), personal_link(to_lucia)}
    assert len(links) == 2
    assert set(AccessLink.objects.values_list("name", flat=True)) == {"Ana Reporter", "Lucía Periodista"}

    page = client.get(personal_link(to_ana))
    assert page.status_code == 200
    assert "Early access for Ana Reporter." in page.text
    assert '<p class="timing">EMBARGOED UNTIL' in page.text and "FOR IMMEDIATE RELEASE" not in page.text
    assert "Lucía" not in page.text


def test_the_log_records_each_send_and_whether_the_link_was_opened(
    client, mail_server, signed_in, embargoed, media_list
):
    publisher = signed_in("Publisher")
    send_from_the_admin(publisher, embargoed, media_lists=[media_list.pk])
    client.get(personal_link(mail_server.inbox.to("ana@daily.example")[0]))

    log = publisher.get(reverse("admin:releases_release_embargo_mailing", args=[embargoed.pk]))

    assert EmbargoSend.objects.filter(state=EmbargoSend.State.SENT).count() == 2
    assert all(send.sent_at == NOW for send in EmbargoSend.objects.all())
    rows = log.text.split('<tr class="embargo-send">')[1:]
    assert len(rows) == 2
    opened = {row.split("</td>")[0].strip().removeprefix("<td>"): row.split("<td>")[-1][:3] for row in rows}
    assert opened == {"Ana Reporter (The Daily)": "yes", "Lucía Periodista (El Diario)": "no<"}


def test_a_journalist_with_an_open_link_is_not_sent_another(mail_server, signed_in, embargoed, media_list):
    publisher = signed_in("Publisher")
    send_from_the_admin(publisher, embargoed, media_lists=[media_list.pk])
    send_from_the_admin(publisher, embargoed, media_lists=[media_list.pk])

    assert mail_server.inbox.count() == 2 and EmbargoSend.objects.count() == 2


def test_a_failed_send_is_logged(settings, signed_in, embargoed, media_list):
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": {"host": "127.0.0.1", "port": 1}}}

    send_from_the_admin(signed_in("Publisher"), embargoed, media_lists=[media_list.pk])

    assert set(EmbargoSend.objects.values_list("state", flat=True)) == {EmbargoSend.State.FAILED}
    assert all(send.error for send in EmbargoSend.objects.all())


def test_only_publishers_send(mail_server, signed_in, embargoed, media_list):
    writer = signed_in("Writer")

    assert writer.get(reverse("admin:releases_release_embargo_mailing", args=[embargoed.pk])).status_code == 403
    assert send_from_the_admin(writer, embargoed, media_lists=[media_list.pk]).status_code == 403
    with pytest.raises(PermissionDenied):
        embargo_mailing.send_embargo(embargoed, writer.user, media_lists=[media_list])
    assert mail_server.inbox.count() == 0 and not AccessLink.objects.exists()


def test_only_a_scheduled_release_is_sent_under_embargo(mail_server, signed_in, make_release, media_list):
    public = make_release(headline="Already out")
    publisher = signed_in("Publisher")

    page = send_from_the_admin(publisher, public, media_lists=[media_list.pk])

    assert page.status_code == 200 and "Only a release scheduled for later" in page.text
    with pytest.raises(ValidationError):
        embargo_mailing.send_embargo(public, publisher.user, media_lists=[media_list])
    assert mail_server.inbox.count() == 0


def test_the_media_list_is_on_no_public_page(client, public_pages, media_list):
    Journalist.objects.filter(name="Ana Reporter").update(notes="Zyzzogeton private note")
    for name, path in public_pages.items():
        body = client.get(path).content.decode()
        assert "Ana Reporter" not in body and "ana@daily.example" not in body and "Zyzzogeton" not in body, name
