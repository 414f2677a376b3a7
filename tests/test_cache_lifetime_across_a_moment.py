"""A public page begun before a release moment and finished after it lacks that release: no browser,
proxy or CDN may keep it, not even when another reader's page has meanwhile learnt the next moment."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from releases import caching, views

pytestmark = pytest.mark.page_cache

NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
TEN_MINUTES = dt.timedelta(minutes=10)


@pytest.fixture(autouse=True)
def long_public_lifetime(settings, time_machine):
    settings.PUBLIC_CACHE_SECONDS = 3600
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def slow_home_page(monkeypatch, time_machine):
    """The home page takes until just after ``moment`` to be made; ``meanwhile`` runs once it has passed."""

    def slow(moment, meanwhile=lambda: None):
        render = views.render

        def render_until_after_the_moment(*args, **kwargs):
            response = render(*args, **kwargs)
            time_machine.move_to(moment + dt.timedelta(seconds=0.1), tick=False)
            meanwhile()
            return response

        monkeypatch.setattr(views, "render", render_until_after_the_moment)

    return slow


@pytest.mark.parametrize("following_release", [False, True])
def test_a_page_that_missed_a_release_going_public_is_not_kept(
    client, make_release, slow_home_page, following_release
):
    soon = make_release(headline="Goes out in a second", released_at=NOW + dt.timedelta(seconds=1))
    if following_release:
        make_release(released_at=soon.released_at + TEN_MINUTES)
    slow_home_page(soon.released_at)

    response = client.get(reverse("home"))

    assert "Goes out in a second" not in response.text
    assert get_max_age(response) == 0


def test_nor_when_another_page_made_meanwhile_was_told_the_following_moment(client, make_release, slow_home_page):
    soon = make_release(headline="Goes out in a second", released_at=NOW + dt.timedelta(seconds=1))
    make_release(released_at=soon.released_at + TEN_MINUTES)
    slow_home_page(soon.released_at, meanwhile=caching.public_max_age)

    missed = client.get(reverse("home"))
    begun_after_the_moment = client.get(reverse("home"))

    assert "Goes out in a second" not in missed.text
    assert get_max_age(missed) == 0
    assert "Goes out in a second" in begun_after_the_moment.text
    assert get_max_age(begun_after_the_moment) == 598  # 10 min less 0.1 s, a second short of the moment.
