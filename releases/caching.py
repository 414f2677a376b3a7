"""Caching of public pages, decided in one place: what browsers, proxies and CDNs may keep, and the
press room's own page cache.

Rules:
- A public answer is one to an anonymous GET or HEAD (no session or messages cookie), with status
  200, 301, 404 or 410, that sets no cookie, did not use the CSRF token and set no Cache-Control of
  its own (previews and access links say ``private``; the admin is never public).
- Browsers, proxies and CDNs may keep a public answer for ``PUBLIC_CACHE_SECONDS``, never past the
  next scheduled release moment after the page was begun (lists, feeds and counts change then); a
  page begun before a moment and finished after it is not kept at all. Everything else is
  ``private, no-store``.
- The press room keeps public answers in the shared cache (``CACHES["default"]``) and serves them
  without running the view. The key holds the scheme, host, address (path and query), language and
  the publication generation (``releases.generation``: any public-facing change, in any process,
  starts a new one); an entry is never served after the next moment known when its page was begun,
  and lives at most ``PAGE_CACHE_SECONDS``. When several requests miss the same key at once, one
  renders and the others wait up to ``PAGE_CACHE_WAIT`` seconds for its answer.
- Every public answer carries an ETag (a hash of its bytes); a request whose If-None-Match names it
  gets 304 Not Modified, from the page cache or from the view.
- What is cached about publication (the next moment, the last removal, the list's filter choices)
  is keyed by the generation and expires, never after the next moment when it depends on the
  clock; nothing here is forgotten by a signal in one process only.
"""

import hashlib
import time
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe

from . import generation
from .models import Release, ReleaseRemoval, visibility

NEXT_MOMENT_KEY = "releases:next-moment-since"
LAST_REMOVAL_KEY = "releases:last-public-removal"
PAGE_KEY = "releases:page"
CACHEABLE_STATUSES = {200, 301, 404, 410}
# Cookies that mean the answer may be someone's own: a signed-in session, a message waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
PRIVATE_PREFIXES = ("/admin/", "/access/")


def next_moment(since: datetime | None = None) -> datetime | None:
    """The first moment after ``since`` (default: now) at which a release goes public, or None.

    ``since`` is when a page was begun: a release that went public while the page was being made is
    missing from it, so its moment counts though it has passed. Cached in the current generation,
    with the time it was looked up as of; it answers only for pages begun after that.
    """
    now = timezone.now()
    since = min(since or now, now)
    key = generation.key(NEXT_MOMENT_KEY)
    cached = cache.get(key)
    if cached is not None:
        moment, as_of = cached
        if as_of <= since and (moment is None or moment > since):
            return moment
    moment = visibility.next_public_moment(Release.objects.all(), since)
    timeout = settings.PUBLIC_CACHE_SECONDS
    if moment is not None:
        timeout = max(1, min(timeout, int((moment - now).total_seconds())))
    cache.set(key, (moment, since), timeout=timeout)
    return moment


def last_public_removal() -> datetime | None:
    """When a release last left the public record (removed, unpublished, deleted), or None; cached in the generation.

    Feeds take it into their Last-Modified, so a reader asking "changed since?" hears yes.
    """
    key = generation.key(LAST_REMOVAL_KEY)
    moment = cache.get(key, default=False)
    if moment is False:
        moment = visibility.last_public_removal(ReleaseRemoval.objects.all())
        cache.set(key, moment, timeout=settings.PUBLIC_CACHE_SECONDS)
    return moment


def kept_until_next_moment(name: str, compute):
    """``compute()``, kept in the current generation for PUBLIC_CACHE_SECONDS but never past the next
    scheduled moment after it was computed (what is public changes then, with no write)."""
    key = generation.key(name)
    value = cache.get(key)
    if value is None:
        started = timezone.now()
        value = compute()
        seconds = _seconds_left(settings.PUBLIC_CACHE_SECONDS, next_moment(since=started))
        if seconds > 0:
            cache.set(key, value, timeout=seconds)
    return value


def public_max_age(started: datetime | None = None) -> int:
    """Seconds a public page begun at ``started`` may be kept: never past the first release moment after it."""
    return _seconds_left(settings.PUBLIC_CACHE_SECONDS, next_moment(since=started))


def private(response: HttpResponse) -> HttpResponse:
    """For pages of unpublished releases (previews, embargo links): never stored, never indexed."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _seconds_left(longest: int, moment: datetime | None) -> int:
    """At most ``longest`` seconds, and a whole second short of ``moment``: caches such as nginx count
    whole seconds and may keep an answer up to a second longer than its max-age."""
    seconds = longest
    if moment is not None:
        seconds = min(seconds, int((moment - timezone.now()).total_seconds()) - 1)
    return max(seconds, 0)


def _may_be_public(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def _page_key(request: HttpRequest) -> str:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return generation.key(f"{PAGE_KEY}:{language}:{digest}")


def _etag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """304 Not Modified when the request's If-None-Match or If-Modified-Since says the reader has these bytes."""
    if response.status_code != 200:
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)


class PublicCacheMiddleware:
    """Serves and stores public answers (see the module's rules); marks every answer public or private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_be_public(request):
            return self._private(self.get_response(request))
        key = _page_key(request)
        entry = cache.get(key)
        if entry is None and cache.add(f"{key}:rendering", True, timeout=settings.PAGE_CACHE_WAIT * 5):
            try:
                return self._render_and_keep(request, key)
            finally:
                cache.delete(f"{key}:rendering")
        if entry is None:
            entry = self._wait_for(key)
        if entry is None:
            return self._render_and_keep(request, key)
        return self._from_entry(request, entry)

    def _render_and_keep(self, request, key):
        started = timezone.now()
        response = self.get_response(request)
        if not self._is_public(request, response):
            return self._private(response)
        moment = next_moment(since=started)
        patch_cache_control(response, public=True, max_age=_seconds_left(settings.PUBLIC_CACHE_SECONDS, moment))
        patch_vary_headers(response, ["Cookie"])
        if getattr(response, "streaming", False) or response.status_code == 304:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        lifetime = _seconds_left(settings.PAGE_CACHE_SECONDS, moment)
        if request.method == "GET" and lifetime > 0:
            cache.set(key, (response.status_code, list(response.items()), response.content, moment), timeout=lifetime)
        return _conditional(request, response)

    def _from_entry(self, request, entry):
        status, headers, content, moment = entry
        if moment is not None and moment <= timezone.now():
            return self._render_and_keep(request, _page_key(request))
        response = HttpResponse(content if request.method == "GET" else b"", status=status)
        for name, value in headers:
            response[name] = value
        response["Cache-Control"] = f"public, max-age={_seconds_left(settings.PUBLIC_CACHE_SECONDS, moment)}"
        return _conditional(request, response)

    @staticmethod
    def _wait_for(key):
        deadline = time.monotonic() + settings.PAGE_CACHE_WAIT
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if (entry := cache.get(key)) is not None:
                return entry
        return None

    @staticmethod
    def _is_public(request, response):
        user = getattr(request, "user", None)
        return (
            response.status_code in {*CACHEABLE_STATUSES, 304}
            and not response.has_header("Cache-Control")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (user is not None and user.is_authenticated)
        )

    @staticmethod
    def _private(response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
