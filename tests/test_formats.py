"""The files journalists use, read back with the libraries their tools use: a media advisory's event
as .ics (icalendar), media contacts and spokespeople as vCards (vobject), each public release as a
PDF (pypdf). Only public releases and listed people have them; no staff-only data is in them; the
release page links to each, and each answers in a fixed number of queries."""

import datetime as dt
import io
import zoneinfo

import icalendar
import pypdf
import pytest
import vobject
from django.urls import reverse
from django.utils import translation

from releases.models import AccessLink, AdvisoryEvent, Journalist, Release

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def _clock(time_machine, settings):
    settings.SITE_URL = "https://press.example.org"
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def advisory(make_release, make_spokesperson, make_contact, coalition):
    person = make_spokesperson(name="Oscar Chacón", slug="oscar-chacon", title="Executive director")
    contact = make_contact(
        name="Elyssa Pachico", role="Press officer", organization=coalition, phone="+1 312 555 0142"
    )
    release = make_release(
        kind=Release.Kind.MEDIA_ADVISORY,
        headline="Vigil for the families outside the detention center",
        summary="Faith leaders and families hold a vigil.",
        spokespeople=[person],
        contacts=[contact],
        released_at=NOW - dt.timedelta(hours=2),
    )
    AdvisoryEvent.objects.create(
        release=release,
        starts_at=dt.datetime(2026, 6, 19, 18, 0, tzinfo=LOS_ANGELES),
        ends_at=dt.datetime(2026, 6, 19, 20, 0, tzinfo=LOS_ANGELES),
        time_zone="America/Los_Angeles",
        place_name="Federal Building steps",
        address="300 N Los Angeles St, Los Angeles, CA 90012",
        online_url="https://live.example.org/vigil",
    )
    # Staff-only rows near it, which no public file may carry.
    Journalist.objects.create(name="Zyzzogeton Reporter", email="zyzzogeton@example.org", notes="Zyzzogeton note")
    AccessLink.objects.create(release=release, name="Zyzzogeton Holder", expires_at=NOW + dt.timedelta(days=1))
    return release


def test_the_advisory_shows_what_who_when_where_and_links_to_every_file(client, advisory):
    page = client.get(advisory.get_absolute_url()).text

    for heading in ("WHAT", "WHO", "WHEN", "WHERE"):
        assert f"<dt>{heading}</dt>" in page
    assert "June 19, 2026, 6 p.m." in page and "(America/Los_Angeles)" in page
    assert "Federal Building steps, 300 N Los Angeles St" in page and "https://live.example.org/vigil" in page
    for url in (
        reverse("releases:event-ics", args=[advisory.slug]),
        reverse("releases:detail-pdf", args=[advisory.slug]),
        reverse("releases:detail-text", args=[advisory.slug]),
        reverse("releases:spokesperson-vcard", args=["oscar-chacon"]),
        reverse("contact-vcard", args=[advisory.contacts.get().pk]),
    ):
        assert f'href="{url}"' in page, url


def test_the_event_as_ics(client, advisory, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("releases:event-ics", args=[advisory.slug]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"].startswith("public")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Vigil for the families outside the detention center"
    assert event.decoded("DTSTART") == dt.datetime(2026, 6, 19, 18, 0, tzinfo=LOS_ANGELES)
    assert event.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2026, 6, 20, 1, 0, tzinfo=dt.UTC)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(hours=2)
    assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Los_Angeles"]
    assert str(event["LOCATION"]) == "Federal Building steps, 300 N Los Angeles St, Los Angeles, CA 90012"
    assert "https://live.example.org/vigil" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"https://press.example.org{advisory.get_absolute_url()}"
    assert b"Zyzzogeton" not in response.content


@pytest.mark.parametrize(
    "change", [{"status": Release.Status.DRAFT}, {"released_at": NOW + dt.timedelta(hours=1)}, {"kind": "statement"}]
)
def test_no_ics_for_an_advisory_that_is_not_public(client, advisory, change):
    Release.objects.filter(pk=advisory.pk).update(**change)

    assert client.get(reverse("releases:event-ics", args=[advisory.slug])).status_code == 404


def test_a_media_contact_as_vcard(client, advisory, django_assert_max_num_queries):
    contact = advisory.contacts.get()
    with django_assert_max_num_queries(2):
        response = client.get(reverse("contact-vcard", args=[contact.pk]))

    card = vobject.readOne(response.content.decode())
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert (card.fn.value, card.title.value, card.org.value) == (
        "Elyssa Pachico",
        "Press officer",
        ["Alianza de Prueba"],
    )
    assert card.tel.value == "+13125550142"
    assert card.email.value == contact.email
    assert card.n.value.family == "Pachico"


def test_a_spokesperson_as_vcard(client, advisory, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("releases:spokesperson-vcard", args=["oscar-chacon"]))

    card = vobject.readOne(response.content.decode())
    assert (card.fn.value, card.title.value) == ("Oscar Chacón", "Executive director")
    assert card.url.value == "https://press.example.org/releases/spokespeople/oscar-chacon/"


def test_no_vcard_for_people_the_public_pages_do_not_list(client, make_contact, make_spokesperson, make_release):
    hidden_contact = make_contact(is_active=False)
    hidden_person = make_spokesperson(is_active=False)
    make_release(status=Release.Status.DRAFT, contacts=[hidden_contact], spokespeople=[hidden_person])

    assert client.get(reverse("contact-vcard", args=[hidden_contact.pk])).status_code == 404
    assert client.get(reverse("releases:spokesperson-vcard", args=[hidden_person.slug])).status_code == 404


def pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_public_release_as_pdf(client, advisory, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("releases:detail-pdf", args=[advisory.slug]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{advisory.slug}.pdf"'
    reader, text = pdf_text(response.content)
    assert reader.metadata.title.startswith("Vigil for the families outside the detention center")
    assert "FOR IMMEDIATE RELEASE" in text
    assert "Vigil for the families outside the detention center" in text
    assert "Elyssa Pachico" in text and "WHERE" in text and "Federal Building steps" in text
    assert "Zyzzogeton" not in text


def test_a_spanish_release_as_pdf_is_in_spanish(client, make_release):
    release = make_release(headline="La coalición demanda al gobierno", language="es")

    reader, text = pdf_text(client.get(reverse("releases:detail-pdf", args=[release.slug])).content)

    assert "La coalición demanda al gobierno" in text
    assert "15 de junio de 2026" in text


def test_the_wire_text_of_a_spanish_release_is_framed_in_spanish(client, make_release):
    spanish = make_release(headline="La coalición demanda al gobierno", language="es")
    english = make_release(headline="The coalition sues the government")

    with translation.override("es"):
        wire = client.get(reverse("releases:detail-text", args=[spanish.slug])).text

    assert wire.startswith("PARA PUBLICACIÓN INMEDIATA\n15 de junio de 2026\n")
    assert client.get(reverse("releases:detail-text", args=[english.slug])).text.startswith(
        "FOR IMMEDIATE RELEASE\nJune 15, 2026\n"
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Release.Status.DRAFT},
        {"released_at": NOW + dt.timedelta(hours=1)},
        {"status": Release.Status.WITHDRAWN, "withdrawn_at": NOW, "withdrawal_reason": "Wrong."},
    ],
)
def test_no_pdf_of_a_release_that_is_not_public(client, make_release, fields, signed_in):
    release = make_release(**fields)

    assert client.get(reverse("releases:detail-pdf", args=[release.slug])).status_code == 404
    assert signed_in("Publisher").get(reverse("releases:detail-pdf", args=[release.slug])).status_code == 404
