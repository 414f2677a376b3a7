from urllib.parse import urlencode

from django.db.models import Case, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from members.models import Organization, coalition_profile

from . import search
from .caching import private
from .forms import ReleaseFilterForm
from .models import MediaContact, Release, ReleaseContact, Spokesperson, Tag
from .publishing import can_preview

LATEST_ON_HOME = 8
RELATED_COUNT = 3


class PublishedReleasesMixin:
    """Lists of public releases, paginated; a bad page number is a 404, never a 500."""

    paginate_by = 20

    def get_queryset(self):
        return Release.objects.published().for_listing()


def home(request):
    coalition = coalition_profile()
    return render(
        request,
        "releases/home.html",
        {
            "releases": Release.objects.published().for_listing()[:LATEST_ON_HOME],
            "contacts": MediaContact.objects.active().select_related("organization"),
            "spokespeople": Spokesperson.objects.active().select_related("organization"),
            "social_links": coalition.social_links.all() if coalition else [],
        },
    )


def media_contacts(request):
    coalition = coalition_profile()
    return render(
        request,
        "releases/media_contacts.html",
        {
            "contacts": MediaContact.objects.active().select_related("organization"),
            "social_links": coalition.social_links.all() if coalition else [],
        },
    )


class ReleaseListView(PublishedReleasesMixin, ListView):
    """All public releases, filtered by the form's fields and by the archive's year and month."""

    def get_queryset(self):
        self.form = ReleaseFilterForm(self.request.GET or None)
        queryset = self.form.filter(super().get_queryset())
        self.year, self.month = self.kwargs.get("year"), self.kwargs.get("month")
        if self.year is not None:
            if not 1 <= self.year <= 9999:
                raise Http404(_("No such year."))
            queryset = queryset.filter(released_at__year=self.year)
        if self.month is not None:
            if not 1 <= self.month <= 12:
                raise Http404(_("No such month."))
            queryset = queryset.filter(released_at__month=self.month)
        return queryset

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=self.form,
            year=self.year,
            month=self.month,
            years=Release.objects.published().dates("released_at", "year", order="DESC"),
            query_string=query.urlencode(),
            **kwargs,
        )


class ReleaseDetailView(DetailView):
    """A release page. The public sees published releases; staff who may preview see any release
    under a "not published" banner; a withdrawn release keeps its retraction notice, or is gone (410)."""

    preview = False

    def with_page_details(self, releases):
        public = Release.objects.published()
        earlier = public.filter(
            Q(released_at__lt=OuterRef("released_at")) | Q(released_at=OuterRef("released_at"), pk__lt=OuterRef("pk"))
        ).order_by("-released_at", "-pk")
        later = public.filter(
            Q(released_at__gt=OuterRef("released_at")) | Q(released_at=OuterRef("released_at"), pk__gt=OuterRef("pk"))
        ).order_by("released_at", "pk")
        return (
            releases.select_related("boilerplate")
            .defer("search_vector")
            .prefetch_related(
                Prefetch("releasecontact_set", ReleaseContact.objects.select_related("contact")),
                Prefetch("spokespeople", Spokesperson.objects.select_related("organization")),
                "cosigners",
                "tags",
                "attachments",
                "corrections",
            )
            .annotate(
                previous_slug=Subquery(earlier.values("slug")[:1]),
                previous_headline=Subquery(earlier.values("headline")[:1]),
                next_slug=Subquery(later.values("slug")[:1]),
                next_headline=Subquery(later.values("headline")[:1]),
            )
        )

    def get_queryset(self):
        return self.with_page_details(Release.objects.published())

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            if not can_preview(self.request.user):
                return get_object_or_404(self.with_page_details(Release.objects.retracted()), slug=self.kwargs["slug"])
        self.preview = True
        return get_object_or_404(self.with_page_details(Release.objects.all()), slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.answer_gone and self.object.status == Release.Status.WITHDRAWN and not self.preview:
            return render(request, "releases/gone.html", {"release": self.object}, status=410)
        with translation.override(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object)).render()
        return private(response) if self.preview else response

    def get_context_data(self, **kwargs):
        release = self.object
        group = release.translation_of_id or release.pk
        shared_tags = Release.tags.through.objects.filter(release_id=release.pk).values("tag_id")
        neighbours = list(
            Release.objects.published()
            .filter(Q(tags__in=shared_tags) | Q(pk=group) | Q(translation_of=group))
            .exclude(pk=release.pk)
            .annotate(
                is_translation=Case(
                    When(Q(pk=group) | Q(translation_of=group), then=Value(1)), default=Value(0), output_field=IntegerField()
                )
            )
            .order_by("-is_translation", "-released_at")
            .distinct()
            .defer("body")[: RELATED_COUNT + 2]
        )
        translations = [other for other in neighbours if other.is_translation]
        related = [other for other in neighbours if not other.is_translation][:RELATED_COUNT]
        return super().get_context_data(preview=self.preview, translations=translations, related=related, **kwargs)


class ReleaseTextView(ReleaseDetailView):
    """The release in wire format, for journalists to paste: plain text ending with ###."""

    template_name = "releases/release_detail.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        return super(DetailView, self).get_context_data(**kwargs)


class TagView(PublishedReleasesMixin, ListView):
    template_name = "releases/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag.objects.in_use(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SpokespersonView(PublishedReleasesMixin, ListView):
    template_name = "releases/spokesperson_detail.html"

    def get_queryset(self):
        self.spokesperson = get_object_or_404(
            Spokesperson.objects.listed().select_related("organization"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(spokespeople=self.spokesperson)

    def get_context_data(self, **kwargs):
        return super().get_context_data(spokesperson=self.spokesperson, **kwargs)


class MemberView(PublishedReleasesMixin, ListView):
    """A member organization's page, with the releases and statements it co-signed."""

    template_name = "members/organization_detail.html"

    def get_queryset(self):
        self.organization = get_object_or_404(Organization.objects.directory(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(cosigners=self.organization)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization, **kwargs)


class SearchView(ListView):
    """Public releases matching ``?q=``, best first; a blank query shows the form and tips."""

    paginate_by = 20
    template_name = "releases/search.html"

    def get_queryset(self):
        self.raw_query = self.request.GET.get("q", "")
        self.query = search.clean_query(self.raw_query)
        if not self.query:
            return Release.objects.none()
        return search.search(Release.objects.published().prefetch_related("tags"), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search.highlight(context["page_obj"], self.query)
        return {
            **context,
            "query": self.query,
            "shortened": len(" ".join(self.raw_query.split())) > len(self.query),
            "max_query_length": search.MAX_QUERY_LENGTH,
            "query_string": urlencode({"q": self.query}),
        }
