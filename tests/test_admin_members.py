"""Staff keep the member organizations, and their social links, through the admin's own pages."""

import pytest
from django.urls import reverse

from members.models import Organization

ADD_URL = reverse("admin:members_organization_add")
CHANGELIST_URL = reverse("admin:members_organization_changelist")


def listed(response):
    return [str(row) for row in response.context["cl"].result_list]


def _organization_data(**fields):
    return {
        "name": "Workers Center",
        "short_name": "",
        "slug": "workers-center",
        "role": Organization.Role.MEMBER,
        "is_active": "on",
        "joined_on": "2021-05-01",
        "city": "Houston",
        "region": "TX",
        "country": "United States",
        "description": "A workers' center on the east side.",
        "website": "https://workers.example.org",
        "press_email": "press@workers.example.org",
        "logo_alt": "",
        "social_links-TOTAL_FORMS": 0,
        "social_links-INITIAL_FORMS": 0,
        **fields,
    }


def test_adding_an_organization_with_a_logo_and_social_links(admin_client, png_file):
    response = admin_client.post(
        ADD_URL,
        _organization_data(
            logo=png_file("logo.png"),
            logo_alt="Workers Center logo",
            **{
                "social_links-TOTAL_FORMS": 2,
                "social_links-0-label": "Bluesky",
                "social_links-0-url": "https://bsky.app/profile/workers.example.org",
                "social_links-0-position": 1,
                "social_links-1-label": "Instagram",
                "social_links-1-url": "https://instagram.com/workers",
                "social_links-1-position": 0,
            },
        ),
    )

    assert response.status_code == 302
    organization = Organization.objects.get()
    assert (organization.name, organization.location) == ("Workers Center", "Houston, TX, United States")
    assert organization.logo.name.startswith("logos/logo")
    assert [link.label for link in organization.social_links.all()] == ["Instagram", "Bluesky"]


def test_the_organization_slug_is_filled_in_from_the_name(admin_client):
    response = admin_client.get(ADD_URL)

    assert "&quot;#id_slug&quot;" in response.text
    assert "&quot;dependency_ids&quot;: [&quot;#id_name&quot;]" in response.text


def test_changing_an_organization_edits_and_removes_social_links(admin_client, make_organization):
    organization = make_organization(name="Workers Centre", slug="workers-center")
    kept = organization.social_links.create(label="Bluesky", url="https://bsky.app/profile/old", position=0)
    dropped = organization.social_links.create(label="Facebook", url="https://facebook.com/workers", position=1)
    page = admin_client.get(reverse("admin:members_organization_change", args=[organization.pk]))
    assert 'value="https://bsky.app/profile/old"' in page.text

    response = admin_client.post(
        reverse("admin:members_organization_change", args=[organization.pk]),
        _organization_data(
            **{
                "social_links-TOTAL_FORMS": 2,
                "social_links-INITIAL_FORMS": 2,
                "social_links-0-id": kept.pk,
                "social_links-0-organization": organization.pk,
                "social_links-0-label": "Bluesky",
                "social_links-0-url": "https://bsky.app/profile/workers",
                "social_links-0-position": 0,
                "social_links-1-id": dropped.pk,
                "social_links-1-organization": organization.pk,
                "social_links-1-label": "Facebook",
                "social_links-1-url": "https://facebook.com/workers",
                "social_links-1-position": 1,
                "social_links-1-DELETE": "on",
            }
        ),
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Workers Center"
    assert [(link.label, link.url) for link in organization.social_links.all()] == [
        ("Bluesky", "https://bsky.app/profile/workers")
    ]


def test_a_bad_social_link_is_refused_and_the_form_keeps_what_was_typed(admin_client):
    response = admin_client.post(
        ADD_URL,
        _organization_data(
            description="Typed with care.",
            **{"social_links-TOTAL_FORMS": 1, "social_links-0-label": "Bluesky", "social_links-0-url": "not a url"},
        ),
    )

    assert response.status_code == 200
    assert "Enter a valid URL." in response.text
    assert "Typed with care." in response.text
    assert 'value="not a url"' in response.text
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "houston"}, ["Workers Center"]),
        ({"role__exact": "affiliate"}, ["Legal Program"]),
        ({"is_active__exact": "0"}, ["Closed Collective"]),
        ({"country": "Mexico"}, ["Casa Tijuana"]),
        ({"region": "TX"}, ["Workers Center"]),
    ],
    ids=["search", "role", "active", "country", "region"],
)
def test_the_organization_list_searches_and_filters(admin_client, make_organization, query, expected):
    make_organization(name="Workers Center", city="Houston", region="TX")
    make_organization(name="Legal Program", role=Organization.Role.AFFILIATE)
    make_organization(name="Closed Collective", is_active=False)
    make_organization(name="Casa Tijuana", city="Tijuana", region="BC", country="Mexico")

    response = admin_client.get(CHANGELIST_URL, query)

    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize("count", [1, 50])
def test_the_organization_list_runs_a_constant_number_of_queries(
    admin_client, make_organization, count, django_assert_max_num_queries
):
    for number in range(count):
        make_organization(region=f"Region {number}")

    with django_assert_max_num_queries(8):  # 7, and the sign-in's second-step check
        response = admin_client.get(CHANGELIST_URL)

    assert len(response.context["cl"].result_list) == count
