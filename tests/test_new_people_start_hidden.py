"""People and organizations added in the admin (say, for an embargoed release) start hidden: they reach
the home page, directory, feeds and sitemaps only once staff tick "active"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Organization
from releases.models import MediaContact, Release, Spokesperson

MARKER = "Quetzalli"


@pytest.fixture
def added_in_the_admin(admin_client, coalition, make_release):
    """A spokesperson, a contact and a member added through the admin's forms, for a scheduled release."""
    admin_client.post(
        reverse("admin:members_organization_add"),
        {
            "name": f"{MARKER} Collective",
            "slug": "quetzalli-collective",
            "role": "member",
            "country": "United States",
            "social_links-TOTAL_FORMS": 0,
            "social_links-INITIAL_FORMS": 0,
        },
    )
    organization = Organization.objects.get(slug="quetzalli-collective")
    admin_client.post(
        reverse("admin:releases_spokesperson_add"),
        {"name": f"{MARKER} Ramos", "slug": "quetzalli-ramos", "organization": organization.pk},
    )
    admin_client.post(
        reverse("admin:releases_mediacontact_add"), {"name": f"{MARKER} Press", "email": "press@example.org"}
    )
    person = Spokesperson.objects.get(slug="quetzalli-ramos")
    embargoed = make_release(released_at=timezone.now() + dt.timedelta(days=1), spokespeople=[person])
    embargoed.cosigners.set([organization])
    return organization, person, MediaContact.objects.get(name=f"{MARKER} Press")


def test_the_admin_adds_people_and_organizations_inactive(added_in_the_admin):
    assert [row.is_active for row in added_in_the_admin] == [False, False, False]


PUBLIC_SURFACES = [
    reverse("home"),
    reverse("media-contacts"),
    reverse("members:directory"),
    reverse("feeds:rss"),
    reverse("sitemap-section", args=["members"]),
    reverse("sitemap-section", args=["spokespeople"]),
]


def test_nothing_of_them_is_public_until_staff_make_them_active(client, added_in_the_admin):
    organization, person, contact = added_in_the_admin

    for address in PUBLIC_SURFACES:
        assert MARKER not in client.get(address).text, address
    assert client.get(organization.get_absolute_url()).status_code == 404
    assert client.get(person.get_absolute_url()).status_code == 404

    for row in added_in_the_admin:
        row.is_active = True
        row.save()

    assert f"{MARKER} Collective" in client.get(reverse("members:directory")).text
    assert f"{MARKER} Ramos" in client.get(reverse("home")).text
    assert f"{MARKER} Press" in client.get(reverse("media-contacts")).text
    assert client.get(person.get_absolute_url()).status_code == 200


def test_a_public_release_still_names_whom_it_quotes(client, added_in_the_admin):
    _organization, person, _contact = added_in_the_admin
    Release.objects.filter(spokespeople=person).update(released_at=timezone.now() - dt.timedelta(hours=1))

    assert f"{MARKER} Ramos" in client.get(Release.objects.get(spokespeople=person).get_absolute_url()).text
    assert client.get(person.get_absolute_url()).status_code == 200
