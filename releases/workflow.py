"""The publishing workflow: a release's states, the buttons that move it, and who may press them.

Rules:
- Status changes only through a transition (``apply_transition``): checked on the server whatever
  the request says, and recorded with who did it and when (a ``StatusChange``).
- Writers (``change_release``) edit drafts and releases in review, submit them for review and
  return them to draft. Publishers (``publish_release``) also edit published and withdrawn
  releases, publish or schedule, unpublish a release that is not public yet, withdraw a public one
  with a reason readers will see, and add corrections to published releases.
- Writers give preview links (``access_purposes``); embargoed early access is the publishers'.
- Whoever may add releases starts a release's translation (``may_translate``, ``releases.translating``):
  a draft like any other. A translation is published only once its original is (or together with
  it, at the original's moment): never before.
- A public release is withdrawn, never unpublished or deleted, so feeds and readers learn it left.
- Restoring an old version or recovering a deleted release brings back its content, never a place
  in the workflow: a restored version keeps the release's current state (``WORKFLOW_FIELDS``), a
  recovered release comes back as a draft. Neither page offers the publishing buttons.

The admin asks this module and nothing else; the tests in ``tests/test_workflow.py`` hold it to
the rules above.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import AccessLink, Release, StatusChange

PUBLISH_PERMISSION = "releases.publish_release"
EDIT_PERMISSION = "releases.change_release"
ADD_PERMISSION = "releases.add_release"
# The fields only transitions change; restoring a version leaves them as they are.
WORKFLOW_FIELDS = ["status", "withdrawn_at", "withdrawal_reason", "answer_gone"]
Status = Release.Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str | Promise
    sources: frozenset[str]
    target: str
    permission: str

    def applies_to(self, release: Release) -> bool:
        """Whether the release's state allows this transition now (whoever asks)."""
        if release.status not in self.sources:
            return False
        if self.name == "unpublish":
            return not release.is_published()
        if self.name == "withdraw":
            return release.is_published()
        return True


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
            "withdraw",
            _("Withdraw (retract)"),
            frozenset({Status.PUBLISHED}),
            Status.WITHDRAWN,
            PUBLISH_PERMISSION,
        ),
    ]
}


def can_preview(user) -> bool:
    """Staff who may see unpublished releases on the site, with a banner saying so."""
    return user.is_active and user.is_staff and user.has_perm("releases.view_release")


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def may_edit(release: Release, user) -> bool:
    """Writers edit drafts and releases in review; published and withdrawn ones are the publishers'."""
    return can_publish(user) or release.status in (Status.DRAFT, Status.REVIEW)


def may_delete(release: Release) -> bool:
    """A public release is withdrawn before it can be deleted, so feeds and readers learn it left."""
    return not release.is_published()


def may_translate(release: Release | None, user) -> bool:
    """Starting a translation makes a draft: whoever may add releases may, for any saved release not withdrawn."""
    return (
        release is not None and release.pk is not None and not release.is_withdrawn() and user.has_perm(ADD_PERMISSION)
    )


def may_add_corrections(release: Release | None, user) -> bool:
    return release is not None and release.status == Status.PUBLISHED and can_publish(user)


def access_purposes(user) -> list[str]:
    """The kinds of access link this user may give: previews to whoever edits releases, embargoed early access
    to publishers only. Forms offer exactly these, and refuse any other."""
    purposes = []
    if can_publish(user):
        purposes.append(AccessLink.Purpose.EMBARGO)
    if user.has_perm(EDIT_PERMISSION):
        purposes.append(AccessLink.Purpose.PREVIEW)
    return purposes


def available_transitions(release: Release, user) -> list[Transition]:
    """The transitions this user may apply to this release now."""
    return [t for t in TRANSITIONS.values() if t.applies_to(release) and user.has_perm(t.permission)]


@dataclass(frozen=True)
class Buttons:
    """What the release form offers: a "Save and …" button per transition, and the withdrawal page."""

    transitions: list[Transition]
    can_withdraw: bool


def buttons(release: Release | None, user, *, restoring: bool = False) -> Buttons:
    """The publishing buttons of the release form; none while restoring a version or recovering a release."""
    if restoring:
        return Buttons([], False)
    available = available_transitions(release or Release(), user)
    return Buttons(
        [t for t in available if t.name != "withdraw"],
        release is not None and any(t.name == "withdraw" for t in available),
    )


def requested_transition(release: Release, name: str, user) -> Transition:
    """The transition a pressed button names, if this user may press it on this release now; else a ValidationError."""
    transition = TRANSITIONS.get(name)
    if transition is None or transition not in available_transitions(release, user):
        raise ValidationError(
            _("You cannot “%(action)s” this release: it is “%(status)s”, or your role may not do it."),
            code="transition_not_allowed",
            params={
                "action": transition.label if transition else name,
                "status": release.display_status if release.pk else Status.DRAFT.label,
            },
        )
    return transition


@transaction.atomic
def apply_transition(release: Release, name: str, user, *, reason: str = "", answer_gone: bool = False):
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
    if transition.target == Status.PUBLISHED:
        original = release.translation_of
        if original is not None and original.status != Status.PUBLISHED:
            raise ValidationError(
                _("Publish the original (“%(headline)s”) first: a translation never goes public before it."),
                code="original_not_published",
                params={"headline": original.headline},
            )
        release.full_clean()
        release.clean_cosigners(list(release.cosigners.all()), status=Status.PUBLISHED)
    if transition.target == Status.WITHDRAWN:
        if not reason.strip():
            raise ValidationError({"reason": _("Say why the release is withdrawn: readers will see it.")})
        release.withdrawn_at = timezone.now()
        release.withdrawal_reason = reason.strip()
        release.answer_gone = answer_gone
    release.status = transition.target
    release.updated_by = user
    release.save()
    return StatusChange.objects.create(
        release=release, from_status=previous, to_status=release.status, changed_by=user, note=reason.strip()
    )


def apply_to_each(releases, name: str, user) -> list[tuple[Release, str]]:
    """Apply a transition to several releases; (release, "") for each moved, (release, why) for each refused."""
    outcomes = []
    # Originals first: a translation chosen with its original is published right after it.
    for release in sorted(releases, key=lambda release: release.translation_of_id is not None):
        try:
            apply_transition(release, name, user)
        except (PermissionDenied, ValidationError) as error:
            outcomes.append((release, " ".join(getattr(error, "messages", [str(error)]))))
        else:
            outcomes.append((release, ""))
    return outcomes


def workflow_state(pk) -> dict:
    """The release's place in the workflow, to put back after a version is restored."""
    return Release.objects.filter(pk=pk).values(*WORKFLOW_FIELDS).first() or {}


def put_back_workflow_state(pk, state: dict) -> None:
    """A restored version keeps the release's current state: restoring is never publishing."""
    if state:
        Release.objects.filter(pk=pk).update(**state)


def recovered_as_draft(pk) -> None:
    """A recovered release comes back as a draft: a publisher decides when it is public again."""
    Release.objects.filter(pk=pk).update(
        status=Status.DRAFT, withdrawn_at=None, withdrawal_reason="", answer_gone=False
    )
