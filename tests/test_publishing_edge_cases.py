"""Edge cases of the publishing rules, found in review: each one once let something out early."""

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from releases.models import AccessLink, Release
from releases.workflow import apply_transition

HOUR = timezone.timedelta(hours=1)


@pytest.fixture
def publisher(superuser):
    return superuser


def test_a_scheduled_release_cannot_be_withdrawn_only_unpublished(make_release, publisher, client):
    scheduled = make_release(headline="Pulled before its moment", released_at=timezone.now() + HOUR)

    with pytest.raises(ValidationError, match="not public yet"):
        apply_transition(scheduled, "withdraw", publisher, reason="Pulled")

    apply_transition(scheduled, "unpublish", publisher)
    scheduled.refresh_from_db()
    assert scheduled.status == Release.Status.DRAFT


def test_a_release_withdrawn_before_its_moment_never_shows_its_retraction_page(make_release, client):
    release = make_release(
        headline="Never public",
        status=Release.Status.WITHDRAWN,
        released_at=timezone.now() - HOUR,
        withdrawn_at=timezone.now() - 2 * HOUR,
        withdrawal_reason="Pulled",
    )

    assert client.get(release.get_absolute_url()).status_code == 404


def test_a_draft_original_does_not_move_its_scheduled_translation(make_release):
    original = make_release(status=Release.Status.DRAFT, released_at=timezone.now() + HOUR)
    translation = make_release(language="es", translation_of=original, released_at=timezone.now() + HOUR)

    original.released_at = timezone.now() - HOUR
    original.save()

    translation.refresh_from_db()
    assert translation.released_at > timezone.now()
    assert not translation.is_published()


def test_a_published_original_carries_its_translation_along(make_release):
    original = make_release(released_at=timezone.now() + HOUR)
    translation = make_release(language="es", translation_of=original, released_at=timezone.now() + 2 * HOUR)
    translation.refresh_from_db()
    assert translation.released_at == original.released_at

    original.released_at = timezone.now() + 3 * HOUR
    original.save()

    translation.refresh_from_db()
    assert translation.released_at == original.released_at


def test_a_feed_is_modified_when_a_public_release_is_withdrawn_and_keeps_its_notice(
    client, make_release, publisher, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    make_release(headline="Stays", released_at=timezone.now() - 3 * HOUR)
    leaving = make_release(headline="Leaves", released_at=timezone.now() - 2 * HOUR)
    first = client.get(reverse("feeds:rss"))

    time_machine.shift(60)
    apply_transition(leaving, "withdraw", publisher, reason="Wrong figures")

    again = client.get(reverse("feeds:rss"), headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 200
    entries = feedparser.parse(again.content).entries
    assert [entry.title for entry in entries] == ["Withdrawn: Leaves", "Stays"]
    assert "Wrong figures" in entries[0].summary
    assert again["Last-Modified"] == http_date(timezone.now().timestamp())


@pytest.mark.parametrize(
    ("purpose", "status", "moment", "opens"),
    [
        (AccessLink.Purpose.PREVIEW, Release.Status.DRAFT, HOUR, True),
        (AccessLink.Purpose.PREVIEW, Release.Status.REVIEW, HOUR, True),
        (AccessLink.Purpose.PREVIEW, Release.Status.PUBLISHED, HOUR, False),  # Scheduled: that is an embargo.
        (AccessLink.Purpose.EMBARGO, Release.Status.PUBLISHED, HOUR, True),
        (AccessLink.Purpose.EMBARGO, Release.Status.DRAFT, HOUR, False),  # Unpublished again.
        (AccessLink.Purpose.EMBARGO, Release.Status.WITHDRAWN, -HOUR, False),
    ],
)
def test_a_link_opens_only_for_its_purpose(client, make_release, purpose, status, moment, opens):
    release = make_release(status=status, released_at=timezone.now() + moment)
    link = AccessLink.objects.create(
        release=release, purpose=purpose, name="Reporter", expires_at=timezone.now() + HOUR
    )

    response = client.get(link.get_absolute_url())

    assert response.status_code == (200 if opens else 404)


def test_a_link_to_a_release_gone_public_leads_to_its_public_page(client, make_release):
    release = make_release(released_at=timezone.now() - HOUR)
    link = AccessLink.objects.create(release=release, name="Reporter", expires_at=timezone.now() + HOUR)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 302 and response["Location"] == release.get_absolute_url()


@pytest.mark.parametrize(
    "path",
    ["/releases/0/", "/releases/10000/", "/releases/99999999999999999999/", "/releases/2024/0/", "/releases/0/1/"],
)
def test_impossible_archive_dates_are_404s(client, make_release, path):
    make_release()

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("slug", ["2025", "search", "tags", "spokespeople"])
def test_a_release_cannot_take_the_address_of_another_page(make_release, slug):
    release = Release(headline="H", slug=slug, body="<p>B</p>")

    with pytest.raises(ValidationError) as error:
        release.full_clean()

    assert "This address is taken by another page of the press room; add a word to it." in error.value.messages
