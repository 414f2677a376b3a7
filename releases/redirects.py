"""Old addresses keep working: a page not found here that was a release's address on the old site
(``LegacyPath``) answers a permanent redirect to the release's page, while the release is public.

Wired as the site's 404 handler, so it is asked only when nothing else answered; for a release
that is not public (or any other path) it answers exactly like any missing page.
"""

from django.http import HttpResponsePermanentRedirect
from django.views.defaults import page_not_found as default_page_not_found

from .models import LegacyPath, Release
from .models.legacy import normalize_path


def page_not_found(request, exception, template_name="404.html"):
    old_path = normalize_path(request.path)
    # Decoding again turns an escaped escape (%2500) into a control character, which no old address holds.
    legacy = (
        LegacyPath.objects.filter(old_path=old_path, release__in=Release.objects.published())
        .select_related("release")
        .first()
        if old_path.isprintable()
        else None
    )
    if legacy is not None:
        return HttpResponsePermanentRedirect(legacy.release.get_absolute_url())
    return default_page_not_found(request, exception, template_name)
