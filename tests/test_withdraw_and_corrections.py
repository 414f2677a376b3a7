"""Withdrawing and correcting a published release, through the admin, as readers then see it: a
withdrawn release keeps its page with a dated retraction notice (or answers 410 Gone) and leaves
every list; a correction is a dated note on the page and moves the modified date in the page,
its JSON-LD and the feeds."""

import datetime as dt
import json
import re

import feedparser
import pytest
from django.urls import reverse

from releases.models import Release, StatusChange
from test_concurrent_edits import opened_form

PUBLISHED = dt.datetime(2026, 6, 10, 14, 0, tzinfo=dt.UTC)
CORRECTED = dt.datetime(2026, 6, 12, 9, 30, tzinfo=dt.UTC)
REASON = "The report we cited was a draft, not the final version."


@pytest.fixture
def publisher(signed_in):
    return signed_in("Publisher", "paula")


@pytest.fixture
def release(time_machine, make_release):
    time_machine.move_to(PUBLISHED, tick=False)
    return make_release(
        headline="Report finds detention costs doubled", released_at=PUBLISHED, summary="Costs doubled in five years."
    )


def withdraw(client, release, **fields):
    return client.post(reverse("admin:releases_release_withdraw", args=[release.pk]), fields)


def test_a_withdrawn_release_keeps_its_page_with_a_dated_notice(client, publisher, release, time_machine):
    time_machine.move_to(CORRECTED, tick=False)

    response = withdraw(publisher, release, reason=REASON)

    assert response.status_code == 302
    page = client.get(release.get_absolute_url())
    assert page.status_code == 200
    assert "Withdrawn on June 12, 2026" in page.text and REASON in page.text
    assert "Report finds detention costs doubled" not in client.get(reverse("releases:list")).text
    feed = client.get(reverse("feeds:rss")).text
    assert "<title>Withdrawn: Report finds detention costs doubled</title>" in feed and REASON in feed
    wire = client.get(reverse("releases:detail-text", args=[release.slug])).text
    assert wire.startswith(f"WITHDRAWN ON June 12, 2026: {REASON}")
    change = StatusChange.objects.get()
    assert (change.to_status, change.changed_by, change.changed_at, change.note) == (
        Release.Status.WITHDRAWN,
        publisher.user,
        CORRECTED,
        REASON,
    )


def test_a_withdrawn_release_may_answer_410_gone(client, publisher, release):
    withdraw(publisher, release, reason=REASON, answer_gone="on")

    page = client.get(release.get_absolute_url())
    wire = client.get(reverse("releases:detail-text", args=[release.slug]))

    assert (page.status_code, wire.status_code) == (410, 410)
    assert "Release withdrawn" in page.text
    assert "detention costs" not in page.text and "detention costs" not in wire.text
    assert publisher.get(release.get_absolute_url()).status_code == 200  # Staff still see what it said.


def test_withdrawing_needs_a_reason(publisher, release):
    response = withdraw(publisher, release, reason="  ")

    assert response.status_code == 200
    assert "This field is required." in response.text
    release.refresh_from_db()
    assert release.status == Release.Status.PUBLISHED


def test_a_draft_cannot_be_withdrawn(publisher, make_release):
    draft = make_release(status=Release.Status.DRAFT)

    response = withdraw(publisher, draft, reason=REASON)

    assert response.status_code == 200
    assert "it cannot be moved with “Withdraw (retract)”" in response.text
    draft.refresh_from_db()
    assert draft.status == Release.Status.DRAFT


def add_correction(client, release, text):
    form = opened_form(client, release)
    form.update(
        {
            "corrections-TOTAL_FORMS": ["1"],
            "corrections-0-text": [text],
            "corrections-0-noted_at_0": ["2026-06-12"],
            "corrections-0-noted_at_1": ["04:30:00"],
        }
    )
    return client.post(reverse("admin:releases_release_change", args=[release.pk]), form)


def json_ld(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def meta_time(page, prop):
    return dt.datetime.fromisoformat(re.search(rf'<meta property="{prop}" content="([^"]+)">', page).group(1))


def test_a_correction_is_a_dated_note_and_moves_the_modified_date_everywhere(client, publisher, release, time_machine):
    before = client.get(release.get_absolute_url()).text
    assert meta_time(before, "article:modified_time") == PUBLISHED
    time_machine.move_to(CORRECTED, tick=False)

    response = add_correction(publisher, release, "An earlier version said costs tripled; they doubled.")

    assert response.status_code == 302
    page = client.get(release.get_absolute_url()).text
    assert re.search(
        r'<time datetime="2026-06-12T04:30:00-0500">June 12, 2026</time>: '
        r"An earlier version said costs tripled; they doubled\.",
        page,
    )
    assert meta_time(page, "article:published_time") == PUBLISHED
    assert meta_time(page, "article:modified_time") == CORRECTED
    data = json_ld(page)
    assert dt.datetime.fromisoformat(data["datePublished"]) == PUBLISHED
    assert dt.datetime.fromisoformat(data["dateModified"]) == CORRECTED
    atom = feedparser.parse(client.get(reverse("feeds:atom")).content)
    assert dt.datetime.fromisoformat(atom.feed.updated) == CORRECTED
    assert dt.datetime.fromisoformat(atom.entries[0].updated) == CORRECTED
    assert dt.datetime.fromisoformat(atom.entries[0].published) == PUBLISHED
    rss = client.get(reverse("feeds:rss")).text
    assert "<lastBuildDate>Fri, 12 Jun 2026 09:30:00 +0000</lastBuildDate>" in rss


def test_corrections_are_for_published_releases(publisher, make_release):
    draft = make_release(status=Release.Status.DRAFT)

    add_correction(publisher, draft, "Not yet.")

    assert not draft.corrections.exists()
