import datetime
from urllib.parse import urlencode

from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from members.models import Organization, coalition_profile

from . import pairs, search
from .caching import private
from .forms import ReleaseFilterForm
from .models import MediaContact, Release, ReleaseContact, ReleaseRemoval, Spokesperson, Tag
from .paging import IdFirstPaginator
from .workflow import can_preview

LATEST_ON_HOME = 8
RELATED_COUNT = 3


class PublishedReleasesMixin:
    """Lists of public releases, paginated; a bad page number is a 404, never a 500."""

    paginate_by = 20
    paginator_class = IdFirstPaginator

    def get_queryset(self):
        return Release.objects.published().for_listing()


def press_contacts():
    """How journalists reach the coalition, on the home page and the media contacts page alike."""
    coalition = coalition_profile()
    return {
        "contacts": MediaContact.objects.active().select_related("organization"),
        "social_links": coalition.social_links.all() if coalition else [],
    }


def home(request):
    return render(
        request,
        "releases/home.html",
        {
            "releases": Release.objects.published().for_listing()[:LATEST_ON_HOME],
            "spokespeople": Spokesperson.objects.active().select_related("organization"),
            **press_contacts(),
        },
    )


def media_contacts(request):
    return render(request, "releases/media_contacts.html", press_contacts())


def archive_years():
    """The years from the first public release to the last, newest first (two index lookups)."""
    bounds = Release.objects.published().aggregate(first=Min("released_at"), last=Max("released_at"))
    if bounds["first"] is None:
        return []
    first, last = (timezone.localtime(bounds[end]).year for end in ("first", "last"))
    return list(range(last, first - 1, -1))


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

    def title(self):
        if self.month:
            month = date_format(datetime.date(self.year, self.month, 1), "YEAR_MONTH_FORMAT")
            return _("Releases of %(month)s") % {"month": month}
        if self.year:
            return _("Releases of %(year)s") % {"year": self.year}
        return _("Releases")

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            title=self.title(),
            form=self.form,
            year=self.year,
            month=self.month,
            years=archive_years(),
            # The months of the chosen year that have public releases, for the month-by-month archive.
            months=Release.objects.published().filter(released_at__year=self.year).dates("released_at", "month")
            if self.year is not None
            else [],
            query_string=query.urlencode(),
            **kwargs,
        )


class ReleaseDetailView(DetailView):
    """A release page. The public sees published releases; staff who may preview see any release
    under a "not published" banner; a withdrawn release keeps its retraction notice, or is gone (410)."""

    preview = False
    # A release is read in its own language: asked for at the address of the other, it answers a
    # permanent redirect to its own (the page cache and browsers keep it PUBLIC_CACHE_SECONDS at most).
    at_language_address = True

    def with_page_details(self, releases):
        """The release with everything its page shows, in a constant number of queries.

        Previous/next and the translations come from public releases only, as subqueries of the
        one query: each is an index lookup, so the page stays fast however large the archive.
        """
        public = Release.objects.published()
        neighbours = {
            "previous": (
                public.filter(released_at=OuterRef("released_at"), pk__lt=OuterRef("pk")).order_by("-pk"),
                public.filter(released_at__lt=OuterRef("released_at")).order_by("-released_at", "-pk"),
            ),
            "next": (
                public.filter(released_at=OuterRef("released_at"), pk__gt=OuterRef("pk")).order_by("pk"),
                public.filter(released_at__gt=OuterRef("released_at")).order_by("released_at", "pk"),
            ),
            # The original this release translates, and its first translation (one per language today).
            "original": (public.filter(pk=OuterRef("translation_of")),),
            "translated": (public.filter(translation_of=OuterRef("pk")).order_by("language", "pk"),),
        }
        annotations = {
            f"{name}_{field}": Coalesce(*(Subquery(query.values(field)[:1]) for query in queries))
            if len(queries) > 1
            else Subquery(queries[0].values(field)[:1])
            for name, queries in neighbours.items()
            for field in ("slug", "headline", "language")
        }
        return (
            releases.select_related("boilerplate", "event")
            .defer("search_vector")
            .prefetch_related(
                Prefetch("releasecontact_set", ReleaseContact.objects.select_related("contact")),
                Prefetch("spokespeople", Spokesperson.objects.select_related("organization")),
                "cosigners",
                "tags",
                "attachments",
                "corrections",
            )
            .annotate(**annotations)
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
        try:
            self.object = self.get_object()
        except Http404:
            # A release deleted after it went public is gone, not missing.
            removal = ReleaseRemoval.objects.filter(slug=self.kwargs.get("slug")).first()
            if removal is None:
                raise
            return render(request, "releases/gone.html", {"removal": removal}, status=410)
        if self.object.answer_gone and self.object.is_withdrawn() and not self.preview:
            return render(request, "releases/gone.html", {"release": self.object}, status=410)
        if self.at_language_address and translation.get_language() != self.object.language:
            response = HttpResponsePermanentRedirect(self.address_in_own_language())
            return private(response) if self.preview else response
        with translation.override(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object)).render()
        return private(response) if self.preview else response

    def address_in_own_language(self):
        """This address (page, query and all) in the language the release is written in."""
        with translation.override(self.object.language):
            path = reverse(self.request.resolver_match.view_name, kwargs=self.kwargs)
        query = self.request.META.get("QUERY_STRING", "")
        return f"{path}?{query}" if query else path

    def language_versions(self, translations):
        """The page in each language it is written in: the release itself, and its public translation."""
        versions = {translation["language"]: translation["url"] for translation in translations}
        return {**versions, self.object.language: self.object.get_absolute_url()}

    def get_context_data(self, **kwargs):
        release = self.object
        shares_a_tag = Exists(
            Release.tags.through.objects.filter(
                release_id=OuterRef("pk"),
                tag_id__in=Release.tags.through.objects.filter(release_id=release.pk).values("tag_id"),
            )
        )
        related = (
            Release.objects.published()
            .for_listing()
            .filter(shares_a_tag)
            .exclude(pk=release.pk)
            .exclude(pk=release.translation_of_id or 0)
            .exclude(translation_of=release.pk)
            .order_by("-released_at")[:RELATED_COUNT]
        )
        translations = [
            pairs.version(
                name,
                slug=getattr(release, f"{name}_slug"),
                language=getattr(release, f"{name}_language"),
                headline=getattr(release, f"{name}_headline"),
            )
            for name in ("original", "translated")
            if getattr(release, f"{name}_slug")
        ]
        return super().get_context_data(
            preview=self.preview,
            translations=translations,
            language_versions=self.language_versions(translations),
            related=related,
            **kwargs,
        )


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
    """A member organization's page, with the releases and statements it co-signed.

    It lives here rather than beside the member directory because it lists releases: the
    dependency runs releases → members, and members knows nothing of releases.
    """

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
            "capped": search.is_capped(context["paginator"].count, self.object_list.db),
            "max_query_length": search.MAX_QUERY_LENGTH,
            "query_string": urlencode({"q": self.query}),
        }
