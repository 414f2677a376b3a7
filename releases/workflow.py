"""Moving a release through its states: each transition is an explicit action, allowed by role,
checked on the server whatever the request says, and recorded with who and when."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Release, StatusChange

PUBLISH_PERMISSION = "releases.publish_release"
EDIT_PERMISSION = "releases.change_release"
Status = Release.Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition("submit", _("Submit for review"), frozenset({Status.DRAFT}), Status.REVIEW, EDIT_PERMISSION),
        Transition("return", _("Return to draft"), frozenset({Status.REVIEW}), Status.DRAFT, EDIT_PERMISSION),
        Transition(
            "publish",
            _("Publish or schedule"),
            frozenset({Status.DRAFT, Status.REVIEW}),
            Status.PUBLISHED,
            PUBLISH_PERMISSION,
        ),
        Transition(
            "unpublish",
            _("Unpublish (back to draft)"),
            frozenset({Status.PUBLISHED}),
            Status.DRAFT,
            PUBLISH_PERMISSION,
        ),
        Transition(
            "withdraw", _("Withdraw (retract)"), frozenset({Status.PUBLISHED}), Status.WITHDRAWN, PUBLISH_PERMISSION
        ),
    ]
}


def can_preview(user):
    """Staff who may see unpublished releases on the site, with a banner saying so."""
    return user.is_active and user.is_staff and user.has_perm("releases.view_release")


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def available_transitions(release, user):
    """The transitions this user may apply to this release now, for the admin to offer."""
    return [
        transition
        for transition in TRANSITIONS.values()
        if release.status in transition.sources
        and user.has_perm(transition.permission)
        and not (transition.name == "unpublish" and release.is_published())
        and not (transition.name == "withdraw" and not release.is_published())
    ]


@transaction.atomic
def apply_transition(release, name, user, *, reason="", answer_gone=False):
    """Apply the named transition or raise PermissionDenied / ValidationError; return the StatusChange."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Unknown action."))
    if not user.has_perm(transition.permission):
        raise PermissionDenied(_("Your role may not do this: ask a publisher."))
    release = Release.objects.select_for_update().get(pk=release.pk)
    if release.status not in transition.sources:
        raise ValidationError(
            _("This release is “%(status)s”; it cannot be moved with “%(action)s”."),
            params={"status": release.display_status, "action": transition.label},
        )
    if name == "unpublish" and release.is_published():
        raise ValidationError(_("This release is already public: withdraw it instead, with a reason."))
    if name == "withdraw" and not release.is_published():
        raise ValidationError(_("This release is not public yet: unpublish it instead; nothing needs retracting."))
    previous = release.status
    release.status = transition.target
    if transition.target == Status.PUBLISHED:
        release.full_clean()
        release.clean_cosigners(list(release.cosigners.all()))
    if transition.target == Status.WITHDRAWN:
        if not reason.strip():
            raise ValidationError({"reason": _("Say why the release is withdrawn: readers will see it.")})
        release.withdrawn_at = timezone.now()
        release.withdrawal_reason = reason.strip()
        release.answer_gone = answer_gone
    release.updated_by = user
    release.save()
    return StatusChange.objects.create(
        release=release, from_status=previous, to_status=release.status, changed_by=user, note=reason.strip()
    )
