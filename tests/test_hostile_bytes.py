"""Control characters in an address, a query or a header are answered at the edge: the site's 404 or 400
page, before any lookup sees them (on PostgreSQL a NUL reaching a query was a 500)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from releases.models import AccessLink, LegacyPath

pytestmark = pytest.mark.django_db


def assert_site_page(response, heading):
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert 'class="site-header"' in page and 'href="/releases/"' in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def no_query_saw_a_control_character(queries):
    return not any(any(chr(code) in query["sql"] for code in range(32)) for query in queries)


@pytest.fixture
def unraised(client):
    """The client answering as the server would: a failure is a 500 page, not an exception in the test."""
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/releases/a%00b/",
        "/%00",
        "/feeds/rss/%00",
        "/access/a%00b/",
        "/access/a%00b/image/",
        "/members/%00/",
        "/releases/a%01b/",
        "/releases/tab%09here/",
        "/releases/a%7Fb/",
        "/releases/a%C2%85b/",
        "/static/css/site%00.css",
    ],
)
def test_a_control_character_in_the_path_is_a_missing_page(unraised, path):
    with CaptureQueriesContext(connection) as queries:
        response = unraised.get(path)

    assert response.status_code == 404
    assert_site_page(response, "Page not found")
    assert no_query_saw_a_control_character(queries)


def test_an_escaped_escape_of_nul_is_a_missing_page_not_an_old_address_lookup(unraised, make_release):
    LegacyPath.objects.create(old_path="/2012/01/a-b/", release=make_release())

    with CaptureQueriesContext(connection) as queries:
        response = unraised.get("/2012/01/a%2500b/")

    assert response.status_code == 404
    assert no_query_saw_a_control_character(queries)
    assert unraised.get("/2012/01/a-b/").status_code == 301


@pytest.mark.parametrize(
    "query",
    ["q=%00", "q=asylum%00", "tag=%1B%5B31m", "page=1%1BSet-Cookie:%20x=y", "%00=1", "language=en&q=%7F"],
)
@pytest.mark.parametrize("path", ["/releases/", "/releases/search/", "/feeds/rss/", "/", "/admin/login/"])
def test_a_control_character_in_the_query_is_a_bad_request(unraised, path, query):
    with CaptureQueriesContext(connection) as queries:
        response = unraised.get(f"{path}?{query}")

    assert response.status_code == 400
    assert_site_page(response, "Bad request")
    assert no_query_saw_a_control_character(queries)


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_USER_AGENT": "reader\x00bot"},
        {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijkl"},
        {"HTTP_ACCEPT_LANGUAGE": "es\x01"},
        {"HTTP_IF_NONE_MATCH": '"a\x00b"'},
        {"HTTP_X_ANYTHING": "line\nbreak"},
    ],
)
def test_a_control_character_in_a_header_is_a_bad_request(client, unraised, make_release, header):
    release = make_release(released_at=timezone.now() + timezone.timedelta(days=1))
    link = AccessLink.objects.create(release=release, name="A journalist", expires_at=release.released_at)
    assert client.get(link.get_absolute_url()).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        response = unraised.get(f"/access/{link.token}/", **header)

    assert response.status_code == 400
    assert_site_page(response, "Bad request")
    assert no_query_saw_a_control_character(queries)
    assert link.views.count() == 1


def test_ordinary_text_in_every_place_still_passes(client, make_release):
    make_release(headline="Asylum and migración")

    response = client.get(
        "/releases/search/?q=asylum%09%0D%0A&from=caf%C3%A9",
        HTTP_USER_AGENT="Mozilla/5.0\t(X11)",
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
        HTTP_REFERER="https://example.org/caf\xc3\xa9",
    )

    assert response.status_code == 200
    assert "and migración" in response.content.decode()
