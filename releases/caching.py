"""HTTP caching of public pages, decided in one place.

A public page may be kept by browsers, proxies and CDNs for PUBLIC_CACHE_SECONDS, but never past
the next scheduled release moment, when lists, feeds and counts change. Pages for signed-in staff
and pages that set their own policy (previews, embargo links) are left private.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from .models import Release

NEXT_MOMENT_KEY = "releases:next-moment"
CACHEABLE_STATUSES = {200, 301, 404, 410}


def next_moment():
    """The next moment a scheduled release goes public, or None; cached until then (or a change).

    A cached moment that has just passed is looked up again: the cache may keep it a second longer.
    """
    moment = cache.get(NEXT_MOMENT_KEY, default=False)
    if moment is False or (moment is not None and moment <= timezone.now()):
        moment = Release.objects.scheduled().order_by("released_at").values_list("released_at", flat=True).first()
        timeout = settings.PUBLIC_CACHE_SECONDS
        if moment is not None:
            timeout = max(1, min(timeout, int((moment - timezone.now()).total_seconds())))
        cache.set(NEXT_MOMENT_KEY, moment, timeout=timeout)
    return moment


@receiver(post_save, sender=Release)
@receiver(post_delete, sender=Release)
def forget_next_moment(**kwargs):
    cache.delete(NEXT_MOMENT_KEY)


def public_max_age(now=None):
    now = now or timezone.now()
    seconds = settings.PUBLIC_CACHE_SECONDS
    moment = next_moment()
    if moment is not None and moment > now:
        seconds = min(seconds, int((moment - now).total_seconds()))
    return max(seconds, 0)


def private(response):
    """For pages of unpublished releases (previews, embargo links): never stored, never indexed."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
        patch_cache_control(response, public=True, max_age=public_max_age())
        patch_vary_headers(response, ["Cookie"])
        return response
