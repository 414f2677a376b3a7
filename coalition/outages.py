"""When the database does not answer, every page says so: a 503 in the site's design, with Retry-After.

Rules: an outage is a database error saying the server cannot be reached or is going away (a failed
or cut connection, a server shutting down or starting up, too many connections, a cancelled or
deadlocked statement, SQLite's busy, locked or unreadable file); any other database error is a bug
and stays a 500. The answer asks neither the database nor the cache (which may live in the database):
its chrome is drawn without the coalition's profile. After a form was sent (an admin save) it says
that nothing was saved and that going back to the form keeps the text. An outage is logged as one
warning per request, not as an error, so it does not mail the admins once for every request.

``OutageMiddleware`` answers for errors in views and templates (with DEBUG on too); ``server_error``,
the site's 500 handler, for errors anywhere else, such as a middleware's cache lookup.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# SQLSTATE classes of a server out of reach: connection exception, insufficient resources, operator
# intervention (shutdown, terminated, cancelled), transaction rollback (deadlock), system error.
TRANSIENT_SQLSTATE_CLASSES = {"08", "53", "57", "40", "58"}
TRANSIENT_SQLITE_ERRORS = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# The admin's add and change forms (url names "<app>_<model>_add" and "…_change").
FORM_PAGES = ("_add", "_change")


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` (or the error it arose from) says the database is out of reach."""
    while error is not None:
        if isinstance(error, InterfaceError):
            return True
        if isinstance(error, OperationalError):
            cause = error.__cause__
            if (sqlstate := getattr(cause, "sqlstate", None)) is not None:
                return sqlstate[:2] in TRANSIENT_SQLSTATE_CLASSES
            if (name := getattr(cause, "sqlite_errorname", None)) is not None:
                return name.startswith(TRANSIENT_SQLITE_ERRORS)
            return True  # No code at all: the connection itself failed.
        error = error.__context__
    return False


def outage_response(request, error):
    logger.warning("Database unavailable, answered 503 to %s %s: %s", request.method, request.path, error)
    match = request.resolver_match
    signing_in = match is not None and match.url_name == "login"
    context = {"coalition": None, "nothing_saved": request.method not in SAFE_METHODS and not signing_in}
    response = render(request, "503.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class OutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if (
            request.method == "GET"
            and response.status_code == 200
            and match is not None
            and match.namespace == "admin"
            and match.url_name.endswith(FORM_PAGES)
            and "no-store" in response.get("Cache-Control", "")
        ):
            # Stored in the browser only (never shared, always revalidated), so that Back from a save that
            # failed brings the form back with what was typed, even while the database is still away.
            response["Cache-Control"] = "private, no-cache, must-revalidate, max-age=0"
        return response

    def process_exception(self, request, exception):
        if is_outage(exception):
            return outage_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """The site's 500 handler: the outage page when the error being handled is an outage."""
    error = sys.exc_info()[1]
    if error is not None and is_outage(error):
        return outage_response(request, error)
    return defaults.server_error(request, template_name)


class OutagesAreNotErrors(logging.Filter):
    """Drops django.request's error record for a 503 answered here (its warning above says it once)."""

    def filter(self, record):
        return getattr(record, "status_code", None) != 503
