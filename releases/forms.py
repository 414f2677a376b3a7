from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organization

from .models import Language, Release, Spokesperson, Tag


class ReleaseFilterForm(forms.Form):
    """The public release list's filters. Invalid values are reported and ignored, never a 500."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Release.Kind.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *Language.choices]
    )
    tag = forms.ModelChoiceField(
        label=_("Topic"), required=False, queryset=Tag.objects.none(), to_field_name="slug", empty_label=_("All topics")
    )
    spokesperson = forms.ModelChoiceField(
        label=_("Spokesperson"), required=False, queryset=Spokesperson.objects.none(), to_field_name="slug",
        empty_label=_("Anyone"),
    )
    member = forms.ModelChoiceField(
        label=_("Co-signed by"), required=False, queryset=Organization.objects.none(), to_field_name="slug",
        empty_label=_("Any organization"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].queryset = Tag.objects.in_use()
        self.fields["spokesperson"].queryset = Spokesperson.objects.quoted()
        self.fields["member"].queryset = Organization.objects.filter(
            cosigned_releases__in=Release.objects.published()
        ).distinct()

    def filter(self, queryset):
        if not self.is_valid():
            # Keep the valid filters; the form shows what was wrong with the others.
            data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        else:
            data = self.cleaned_data
        lookups = {
            "kind": "kind",
            "language": "language",
            "tag": "tags",
            "spokesperson": "spokespeople",
            "member": "cosigners",
        }
        for name, lookup in lookups.items():
            if data.get(name):
                queryset = queryset.filter(**{lookup: data[name]})
        return queryset
