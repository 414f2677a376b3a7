import datetime as dt
import zoneinfo

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import AdvisoryEvent


class AdvisoryEventForm(forms.ModelForm):
    """Times are typed as the event's own clock shows them, in its time zone (not the coalition's)."""

    starts_at = forms.SplitDateTimeField(label=_("starts"), widget=admin.widgets.AdminSplitDateTime)
    ends_at = forms.SplitDateTimeField(label=_("ends"), widget=admin.widgets.AdminSplitDateTime, required=False)

    class Meta:
        model = AdvisoryEvent
        fields = ["starts_at", "ends_at", "time_zone", "place_name", "address", "online_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = self.instance.zone
            for name in ("starts_at", "ends_at"):
                if value := getattr(self.instance, name):
                    self.initial[name] = timezone.make_naive(value, zone)
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("In the event's time zone.")
        # The zone's default is a setting, the same at every call: no hidden copy of it is needed to tell
        # whether the form changed (and that copy would carry aria attributes a hidden input may not).
        self.fields["time_zone"].show_hidden_initial = False

    def clean(self):
        data = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(data.get("time_zone") or "")
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            return data
        for name in ("starts_at", "ends_at"):
            if isinstance(data.get(name), dt.datetime):
                data[name] = timezone.make_aware(timezone.make_naive(data[name]), zone)
                setattr(self.instance, name, data[name])
        return data


class AdvisoryEventInline(admin.StackedInline):
    """A media advisory's event: printed as WHAT/WHO/WHEN/WHERE and offered as a calendar file."""

    model = AdvisoryEvent
    form = AdvisoryEventForm
    extra = 0
    max_num = 1
