"""Several app servers at once, and changes made by yet another process: whatever one process caches
or decides, every other one sees. Two gunicorn servers run on the test database with the page cache
on; a third process (``manage.py shell``) changes the data, as the admin, an importer or a shell on
another machine would. (A memory cache is each process's own, so it serves one process only:
``tests/test_page_cache.py`` runs the same checks on it within one process.)"""

import datetime as dt
import time
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age

from app_servers import app_servers, get, in_another_process

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="app servers share the PostgreSQL test database"),
]
REDIS = "redis://127.0.0.1:6379/3"
SHARED_CACHES = [pytest.param(None, id="database cache (the default)"), pytest.param(REDIS, id="redis")]
FEEDS_AND_PAGES = ["/feeds/rss/", "/feeds/atom/", "/", "/releases/"]


@pytest.fixture
def shared_cache(request):
    """The cache the servers and the changing process share, empty (the database's table is made by migrate)."""
    cache_url = request.param
    in_another_process(
        "from django.core.management import call_command; from django.core.cache import cache; "
        "call_command('createcachetable'); cache.clear()",
        cache_url,
    )
    return cache_url


def max_age(headers):
    response = HttpResponse()
    response["Cache-Control"] = headers.get("Cache-Control", "")
    return get_max_age(response)


@pytest.mark.parametrize("shared_cache", SHARED_CACHES, indirect=True)
@pytest.mark.parametrize(
    "change",
    [
        "r.status = 'withdrawn'; r.withdrawn_at = timezone.now(); r.withdrawal_reason = 'Wrong'; "
        "r.answer_gone = True; r.save()",
        "r.delete()",
    ],
    ids=["withdrawn and removed", "deleted"],
)
def test_no_server_answers_304_after_another_process_removes_a_release(make_release, shared_cache, change):
    make_release(headline="Stays in the feed", released_at=timezone.now() - dt.timedelta(hours=3))
    leaving = make_release(headline="Leaves the feed", released_at=timezone.now() - dt.timedelta(hours=2))

    with app_servers(2, shared_cache) as servers:
        before = {server: get(server + "/feeds/rss/") for server in servers for _ in range(2)}
        time.sleep(1.1)  # Last-Modified counts whole seconds.
        in_another_process(
            f"from django.utils import timezone; from releases.models import Release; "
            f"r = Release.objects.get(pk={leaving.pk}); {change}",
            shared_cache,
        )

        for server in servers:
            _status, old_headers, _body = before[server]
            for conditions in (
                {"If-None-Match": old_headers["ETag"], "If-Modified-Since": old_headers["Last-Modified"]},
                {"If-Modified-Since": old_headers["Last-Modified"]},
                {"If-None-Match": old_headers["ETag"]},
            ):
                for _ in range(5):
                    status, headers, body = get(server + "/feeds/rss/", conditions)
                    assert status == 200, (server, conditions)
                    assert b"Leaves the feed" not in body and b"Stays in the feed" in body
                    moved = parsedate_to_datetime(headers["Last-Modified"])
                    assert moved > parsedate_to_datetime(old_headers["Last-Modified"]), "Last-Modified went back"
                    assert headers["ETag"] != old_headers["ETag"]
            # With the new validators, a reader that has the new feed hears 304.
            assert get(server + "/feeds/rss/", {"If-None-Match": headers["ETag"]})[0] == 304


@pytest.mark.parametrize("shared_cache", SHARED_CACHES, indirect=True)
def test_a_release_scheduled_in_another_process_caps_every_servers_lifetime(make_release, shared_cache):
    make_release(headline="Already public", released_at=timezone.now() - dt.timedelta(hours=1))

    with app_servers(2, shared_cache, PUBLIC_CACHE_SECONDS="600") as servers:
        for server in servers:
            for address in FEEDS_AND_PAGES:
                assert max_age(get(server + address)[1]) > 500
        in_another_process(
            "import datetime as dt; from django.utils import timezone; from releases.models import Release; "
            "Release.objects.create(headline='Later', slug='later', body='<p>Later.</p>', status='published', "
            "released_at=timezone.now() + dt.timedelta(seconds=30))",
            shared_cache,
        )

        for server in servers:
            for address in FEEDS_AND_PAGES:
                status, headers, body = get(server + address)
                assert status == 200 and b"Later" not in body, address
                assert max_age(headers) <= 30, (server, address, headers.get("Cache-Control"))


@pytest.mark.parametrize("cache_url", SHARED_CACHES)
def test_a_release_scheduled_two_seconds_ahead_appears_on_cached_pages_at_its_moment(make_release, cache_url):
    """Home, list and feed, cached by both servers, show the release within a second of its moment, never before."""
    make_release(headline="Already public", released_at=timezone.now() - dt.timedelta(hours=1))
    in_another_process("from django.core.management import call_command; call_command('createcachetable')")

    with app_servers(2, cache_url) as servers:
        moment = dt.datetime.fromisoformat(
            in_another_process(
                "import datetime as dt; from django.utils import timezone; from releases.models import Release; "
                "r = Release.objects.create(headline='Embargo lifts', slug='embargo-lifts', body='<p>Now.</p>', "
                "status='published', released_at=timezone.now() + dt.timedelta(seconds=2)); "
                "print(r.released_at.isoformat())",
                cache_url,
            ).strip()
        )
        seen = []
        while timezone.now() < moment + dt.timedelta(seconds=1):
            for server in servers:
                for address in ("/", "/releases/", "/feeds/rss/"):
                    sent = timezone.now()
                    status, _headers, body = get(server + address)
                    seen.append((sent, timezone.now(), address, status, b"Embargo lifts" in body))
            time.sleep(0.05)

    assert all(status == 200 for _sent, _done, _address, status, _shown in seen)
    early = [(address, done) for sent, done, address, _status, shown in seen if shown and done < moment]
    assert early == [], "shown before its moment"
    late = [(address, sent) for sent, done, address, _status, shown in seen if not shown and sent >= moment]
    assert late == [], "not shown once its moment had passed"
    assert any(shown for *_rest, shown in seen) and any(not shown for *_rest, shown in seen)


def test_the_default_cache_is_the_databases_shared_table():
    backend = in_another_process("from django.conf import settings; print(settings.CACHES['default']['BACKEND'])")

    assert backend.strip() == "django.core.cache.backends.db.DatabaseCache"
