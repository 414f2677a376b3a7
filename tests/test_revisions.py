"""Revisions through the admin: every save keeps a version with who and when; "what changed" shows
the changed words; restoring a version brings its text back but keeps the release's current
publishing status; a deleted release can be recovered, and comes back as a draft."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from releases.models import Release
from test_concurrent_edits import form_fields, opened_form

Status = Release.Status


@pytest.fixture
def publisher(signed_in):
    return signed_in("Publisher", "paula")


def save(client, release, **changes):
    form = opened_form(client, release)
    form.update({name: [value] for name, value in changes.items()})
    response = client.post(reverse("admin:releases_release_change", args=[release.pk]), form)
    assert response.status_code == 302, response.content
    release.refresh_from_db()
    return release


@pytest.fixture
def edited(publisher, release_form_data):
    """A release added, then edited, through the admin, then published: two saved versions."""
    response = publisher.post(
        reverse("admin:releases_release_add"),
        release_form_data(
            headline="Coalition answers the summit",
            body="<p>Leaders promised protection.</p>",
        ),
    )
    assert response.status_code == 302
    release = Release.objects.get()
    save(
        publisher,
        release,
        headline="Coalition answers the summit declaration",
        body="<p>Leaders promised detention.</p>",
    )
    publisher.post(
        reverse("admin:releases_release_changelist"), {"action": "publish", "_selected_action": [release.pk]}
    )
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    return release


def versions_of(release):
    return list(Version.objects.get_for_object(release).select_related("revision__user"))


def test_every_save_keeps_a_version_with_who_and_when(publisher, edited):
    newest, oldest = versions_of(edited)[0], versions_of(edited)[-1]

    page = publisher.get(reverse("admin:releases_release_history", args=[edited.pk])).text

    assert len(versions_of(edited)) >= 2
    assert {version.revision.user.username for version in versions_of(edited)} == {"paula"}
    assert oldest.field_dict["headline"] == "Coalition answers the summit"
    assert newest.field_dict["headline"] == "Coalition answers the summit declaration"
    assert reverse("admin:releases_release_revision_changes", args=[edited.pk, newest.pk]) in page
    assert reverse("admin:releases_release_revision", args=[edited.pk, oldest.pk]) in page


def test_what_changed_shows_the_changed_words(publisher, edited):
    version = versions_of(edited)[-2]

    page = publisher.get(reverse("admin:releases_release_revision_changes", args=[edited.pk, version.pk])).text

    assert "<ins>declaration</ins>" in page.replace(" declaration", "declaration")
    assert "<del>protection.</del>" in page and "<ins>detention.</ins>" in page
    assert " by paula." in page


def test_what_changed_writes_an_afternoon_time_with_one_full_stop(publisher, edited, time_machine):
    """Django writes 1:14 p.m. with its own full stop; a sentence ending on it must not add another."""
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    time_machine.move_to(tomorrow.replace(hour=13, minute=14), tick=False)
    save(publisher, edited, headline="Coalition answers the summit, again")
    newest = versions_of(edited)[0]

    page = publisher.get(reverse("admin:releases_release_revision_changes", args=[edited.pk, newest.pk])).text
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())

    assert re.search(r"Saved on \w+\.? \d+, \d{4}, 1:14 p\.m\. by paula\.", text)
    assert "p.m.." not in text and "a.m.." not in text
    assert "Compared with the version saved on " in text


def test_publishing_changes_no_visible_word(publisher, edited):
    """The publish action saved the same moment in another zone: that is no change to show."""
    newest = versions_of(edited)[0]

    page = publisher.get(reverse("admin:releases_release_revision_changes", args=[edited.pk, newest.pk])).text

    assert "No visible change in this version." in page


def test_restoring_a_version_brings_back_its_text_and_keeps_the_status(publisher, edited):
    oldest = versions_of(edited)[-1]
    revision_url = reverse("admin:releases_release_revision", args=[edited.pk, oldest.pk])

    page = publisher.get(revision_url)
    edited.refresh_from_db()
    assert edited.headline == "Coalition answers the summit declaration"  # Looking restores nothing.
    response = publisher.post(revision_url, form_fields(page.text))

    assert response.status_code == 302
    edited.refresh_from_db()
    assert (edited.headline, edited.body) == ("Coalition answers the summit", "<p>Leaders promised protection.</p>")
    assert edited.status == Status.PUBLISHED
    assert "Leaders promised protection." in Client().get(edited.get_absolute_url()).text


def test_restoring_an_old_version_of_a_withdrawn_release_keeps_it_withdrawn(publisher, edited):
    publisher.post(reverse("admin:releases_release_withdraw", args=[edited.pk]), {"reason": "Wrong figures."})
    oldest = versions_of(edited)[-1]
    revision_url = reverse("admin:releases_release_revision", args=[edited.pk, oldest.pk])

    publisher.post(revision_url, form_fields(publisher.get(revision_url).text))

    edited.refresh_from_db()
    assert (edited.status, edited.withdrawal_reason) == (Status.WITHDRAWN, "Wrong figures.")


def test_a_writer_cannot_restore_a_version_of_a_published_release(publisher, edited, signed_in):
    writer = signed_in("Writer", "walt")
    oldest = versions_of(edited)[-1]
    revision_url = reverse("admin:releases_release_revision", args=[edited.pk, oldest.pk])

    form = form_fields(publisher.get(revision_url).text)

    assert writer.get(revision_url).status_code == 403
    assert writer.post(revision_url, form).status_code == 403
    edited.refresh_from_db()
    assert edited.headline == "Coalition answers the summit declaration"


def test_a_deleted_release_is_recovered_as_a_draft(publisher, edited, make_contact):
    save(
        publisher,
        edited,
        **{
            "releasecontact_set-TOTAL_FORMS": "1",
            "releasecontact_set-0-contact": str(make_contact(name="Elyssa").pk),
            "releasecontact_set-0-position": "0",
        },
    )
    address = edited.get_absolute_url()
    delete_url = reverse("admin:releases_release_delete", args=[edited.pk])
    assert publisher.post(delete_url, {"post": "yes"}).status_code == 403  # Public: withdraw it first.
    publisher.post(reverse("admin:releases_release_withdraw", args=[edited.pk]), {"reason": "Sent by mistake."})
    response = publisher.post(delete_url, {"post": "yes"})
    assert response.status_code == 302 and not Release.objects.exists()

    recover_list = publisher.get(reverse("admin:releases_release_recoverlist")).text
    deleted_version = Version.objects.get_deleted(Release).get()
    recover_url = reverse("admin:releases_release_recover", args=[deleted_version.pk])
    assert recover_url in recover_list
    response = publisher.post(recover_url, form_fields(publisher.get(recover_url).text))

    assert response.status_code == 302
    recovered = Release.objects.get()
    assert recovered.headline == "Coalition answers the summit declaration"
    assert [item.contact.name for item in recovered.releasecontact_set.all()] == ["Elyssa"]
    assert recovered.status == Status.DRAFT
    assert Client().get(address).status_code == 410  # The public release was removed; the draft is staff's.
