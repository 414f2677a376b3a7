"""A scheduled release goes public at its moment, judged at request time: one second before, it
is invisible on every surface; one second after, it is on all of them. Only the clock moves in
between: no command, job or save runs."""

import datetime as dt

import pytest
from django.urls import reverse

import test_visibility_matrix as matrix
from releases.models import AccessLog, Release, StatusChange
from test_visibility_matrix import MARKER, READERS, fetch, leaks, public_surfaces

pytestmark = pytest.mark.page_cache

world, reader = matrix.world, matrix.reader  # The matrix's fixtures, shared.

SECOND = dt.timedelta(seconds=1)


def database_state():
    """Everything a job could change to publish a release."""
    return (
        list(Release.objects.order_by("pk").values()),
        StatusChange.objects.count(),
        AccessLog.objects.count(),
    )


@pytest.mark.parametrize("reader", READERS, indirect=True)
def test_a_scheduled_release_is_invisible_a_second_before_and_visible_a_second_after(world, reader, time_machine):
    hidden, own = world["make_hidden"]("scheduled")
    moment = hidden.released_at
    surfaces = public_surfaces(world["releases"])
    untouched = database_state()

    time_machine.move_to(moment - SECOND, tick=False)
    before, before_own = fetch(reader, surfaces), fetch(reader, own)
    time_machine.move_to(moment + SECOND, tick=False)
    after, after_own = fetch(reader, surfaces), fetch(reader, own)
    assert database_state() == untouched

    time_machine.move_to(moment - SECOND, tick=False)
    Release.objects.filter(pk=hidden.pk).delete()  # Before its moment: never public, so no removal to date.
    missing_before = fetch(reader, surfaces)
    time_machine.move_to(moment + SECOND, tick=False)
    missing_after = fetch(reader, surfaces)

    found = leaks(before, missing_before, surfaces)
    assert not found, "a second early:\n\n" + "\n\n".join(found)
    assert [name for name in surfaces if after[name] == missing_after[name]] == []
    without_marker = [name for name in surfaces if MARKER.lower().encode() not in after[name][1].lower()]
    # Page 2 now exists, holding the oldest release; the two sitemaps list dates only, and their lastmod moved.
    assert without_marker == ["tag page, page 2", "sitemap index", "pages sitemap"]
    assert {name: answer[0] for name, answer in before_own.items()} == dict.fromkeys(own, 404)
    assert {name: answer[0] for name, answer in after_own.items()} == {
        "page": 200,
        "wire text": 200,
        "featured image": 200,
        "attachment": 200,
        "access link": 404,
        "access link image": 404,
        "access link attachment": 404,
    }


def test_a_feed_is_dated_by_the_release_moment_once_it_passes(world, client, time_machine):
    hidden, _ = world["make_hidden"]("scheduled")

    time_machine.move_to(hidden.released_at - SECOND, tick=False)
    early = client.get(reverse("feeds:atom")).text
    time_machine.move_to(hidden.released_at + SECOND, tick=False)
    late = client.get(reverse("feeds:atom")).text

    assert "<updated>2026-06-14T15:00:00+00:00</updated>" in early
    assert f"<updated>{hidden.released_at.isoformat()}</updated>" in late


def test_a_release_and_its_translation_go_live_together(client, time_machine, make_release):
    moment = dt.datetime(2026, 6, 15, 16, 0, tzinfo=dt.UTC)
    time_machine.move_to(moment - dt.timedelta(hours=2), tick=False)
    original = make_release(headline="Vigil at the courthouse", released_at=moment - dt.timedelta(hours=1))
    translation = make_release(
        headline="Vigilia frente al tribunal",
        language="es",
        translation_of=original,
        released_at=moment + dt.timedelta(days=9),
    )
    original.released_at = moment
    original.save()

    time_machine.move_to(moment - SECOND, tick=False)
    early = client.get(reverse("releases:list")).text
    time_machine.move_to(moment + SECOND, tick=False)
    late = client.get(reverse("releases:list")).text

    translation.refresh_from_db()
    assert translation.released_at == moment
    assert "Vigil at the courthouse" not in early and "Vigilia frente al tribunal" not in early
    assert "Vigil at the courthouse" in late and "Vigilia frente al tribunal" in late
    assert client.get(translation.get_absolute_url()).status_code == 200
