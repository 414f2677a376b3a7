from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search members"), required=False, max_length=100)
    place = forms.ChoiceField(label=_("State or country"), required=False)

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", _("Everywhere")), *[(place, place) for place in places]]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if query := self.cleaned_data["q"].strip():
            # Accents and case aside (members.accents): "raices" finds "Raíces".
            queryset = queryset.filter(
                Q(name__unaccent__icontains=query)
                | Q(short_name__unaccent__icontains=query)
                | Q(city__unaccent__icontains=query)
                | Q(region__unaccent__icontains=query)
                | Q(country__unaccent__icontains=query)
            )
        if place := self.cleaned_data["place"]:
            queryset = queryset.filter(Q(region=place) | Q(country=place))
        return queryset
