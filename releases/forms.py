from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members.models import Organization

from .caching import kept_until_next_moment
from .models import Language, Release, Spokesperson, Tag
from .models.visibility import named_by_public_releases


class ReleaseFilterForm(forms.Form):
    """The public release list's filters. Invalid values are ignored visibly (a notice above the list and
    the error in the form), never a 500 and never a silently unfiltered list.

    Tag, spokesperson and member choices list only those with public releases, by slug.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Release.Kind.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *Language.choices]
    )
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    spokesperson = forms.ChoiceField(label=_("Spokesperson"), required=False)
    member = forms.ChoiceField(label=_("Co-signed by"), required=False)

    lookups = {
        "kind": "kind",
        "language": "language",
        "tag": "tags__slug",
        "spokesperson": "spokespeople__slug",
        "member": "cosigners__slug",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {
            "tag": (_("All topics"), Tag.objects.in_use()),
            "spokesperson": (_("Anyone"), Spokesperson.objects.quoted()),
            "member": (
                _("Any organization"),
                named_by_public_releases(Organization.objects, Release.objects, "cosigners"),
            ),
        }
        # The choices change only with what is public: kept for the generation, until the next moment.
        lists = kept_until_next_moment(
            f"releases:filter-choices:{translation.get_language()}",
            lambda: {
                # Tags by their name in the page's language.
                name: sorted(
                    ((row.slug, getattr(row, "display_name", row.name)) for row in queryset),
                    key=lambda choice: choice[1].casefold(),
                )
                for name, (_label, queryset) in choices.items()
            },
        )
        for name, (empty_label, _queryset) in choices.items():
            self.fields[name].choices = [("", empty_label), *lists[name]]

    def ignored(self) -> list[tuple[str, str]]:
        """(label, value) of each filter given a value it does not know: left out of the list, and said so."""
        if not self.is_bound or self.is_valid():
            return []
        return [(self.fields[name].label, self.data.get(name, "")) for name in self.errors if name in self.fields]

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        self.is_valid()
        for name, lookup in self.lookups.items():
            if self.cleaned_data.get(name):
                queryset = queryset.filter(**{lookup: self.cleaned_data[name]})
        return queryset
