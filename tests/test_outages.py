"""With the database out of reach, the press room says so: every public page and the admin answer 503 with
Retry-After in the site's design, an admin save says nothing was saved and Back brings the typed text
back, and cut connections are replaced by the health check. Against a real PostgreSQL of the test's own
(tests/throwaway_postgres.py) that is stopped, started again and has its connections cut."""

import re

import psycopg
import pytest
from django.db import DatabaseError, connection, transaction
from playwright.sync_api import expect

from coalition.outages import is_outage
from throwaway_postgres import Browser, PressRoomServer, ThrowawayPostgres

DATABASE = "pressroom"
PASSWORD = "a long pass phrase for the writer"
OUTAGE_HEADING = "<h1>The press room is briefly unavailable</h1>"
SEED = f"""
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from members.models import Organization
from releases.models import Release

call_command("migrate", verbosity=0)
call_command("collectstatic", verbosity=0, interactive=False)
Organization.objects.create(name="Alianza de Prueba", slug="alianza", role=Organization.Role.COALITION)
hour_ago = timezone.now() - timezone.timedelta(hours=1)
Release.objects.create(headline="Families wait at the border", slug="families-wait", body="<p>They wait.</p>",
                       status=Release.Status.PUBLISHED, released_at=hour_ago)
draft = Release.objects.create(headline="A draft in the works", slug="a-draft", body="<p>First lines.</p>",
                               status=Release.Status.DRAFT, released_at=hour_ago)
writer = User.objects.create_user("writer", password={PASSWORD!r}, is_staff=True)
writer.groups.add(Group.objects.get(name="Writer"))
print(draft.pk)
"""
PUBLIC_PAGES = [
    "/",
    "/releases/",
    "/releases/families-wait/",
    "/releases/search/?q=border",
    "/members/",
    "/media-contacts/",
    "/feeds/rss/",
    "/sitemap.xml",
    "/no-such-page/",
]


@pytest.fixture(scope="module")
def postgres():
    cluster = ThrowawayPostgres()
    with psycopg.connect(cluster.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {DATABASE}")
    yield cluster
    cluster.remove()


@pytest.fixture(scope="module")
def site(postgres, tmp_path_factory):
    server = PressRoomServer(postgres, DATABASE, STATIC_ROOT=str(tmp_path_factory.mktemp("static")))
    server.draft_pk = int(server.python(SEED).split()[-1])
    server.start()
    yield server
    server.stop()


@pytest.fixture
def database_stopped(postgres):
    """The database is stopped for the test, and running again after it, whatever the test did."""
    postgres.stop()
    yield postgres
    if not (postgres.data / "postmaster.pid").exists():
        postgres.start()


def signed_in_writer(site):
    browser = Browser(site)
    browser.request("/admin/login/")
    status, headers, _ = browser.request(
        "/admin/login/",
        {"username": "writer", "password": PASSWORD, "csrfmiddlewaretoken": browser.cookie("csrftoken")},
    )
    assert status == 302, "the writer could not sign in"
    return browser


def assert_outage_page(status, headers, page, path):
    assert status == 503, f"{path} answered {status}"
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert OUTAGE_HEADING in page and 'class="site-header"' in page, path
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "Traceback" not in page and "OperationalError" not in page


def test_with_the_database_stopped_public_pages_and_the_admin_answer_503_then_recover(site, postgres):
    writer = signed_in_writer(site)
    reader = Browser(site)
    admin_pages = ["/admin/", "/admin/releases/release/", f"/admin/releases/release/{site.draft_pk}/change/"]
    assert [reader.request(path)[0] for path in PUBLIC_PAGES] == [200] * 8 + [404]
    assert [writer.request(path)[0] for path in admin_pages] == [200] * 3

    postgres.stop()
    try:
        for path in PUBLIC_PAGES:
            assert_outage_page(*reader.request(path), path)
        for path in admin_pages:
            assert_outage_page(*writer.request(path), path)
        status, headers, page = Browser(site).request(
            "/admin/login/", {"username": "writer", "password": PASSWORD, "csrfmiddlewaretoken": "x" * 32}
        )
    finally:
        postgres.start()

    assert status in (403, 503)  # No CSRF cookie: refused before the database is asked; never a 500.
    assert [reader.request(path)[0] for path in PUBLIC_PAGES] == [200] * 8 + [404]
    assert [writer.request(path)[0] for path in admin_pages] == [200] * 3
    assert "Traceback" not in site.log()


def test_signing_in_while_the_database_is_stopped_answers_503_without_talk_of_saving(site, database_stopped):
    browser = Browser(site)
    status, headers, page = browser.request("/admin/login/")
    assert status == 200  # The sign-in form itself needs no database.

    answer = browser.request(
        "/admin/login/",
        {"username": "writer", "password": PASSWORD, "csrfmiddlewaretoken": browser.cookie("csrftoken")},
    )

    assert_outage_page(*answer, "/admin/login/")
    assert "Nothing was saved" not in answer[2]


def test_a_cut_connection_is_replaced_by_the_health_check_before_the_next_request(site, postgres):
    reader = Browser(site)
    assert reader.request("/")[0] == 200

    assert postgres.terminate_connections(DATABASE) >= 1  # the server's kept connection (CONN_MAX_AGE)

    assert reader.request("/")[0] == 200


def test_without_health_checks_a_cut_connection_answers_one_503_not_a_500(site, postgres):
    unchecked = PressRoomServer(postgres, DATABASE, CONN_HEALTH_CHECKS="off")
    unchecked.start()
    try:
        reader = Browser(unchecked)
        assert reader.request("/releases/")[0] == 200
        assert postgres.terminate_connections(DATABASE) >= 1

        first = reader.request("/releases/")
        second = reader.request("/releases/")
    finally:
        unchecked.stop()

    assert_outage_page(*first, "/releases/")
    assert second[0] == 200


@pytest.mark.browser
def test_an_admin_save_while_the_database_is_stopped_keeps_the_typed_text_for_the_next_try(site, postgres, page):
    page.goto(f"{site.url}/admin/login/?next=/admin/releases/release/{site.draft_pk}/change/")
    page.get_by_label("Username").fill("writer")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    page.get_by_role("textbox", name="Headline:", exact=True).fill("Typed while the database was away")
    body = page.locator(".prose-editor [contenteditable]")
    body.click()
    page.keyboard.press("End")
    page.keyboard.type(" And a sentence typed during the outage.")

    postgres.stop()
    try:
        with page.expect_navigation() as saving:
            page.get_by_role("button", name="Save", exact=True).first.click()
        assert saving.value.status == 503
        expect(page.get_by_role("heading", level=1)).to_have_text("The press room is briefly unavailable")
        expect(page.locator("main")).to_contain_text("Nothing was saved.")
        expect(page.locator("main")).to_contain_text("Back")

        page.go_back()
        expect(page.get_by_role("textbox", name="Headline:", exact=True)).to_have_value(
            "Typed while the database was away"
        )
        expect(body).to_contain_text("And a sentence typed during the outage.")
    finally:
        postgres.start()

    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = site.python(
        f"from releases.models import Release\nr = Release.objects.get(pk={site.draft_pk})\nprint(r.headline, r.body)"
    )
    assert re.search(r"Typed while the database was away .*And a sentence typed during the outage\.", saved)


@pytest.mark.django_db
def test_a_database_error_that_is_a_bug_is_not_taken_for_an_outage():
    with pytest.raises(DatabaseError) as missing_table, transaction.atomic():
        connection.cursor().execute("SELECT * FROM no_such_table")

    assert not is_outage(missing_table.value)


@pytest.mark.django_db
def test_a_statement_cut_short_by_the_server_is_an_outage():
    if connection.vendor != "postgresql":
        pytest.skip("statement timeouts are PostgreSQL's")
    with pytest.raises(DatabaseError) as cancelled, transaction.atomic():
        connection.cursor().execute("SET LOCAL statement_timeout = 10; SELECT pg_sleep(1)")

    assert is_outage(cancelled.value)
