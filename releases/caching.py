"""HTTP caching of public pages, decided in one place.

A public page may be kept by browsers, proxies and CDNs for PUBLIC_CACHE_SECONDS, but never past
the next scheduled release moment, when lists, feeds and counts change. Pages for signed-in staff
and pages that set their own policy (previews, embargo links) are left private. What is cached here
about publication is keyed by the publication generation (``releases.generation``) and expires.
"""

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from . import generation
from .models import Release, StatusChange

NEXT_MOMENT_KEY = "releases:next-moment-since"
LAST_REMOVAL_KEY = "releases:last-public-removal"
CACHEABLE_STATUSES = {200, 301, 404, 410}


def next_moment(since: datetime | None = None) -> datetime | None:
    """The first moment after ``since`` (default: now) at which a release goes public, or None;
    cached until then (or a change).

    ``since`` is when a page was begun: a release that went public while the page was being made is
    missing from it, so its moment counts though it has passed. The cache keeps the moment with the
    time it was looked up as of, and answers only for pages begun after that.
    """
    now = timezone.now()
    since = min(since or now, now)
    key = generation.key(NEXT_MOMENT_KEY)
    cached = cache.get(key)
    if cached is not None:
        moment, as_of = cached
        if as_of <= since and (moment is None or moment > since):
            return moment
    moment = (
        (Release.objects.scheduled() | Release.objects.published().filter(released_at__gt=since))
        .order_by("released_at")
        .values_list("released_at", flat=True)
        .first()
    )
    timeout = settings.PUBLIC_CACHE_SECONDS
    if moment is not None:
        timeout = max(1, min(timeout, int((moment - now).total_seconds())))
    cache.set(key, (moment, since), timeout=timeout)
    return moment


def last_public_removal() -> datetime | None:
    """When a public release last left the public (withdrawn, unpublished or deleted), or None.

    Feeds take it into their Last-Modified, so a reader asking "changed since?" hears yes.
    """
    key = generation.key(LAST_REMOVAL_KEY)
    moment = cache.get(key, default=False)
    if moment is False:
        moment = StatusChange.objects.filter(
            from_status=Release.Status.PUBLISHED, changed_at__gte=F("release__released_at")
        ).aggregate(latest=Max("changed_at"))["latest"]
        cache.set(key, moment, timeout=settings.PUBLIC_CACHE_SECONDS)
    deleted = generation.noted_public_removal()
    return max((m for m in (moment, deleted) if m), default=None)


def public_max_age(started: datetime | None = None) -> int:
    """Seconds a public page begun at ``started`` may be kept: never past the first release moment after it."""
    now = timezone.now()
    seconds = settings.PUBLIC_CACHE_SECONDS
    moment = next_moment(since=started)
    if moment is not None:
        seconds = min(seconds, int((moment - now).total_seconds()))
    return max(seconds, 0)


def private(response: HttpResponse) -> HttpResponse:
    """For pages of unpublished releases (previews, embargo links): never stored, never indexed."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = timezone.now()
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code not in CACHEABLE_STATUSES
            or (user is not None and user.is_authenticated)
            or response.cookies
        ):
            patch_cache_control(response, private=True, no_store=True)
            return response
        patch_cache_control(response, public=True, max_age=public_max_age(started))
        patch_vary_headers(response, ["Cookie"])
        return response
