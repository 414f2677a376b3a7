"""Personal links to unpublished releases (embargoed early access, previews) and their openings."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class AccessLinkQuerySet(models.QuerySet):
    def usable(self) -> "AccessLinkQuerySet":
        """Links that still open: not revoked and not expired, judged now."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class AccessLink(models.Model):
    """A personal, expiring, revocable link to an unpublished release.

    An embargo link gives a named journalist early access to a scheduled release; a preview
    link lets a reviewer without an account (a spokesperson, a member) read a draft.
    """

    class Purpose(models.TextChoices):
        EMBARGO = "embargo", _("Embargoed early access (journalist)")
        PREVIEW = "preview", _("Preview for review")

    release = models.ForeignKey("Release", models.CASCADE, related_name="access_links")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose, default=Purpose.EMBARGO)
    name = models.CharField(_("name"), max_length=200, help_text=_("Who the link is for."))
    email = models.EmailField(_("email"), blank=True)
    outlet = models.CharField(_("outlet or organization"), max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AccessLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("access link")
        verbose_name_plural = _("access links")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("access-link", kwargs={"token": self.token})


class AccessLog(models.Model):
    """One opening of an access link."""

    link = models.ForeignKey(AccessLink, models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(_("viewed"), auto_now_add=True)
    path = models.CharField(_("page"), max_length=300)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("view")
        verbose_name_plural = _("views")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.link} {self.viewed_at:%Y-%m-%d %H:%M}"
