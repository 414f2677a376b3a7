"""Old links keep working: a release's address on the old site answers 301 to its page while it is
public, and like any missing page otherwise."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from releases.models import LegacyPath, Release

SAMPLE = Path("/work/shared/samples/wordpress-theme-unit-test.xml")


@pytest.fixture
def old_address(make_release):
    def make(path, **fields):
        release = make_release(**fields)
        LegacyPath.objects.create(old_path=path, release=release)
        return release

    return make


def assert_like_a_missing_page(client, response):
    missing = client.get("/2013/01/11/never-existed/")
    assert response.status_code == 404
    assert response.content == missing.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "requested",
    [
        "/2013/01/11/markup-html-tags-and-formatting/",
        "/2013/01/11/markup-html-tags-and-formatting",
    ],
)
def test_an_old_address_of_a_public_release_answers_301_to_its_page(client, old_address, requested):
    release = old_address("/2013/01/11/markup-html-tags-and-formatting/", slug="markup-html-tags-and-formatting")

    response = client.get(requested)

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url() == "/releases/markup-html-tags-and-formatting/"


@pytest.mark.django_db
def test_an_old_address_with_accents_or_escapes_is_found_either_way(client, old_address):
    release = old_address("/2020/05/01/migraci%C3%B3n/")

    assert client.get("/2020/05/01/migración/")["Location"] == release.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"status": Release.Status.DRAFT},
        {"status": Release.Status.REVIEW},
        {"released_at": timezone.now() + timezone.timedelta(days=3)},
        {"status": Release.Status.WITHDRAWN},
    ],
    ids=["draft", "in-review", "scheduled", "withdrawn"],
)
def test_an_old_address_of_a_release_that_is_not_public_answers_like_any_missing_page(client, old_address, fields):
    old_address("/2013/01/11/secret-plans/", **fields)

    assert_like_a_missing_page(client, client.get("/2013/01/11/secret-plans/"))


@pytest.mark.django_db
def test_an_old_address_costs_one_query(client, old_address, django_assert_max_num_queries):
    old_address("/2013/01/11/markup-html-tags-and-formatting/")
    client.get("/never-existed/")  # the cache middleware looks up the next scheduled moment once

    with django_assert_max_num_queries(1):
        client.get("/2013/01/11/markup-html-tags-and-formatting/")


@pytest.mark.django_db
def test_real_pages_win_over_old_addresses(client, old_address, make_release):
    make_release(slug="kept")
    old_address("/releases/kept/", slug="other")

    assert client.get("/releases/kept/").status_code == 200


@pytest.mark.django_db
@pytest.mark.skipif(not SAMPLE.exists(), reason="the WordPress theme unit test export is not here")
def test_every_imported_wordpress_post_keeps_its_old_links(client):
    call_command("import_wordpress", str(SAMPLE), stdout=io.StringIO(), stderr=io.StringIO())
    release = Release.objects.get(slug="markup-html-tags-and-formatting")

    for path in ("/2013/01/11/markup-html-tags-and-formatting/", "/markup-html-tags-and-formatting/"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (301, release.get_absolute_url())
    for public in Release.objects.published():
        for legacy in public.legacy_paths.all():
            assert client.get(legacy.old_path)["Location"] == public.get_absolute_url()
    assert not Release.objects.published().filter(legacy_paths=None).exists()
    assert_like_a_missing_page(client, client.get("/2020/01/01/scheduled/"))
    assert_like_a_missing_page(client, client.get("/2012/01/04/template-password-protected/"))


@pytest.mark.django_db
@pytest.mark.parametrize("requested", ["/?p=1178", "/?p=01178", "/2013/01/?p=1178", "/?p=1178&utm_source=mail"])
def test_a_wordpress_shortlink_answers_301_even_where_a_page_exists(client, old_address, requested):
    release = old_address("https://old.example.org/?p=1178")

    response = client.get(requested)

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url()


@pytest.mark.django_db
def test_a_shortlink_to_a_release_that_is_not_public_is_the_page_it_is_written_on(client, old_address):
    old_address("/?page_id=7", status=Release.Status.DRAFT)
    home = client.get("/")

    response = client.get("/?page_id=7")

    assert response.status_code == 200
    assert response.content == home.content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["p=12a", "p=%00", "p=", "page=2", "p=-3"])
def test_anything_else_in_the_query_is_not_looked_up(client, old_address, query):
    old_address("/?p=12")

    response = client.get(f"/releases/?{query}")

    assert response.status_code in (200, 400, 404)  # 400: the edge refuses a control character first
