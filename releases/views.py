from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView

from .models import MediaContact, Release, Spokesperson, Tag

LATEST_ON_HOME = 10


class PublishedReleasesMixin:
    def get_queryset(self):
        return Release.objects.published().for_listing()


def home(request):
    return render(
        request,
        "releases/home.html",
        {
            "releases": Release.objects.published().for_listing()[:LATEST_ON_HOME],
            "contacts": MediaContact.objects.active().select_related("organization"),
        },
    )


class ReleaseListView(PublishedReleasesMixin, ListView):
    paginate_by = 20


class ReleaseDetailView(PublishedReleasesMixin, DetailView):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("boilerplate")
            .prefetch_related("releasecontact_set__contact", "spokespeople", "cosigners", "attachments")
        )


class TagView(PublishedReleasesMixin, ListView):
    paginate_by = 20
    template_name = "releases/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SpokespersonView(PublishedReleasesMixin, ListView):
    paginate_by = 20
    template_name = "releases/spokesperson_detail.html"

    def get_queryset(self):
        self.spokesperson = get_object_or_404(Spokesperson.objects.select_related("organization"), slug=self.kwargs["slug"])
        return super().get_queryset().filter(spokespeople=self.spokesperson)

    def get_context_data(self, **kwargs):
        return super().get_context_data(spokesperson=self.spokesperson, **kwargs)
