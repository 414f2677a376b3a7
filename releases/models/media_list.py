"""The media list: journalists and the lists they are on, and the log of embargo mailings.

Staff only: nothing here appears on a public page, feed or file.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .library import Language


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone name, e.g. America/Chicago."), params={"value": value})


def default_time_zone():
    return settings.TIME_ZONE


class JournalistQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Journalist(models.Model):
    name = models.CharField(_("name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    email = models.EmailField(_("email"), unique=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        help_text=_("The first is the language their emails are written in, unless the release is in another."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Embargo times are written in it, e.g. Europe/Madrid."),
    )
    beats = models.ManyToManyField("releases.Tag", blank=True, related_name="+", verbose_name=_("beats"))
    notes = models.TextField(_("notes"), blank=True, help_text=_("For staff only."))
    is_active = models.BooleanField(_("active"), default=True)

    objects = JournalistQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.outlet})" if self.outlet else self.name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def language_for(self, release):
        """The language to write to them in about this release: the release's, if they read it."""
        if release.language in self.languages or not self.languages:
            return release.language
        return self.languages[0] if self.languages[0] in Language.values else release.language


class MediaList(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    journalists = models.ManyToManyField(Journalist, blank=True, related_name="lists", verbose_name=_("journalists"))

    class Meta:
        verbose_name = _("media list")
        verbose_name_plural = _("media lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EmbargoSend(models.Model):
    """One journalist's embargo email for one release, with the personal link it carries."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Delivered to the mail server")
        FAILED = "failed", _("Failed")

    release = models.ForeignKey("releases.Release", models.CASCADE, related_name="embargo_sends")
    journalist = models.ForeignKey(Journalist, models.SET_NULL, null=True, related_name="embargo_sends")
    link = models.OneToOneField("releases.AccessLink", models.CASCADE, related_name="embargo_send")
    email = models.EmailField(_("email"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("embargo email")
        verbose_name_plural = _("embargo emails")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.email} · {self.release_id}"
