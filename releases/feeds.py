"""RSS 2.0 and Atom feeds of published releases: all of them, or those of one tag, kind,
spokesperson, co-signing member or language.

Every feed exists in each language of the pages, at the same address under its prefix (/es/feeds/…):
titled and described in that language and declaring it (``<language>``, the feed's ``xml:lang``; the
syndication framework takes the active language), with the same items in both: each item says its
own language (Atom's ``xml:lang``) and links to the release at its own language's address. The feed
of one language's releases (``LanguageFeed``) declares theirs.

Feeds show the latest ``LATEST`` items of ``Release.objects.on_record()``: public releases, and
the retraction notices of withdrawn ones, which stay where the release was (same guid), titled and
dated as withdrawn, so a reader who has the item learns it was retracted and why. A release removed
entirely (410 Gone, or deleted) leaves. Every date a feed states (item dates, lastBuildDate/updated,
Last-Modified) is a public one, and Last-Modified counts removals too, so it never goes backwards.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import decorator_from_middleware
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, get_tag_uri
from django.utils.formats import date_format
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from members.models import Organization, coalition_profile

from .caching import last_public_removal
from .models import Language, Release, Spokesperson, Tag

LATEST = 50


class ReleaseRssFeed(Rss201rev2Feed):
    """RSS 2.0 with each release in full in ``content:encoded``; ``description`` has its summary."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class ReleaseAtomFeed(Atom1Feed):
    """Atom 1.0 with each release in full in ``content``, in the release's own language."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["language"]}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class ReleaseFeed(Feed):
    """The latest published releases, newest first. Subclasses narrow them to one subject.

    Like a class-based view, one instance serves one request (see ``as_view``), so the
    request and the coalition profile can live on it.
    """

    item_guid_is_permalink = False

    def __init__(self, feed_type):
        self.feed_type = feed_type

    @classmethod
    def as_view(cls, feed_type):
        """The feed as a view answering conditional GETs.

        Last-Modified is the latest public change among the items shown, checked before anything
        is rendered; the ETag is a hash of the bytes sent, so it changes whenever they do.
        """

        def last_modified(request, **kwargs):
            moments = [cls.releases(**kwargs)[:LATEST].last_public_change(), last_public_removal()]
            request.feed_last_modified = max((moment for moment in moments if moment), default=None)
            return request.feed_last_modified

        @decorator_from_middleware(ConditionalGetMiddleware)
        @condition(last_modified_func=last_modified)
        def view(request, **kwargs):
            response = cls(feed_type)(request, **kwargs)
            # The syndication framework dates the feed by its items; a removal counts too.
            if request.feed_last_modified:
                response["Last-Modified"] = http_date(request.feed_last_modified.timestamp())
            return response

        return view

    @classmethod
    def releases(cls, **kwargs):
        """The releases this feed shows, from the URL's arguments alone (no other lookup)."""
        return Release.objects.on_record()

    def __call__(self, request, **kwargs):
        self.request, self.kwargs = request, kwargs
        self.coalition = coalition_profile()
        return super().__call__(request, **kwargs)

    def subject(self, obj):
        return _("Press releases")

    def title(self, obj):
        if self.coalition:
            return f"{self.subject(obj)} · {self.coalition.name}"
        return self.subject(obj)

    def description(self, obj):
        return (self.coalition.display_description if self.coalition else "") or self.title(obj)

    def link(self, obj):
        return reverse("releases:list")

    def author_name(self):
        return self.coalition.name if self.coalition else None

    def author_email(self):
        return (self.coalition and self.coalition.press_email) or None

    def author_link(self):
        return self.request.build_absolute_uri(reverse("home")) if self.coalition else None

    def items(self, obj):
        return self.releases(**self.kwargs).select_related("boilerplate").prefetch_related("tags")[:LATEST]

    def item_title(self, release):
        if release.is_withdrawn():
            return _("Withdrawn: %(headline)s") % {"headline": release.headline}
        return release.headline

    def item_description(self, release):
        if release.is_withdrawn():
            return _("Withdrawn on %(date)s: %(reason)s") % {
                "date": date_format(timezone.localtime(release.withdrawn_at), "DATE_FORMAT"),
                "reason": release.withdrawal_reason,
            }
        return release.summary or None

    def item_extra_kwargs(self, release):
        content = render_to_string("feeds/release_content.html", {"release": release})
        return {"content": content, "language": release.language}

    def item_guid(self, release):
        """A tag: URI made of the host, the creation date and the id, so it survives slug changes."""
        return get_tag_uri(f"//{self.request.get_host()}/releases/{release.pk}", release.created_at)

    def item_pubdate(self, release):
        return release.released_at

    def item_updateddate(self, release):
        return release.modified_at

    def item_author_name(self, release):
        return self.author_name()

    def item_author_email(self, release):
        return self.author_email()

    def item_categories(self, release):
        return [tag.display_name for tag in release.tags.all()]

    def item_enclosures(self, release):
        """The lead image, with its size read from storage; left out if the file is missing."""
        if not release.image or release.is_withdrawn():
            return []
        try:
            length = release.image.size
        except OSError:
            return []
        mime_type = mimetypes.guess_type(release.image.name)[0] or "application/octet-stream"
        return [Enclosure(self.request.build_absolute_uri(release.image_url()), str(length), mime_type)]


class LatestReleasesFeed(ReleaseFeed):
    pass


class TagFeed(ReleaseFeed):
    @classmethod
    def releases(cls, *, slug):
        return super().releases().filter(tags__in=Tag.objects.in_use().filter(slug=slug))

    def get_object(self, request, *, slug):
        return get_object_or_404(Tag.objects.in_use(), slug=slug)

    def subject(self, tag):
        return _("Releases about “%(name)s”") % {"name": tag.display_name}

    def link(self, tag):
        return tag.get_absolute_url()


class KindFeed(ReleaseFeed):
    @classmethod
    def releases(cls, *, kind):
        return super().releases().filter(kind=kind)

    def get_object(self, request, *, kind):
        if kind not in Release.Kind.values:
            raise Http404(_("No such kind of release."))
        return Release.Kind(kind)

    def subject(self, kind):
        return _("Releases of the kind “%(kind)s”") % {"kind": kind.label}

    def link(self, kind):
        return f"{reverse('releases:list')}?kind={kind.value}"


class SpokespersonFeed(ReleaseFeed):
    @classmethod
    def people(cls):
        """As on the spokesperson's page: active people, and inactive ones quoted in public."""
        return Spokesperson.objects.listed()

    @classmethod
    def releases(cls, *, slug):
        return super().releases().filter(spokespeople__in=cls.people().filter(slug=slug))

    def get_object(self, request, *, slug):
        return get_object_or_404(self.people(), slug=slug)

    def subject(self, person):
        return _("Releases quoting %(name)s") % {"name": person.name}

    def link(self, person):
        return person.get_absolute_url()


class MemberFeed(ReleaseFeed):
    @classmethod
    def releases(cls, *, slug):
        return super().releases().filter(cosigners__in=Organization.objects.directory().filter(slug=slug))

    def get_object(self, request, *, slug):
        return get_object_or_404(Organization.objects.directory(), slug=slug)

    def subject(self, organization):
        return _("Releases co-signed by %(name)s") % {"name": organization.name}

    def link(self, organization):
        return organization.get_absolute_url()


class LanguageFeed(ReleaseFeed):
    @classmethod
    def releases(cls, *, code):
        return super().releases().filter(language=code)

    def get_object(self, request, *, code):
        if code not in Language.values:
            raise Http404(_("No releases are written in this language."))
        self.language = code  # Feed.get_feed() reads it: the feed's own <language>/xml:lang.
        return Language(code)

    def subject(self, language):
        return _("Releases in %(language)s") % {"language": language.label}

    def link(self, language):
        return f"{reverse('releases:list')}?language={language.value}"
