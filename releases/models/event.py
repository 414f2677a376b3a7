"""The event a media advisory announces: when and where, shown as WHAT/WHO/WHEN/WHERE and as .ics."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .media_list import default_time_zone, validate_time_zone


class AdvisoryEvent(models.Model):
    release = models.OneToOneField("releases.Release", models.CASCADE, related_name="event")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Where the event happens, e.g. America/Los_Angeles: its times are printed in it."),
    )
    place_name = models.CharField(_("place"), max_length=200, blank=True, help_text=_("e.g. Federal Building steps"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("A livestream or video call, if any."))

    class Meta:
        verbose_name = _("event (media advisory)")
        verbose_name_plural = _("event (media advisory)")

    def __str__(self):
        return self.place_name or self.address or str(self.starts_at)

    def clean(self):
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if not (self.place_name or self.address or self.online_url):
            errors["place_name"] = _("Say where: a place, an address or an online link.")
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone) if self.ends_at else None
