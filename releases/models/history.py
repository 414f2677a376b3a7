"""What happened to a release after it was written: its status changes, its corrections, its removal."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import derived


class StatusChange(models.Model):
    """One transition of a release's status: who moved it, when, from what to what, and why."""

    release = models.ForeignKey("Release", models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class Correction(models.Model):
    """A dated correction note printed on a published release."""

    release = models.ForeignKey("Release", models.CASCADE, related_name="corrections")
    noted_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(_("correction"), help_text=_("What was wrong and what it now says."))

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["noted_at", "pk"]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        derived.after_correction_save(self)  # The release's "last changed" date moves with it.


class ReleaseRemoval(models.Model):
    """A release deleted after it had gone public: its address answers 410 Gone, and feeds date the change."""

    slug = models.SlugField(_("address"), max_length=250, db_index=True)
    headline = models.CharField(_("headline"), max_length=250)
    removed_at = models.DateTimeField(_("removed"), default=timezone.now)

    class Meta:
        verbose_name = _("removed release")
        verbose_name_plural = _("removed releases")
        ordering = ["-removed_at"]
        indexes = [models.Index(fields=["-removed_at"], name="removal_order")]

    def __str__(self):
        return self.headline
