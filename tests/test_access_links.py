"""Personal access links: an embargo link lets a named journalist read a scheduled release early,
until it expires or is revoked; a preview link lets a reviewer without an account read a draft.
Every opening is logged and shown in the admin; the pages are private, no-store and noindex, and
read "EMBARGOED UNTIL …" while embargoed; a revoked or expired link answers 410, saying so, with
the press office's contacts;
the release's files are reachable through the link only. Publishers grant embargo access;
writers may only give preview links."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from releases.models import AccessLink, AccessLog, Attachment, Release
from test_concurrent_edits import opened_form

NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
MOMENT = dt.datetime(2026, 6, 16, 15, 0, tzinfo=dt.UTC)
BANNER = "EMBARGOED UNTIL June 16, 2026, 10 a.m. (America/Chicago) / June 16, 2026, 3 p.m. (UTC)"


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def embargoed(make_release, png_file):
    release = make_release(
        headline="Coalition sues over detention", released_at=MOMENT, image=png_file(), image_alt="The courthouse"
    )
    release.attachment = Attachment.objects.create(
        release=release, title="The complaint", file=SimpleUploadedFile("complaint.pdf", b"%PDF-1.4\n")
    )
    return release


@pytest.fixture
def link(embargoed, coalition, make_contact):
    make_contact(name="Elyssa Pachico")
    return AccessLink.objects.create(
        release=embargoed, name="Ana Reporter", outlet="The Daily", expires_at=MOMENT + dt.timedelta(days=1)
    )


def addresses(link, release):
    return {
        "page": link.get_absolute_url(),
        "image": reverse("access-link-image", args=[link.token]),
        "attachment": reverse("access-link-file", args=[link.token, release.attachment.pk]),
    }


def answers(client, urls):
    return {name: client.get(url).status_code for name, url in urls.items()}


def test_the_journalist_reads_the_embargoed_release_with_its_files(client, link, embargoed):
    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    assert "Coalition sues over detention" in response.text
    assert BANNER in response.text
    assert "Early access for Ana Reporter." in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert reverse("access-link-image", args=[link.token]) in response.text
    assert reverse("access-link-file", args=[link.token, embargoed.attachment.pk]) in response.text
    assert reverse("releases:image", args=[embargoed.slug]) not in response.text
    for name, url in addresses(link, embargoed).items():
        file_response = client.get(url)
        assert file_response.status_code == 200, name
        assert file_response["Cache-Control"] == "private, no-store", name


def test_the_files_are_not_reachable_by_guessing_the_public_address(client, link, embargoed):
    assert client.get(reverse("releases:image", args=[embargoed.slug])).status_code == 404
    assert client.get(reverse("releases:file", args=[embargoed.slug, embargoed.attachment.pk])).status_code == 404


def test_a_link_opens_no_file_of_another_release(client, link, make_release):
    other = make_release(status=Release.Status.DRAFT)
    secret = Attachment.objects.create(release=other, title="Other", file=SimpleUploadedFile("o.pdf", b"%PDF-1.4\n"))

    assert client.get(reverse("access-link-file", args=[link.token, secret.pk])).status_code == 404


def test_every_view_is_logged_and_shown_in_the_admin(client, link, embargoed, signed_in):
    client.get(link.get_absolute_url(), headers={"User-Agent": "NewsroomBrowser/1.0"})
    client.get(link.get_absolute_url())
    client.get(reverse("access-link-image", args=[link.token]))
    publisher = signed_in("Publisher")

    change_page = publisher.get(reverse("admin:releases_accesslink_change", args=[link.pk])).text
    list_page = publisher.get(reverse("admin:releases_accesslink_changelist")).text

    assert AccessLog.objects.filter(link=link).count() == 2
    assert "NewsroomBrowser/1.0" in change_page and link.get_absolute_url() in change_page
    assert '<td class="field-view_count">2</td>' in list_page
    assert "Ana Reporter" in publisher.get(reverse("admin:releases_release_change", args=[embargoed.pk])).text


@pytest.mark.parametrize(
    ("closed", "says"), [("expired", "This link has expired"), ("revoked", "This link was revoked")]
)
def test_a_closed_link_says_so_and_gives_the_press_office(client, link, embargoed, time_machine, closed, says):
    assert answers(client, addresses(link, embargoed)) == {"page": 200, "image": 200, "attachment": 200}
    if closed == "expired":
        time_machine.move_to(link.expires_at, tick=False)
    else:
        AccessLink.objects.filter(pk=link.pk).update(revoked_at=NOW)
    views = AccessLog.objects.count()

    page = client.get(link.get_absolute_url())

    assert page.status_code == 410
    assert says in page.text and "press@example.org" in page.text and "Elyssa Pachico" in page.text
    assert "Coalition sues over detention" not in page.text
    assert page["Cache-Control"] == "private, no-store"
    assert answers(client, addresses(link, embargoed)) == {"page": 410, "image": 410, "attachment": 410}
    assert AccessLog.objects.count() == views


def test_an_unknown_link_is_a_404_that_gives_the_press_office(client, coalition, make_contact):
    make_contact(name="Elyssa Pachico")

    page = client.get(reverse("access-link", args=["no-such-token"]))

    assert page.status_code == 404
    assert "This link does not open" in page.text and "press@example.org" in page.text


def test_the_embargoed_page_reads_embargoed_until_never_for_immediate_release(client, link, embargoed):
    page = client.get(link.get_absolute_url()).text
    text = client.get(reverse("releases:detail-text", args=[embargoed.slug])).status_code

    assert '<p class="timing">EMBARGOED UNTIL June 16, 2026, 10 a.m. (America/Chicago)</p>' in page
    assert "FOR IMMEDIATE RELEASE" not in page
    assert text == 404  # the public wire text stays closed until the moment


def test_the_embargo_line_is_in_the_pages_language(client, make_release):
    release = make_release(headline="La coalición demanda", language="es", released_at=MOMENT)
    link = AccessLink.objects.create(release=release, name="Ana", expires_at=MOMENT + dt.timedelta(days=1))

    page = client.get(link.get_absolute_url()).text

    assert "16 de junio de 2026" in page and "FOR IMMEDIATE RELEASE" not in page


def test_a_publisher_grants_and_revokes_an_embargo_link_in_the_release_form(client, embargoed, signed_in):
    publisher = signed_in("Publisher")
    form = opened_form(publisher, embargoed)
    form.update(
        {
            "access_links-TOTAL_FORMS": ["1"],
            "access_links-0-purpose": ["embargo"],
            "access_links-0-name": ["Ana Reporter"],
            "access_links-0-email": ["ana@example.org"],
            "access_links-0-outlet": ["The Daily"],
            "access_links-0-expires_at_0": ["2026-06-17"],
            "access_links-0-expires_at_1": ["09:00:00"],
        }
    )

    response = publisher.post(reverse("admin:releases_release_change", args=[embargoed.pk]), form)

    assert response.status_code == 302
    link = AccessLink.objects.get()
    assert (link.purpose, link.created_by) == (AccessLink.Purpose.EMBARGO, publisher.user)
    assert client.get(link.get_absolute_url()).status_code == 200
    assert request_address(link) in publisher.get(reverse("admin:releases_release_change", args=[embargoed.pk])).text

    form = opened_form(publisher, embargoed)
    form["access_links-0-revoke"] = ["on"]
    publisher.post(reverse("admin:releases_release_change", args=[embargoed.pk]), form)

    link.refresh_from_db()
    assert link.revoked_at == NOW
    assert client.get(link.get_absolute_url()).status_code == 410


def request_address(link):
    return f"http://testserver{link.get_absolute_url()}"


def test_a_publisher_revokes_links_with_the_admin_action(client, link, signed_in):
    publisher = signed_in("Publisher")

    publisher.post(
        reverse("admin:releases_accesslink_changelist"), {"action": "revoke", "_selected_action": [link.pk]}
    )

    assert client.get(link.get_absolute_url()).status_code == 410


def link_rows(purpose):
    return {
        "access_links-TOTAL_FORMS": ["1"],
        "access_links-0-purpose": [purpose],
        "access_links-0-name": ["Reviewer"],
        "access_links-0-expires_at_0": ["2026-06-17"],
        "access_links-0-expires_at_1": ["09:00:00"],
    }


def test_a_writer_cannot_grant_embargo_access(make_release, signed_in):
    writer = signed_in("Writer")
    draft = make_release(status=Release.Status.DRAFT)
    form = opened_form(writer, draft)
    form.update(link_rows("embargo"))

    writer.post(reverse("admin:releases_release_change", args=[draft.pk]), form)
    add_page = writer.get(reverse("admin:releases_accesslink_add"))

    assert not AccessLink.objects.exists()
    assert add_page.status_code == 403


def test_a_writer_gives_a_reviewer_a_preview_link_to_a_draft(client, make_release, signed_in):
    writer = signed_in("Writer")
    draft = make_release(headline="Draft statement for the members", status=Release.Status.DRAFT)
    form = opened_form(writer, draft)
    form.update(link_rows("preview"))

    response = writer.post(reverse("admin:releases_release_change", args=[draft.pk]), form)

    assert response.status_code == 302
    link = AccessLink.objects.get()
    assert (link.purpose, link.created_by) == (AccessLink.Purpose.PREVIEW, writer.user)
    page = client.get(link.get_absolute_url())
    assert page.status_code == 200
    assert "Draft statement for the members" in page.text
    assert "Not published." in page.text and "EMBARGOED" not in page.text
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
