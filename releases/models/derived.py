"""What a change to a release, or to anything the public sees, changes besides its own row.

``Release.save()`` calls ``before_release_save()`` and ``after_release_save()``;
``Release.objects.bulk_create()`` (the importers' batches) calls ``before_releases_saved()`` and
``after_releases_saved()``: the same effects, one statement each for the whole batch. The
receivers at the end catch the changes a release's own save cannot see: its tags and
spokespeople are saved after it, a tag or spokesperson is renamed or deleted, a release is deleted,
and every other public-facing row (people, organizations, files, corrections, old addresses).

Everything a change recomputes is here:
- before a release is written: its body sanitized, control and direction-override characters
  taken out of its text fields, its unaccented search text (SQLite: ``search.folded_text``), the
  moment of the original it translates (when it shares it), the default boilerplate of its
  language (when new);
- after: its search vector (``search.refresh_search_vectors``: headline, subheadline, summary, body,
  tag and spokespeople names); translations that share a published original's moment follow it;
  a published release's moment is noted, for the alerts sent to subscribers then (``alerts``);
- after any public-facing change: a new publication generation (``generation.bump``), which every
  cached answer about publication is keyed by, so every process sees the change at once;
- a correction moves its release's "last changed" date, since readers see it;
- a release that leaves the public record (unpublished, withdrawn without a notice, deleted after it
  went public) leaves a ``ReleaseRemoval``: its address answers 410, and feeds date the change.

Models are named by string here (``"releases.Release"``): this module is imported by the models
and imports none of them.
"""

from django.apps import apps
from django.db import router
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from .. import generation
from ..sanitizing import sanitize_html, strip_control_characters
from ..search import folded_text, refresh_search_vectors, uses_full_text
from ..tasks import enqueue, send_alerts

# A release published longer than this after its moment is an archive brought in: it alerts nobody.
ARCHIVE_AFTER = timezone.timedelta(days=1)
# What the public record of a stored release depends on (see visibility.ON_RECORD).
RECORD_FIELDS = ["status", "released_at", "withdrawn_at", "answer_gone"]
# Plain-text fields readers see: control and direction-override characters never reach them.
TEXT_FIELDS = ["headline", "subheadline", "summary", "timing", "dateline", "image_alt", "image_credit"]
SEARCHED_NAMES = ["releases.Release_tags", "releases.Release_spokespeople"]
# Rows whose changes the public can see, besides releases and the names above.
PUBLIC_FACING = [
    "releases.ReleaseContact",
    "releases.MediaContact",
    "releases.Attachment",
    "releases.Correction",
    "releases.Boilerplate",
    "releases.LegacyPath",
    "releases.StatusChange",
    "members.Organization",
    "members.SocialLink",
]


def before_release_save(release) -> bool:
    """Prepare the row; return whether the release, as stored until now, was on the public record."""
    before_releases_saved([release])
    model = type(release)
    stored = model.objects.filter(pk=release.pk).only(*RECORD_FIELDS).first() if release.pk else None
    return stored is not None and stored.is_on_record()


def before_releases_saved(releases: list) -> None:
    """Prepare rows about to be written (one release or a batch): a query per kind of lookup, not per row."""
    if not releases:
        return
    model = type(releases[0])
    for release in releases:
        for name in TEXT_FIELDS:
            setattr(release, name, strip_control_characters(getattr(release, name)))
        release.body = sanitize_html(strip_control_characters(release.body))
    folded = not uses_full_text(releases[0]._state.db or router.db_for_write(model))
    for release in releases:
        release.search_text = folded_text(release) if folded else ""
    following = [r for r in releases if r.translation_of_id and r.same_moment_as_original]
    if following:
        moments = dict(
            model.objects.filter(pk__in={r.translation_of_id for r in following}).values_list("pk", "released_at")
        )
        for release in following:
            release.released_at = moments.get(release.translation_of_id, release.released_at)
    new = [r for r in releases if not r.boilerplate_id and not r.pk and r.boilerplate is None]
    if new:
        boilerplates = model._meta.get_field("boilerplate").related_model.objects
        languages = {release.language for release in new}
        defaults = {b.language: b for b in boilerplates.filter(language__in=languages, is_default=True)}
        for release in new:
            release.boilerplate = defaults.get(release.language)


def after_release_save(release, *, was_on_record: bool) -> None:
    if was_on_record and not release.is_on_record():
        _record_removal(release)
    after_releases_saved(type(release).objects.filter(pk=release.pk))


def _record_removal(release) -> None:
    removals = apps.get_model("releases", "ReleaseRemoval").objects
    removals.create(slug=release.slug, headline=release.headline, removed_at=timezone.now())


def after_releases_saved(releases: QuerySet) -> None:
    """The effects of saving these releases (a queryset), in one statement each: for one release or a batch.

    Translations that share a published original's moment follow it, so they go live together; the search
    vectors are refreshed; the publication generation changes; published moments are noted for the alerts.
    """
    model = releases.model
    originals = releases.filter(status=model.Status.PUBLISHED)
    original_moment = Subquery(model.objects.filter(pk=OuterRef("translation_of")).values("released_at")[:1])
    model.objects.filter(translation_of__in=originals, same_moment_as_original=True).exclude(
        released_at=original_moment
    ).update(released_at=original_moment)
    refresh_search_vectors(releases)
    generation.bump(using=releases.db)
    announce_public_moments(releases)


def announce_public_moments(releases: QuerySet) -> None:
    """Note the moment of each published release among ``releases`` as an ``Announcement`` and wake the
    worker then, so subscribers hear of it (``releases.alerts``). A release whose moment lies more than
    ARCHIVE_AFTER in the past (an archive brought in) is announced to nobody: none is noted."""
    announcements = apps.get_model("releases", "Announcement").objects
    now = timezone.now()
    fresh = releases.filter(status="published", released_at__gt=now - ARCHIVE_AFTER)
    for release_id, moment in fresh.values_list("pk", "released_at"):
        announcement, created = announcements.get_or_create(
            release_id=release_id, moment=moment, defaults={"published_at": now}
        )
        if not created:
            if announcement.state != announcement.State.CANCELLED:
                continue  # Already waiting for its moment, or said.
            # Published again after it was cancelled: it becomes visible from now (or its moment).
            announcements.filter(pk=announcement.pk).update(state=announcement.State.PENDING, published_at=now)
        enqueue(send_alerts, run_after=moment)


def after_correction_save(correction) -> None:
    """A correction changes what readers see: the release's "last changed" date moves with it."""
    model = apps.get_model("releases", "Release")
    model.objects.filter(pk=correction.release_id).update(updated_at=timezone.now())
    generation.bump()


def _release_model():
    return apps.get_model("releases", "Release")


def _searched_names_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Tag and spokespeople names are searchable: the releases that gained or lost one are reindexed."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            after_releases_saved(_release_model().objects.filter(pk=instance.pk))
    elif action == "pre_clear":
        # Taken off its releases one by one instead, so the post_remove below knows which to reindex.
        instance.releases.remove(*instance.releases.all())
    elif action in ("post_add", "post_remove"):
        after_releases_saved(_release_model().objects.filter(pk__in=pk_set))


for _through in SEARCHED_NAMES:
    m2m_changed.connect(_searched_names_changed, sender=_through, dispatch_uid=f"reindex-{_through}")


@receiver(post_save, sender="releases.Tag")
@receiver(post_save, sender="releases.Spokesperson")
def _name_saved(sender, instance, created, **kwargs):
    if not created:
        refresh_search_vectors(instance.releases.all())
    generation.bump()


@receiver(pre_delete, sender="releases.Tag")
@receiver(pre_delete, sender="releases.Spokesperson")
def _name_deleted(sender, instance, **kwargs):
    """Taken off its releases first, so they are reindexed without it."""
    instance.releases.remove(*instance.releases.all())


@receiver(post_delete, sender="releases.Release")
def _release_deleted(sender, instance, **kwargs):
    if instance.is_on_record() or instance.is_retracted():
        _record_removal(instance)
    generation.bump()


def _public_facing_changed(sender, **kwargs):
    generation.bump()


for _model in PUBLIC_FACING:
    post_save.connect(_public_facing_changed, sender=_model, dispatch_uid=f"generation-save-{_model}")
    post_delete.connect(_public_facing_changed, sender=_model, dispatch_uid=f"generation-delete-{_model}")
m2m_changed.connect(_public_facing_changed, sender="releases.Release_cosigners", dispatch_uid="generation-cosigners")
post_delete.connect(_public_facing_changed, sender="releases.Tag", dispatch_uid="generation-delete-tag")
post_delete.connect(_public_facing_changed, sender="releases.Spokesperson", dispatch_uid="generation-delete-person")
