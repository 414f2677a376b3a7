"""Old addresses keep working: a page not found here that was a release's address on the old site
(``LegacyPath``) answers a permanent redirect to the release's page, while the release is public.

``page_not_found`` is the site's 404 handler, so it is asked only when nothing else answered; for a
release that is not public (or any other path) it answers exactly like any missing page. WordPress
shortlinks ("/?p=123", "/?page_id=7") are answered by ``ShortlinkMiddleware`` before any view,
since the path they are written on ("/", the home page) exists here.
"""

from django.http import HttpResponsePermanentRedirect
from django.views.defaults import page_not_found as default_page_not_found

from .models import LegacyPath, Release
from .models.legacy import normalize_path, shortlink


def _redirect(old_path):
    # Decoding again turns an escaped escape (%2500) into a control character, which no old address holds.
    legacy = (
        LegacyPath.objects.filter(old_path=old_path, release__in=Release.objects.published())
        .select_related("release")
        .first()
        if old_path.isprintable()
        else None
    )
    return HttpResponsePermanentRedirect(legacy.release.get_absolute_url()) if legacy else None


def page_not_found(request, exception, template_name="404.html"):
    return _redirect(normalize_path(request.path)) or default_page_not_found(request, exception, template_name)


class ShortlinkMiddleware:
    """ "/?p=123" of an imported WordPress post answers 301 to its release's page (one query, only for such links)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and (found := shortlink(request.META.get("QUERY_STRING", ""))):
            if response := _redirect(found):
                return response
        return self.get_response(request)
