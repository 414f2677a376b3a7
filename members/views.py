from django.views.generic import DetailView, ListView

from .models import Organization


class DirectoryView(ListView):
    queryset = Organization.objects.directory().order_by("country", "region", "name")
    template_name = "members/directory.html"


class OrganizationDetailView(DetailView):
    queryset = Organization.objects.directory()
