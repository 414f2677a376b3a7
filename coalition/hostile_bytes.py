"""Requests carrying control characters are answered at the edge, before anything looks them up.

Rules: a path with a control character (NUL, the other C0 and C1 controls, DEL) is no page's address
and answers the site's 404 page; one in a query string's names or values (tab, line feed and carriage
return aside, which pasted text brings) or in a header value (tab aside) answers the site's 400 page.
Nothing behind this middleware (static files, caches, sessions, the old-address lookup, access links)
sees them: PostgreSQL refuses NUL in text, which made them 500s.
"""

import re

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.views import defaults

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A query's text may hold the whitespace a pasted search brings along: tab, line feed, carriage return.
CONTROL_CHARACTERS_IN_QUERIES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Header values arrive as Latin-1: bytes 0x80-0x9f there are pieces of UTF-8 text, not controls.
CONTROL_CHARACTERS_IN_HEADERS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def hostile_query(request):
    return any(
        CONTROL_CHARACTERS_IN_QUERIES.search(name)
        or any(CONTROL_CHARACTERS_IN_QUERIES.search(value) for value in values)
        for name, values in request.GET.lists()
    )


def hostile_headers(request):
    return any(
        CONTROL_CHARACTERS_IN_HEADERS.search(name) or CONTROL_CHARACTERS_IN_HEADERS.search(value)
        for name, value in request.META.items()
        if name.startswith("HTTP_") and isinstance(value, str)
    )


class RejectControlCharactersMiddleware:
    """Sits before static files, caches and sessions (see the rules above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            response = defaults.page_not_found(request, Http404())
        elif hostile_query(request) or hostile_headers(request):
            response = defaults.bad_request(request, BadRequest())
        else:
            return self.get_response(request)
        add_never_cache_headers(response)
        return response
