"""Sitemaps of the public pages: the front pages, releases, the tags and spokespeople with public
releases, and a Google News sitemap of the last two days' releases.

Every page is listed in each language it exists in, with its versions as ``xhtml:link`` hreflang
alternates and x-default (Django's ``i18n``, ``alternates``, ``x_default``). A release exists in its own
language only: the release sitemap lists each work (``pairs.works``) in the languages of its versions.

lastmod is a release's latest public change (``Release.objects.with_public_change()``), never a draft's date.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation

from . import pairs
from .caching import kept_until_next_moment
from .models import Release, Spokesperson, Tag

PLACEHOLDER = "slug-placeholder"
FIELDS_OF_CHANGE = ["updated_at", "released_at"]  # A release's public change is the later of the two.
NEWS_WINDOW = timezone.timedelta(days=2)


def latest_public_change_of(relation):
    """The latest public change among the releases related to the outer row through ``relation``."""
    releases = Release.objects.published().filter(**{relation: OuterRef("pk")}).with_public_change()
    return Subquery(releases.order_by("-public_change").values("public_change")[:1])


def latest_public_change():
    """The latest public change of any release: what the front pages and the release sitemap date themselves by."""
    return kept_until_next_moment("releases:latest-change", Release.objects.published().last_public_change)


def latest_public_change_naming(relation):
    """The latest public change of a release that names any row through ``relation``: the latest of
    each row's, found from the newest releases backwards (an index scan that stops at the first)."""
    releases = Release.objects.published().filter(
        Exists(Release._meta.get_field(relation).remote_field.through.objects.filter(release=OuterRef("pk")))
    )
    latest = [releases.order_by(f"-{field}").values_list(field, flat=True).first() for field in FIELDS_OF_CHANGE]
    return max((moment for moment in latest if moment), default=None)


class InEachLanguage(Sitemap):
    """Pages that exist in every language, each listed with its versions in the others."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(InEachLanguage):
    """The front pages; the home page and the release list change with every public release."""

    changes_with_releases = {"home", "releases:list"}

    def items(self):
        return ["home", "releases:list", "members:directory", "media-contacts"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def latest_release_change(self):
        return latest_public_change()

    def lastmod(self, name):
        return self.latest_release_change if name in self.changes_with_releases else None

    def get_latest_lastmod(self):
        return self.latest_release_change


class VersionsOfWorks:
    """The (work, language) entries of a sitemap, paged by work and read one page at a time.

    Django's i18n sitemap builds the entry of every item in every language before paging, which at
    100,000 releases takes seconds per page; a page here reads only its own works (the paginator
    counts with ``count()`` and slices), each listed in the languages of its versions.
    """

    def __init__(self, works, languages_for):
        self.works, self.languages_for = works, languages_for

    def count(self):
        return self.works.count()

    def __getitem__(self, index):
        return [(work, language) for work in self.works[index] for language in self.languages_for(work)]


class ReleaseSitemap(InEachLanguage):
    """Each work once per version: the release at its own language's address, its translation at its."""

    limit = 1000  # Works per sitemap page (up to 2,000 URLs): each page is read on its own, in well under 100 ms.

    def items(self):
        # Plain rows, not model instances.
        fields = ("slug", "language", "translated_slug", "translated_language", "public_change")
        return pairs.works().order_by("-released_at", "-pk").values_list(*fields, named=True)

    def _items(self):
        return VersionsOfWorks(self.items(), self.get_languages_for_item)

    def get_languages_for_item(self, work):
        return [work.language, work.translated_language] if work.translated_slug else [work.language]

    def location(self, work):
        language = translation.get_language()
        slug = work.slug if language == work.language else work.translated_slug
        return self._address(language).replace(PLACEHOLDER, slug)

    @cached_property
    def _addresses(self):
        return {}

    def _address(self, language):
        if language not in self._addresses:
            self._addresses[language] = reverse("releases:detail", kwargs={"slug": PLACEHOLDER})
        return self._addresses[language]

    def lastmod(self, work):
        return work.public_change

    def get_latest_lastmod(self):
        return latest_public_change()


class TagSitemap(InEachLanguage):
    def items(self):
        return Tag.objects.in_use().annotate(public_change=latest_public_change_of("tags"))

    def lastmod(self, tag):
        return tag.public_change

    def get_latest_lastmod(self):
        """The latest public change of a release with a tag: the latest of every tag's, without reading them all."""
        return kept_until_next_moment("releases:latest-change:tags", lambda: latest_public_change_naming("tags"))


class SpokespersonSitemap(InEachLanguage):
    def items(self):
        return Spokesperson.objects.quoted().annotate(public_change=latest_public_change_of("spokespeople"))

    def lastmod(self, person):
        return person.public_change

    def get_latest_lastmod(self):
        return kept_until_next_moment(
            "releases:latest-change:spokespeople", lambda: latest_public_change_naming("spokespeople")
        )


class NewsSitemap(Sitemap):
    """Releases that went public in the last two days, for Google News (``sitemaps/news.xml``)."""

    limit = 1000  # Google News reads at most 1,000 URLs per sitemap.

    def items(self):
        recent = Release.objects.published().filter(released_at__gte=timezone.now() - NEWS_WINDOW)
        return recent.with_public_change().only("slug", "headline", "language", "released_at")

    def lastmod(self, release):
        return release.public_change
