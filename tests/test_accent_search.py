"""Unaccented, any-case words find accented text: release search, the member directory and the admin's lists.

Run on SQLite (the default) and on PostgreSQL (DATABASE_URL): both must pass.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from releases.models import Language, Release


def search(client, query):
    response = client.get(reverse("releases:search"), {"q": query})
    assert response.status_code == 200
    return [release.headline for release in response.context["page_obj"]]


def directory(client, query):
    response = client.get(reverse("members:directory"), {"q": query})
    assert response.status_code == 200
    return [organization.name for organization in response.context["object_list"]]


def test_search_finds_accented_spanish_words_typed_without_accents(client, make_release):
    make_release(headline="La migración no es un delito", language=Language.SPANISH)
    make_release(headline="Caravana de Raíces llega a Tijuana", language=Language.SPANISH)
    make_release(headline="Weekly roundup")

    assert search(client, "migracion") == ["La migración no es un delito"]
    assert search(client, "raices") == ["Caravana de Raíces llega a Tijuana"]
    assert search(client, "RAICES") == ["Caravana de Raíces llega a Tijuana"]
    assert search(client, "migración") == ["La migración no es un delito"]


def test_search_finds_accented_words_in_english_releases_and_their_bodies(client, make_release):
    make_release(headline="Raíces Unidas joins the coalition", summary="A new member.")
    make_release(headline="Weekly roundup", body="<p>Families spoke about migración and work.</p>")

    assert search(client, "raices") == ["Raíces Unidas joins the coalition"]
    assert search(client, "migracion") == ["Weekly roundup"]


def test_search_finds_a_release_by_its_tags_spanish_name(client, make_release, make_tag):
    tag = make_tag(name="Migration", name_es="Migración", slug="migration")
    make_release(headline="Declaración", language=Language.SPANISH, tags=[tag])
    make_release(headline="Otra declaración", language=Language.SPANISH)

    assert search(client, "migracion") == ["Declaración"]


def test_the_unaccented_word_is_marked_in_the_result(client, make_release):
    make_release(headline="La migración no es un delito", language=Language.SPANISH)

    page = client.get(reverse("releases:search"), {"q": "migracion"}).content.decode()

    assert "<mark>migración</mark>" in page


def test_the_member_directory_finds_accented_names_and_places(client, make_organization):
    make_organization(name="Raíces Unidas", city="San José", region="California")
    make_organization(name="Casa Norte", city="Chicago", region="Illinois")
    make_organization(name="Alianza Peñasco", city="Peñasco", region="Nuevo México")

    assert directory(client, "raices") == ["Raíces Unidas"]
    assert directory(client, "san jose") == ["Raíces Unidas"]
    assert directory(client, "PENASCO") == ["Alianza Peñasco"]
    assert directory(client, "nuevo mexico") == ["Alianza Peñasco"]
    assert directory(client, "Raíces") == ["Raíces Unidas"]


@pytest.mark.parametrize(
    ("model", "query", "found"),
    [
        ("spokesperson", "ruben", "Rubén Castellanos"),
        ("organization", "raices", "Raíces Unidas"),
        ("mediacontact", "nunez", "Marisol Núñez"),
        ("tag", "migracion", "Migración"),
    ],
)
def test_the_admin_lists_find_accented_names(
    admin_client, make_spokesperson, make_organization, make_contact, make_tag, model, query, found
):
    make_spokesperson(name="Rubén Castellanos", organization=make_organization(name="Raíces Unidas"))
    make_spokesperson(name="Ana Flores")
    make_contact(name="Marisol Núñez")
    make_tag(name="Migración")
    app = "members" if model == "organization" else "releases"

    response = admin_client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": query})

    assert [str(row) for row in response.context["cl"].result_list] == [found]


def test_releases_written_in_a_batch_or_edited_later_are_found_the_same_way(client, make_release):
    Release.objects.bulk_create(
        [
            Release(
                headline="Educación para todos",
                slug="educacion",
                body="<p>Texto.</p>",
                language="es",
                status=Release.Status.PUBLISHED,
                released_at=timezone.now() - timezone.timedelta(hours=1),
            )
        ]
    )
    edited = make_release(headline="Weekly roundup")
    edited.body = "<p>Una nueva declaración sobre la niñez.</p>"
    edited.save()

    assert search(client, "educacion") == ["Educación para todos"]
    assert search(client, "ninez") == ["Weekly roundup"]
