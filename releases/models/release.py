from datetime import datetime

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Max
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from members.models import Organization

from ..sanitizing import RICH_TEXT_EXTENSIONS, sanitize_html
from . import derived
from .library import Boilerplate, Language, Tag
from .people import MediaContact, Spokesperson
from .visibility import Status, VisibilityQuerySet, Visible

MIN_COSIGNERS = 2
# Addresses under /releases/ that other pages use (a number is a year's archive).
RESERVED_SLUGS = {"search", "tags", "spokespeople"}
# The release-timing line a new release starts with: printed in the release's own language.
IMMEDIATE_RELEASE = "FOR IMMEDIATE RELEASE"


def private_storage():
    """Files of releases: never served directly, only through the views in releases/serving.py."""
    return storages["private"]


# A release's public copy last changed when it was edited, or when its moment came, whichever
# is later: a scheduled release edited at 8:00 and going out at 10:00 changes the feed at 10:00.
PUBLIC_CHANGE = Greatest("updated_at", "released_at")


class ReleaseQuerySet(VisibilityQuerySet):
    """The visibility rules (``published()`` and its kin, see ``visibility``) and what pages ask of releases."""

    def with_public_change(self) -> "ReleaseQuerySet":
        """Each release annotated with ``public_change``, its latest public change (see ``PUBLIC_CHANGE``)."""
        return self.annotate(public_change=PUBLIC_CHANGE)

    def last_public_change(self) -> datetime | None:
        """The latest public change among these (published) releases, or None if there are none.

        The latest of the two latest moments, not the latest of the per-release greatest: the same
        answer, from two index lookups instead of a scan.
        """
        latest = self.aggregate(edited=Max("updated_at"), released=Max("released_at"))
        return max((moment for moment in latest.values() if moment), default=None)

    def for_listing(self) -> "ReleaseQuerySet":
        """What lists show of each release: everything but the body (and what search reads)."""
        return self.defer("body", "search_vector", "search_text")

    def bulk_create(self, objs, *args, **kwargs):
        """Write new releases in one INSERT, with exactly the effects a ``save()`` has (``models/derived.py``)."""
        objs = list(objs)
        derived.before_releases_saved(objs)
        created = super().bulk_create(objs, *args, **kwargs)
        derived.after_releases_saved(self.model.objects.filter(pk__in=[release.pk for release in created]))
        return created


class Release(Visible, models.Model):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press-release", _("Press release")
        STATEMENT = "statement", _("Statement")
        JOINT_STATEMENT = "joint-statement", _("Joint statement")
        MEDIA_ADVISORY = "media-advisory", _("Media advisory")

    Status = Status

    # What
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PRESS_RELEASE)
    language = models.CharField(_("language"), max_length=5, choices=Language, default=Language.ENGLISH)
    headline = models.CharField(_("headline"), max_length=250)
    subheadline = models.CharField(_("subheadline"), max_length=400, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        unique=True,
        help_text=_("Part of the page address; filled in from the headline."),
        error_messages={"unique": _("Another release already has this address (slug); change it a little.")},
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two plain sentences for lists, feeds and search engines."),
    )
    body = ProseEditorField(
        _("body"),
        extensions=RICH_TEXT_EXTENSIONS,
        sanitize=sanitize_html,
    )
    boilerplate = models.ForeignKey(
        Boilerplate,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="releases",
        verbose_name=_("boilerplate"),
        help_text=_("The “About …” paragraph printed after the body."),
    )
    translation_of = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The release this one translates, if any."),
    )
    # Who
    contacts = models.ManyToManyField(
        MediaContact, through="ReleaseContact", related_name="releases", blank=True, verbose_name=_("media contacts")
    )
    spokespeople = models.ManyToManyField(
        Spokesperson, related_name="releases", blank=True, verbose_name=_("spokespeople quoted")
    )
    cosigners = models.ManyToManyField(
        Organization,
        related_name="cosigned_releases",
        blank=True,
        verbose_name=_("co-signing organizations"),
        help_text=_("Joint statements need at least two."),
    )
    # When
    timing = models.CharField(
        _("release-timing line"),
        max_length=100,
        default=IMMEDIATE_RELEASE,
        blank=True,
        help_text=_("Printed above the headline, e.g. FOR IMMEDIATE RELEASE."),
    )
    dateline = models.CharField(_("dateline city"), max_length=100, blank=True, help_text=_("e.g. LOS ANGELES"))
    released_at = models.DateTimeField(
        _("release moment"),
        default=timezone.now,
        help_text=_(
            "When the release goes public, to the second. A published release with a future moment is scheduled."
        ),
    )
    same_moment_as_original = models.BooleanField(
        _("same moment as the original"),
        default=True,
        help_text=_("For a translation: go live at the original's release moment, together with it."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        editable=False,
        help_text=_("Changed only with the publishing buttons, which record who did it and when."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)
    answer_gone = models.BooleanField(
        _("remove the page"),
        default=False,
        editable=False,
        help_text=_("Withdrawn: answer “410 Gone” instead of showing the retraction notice."),
    )
    # Extras
    tags = models.ManyToManyField(Tag, related_name="releases", blank=True, verbose_name=_("tags"))
    image = models.ImageField(
        _("featured image"),
        upload_to="releases/%Y/",
        storage=private_storage,
        blank=True,
        help_text=_("Served only once the release is public (or through an access link)."),
    )
    image_alt = models.CharField(_("image alt text"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    # PostgreSQL only: filled by the receivers at the end of this module, GIN-indexed by migration 0002.
    search_vector = SearchVectorField(null=True, editable=False)
    # SQLite only: the searched text without accents, markup or capitals (``search.folded_text``), kept on save.
    search_text = models.TextField(blank=True, default="", editable=False)
    source_key = models.CharField(
        _("import source"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Where an importer found this release (e.g. a WordPress post); importing it again updates it."),
    )
    imported_at = models.DateTimeField(
        _("last imported"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When an importer last wrote this release. If it is changed here afterwards, importing its source "
            "again keeps the change."
        ),
    )
    import_fingerprint = models.CharField(_("import fingerprint"), max_length=64, blank=True, editable=False)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-released_at", "-pk"]
        get_latest_by = "released_at"
        permissions = [("publish_release", _("Can schedule, publish, withdraw and grant early access"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="release_image_needs_alt",
                violation_error_message=_("Describe the featured image in its alt text."),
            ),
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~models.Q(source_key=""),
                name="release_source_key_once",
                violation_error_message=_("Another release was already imported from this source."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-released_at", "-id"], name="release_public_order"),
            models.Index(fields=["-released_at", "-id"], name="release_admin_order"),
            models.Index(fields=["status", "-updated_at"], name="release_public_edits"),
            models.Index(fields=["kind", "status", "-released_at"], name="release_kind_order"),
            models.Index(fields=["language", "status", "-released_at"], name="release_language_order"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # Sanitized body; the original's moment; the default boilerplate; was it on the public record?
        was_on_record = derived.before_release_save(self)
        super().save(*args, **kwargs)
        # Search vector; translations' moment; a removal, if it left the record; the publication generation.
        derived.after_release_save(self, was_on_record=was_on_record)

    def get_absolute_url(self) -> str:
        """The release's page, at the address of its own language (a release is read in its language)."""
        with translation.override(self.language):
            return reverse("releases:detail", kwargs={"slug": self.slug})

    def timing_text(self) -> str:
        """The release-timing line as printed: the untouched default in the release's own language."""
        timing = self.timing.strip()
        if timing == IMMEDIATE_RELEASE:
            with translation.override(self.language):
                return gettext("FOR IMMEDIATE RELEASE")
        return timing

    def timing_line(self) -> str:
        """The release-timing line as printed above the headline, without the kind's name at its start:
        the page names the kind beside the date, so "MEDIA ADVISORY" is not said twice."""
        timing = self.timing_text()
        label = str(self.get_kind_display())
        if timing.casefold().startswith(label.casefold()):
            timing = timing[len(label) :].lstrip(" :–—-|·")
        return timing

    def clean(self):
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the featured image in its alt text.")
        if self.boilerplate_id and self.boilerplate.language != self.language:
            errors["boilerplate"] = _("This boilerplate is in another language than the release.")
        if self.translation_of_id and self.translation_of_id == self.pk:
            errors["translation_of"] = _("A release cannot be a translation of itself.")
        elif (
            self.translation_of_id
            and not self.same_moment_as_original
            and self.released_at
            and self.released_at < self.translation_of.released_at
        ):
            errors["released_at"] = _(
                "A translation never goes public before its original: choose the original's moment or a later one."
            )
        if self.slug.isdigit() or self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is taken by another page of the press room; add a word to it.")
        if errors:
            raise ValidationError(errors)

    def clean_cosigners(self, cosigners: list, *, kind: str | None = None, status: str | None = None) -> None:
        """A joint statement needs at least two co-signers before it can be published.

        ``kind`` and ``status`` default to the release's own; a form passes those the release is about to get.
        """
        if (
            (kind or self.kind) == self.Kind.JOINT_STATEMENT
            and (status or self.status) == self.Status.PUBLISHED
            and len(cosigners) < MIN_COSIGNERS
        ):
            message = _("A joint statement needs at least two co-signing organizations before it is published.")
            raise ValidationError({"cosigners": message})

    def changed_since_import(self) -> bool:
        """Whether staff changed this imported release after its last import (an edit, a status change)."""
        return self.imported_at is not None and self.updated_at > self.imported_at

    @property
    def display_status(self) -> str:
        """The status as staff speak of it: a future published release is “scheduled”."""
        return _("Scheduled") if self.is_scheduled() else self.get_status_display()

    @property
    def modified_at(self) -> datetime:
        """When readers last saw it change: the later of its moment and its last edit (corrections included)."""
        return max(self.released_at, self.updated_at)

    def image_url(self) -> str:
        """The featured image's public address; none once withdrawn, when its files are no longer served."""
        if not self.image or self.is_withdrawn():
            return ""
        with translation.override(self.language):
            return reverse("releases:image", kwargs={"slug": self.slug})


class ReleaseContact(models.Model):
    release = models.ForeignKey(Release, models.CASCADE)
    contact = models.ForeignKey(MediaContact, models.PROTECT, verbose_name=_("media contact"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "contact"],
                name="contact_once_per_release",
                violation_error_message=_("This contact is already listed on the release."),
            )
        ]

    def __str__(self):
        return str(self.contact)


class Attachment(models.Model):
    release = models.ForeignKey(Release, models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="attachments/%Y/",
        storage=private_storage,
        validators=[FileExtensionValidator(["pdf", "doc", "docx", "odt", "rtf", "txt", "jpg", "jpeg", "png", "zip"])],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


# Every save through the admin keeps a restorable version, with its contacts and attachments.
reversion.register(ReleaseContact)
reversion.register(Attachment)
reversion.register(
    Release,
    exclude=["search_vector", "search_text", "imported_at", "import_fingerprint"],
    follow=["releasecontact_set", "attachments"],
)
