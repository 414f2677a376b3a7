"""Staff keep spokespeople and media contacts through the admin's own pages."""

import pytest
from django.urls import reverse

from releases.models import MediaContact, Spokesperson


def listed(response):
    return [str(row) for row in response.context["cl"].result_list]


def _spokesperson_data(organization, **fields):
    return {
        "name": "Ana Ruiz",
        "slug": "ana-ruiz",
        "title": "Director",
        "organization": organization.pk,
        "bio": "Ana leads the legal team.",
        "photo_alt": "",
        "languages": "English, Spanish",
        "is_active": "on",
        **fields,
    }


def _contact_data(**fields):
    return {
        "name": "Elyssa Pachico",
        "role": "Communications director",
        "organization": "",
        "phone": "+1 503 347 23 29",
        "email": "elyssa@example.org",
        "languages": "English",
        "is_active": "on",
        **fields,
    }


def test_adding_a_spokesperson_with_a_photo(admin_client, make_organization, png_file):
    organization = make_organization(name="Workers Center")

    response = admin_client.post(
        reverse("admin:releases_spokesperson_add"),
        _spokesperson_data(organization, photo=png_file("ana.png"), photo_alt="Ana Ruiz at a rally"),
    )

    assert response.status_code == 302
    spokesperson = Spokesperson.objects.get()
    assert (spokesperson.name, spokesperson.organization) == ("Ana Ruiz", organization)
    assert spokesperson.photo.name.startswith("spokespeople/ana")
    assert spokesperson.language_list == ["English", "Spanish"]


def test_the_spokesperson_slug_is_filled_in_from_the_name(admin_client):
    response = admin_client.get(reverse("admin:releases_spokesperson_add"))

    assert "&quot;#id_slug&quot;" in response.text
    assert "&quot;dependency_ids&quot;: [&quot;#id_name&quot;]" in response.text


def test_changing_a_spokesperson(admin_client, make_spokesperson):
    spokesperson = make_spokesperson(name="Ana Ruis", slug="ana-ruiz")

    response = admin_client.post(
        reverse("admin:releases_spokesperson_change", args=[spokesperson.pk]),
        _spokesperson_data(spokesperson.organization, name="Ana Ruiz", is_active=""),
    )

    assert response.status_code == 302
    spokesperson.refresh_from_db()
    assert spokesperson.name == "Ana Ruiz"
    assert not spokesperson.is_active


def test_the_spokesperson_list_searches_and_filters(admin_client, make_spokesperson, make_organization):
    workers = make_organization(name="Workers Center")
    make_spokesperson(name="Ana Ruiz", organization=workers)
    make_spokesperson(name="Luis Vega", title="Workers' advocate")
    make_spokesperson(name="Marta Díaz", is_active=False)
    url = reverse("admin:releases_spokesperson_changelist")

    assert set(listed(admin_client.get(url, {"q": "workers"}))) == {"Ana Ruiz", "Luis Vega"}
    assert listed(admin_client.get(url, {"organization__id__exact": workers.pk})) == ["Ana Ruiz"]
    assert listed(admin_client.get(url, {"is_active__exact": "0"})) == ["Marta Díaz"]


def test_adding_a_media_contact(admin_client, make_organization):
    organization = make_organization()

    response = admin_client.post(
        reverse("admin:releases_mediacontact_add"), _contact_data(organization=organization.pk)
    )

    assert response.status_code == 302
    contact = MediaContact.objects.get()
    assert (contact.name, contact.phone, contact.organization) == ("Elyssa Pachico", "+1 503 347 23 29", organization)


def test_a_media_contact_with_only_an_email_is_enough(admin_client):
    response = admin_client.post(reverse("admin:releases_mediacontact_add"), _contact_data(phone=""))

    assert response.status_code == 302
    assert MediaContact.objects.get().phone_e164 == ""


def test_changing_a_media_contact(admin_client, make_contact):
    contact = make_contact(name="Press office")

    response = admin_client.post(
        reverse("admin:releases_mediacontact_change", args=[contact.pk]),
        _contact_data(name="Press office", phone="(773) 875-3314", email=""),
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.phone, contact.email, contact.phone_e164) == ("(773) 875-3314", "", "+17738753314")


def test_the_media_contact_list_searches_and_filters(admin_client, make_contact, make_organization):
    workers = make_organization(name="Workers Center")
    make_contact(name="Elyssa Pachico", organization=workers)
    make_contact(name="Press office", email="press@coalition.example")
    make_contact(name="Old contact", is_active=False)
    url = reverse("admin:releases_mediacontact_changelist")

    assert listed(admin_client.get(url, {"q": "coalition.example"})) == ["Press office"]
    assert listed(admin_client.get(url, {"q": "workers"})) == ["Elyssa Pachico"]
    assert listed(admin_client.get(url, {"organization__id__exact": workers.pk})) == ["Elyssa Pachico"]
    assert listed(admin_client.get(url, {"is_active__exact": "0"})) == ["Old contact"]


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("model_name", ["spokesperson", "mediacontact"])
def test_the_people_lists_run_a_constant_number_of_queries(
    admin_client,
    make_spokesperson,
    make_contact,
    make_organization,
    model_name,
    count,
    django_assert_max_num_queries,
):
    for _ in range(count):
        organization = make_organization()
        make_spokesperson(organization=organization)
        make_contact(organization=organization)

    with django_assert_max_num_queries(7):  # 6, and the sign-in's second-step check
        response = admin_client.get(reverse(f"admin:releases_{model_name}_changelist"))

    assert len(response.context["cl"].result_list) == count


@pytest.mark.parametrize("model_name", ["spokesperson", "mediacontact"])
def test_the_people_forms_autocomplete_organizations(admin_client, make_organization, model_name):
    workers = make_organization(name="Workers Center")
    make_organization(name="Legal Fund")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "releases", "model_name": model_name, "field_name": "organization", "term": "work"},
    )

    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(workers.pk), "text": "Workers Center"}]
