"""Staff work in the admin in the language they chose, else in their browser's."""

from django.test import Client
from django.urls import reverse

from signin.models import StaffPreference


def add_release_page(client, accept_language):
    response = client.get(reverse("admin:releases_release_add"), HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    return response


def test_without_a_choice_the_admin_follows_the_browser(signed_in):
    client = signed_in("Writer")

    assert 'value="Guardar"' in add_release_page(client, "es").content.decode()
    assert 'value="Save"' in add_release_page(client, "en-US,en;q=0.9").content.decode()


def test_a_staff_member_who_chose_spanish_sees_the_admin_in_spanish_whatever_the_browser_asks(signed_in):
    client = signed_in("Writer")

    response = client.post(reverse("admin:staff-language"), {"language": "es"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert StaffPreference.objects.get(user=client.user).language == "es"

    response = add_release_page(client, "en-US,en;q=0.9")
    assert 'value="Guardar"' in response.content.decode()
    assert response["Content-Language"] == "es"


def test_the_choice_survives_signing_out_and_in_again_on_another_server(signed_in):
    client = signed_in("Publisher")
    client.post(reverse("admin:staff-language"), {"language": "es"})
    client.post(reverse("admin:logout"))

    elsewhere = Client()  # Another browser session, as another app server would see it: only the database is shared.
    elsewhere.force_login(client.user)

    assert 'value="Guardar"' in add_release_page(elsewhere, "en").content.decode()


def test_an_english_choice_wins_over_a_spanish_browser_and_going_back_to_the_browser_works(signed_in):
    client = signed_in("Writer")
    client.post(reverse("admin:staff-language"), {"language": "en"})
    assert 'value="Save"' in add_release_page(client, "es").content.decode()

    client.post(reverse("admin:staff-language"), {"language": ""})
    assert 'value="Guardar"' in add_release_page(client, "es").content.decode()


def test_the_choice_is_one_link_away_on_every_admin_page_and_leaves_public_pages_alone(signed_in, coalition):
    client = signed_in("Writer")
    client.post(reverse("admin:staff-language"), {"language": "es"})

    assert f'href="{reverse("admin:staff-language")}"' in add_release_page(client, "en").content.decode()
    assert client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").headers["Content-Language"] == "en"


def test_nobody_signed_out_reaches_the_choice(client):
    response = client.get(reverse("admin:staff-language"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
