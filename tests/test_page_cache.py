"""The page cache, within one process (a memory cache): public answers are served without running the
view, carry an ETag, change with any public change and at each scheduled moment, are never someone's
own, and a rush of readers on one page renders it once."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coalition import urls
from releases import views
from releases.models import Release

pytestmark = pytest.mark.page_cache


@pytest.fixture
def public(make_release):
    return make_release(headline="Coalition answers the summit", released_at=timezone.now() - dt.timedelta(hours=1))


def test_a_public_page_is_served_again_without_running_the_view(client, public, django_assert_num_queries):
    first = client.get(public.get_absolute_url())

    with django_assert_num_queries(0):
        again = client.get(public.get_absolute_url())

    assert again.status_code == 200 and again.content == first.content
    assert again["ETag"] == first["ETag"] and again["Cache-Control"].startswith("public, max-age=")
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_reader_who_has_the_page_hears_304(client, public):
    etag = client.get(reverse("home"))["ETag"]

    assert client.get(reverse("home"), headers={"If-None-Match": etag}).status_code == 304
    assert client.get(reverse("home"), headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, public):
    body = client.get(reverse("releases:list")).content

    head = client.head(reverse("releases:list"))

    assert head.status_code == 200 and head.content == b"" and int(head["Content-Length"]) == len(body)


def test_any_public_change_is_seen_at_once(client, public, make_tag):
    assert "Coalition answers the summit" in client.get(reverse("home")).text

    public.headline = "Coalition welcomes the summit"
    public.save()
    tag = make_tag(name="Asylum", slug="asylum")
    public.tags.add(tag)

    page = client.get(reverse("home")).text
    assert "Coalition welcomes the summit" in page
    assert "Asylum" in client.get(public.get_absolute_url()).text


def test_pages_for_signed_in_staff_are_neither_served_nor_kept(admin_client, make_release):
    draft = make_release(headline="A draft for review", status=Release.Status.DRAFT)
    client = Client()

    staff_page = admin_client.get(draft.get_absolute_url())
    anonymous_page = client.get(draft.get_absolute_url())
    staff_home = admin_client.get(reverse("home"))

    assert staff_page.status_code == 200 and anonymous_page.status_code == 404
    assert staff_home["Cache-Control"] == "private, no-store"
    assert "A draft for review" not in client.get(reverse("home")).text


def test_a_reader_with_a_message_waiting_is_not_served_the_cached_page(client, public):
    client.get(reverse("home"))
    client.cookies["messages"] = "a-message-for-this-reader"

    response = client.get(reverse("home"))

    assert response["Cache-Control"] == "private, no-store"


def test_a_release_scheduled_two_seconds_ahead_appears_within_a_second_of_its_moment_never_before(
    client, make_release
):
    make_release(headline="Already public", released_at=timezone.now() - dt.timedelta(hours=1))
    soon = make_release(headline="Embargo lifts", released_at=timezone.now() + dt.timedelta(seconds=2))
    seen = []
    while timezone.now() < soon.released_at + dt.timedelta(seconds=1):
        for address in (reverse("home"), reverse("releases:list"), reverse("feeds:rss")):
            sent = timezone.now()
            shown = b"Embargo lifts" in client.get(address).content
            seen.append((sent, timezone.now(), address, shown))
        time.sleep(0.05)

    assert [address for sent, done, address, shown in seen if shown and done < soon.released_at] == []
    assert [address for sent, done, address, shown in seen if not shown and sent >= soon.released_at] == []
    assert {shown for *_rest, shown in seen} == {True, False}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite's in-memory test database is one connection")
def test_a_rush_of_readers_on_one_page_renders_it_once(monkeypatch, public):
    renders = []
    home = views.home

    def slow_home(request):
        renders.append(request)
        time.sleep(0.3)
        return home(request)

    # The home page is among the pages in each language (i18n_patterns' resolver).
    pages = [pattern for entry in urls.urlpatterns for pattern in getattr(entry, "url_patterns", [entry])]
    pattern = next(p for p in pages if getattr(p, "name", None) == "home")
    monkeypatch.setattr(pattern, "callback", slow_home)
    answers = []

    def read():
        answers.append(Client().get("/"))
        connection.close()

    readers = [threading.Thread(target=read) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()

    assert len(renders) == 1
    assert [answer.status_code for answer in answers] == [200] * 8
    assert len({answer.content for answer in answers}) == 1
