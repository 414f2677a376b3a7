"""Sitemaps of the public pages: the front pages, releases, the tags and spokespeople with public
releases, and a Google News sitemap of the last two days' releases.

lastmod is a release's latest public change (``Release.objects.with_public_change()``), never a draft's date.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from .models import Release, Spokesperson, Tag

PLACEHOLDER = "slug-placeholder"
FIELDS_OF_CHANGE = ["updated_at", "released_at"]  # A release's public change is the later of the two.
NEWS_WINDOW = timezone.timedelta(days=2)


def latest_public_change_of(relation):
    """The latest public change among the releases related to the outer row through ``relation``."""
    releases = Release.objects.published().filter(**{relation: OuterRef("pk")}).with_public_change()
    return Subquery(releases.order_by("-public_change").values("public_change")[:1])


def latest_public_change_naming(relation):
    """The latest public change of a release that names any row through ``relation``: the latest of
    each row's, found from the newest releases backwards (an index scan that stops at the first)."""
    releases = Release.objects.published().filter(
        Exists(Release._meta.get_field(relation).remote_field.through.objects.filter(release=OuterRef("pk")))
    )
    latest = [releases.order_by(f"-{field}").values_list(field, flat=True).first() for field in FIELDS_OF_CHANGE]
    return max((moment for moment in latest if moment), default=None)


class PageSitemap(Sitemap):
    """The front pages; the home page and the release list change with every public release."""

    changes_with_releases = {"home", "releases:list"}

    def items(self):
        return ["home", "releases:list", "members:directory", "media-contacts"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def latest_release_change(self):
        return Release.objects.published().last_public_change()

    def lastmod(self, name):
        return self.latest_release_change if name in self.changes_with_releases else None

    def get_latest_lastmod(self):
        return self.latest_release_change


class ReleaseSitemap(Sitemap):
    limit = 2000  # URLs per sitemap page: each page is made in well under 100 ms, however large the archive.

    def items(self):
        # Plain (slug, change) rows, not model instances: 5,000 of them make a page.
        return Release.objects.published().with_public_change().values_list("slug", "public_change", named=True)

    def location(self, release):
        return self._address.replace(PLACEHOLDER, release.slug)

    @cached_property
    def _address(self):
        return reverse("releases:detail", kwargs={"slug": PLACEHOLDER})

    def lastmod(self, release):
        return release.public_change

    def get_latest_lastmod(self):
        return Release.objects.published().last_public_change()


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.in_use().annotate(public_change=latest_public_change_of("tags"))

    def lastmod(self, tag):
        return tag.public_change

    def get_latest_lastmod(self):
        """The latest public change of a release with a tag: the latest of every tag's, without reading them all."""
        return latest_public_change_naming("tags")


class SpokespersonSitemap(Sitemap):
    def items(self):
        return Spokesperson.objects.quoted().annotate(public_change=latest_public_change_of("spokespeople"))

    def lastmod(self, person):
        return person.public_change

    def get_latest_lastmod(self):
        return latest_public_change_naming("spokespeople")


class NewsSitemap(Sitemap):
    """Releases that went public in the last two days, for Google News (``sitemaps/news.xml``)."""

    limit = 1000  # Google News reads at most 1,000 URLs per sitemap.

    def items(self):
        recent = Release.objects.published().filter(released_at__gte=timezone.now() - NEWS_WINDOW)
        return recent.with_public_change().only("slug", "headline", "language", "released_at")

    def lastmod(self, release):
        return release.public_change
