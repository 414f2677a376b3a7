from django.views.generic import ListView

from .forms import DirectoryFilterForm
from .models import Organization


class DirectoryView(ListView):
    """Active members and affiliates, grouped by country and then by state or region."""

    template_name = "members/directory.html"

    def get_queryset(self):
        organizations = Organization.objects.directory()
        places = sorted({value for pair in organizations.values_list("country", "region") for value in pair if value})
        self.form = DirectoryFilterForm(self.request.GET or None, places=places)
        return self.form.filter(organizations).order_by("country", "region", "name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)
