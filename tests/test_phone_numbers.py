"""Phone numbers are typed as staff print them, dialled from a tel: link in E.164, and refused when undiallable."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from releases.models import MediaContact

WRITTEN_AND_DIALLED = [
    ("+1 503 347 23 29", "+15033472329"),
    ("(773) 875-3314", "+17738753314"),
    ("+503 7803 8465", "+50378038465"),
]
GARBAGE = ["call me", "12", "+1 555"]


def refused(value):
    return f"“{value}” is not a phone number we can dial. Write it with its country code, e.g. +1 312 555 0142."


def _contact_data(phone):
    return {"name": "Press office", "role": "", "organization": "", "phone": phone, "email": "", "is_active": "on"}


@pytest.mark.parametrize(("written", "dialled"), WRITTEN_AND_DIALLED)
def test_a_phone_number_is_kept_as_written_and_dialled_in_e164(make_contact, written, dialled):
    contact = make_contact(phone=written)

    contact.full_clean()
    assert contact.phone == written
    assert contact.phone_e164 == dialled


@pytest.mark.parametrize(("written", "dialled"), WRITTEN_AND_DIALLED)
def test_the_release_page_links_the_phone_number_for_dialling(client, make_release, make_contact, written, dialled):
    release = make_release(contacts=[make_contact(phone=written)])

    response = client.get(release.get_absolute_url())

    assert f'<a href="tel:{dialled}">{escape(written)}</a>' in response.text


@pytest.mark.parametrize(("written", "dialled"), WRITTEN_AND_DIALLED)
def test_the_admin_accepts_phone_numbers_as_written(admin_client, written, dialled):
    response = admin_client.post(reverse("admin:releases_mediacontact_add"), _contact_data(written))

    assert response.status_code == 302
    assert MediaContact.objects.get().phone_e164 == dialled


@pytest.mark.parametrize("garbage", GARBAGE)
def test_the_model_refuses_an_undiallable_phone_number(db, garbage):
    contact = MediaContact(name="Press office", phone=garbage)

    with pytest.raises(ValidationError) as refusal:
        contact.full_clean()

    assert refusal.value.message_dict == {"phone": [refused(garbage)]}


@pytest.mark.parametrize("garbage", GARBAGE)
def test_the_admin_refuses_an_undiallable_phone_number_and_keeps_it_for_correction(admin_client, garbage):
    response = admin_client.post(reverse("admin:releases_mediacontact_add"), _contact_data(garbage))

    assert response.status_code == 200
    assert response.text.count(escape(refused(garbage))) == 1
    assert f'value="{escape(garbage)}"' in response.text
    assert not MediaContact.objects.exists()


def test_a_number_without_country_code_is_read_in_the_coalitions_region(settings, make_contact):
    settings.PHONE_DEFAULT_REGION = "SV"

    assert make_contact(phone="7803 8465").phone_e164 == "+50378038465"


def test_a_contact_without_phone_gets_no_phone_link(client, make_release, make_contact):
    release = make_release(contacts=[make_contact(phone="", email="press@example.org")])

    response = client.get(release.get_absolute_url())

    assert 'href="tel:' not in response.text
    assert 'href="mailto:press@example.org"' in response.text
