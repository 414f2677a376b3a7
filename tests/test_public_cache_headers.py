"""Cache-Control, as browsers, proxies and CDNs read it: public pages are kept for
PUBLIC_CACHE_SECONDS but never past the next scheduled release moment; pages for signed-in staff,
previews and embargo pages are never stored."""

import datetime as dt
import math

import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from releases.models import Release

pytestmark = pytest.mark.page_cache

NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
LONG = 3600


@pytest.fixture(autouse=True)
def long_public_lifetime(settings, time_machine):
    settings.PUBLIC_CACHE_SECONDS = LONG
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def public_addresses(make_release, make_tag):
    release = make_release(
        headline="Coalition answers the summit",
        tags=[make_tag(slug="asylum")],
        image="releases/2026/summit.png",
        image_alt="Marchers",
    )
    return [
        reverse("home"),
        reverse("releases:list"),
        release.get_absolute_url(),
        reverse("releases:tag", args=["asylum"]),
        reverse("releases:search") + "?q=summit",
        reverse("feeds:rss"),
        reverse("feeds:atom"),
        reverse("sitemap"),
        reverse("news-sitemap"),
        "/releases/no-such-release/",
    ]


def test_public_pages_are_kept_for_the_public_lifetime_when_nothing_is_scheduled(client, public_addresses):
    for address in public_addresses:
        response = client.get(address)
        assert response["Cache-Control"] == f"public, max-age={LONG}", address
        assert "Cookie" in response["Vary"], address


@pytest.mark.parametrize("seconds_left", [60, 10.5, 0.4])
def test_no_public_page_is_kept_past_the_next_scheduled_moment(
    client, public_addresses, make_release, time_machine, seconds_left
):
    scheduled = make_release(slug="goes-out-soon", released_at=NOW + dt.timedelta(hours=1))
    time_machine.move_to(scheduled.released_at - dt.timedelta(seconds=seconds_left), tick=False)

    for address in [*public_addresses, scheduled.get_absolute_url()]:
        response = client.get(address)
        assert response.has_header("Cache-Control"), address
        assert get_max_age(response) <= math.floor(seconds_left), address


def test_once_a_moment_passes_the_lifetime_is_capped_at_the_following_one(client, make_release, time_machine):
    first = make_release(released_at=NOW + dt.timedelta(hours=1))
    make_release(released_at=first.released_at + dt.timedelta(seconds=30))

    time_machine.move_to(first.released_at - dt.timedelta(seconds=0.4), tick=False)
    assert get_max_age(client.get(reverse("home"))) == 0
    time_machine.move_to(first.released_at + dt.timedelta(seconds=0.2), tick=False)
    assert get_max_age(client.get(reverse("home"))) <= 29


def test_scheduling_a_release_shortens_the_lifetime_at_once(client, make_release):
    make_release(released_at=NOW + dt.timedelta(hours=2))
    assert get_max_age(client.get(reverse("home"))) == LONG

    make_release(released_at=NOW + dt.timedelta(minutes=5))

    assert (
        get_max_age(client.get(reverse("home"))) == 299
    )  # A second short of the moment: proxies count whole seconds.


def test_a_draft_with_a_future_moment_does_not_shorten_it(client, make_release):
    make_release(status=Release.Status.DRAFT, released_at=NOW + dt.timedelta(minutes=5))

    assert get_max_age(client.get(reverse("home"))) == LONG


def test_pages_for_signed_in_staff_are_never_stored(client, public_addresses, django_user_model):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))

    for address in public_addresses:
        assert client.get(address)["Cache-Control"] == "private, no-store", address


def test_a_staff_preview_is_private_unindexed_and_says_it_is_not_published(admin_client, make_release, png_file):
    draft = make_release(
        headline="Draft for review", status=Release.Status.DRAFT, image=png_file(), image_alt="A picture"
    )

    page = admin_client.get(draft.get_absolute_url())
    image = admin_client.get(reverse("releases:image", args=[draft.slug]))

    assert page.status_code == 200 and "Not published." in page.text
    for response in (page, image):
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_public_release_image_is_cached_like_its_page(client, make_release, png_file):
    release = make_release(image=png_file(), image_alt="A picture")

    response = client.get(reverse("releases:image", args=[release.slug]))

    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age={LONG}"
