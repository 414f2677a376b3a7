"""Roles: a Writer edits drafts and submits them for review; a Publisher schedules, publishes,
withdraws and corrects. The admin hides what a role may not do, and the server refuses it
whatever the request says: form button, admin action, or a crafted POST."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from releases.models import Correction, Release, StatusChange

Status = Release.Status
PUBLISH_BUTTON = 'name="_transition" value="publish"'
SUBMIT_BUTTON = 'name="_transition" value="submit"'


@pytest.fixture
def writer(signed_in):
    return signed_in("Writer")


@pytest.fixture
def publisher(signed_in):
    return signed_in("Publisher")


def change_url(release):
    return reverse("admin:releases_release_change", args=[release.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_data_of(release, release_form_data, **fields):
    return release_form_data(release=release, headline=release.headline, slug=release.slug, **fields)


def test_the_migration_gives_publishing_to_publishers_only(db):
    writer_permissions = set(Group.objects.get(name="Writer").permissions.values_list("codename", flat=True))
    publisher_permissions = set(Group.objects.get(name="Publisher").permissions.values_list("codename", flat=True))

    assert {"add_release", "change_release", "view_release"} <= writer_permissions
    assert not writer_permissions & {"publish_release", "delete_release", "add_correction"}
    assert {"publish_release", "add_correction", "add_accesslink", "view_accesslog"} <= publisher_permissions
    assert writer_permissions <= publisher_permissions


def test_the_form_shows_a_writer_submit_but_not_publish(writer, make_release):
    draft = make_release(status=Status.DRAFT)

    page = writer.get(change_url(draft)).text

    assert SUBMIT_BUTTON in page and PUBLISH_BUTTON not in page
    assert "Withdraw (retract)" not in page


def test_the_form_shows_a_publisher_publish(publisher, make_release):
    page = publisher.get(change_url(make_release(status=Status.REVIEW))).text

    assert PUBLISH_BUTTON in page


def test_the_release_list_offers_the_publish_action_to_publishers_only(writer, publisher, make_release):
    make_release(status=Status.DRAFT)

    writer_page = writer.get(reverse("admin:releases_release_changelist")).text
    publisher_page = publisher.get(reverse("admin:releases_release_changelist")).text

    assert 'value="submit_for_review"' in writer_page and 'value="publish"' not in writer_page
    assert 'value="submit_for_review"' in publisher_page and 'value="publish"' in publisher_page


def test_a_writer_cannot_publish_with_the_form_button(writer, make_release, release_form_data):
    draft = make_release(status=Status.REVIEW, headline="Still under review")

    response = writer.post(change_url(draft), form_data_of(draft, release_form_data, status=Status.PUBLISHED))

    assert response.status_code == 200
    assert "You cannot “Publish or schedule” this release" in response.text
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert not StatusChange.objects.exists()
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_a_writer_cannot_publish_a_new_release_with_the_form_button(writer, release_form_data):
    response = writer.post(reverse("admin:releases_release_add"), release_form_data(status=Status.PUBLISHED))

    assert response.status_code == 200
    assert not Release.objects.exists()


def test_a_writer_cannot_publish_with_the_admin_action(writer, make_release):
    draft = make_release(status=Status.REVIEW)

    writer.post(reverse("admin:releases_release_changelist"), {"action": "publish", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("crafted", [{"status": "published"}, {"_transition": "publish"}, {"_transition": "bogus"}])
def test_a_writer_cannot_publish_with_a_crafted_post(writer, make_release, release_form_data, crafted):
    draft = make_release(status=Status.DRAFT)
    data = form_data_of(draft, release_form_data)
    data.update(crafted)

    writer.post(change_url(draft), data)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not StatusChange.objects.exists()


def test_a_writer_cannot_withdraw_a_published_release(writer, make_release):
    release = make_release()

    response = writer.post(reverse("admin:releases_release_withdraw", args=[release.pk]), {"reason": "Typo."})

    assert response.status_code == 403
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


@pytest.mark.parametrize("fields", [{"headline": "A quote changed after publication"}, {"_transition": "unpublish"}])
def test_a_writer_cannot_change_a_published_release(writer, make_release, release_form_data, fields):
    release = make_release(headline="The quote as published")
    data = form_data_of(release, release_form_data)
    data.update(fields)

    response = writer.post(change_url(release), data)

    assert response.status_code == 403
    release.refresh_from_db()
    assert (release.headline, release.status) == ("The quote as published", Status.PUBLISHED)


def test_a_writer_cannot_add_a_correction(writer, make_release, release_form_data):
    release = make_release(status=Status.REVIEW)
    data = form_data_of(
        release,
        release_form_data,
        **{
            "corrections-TOTAL_FORMS": 1,
            "corrections-0-text": "The date was wrong.",
            "corrections-0-noted_at_0": "2026-06-15",
            "corrections-0-noted_at_1": "10:00:00",
        },
    )

    writer.post(change_url(release), data)

    assert not Correction.objects.exists()


def test_a_writer_submits_a_draft_for_review_with_the_button(writer, make_release, release_form_data):
    draft = make_release(status=Status.DRAFT)

    response = writer.post(change_url(draft), form_data_of(draft, release_form_data, _transition="submit"))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == (Status.DRAFT, Status.REVIEW, writer.user)


def test_a_writer_submits_drafts_for_review_with_the_action(writer, make_release):
    drafts = [make_release(status=Status.DRAFT), make_release(status=Status.DRAFT)]

    writer.post(
        reverse("admin:releases_release_changelist"),
        {"action": "submit_for_review", "_selected_action": [draft.pk for draft in drafts]},
    )

    assert set(Release.objects.values_list("status", flat=True)) == {Status.REVIEW}
    assert StatusChange.objects.filter(changed_by=writer.user).count() == 2


def test_a_publisher_publishes_with_the_button_and_it_is_recorded(publisher, make_release, release_form_data):
    release = make_release(status=Status.REVIEW, released_at=timezone.now() - dt.timedelta(minutes=1))

    response = publisher.post(change_url(release), form_data_of(release, release_form_data, status=Status.PUBLISHED))

    assert response.status_code == 302
    assert not [text for text in messages_of(response) if "cannot" in text]
    release.refresh_from_db()
    assert release.is_published()
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        Status.REVIEW,
        Status.PUBLISHED,
        publisher.user,
    )
    assert Client().get(release.get_absolute_url()).status_code == 200


def test_a_publisher_schedules_with_a_future_moment(publisher, make_release, release_form_data):
    release = make_release(status=Status.REVIEW)
    moment = timezone.localtime() + dt.timedelta(days=1)

    publisher.post(
        change_url(release),
        form_data_of(
            release,
            release_form_data,
            status=Status.PUBLISHED,
            released_at_0=moment.strftime("%Y-%m-%d"),
            released_at_1=moment.strftime("%H:%M:%S"),
        ),
    )

    release.refresh_from_db()
    assert release.display_status == "Scheduled"
    assert StatusChange.objects.get().to_status == Status.PUBLISHED
    assert Client().get(release.get_absolute_url()).status_code == 404
    listed = publisher.get(reverse("admin:releases_release_changelist") + "?state=scheduled").text
    assert "Scheduled" in listed
    # Local zone, then UTC.
    assert re.search(r'<td class="field-moment">[^<]+ C[SD]T <span class="utc">[^<]+ UTC</span></td>', listed)


def test_a_publisher_publishes_with_the_action(publisher, make_release):
    release = make_release(status=Status.REVIEW, released_at=timezone.now() - dt.timedelta(minutes=1))

    publisher.post(
        reverse("admin:releases_release_changelist"), {"action": "publish", "_selected_action": [release.pk]}
    )

    release.refresh_from_db()
    assert release.is_published()
    assert StatusChange.objects.get().changed_by == publisher.user


def test_a_publisher_withdraws_with_a_reason(publisher, make_release):
    release = make_release()

    page = publisher.get(change_url(release)).text
    response = publisher.post(
        reverse("admin:releases_release_withdraw", args=[release.pk]), {"reason": "The figures were wrong."}
    )

    assert reverse("admin:releases_release_withdraw", args=[release.pk]) in page
    assert response.status_code == 302
    release.refresh_from_db()
    assert (release.status, release.withdrawal_reason) == (Status.WITHDRAWN, "The figures were wrong.")
    change = StatusChange.objects.get()
    assert (change.to_status, change.changed_by, change.note) == (
        Status.WITHDRAWN,
        publisher.user,
        "The figures were wrong.",
    )


def test_a_publisher_adds_a_correction(publisher, make_release, release_form_data):
    release = make_release()
    data = form_data_of(
        release,
        release_form_data,
        **{
            "corrections-TOTAL_FORMS": 1,
            "corrections-0-text": "An earlier version misspelled a name.",
            "corrections-0-noted_at_0": timezone.localdate().isoformat(),
            "corrections-0-noted_at_1": "10:00:00",
        },
    )

    response = publisher.post(change_url(release), data)

    assert response.status_code == 302
    assert release.corrections.get().text == "An earlier version misspelled a name."


@pytest.mark.django_db(transaction=True)
def test_the_roles_come_back_after_the_database_is_flushed_and_keep_what_administrators_changed():
    writer = Group.objects.get(name="Writer")
    writer.permissions.remove(*writer.permissions.filter(codename="add_tag"))
    call_command("migrate", verbosity=0)
    assert not Group.objects.get(name="Writer").permissions.filter(codename="add_tag").exists()

    call_command("flush", interactive=False, verbosity=0)

    publisher = Group.objects.get(name="Publisher")
    assert publisher.permissions.filter(codename="publish_release").exists()
    assert publisher.permissions.filter(codename="view_embargosend").exists()
    assert Group.objects.get(name="Writer").permissions.filter(codename="add_tag").exists()
    assert not Group.objects.get(name="Writer").permissions.filter(codename="publish_release").exists()
