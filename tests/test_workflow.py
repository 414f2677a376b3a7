"""The publishing workflow's rules, asked directly: which buttons each role gets in each state,
who may edit and delete, and that restoring never moves a release in the workflow."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from releases import workflow
from releases.models import Release

Status = Release.Status
PAST = timezone.timedelta(hours=-1)
FUTURE = timezone.timedelta(hours=1)


@pytest.fixture
def users(signed_in):
    return {role: signed_in(role).user for role in ("Writer", "Publisher")}


# (status, moment offset) → the buttons (names) a writer and a publisher get, and whether the publisher may withdraw.
STATES = [
    (Status.DRAFT, PAST, {"submit"}, {"submit", "publish"}, False),
    (Status.REVIEW, PAST, {"return"}, {"return", "publish"}, False),
    (Status.PUBLISHED, FUTURE, set(), {"unpublish"}, False),  # scheduled: not public yet
    (Status.PUBLISHED, PAST, set(), set(), True),  # public: only withdrawn
    (Status.WITHDRAWN, PAST, set(), set(), False),
]


@pytest.mark.parametrize(("status", "offset", "writer_buttons", "publisher_buttons", "withdraw"), STATES)
def test_each_role_gets_the_buttons_of_its_state(
    users, make_release, status, offset, writer_buttons, publisher_buttons, withdraw
):
    release = make_release(status=status, released_at=timezone.now() + offset)

    writer = workflow.buttons(release, users["Writer"])
    publisher = workflow.buttons(release, users["Publisher"])

    assert {t.name for t in writer.transitions} == writer_buttons and not writer.can_withdraw
    assert {t.name for t in publisher.transitions} == publisher_buttons
    assert publisher.can_withdraw is withdraw


def test_a_new_release_offers_submitting_and_publishing_by_role(users):
    assert {t.name for t in workflow.buttons(None, users["Writer"]).transitions} == {"submit"}
    assert {t.name for t in workflow.buttons(None, users["Publisher"]).transitions} == {"submit", "publish"}


def test_restoring_or_recovering_offers_no_button(users, make_release):
    release = make_release(status=Status.DRAFT)

    buttons = workflow.buttons(release, users["Publisher"], restoring=True)

    assert buttons.transitions == [] and not buttons.can_withdraw


@pytest.mark.parametrize(
    ("status", "offset", "writer_may_edit"),
    [
        (Status.DRAFT, PAST, True),
        (Status.REVIEW, PAST, True),
        (Status.PUBLISHED, FUTURE, False),
        (Status.PUBLISHED, PAST, False),
        (Status.WITHDRAWN, PAST, False),
    ],
)
def test_writers_edit_drafts_and_reviews_publishers_edit_all(users, make_release, status, offset, writer_may_edit):
    release = make_release(status=status, released_at=timezone.now() + offset)

    assert workflow.may_edit(release, users["Writer"]) is writer_may_edit
    assert workflow.may_edit(release, users["Publisher"])


def test_only_a_public_release_may_not_be_deleted(make_release):
    assert not workflow.may_delete(make_release(status=Status.PUBLISHED, released_at=timezone.now() + PAST))
    assert workflow.may_delete(make_release(status=Status.PUBLISHED, released_at=timezone.now() + FUTURE))
    assert workflow.may_delete(make_release(status=Status.DRAFT))
    assert workflow.may_delete(make_release(status=Status.WITHDRAWN))


def test_a_pressed_button_is_refused_when_the_role_or_state_does_not_allow_it(users, make_release):
    draft = make_release(status=Status.DRAFT)

    assert workflow.requested_transition(draft, "publish", users["Publisher"]).target == Status.PUBLISHED
    for name, user in [("publish", users["Writer"]), ("withdraw", users["Publisher"]), ("bogus", users["Publisher"])]:
        with pytest.raises(ValidationError, match="You cannot"):
            workflow.requested_transition(draft, name, user)


def test_putting_back_a_workflow_state_undoes_what_a_restored_version_brought(make_release):
    release = make_release(status=Status.WITHDRAWN, withdrawal_reason="Wrong figures", answer_gone=True)
    state = workflow.workflow_state(release.pk)
    Release.objects.filter(pk=release.pk).update(status=Status.PUBLISHED, withdrawal_reason="", answer_gone=False)

    workflow.put_back_workflow_state(release.pk, state)

    release.refresh_from_db()
    assert (release.status, release.withdrawal_reason, release.answer_gone) == (
        Status.WITHDRAWN,
        "Wrong figures",
        True,
    )


def test_a_recovered_release_is_a_draft(make_release):
    release = make_release(status=Status.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_reason="Pulled")

    workflow.recovered_as_draft(release.pk)

    release.refresh_from_db()
    assert (release.status, release.withdrawn_at, release.withdrawal_reason) == (Status.DRAFT, None, "")
