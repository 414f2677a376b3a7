"""Lockout after repeated failed sign-ins (django-axes), answered in the site's design.

Rules: AXES_FAILURE_LIMIT failed sign-ins in a row for one username from one address pause signing in
for that pair for AXES_COOLOFF_TIME (a success resets the count); a superuser unlocks earlier from the
users list ("Unlock sign-in") or with ``manage.py axes_reset_username USERNAME``. Behind PROXY_COUNT
reverse proxies, the address is the one the outermost proxy saw, read from X-Forwarded-For.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def locked_out(request, original_response, credentials):
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": cool_off // 60}
    response = render(request, "signin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(cool_off)
    add_never_cache_headers(response)
    return response


def client_address(request):
    if settings.PROXY_COUNT:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()]
        if len(forwarded) >= settings.PROXY_COUNT:
            return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
