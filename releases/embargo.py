"""Personal access links to unpublished releases: embargoed early access and previews.

Every opening is logged. The pages are never cached and never indexed.
"""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation

from .caching import private
from .models import AccessLink, AccessLog, Release
from .serving import serve_release_file
from .views import ReleaseDetailView, press_contacts


class ClosedLink(Exception):
    """A link that does not open: ``reason`` is "revoked", "expired" or "unavailable"; ``language``, the
    language of the release a revoked or expired link was for (its page says so in that language)."""

    def __init__(self, reason, language=None):
        super().__init__(reason)
        self.reason = reason
        self.language = language


def usable_link(token):
    """The link for this token if it still opens; otherwise ClosedLink, saying why.

    A preview link opens a release still being written (draft or in review); an embargo link, a
    scheduled release before its moment. Once the release has gone public, either leads to its
    public page; in any other state (unpublished again, withdrawn) the link no longer opens, and
    says no more than a token that never was one.
    """
    link = AccessLink.objects.select_related("release").filter(token=token).first()
    if link is None:
        raise ClosedLink("unavailable")
    if link.revoked_at is not None:
        raise ClosedLink("revoked", link.release.language)
    if link.expires_at <= timezone.now():
        raise ClosedLink("expired", link.release.language)
    release = link.release
    if release.is_published():
        return link
    if link.purpose == AccessLink.Purpose.PREVIEW and release.status in (Release.Status.DRAFT, Release.Status.REVIEW):
        return link
    if link.purpose == AccessLink.Purpose.EMBARGO and release.is_scheduled():
        return link
    raise ClosedLink("unavailable")


def closed_link_page(request, closed):
    """404 for a link that never was or no longer leads anywhere, 410 for a revoked or expired one;
    the page says which, and how to reach the press office."""
    status = 410 if closed.reason in ("revoked", "expired") else 404
    with translation.override(closed.language or translation.get_language()):
        context = {"reason": closed.reason, **press_contacts()}
        return private(render(request, "releases/link_closed.html", context, status=status))


class AccessLinkView(ReleaseDetailView):
    """The release as the journalist or reviewer holding the link will see it once public.

    One address for the link, in the release's language; the page has no version in another language.
    """

    at_language_address = False

    def get(self, request, *args, **kwargs):
        try:
            self.link = usable_link(kwargs["token"])
        except ClosedLink as closed:
            return closed_link_page(request, closed)
        AccessLog.objects.create(
            link=self.link, path=request.path[:300], user_agent=request.headers.get("User-Agent", "")[:300]
        )
        if self.link.release.is_published():
            return redirect(self.link.release)  # The embargo has lifted: the public page is the one to read.
        return private(super().get(request, *args, **kwargs))

    def get_object(self, queryset=None):
        return get_object_or_404(self.with_page_details(Release.objects.all()), pk=self.link.release_id)

    def language_versions(self, translations):
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(access_link=self.link, **kwargs)


def access_link_file(request, token, pk=None):
    """An attachment (or, without ``pk``, the featured image) of the release behind a usable link."""
    try:
        link = usable_link(token)
    except ClosedLink as closed:
        return closed_link_page(request, closed)
    if link.release.is_published():
        return redirect(
            link.release.image_url()
            if pk is None
            else reverse("releases:file", kwargs={"slug": link.release.slug, "pk": pk})
        )
    return private(serve_release_file(link.release, pk))
