from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control

# The address /favicon.ico cannot change when the icon does, so its answer is kept a day; the
# versioned icon it points to is kept for a year (whitenoise's far-future headers).
FAVICON_REDIRECT_SECONDS = 24 * 60 * 60


def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever a page links: the versioned icon."""
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=FAVICON_REDIRECT_SECONDS)
    return response
