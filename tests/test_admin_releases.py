"""Staff work with releases, tags and boilerplates through the admin's own pages."""

import base64
import datetime
import hashlib
import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from releases.models import Boilerplate, Release, Tag

ADD_URL = reverse("admin:releases_release_add")
CHANGELIST_URL = reverse("admin:releases_release_changelist")


def change_url(release):
    return reverse("admin:releases_release_change", args=[release.pk])


def listed(response):
    return {release.headline for release in response.context["cl"].result_list}


def test_adding_a_release_saves_it_with_its_people_tags_and_contacts_in_order(
    admin_client,
    superuser,
    release_form_data,
    make_contact,
    make_spokesperson,
    make_organization,
    make_tag,
    make_boilerplate,
):
    first, second = make_contact(name="Elyssa Pachico"), make_contact(name="Press office")
    speaker = make_spokesperson(name="Ana Ruiz")
    signers = [make_organization(), make_organization()]
    tag = make_tag(name="Asylum")
    boilerplate = make_boilerplate(language="en")

    response = admin_client.post(
        ADD_URL,
        release_form_data(
            contacts=[second, first],
            kind=Release.Kind.JOINT_STATEMENT,
            headline="Summit a missed opportunity",
            slug="summit-a-missed-opportunity",
            subheadline="Leaders ignored the coalition",
            summary="The coalition regrets the summit's outcome.",
            body="<p>Leaders met <strong>again</strong>.</p>",
            boilerplate=boilerplate.pk,
            dateline="LOS ANGELES",
            spokespeople=[speaker.pk],
            cosigners=[signer.pk for signer in signers],
            tags=[tag.pk],
            status=Release.Status.PUBLISHED,
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST_URL
    release = Release.objects.get(slug="summit-a-missed-opportunity")
    assert release.headline == "Summit a missed opportunity"
    assert release.body == "<p>Leaders met <strong>again</strong>.</p>"
    assert release.boilerplate == boilerplate
    assert [item.contact for item in release.releasecontact_set.all()] == [second, first]
    assert list(release.spokespeople.all()) == [speaker]
    assert set(release.cosigners.all()) == set(signers)
    assert list(release.tags.all()) == [tag]
    assert release.created_by == superuser
    assert release.updated_by == superuser
    assert release.is_published()


def test_adding_a_release_with_an_attachment_stores_the_file(admin_client, release_form_data):
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4 report", content_type="application/pdf")

    response = admin_client.post(
        ADD_URL,
        release_form_data(
            **{
                "attachments-TOTAL_FORMS": 1,
                "attachments-0-title": "Full report",
                "attachments-0-file": report,
                "attachments-0-position": 0,
            }
        ),
    )

    assert response.status_code == 302
    attachment = Release.objects.get().attachments.get()
    assert attachment.title == "Full report"
    assert attachment.file.read() == b"%PDF-1.4 report"


def test_an_attachment_of_a_refused_type_is_refused_with_a_message(admin_client, release_form_data):
    program = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")

    response = admin_client.post(
        ADD_URL,
        release_form_data(
            **{"attachments-TOTAL_FORMS": 1, "attachments-0-title": "Program", "attachments-0-file": program}
        ),
    )

    assert response.status_code == 200
    assert "File extension “exe” is not allowed." in response.text
    assert not Release.objects.exists()


def test_changing_a_release_edits_it_and_its_contact_list(
    admin_client, release_form_data, make_release, make_contact, make_tag
):
    kept, dropped, added = make_contact(), make_contact(), make_contact()
    release = make_release(headline="Old headline", slug="old-headline", contacts=[kept, dropped])
    kept_row, dropped_row = release.releasecontact_set.all()
    tag = make_tag()
    page = admin_client.get(change_url(release))
    assert page.status_code == 200
    assert "Old headline</textarea>" in page.text

    response = admin_client.post(
        change_url(release),
        release_form_data(
            release=release,
            headline="New headline",
            slug="old-headline",
            tags=[tag.pk],
            **{
                "releasecontact_set-TOTAL_FORMS": 3,
                "releasecontact_set-INITIAL_FORMS": 2,
                "releasecontact_set-0-id": kept_row.pk,
                "releasecontact_set-0-release": release.pk,
                "releasecontact_set-0-contact": kept.pk,
                "releasecontact_set-0-position": 1,
                "releasecontact_set-1-id": dropped_row.pk,
                "releasecontact_set-1-release": release.pk,
                "releasecontact_set-1-contact": dropped.pk,
                "releasecontact_set-1-position": 2,
                "releasecontact_set-1-DELETE": "on",
                "releasecontact_set-2-release": release.pk,
                "releasecontact_set-2-contact": added.pk,
                "releasecontact_set-2-position": 0,
            },
        ),
    )

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.headline == "New headline"
    assert [item.contact for item in release.releasecontact_set.all()] == [added, kept]
    assert list(release.tags.all()) == [tag]


def test_the_change_page_links_to_the_release_on_the_site(admin_client, make_release):
    release = make_release()
    content_type = ContentType.objects.get_for_model(Release)
    shortcut = reverse("admin:view_on_site", args=[content_type.pk, release.pk])

    response = admin_client.get(change_url(release))

    assert f'href="{shortcut}"' in response.text
    assert "View on site" in response.text
    assert admin_client.get(shortcut)["Location"].endswith(release.get_absolute_url())


def test_the_slug_is_filled_in_from_the_headline(admin_client):
    response = admin_client.get(ADD_URL)

    match = re.search(r'data-prepopulated-fields="([^"]*)"', response.text)
    fields = json.loads(match.group(1).replace("&quot;", '"'))
    assert {"id": "#id_slug", "dependency_ids": ["#id_headline"]}.items() <= fields[0].items()


def test_the_rich_text_editor_runs_under_the_content_security_policy(admin_client, make_release):
    response = admin_client.get(change_url(make_release()))

    import_map = re.search(rb'<script type="importmap"[^>]*>(.*?)</script>', response.content, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(import_map).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_a_refused_release_keeps_everything_typed(admin_client, release_form_data, make_organization, png_file):
    signer = make_organization(name="Workers Center")
    typed = {
        "headline": "Coalition rejects the new rule",
        "subheadline": "Families would wait years",
        "summary": "The coalition asks the agency to withdraw the rule.",
        "body": "<p>The rule <strong>harms</strong> families &amp; workers.</p>",
    }

    response = admin_client.post(
        ADD_URL,
        release_form_data(
            kind=Release.Kind.JOINT_STATEMENT,
            status=Release.Status.PUBLISHED,
            cosigners=[signer.pk],
            image=png_file(),
            **typed,
        ),
    )

    assert response.status_code == 200
    assert "A joint statement needs at least two co-signing organizations before it is published." in response.text
    assert "Describe the featured image in its alt text." in response.text
    assert f"{typed['headline']}</textarea>" in response.text
    assert f"{typed['subheadline']}</textarea>" in response.text
    assert f"{escape(typed['summary'])}</textarea>" in response.text
    assert f"{escape(typed['body'])}</textarea>" in response.text
    assert f'<option value="{signer.pk}" selected>Workers Center</option>' in response.text
    assert '<option value="joint-statement" selected>' in response.text
    assert not Release.objects.exists()


def test_the_release_list_searches_headlines_subheadlines_and_slugs(admin_client, make_release):
    make_release(headline="Summit a missed opportunity")
    make_release(headline="Court ruling", subheadline="A win at the summit")
    make_release(headline="Budget vote", slug="summit-budget")
    make_release(headline="Unrelated news")

    response = admin_client.get(CHANGELIST_URL, {"q": "summit"})

    assert response.status_code == 200
    assert listed(response) == {"Summit a missed opportunity", "Court ruling", "Budget vote"}
    assert "Unrelated news" not in response.text


def _release_variety(make_release, make_tag):
    tag = make_tag(name="Asylum")
    make_release(headline="Joint", kind=Release.Kind.JOINT_STATEMENT, released_at=_moment(2024))
    make_release(headline="Draft", status=Release.Status.DRAFT, released_at=_moment(2025))
    make_release(headline="Spanish", language="es", released_at=_moment(2025))
    make_release(headline="Tagged", tags=[tag], released_at=_moment(2025))
    return tag


def _moment(year):
    return datetime.datetime(year, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind__exact": "joint-statement"}, {"Joint"}),
        ({"status__exact": "draft"}, {"Draft"}),
        ({"language__exact": "es"}, {"Spanish"}),
        ({"tags__id__exact": "TAG"}, {"Tagged"}),
        ({"year": "2024"}, {"Joint"}),
    ],
    ids=["kind", "status", "language", "tag", "year"],
)
def test_each_filter_narrows_the_release_list(admin_client, make_release, make_tag, query, expected):
    tag = _release_variety(make_release, make_tag)
    query = {name: str(tag.pk) if value == "TAG" else value for name, value in query.items()}

    response = admin_client.get(CHANGELIST_URL, query)

    assert response.status_code == 200
    assert listed(response) == expected


def test_the_year_filter_offers_the_years_releases_cover(admin_client, make_release, make_tag):
    _release_variety(make_release, make_tag)

    response = admin_client.get(CHANGELIST_URL)

    assert 'href="?year=2025"' in response.text
    assert 'href="?year=2024"' in response.text


@pytest.mark.parametrize("count", [1, 50])
def test_the_release_list_runs_a_constant_number_of_queries(
    admin_client, superuser, make_release, make_tag, count, django_assert_max_num_queries
):
    tags = [make_tag(), make_tag()]
    for _ in range(count):
        make_release(tags=tags, updated_by=superuser)

    # 8 reads and the sign-in's second-step check, plus the savepoint pair of django-reversion's revision block.
    with django_assert_max_num_queries(11):
        response = admin_client.get(CHANGELIST_URL)

    assert len(response.context["cl"].result_list) == count


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("releasecontact", "contact"),
        ("release", "spokespeople"),
        ("release", "cosigners"),
        ("release", "tags"),
        ("release", "boilerplate"),
        ("release", "translation_of"),
    ],
)
def test_the_release_form_autocompletes_its_related_rows(
    admin_client,
    make_contact,
    make_spokesperson,
    make_organization,
    make_tag,
    make_boilerplate,
    make_release,
    model_name,
    field_name,
):
    wanted = {
        "contact": lambda: make_contact(name="Elyssa Pachico"),
        "spokespeople": lambda: make_spokesperson(name="Elyssa Ruiz"),
        "cosigners": lambda: make_organization(name="Elyssa Legal Fund"),
        "tags": lambda: make_tag(name="Elyssa's law"),
        "boilerplate": lambda: make_boilerplate(title="About Elyssa"),
        "translation_of": lambda: make_release(headline="Elyssa speaks"),
    }[field_name]()
    other = {
        "contact": lambda: make_contact(name="Press office"),
        "spokespeople": lambda: make_spokesperson(name="Ana Torres"),
        "cosigners": lambda: make_organization(name="Workers Center"),
        "tags": lambda: make_tag(name="Labor"),
        "boilerplate": lambda: make_boilerplate(title="About the network", language="es"),
        "translation_of": lambda: make_release(headline="Budget vote"),
    }[field_name]()

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "releases", "model_name": model_name, "field_name": field_name, "term": "elyssa"},
    )

    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(wanted.pk), "text": str(wanted)}]
    assert str(other) not in response.text


def test_adding_a_tag_through_the_admin(admin_client):
    response = admin_client.post(reverse("admin:releases_tag_add"), {"name": "Asylum", "slug": "asylum"})

    assert response.status_code == 302
    assert Tag.objects.get().slug == "asylum"


def test_changing_and_listing_tags_through_the_admin(admin_client, make_tag):
    tag = make_tag(name="Asylm", slug="asylm")
    make_tag(name="Labor")
    assert 'data-prepopulated-fields="' in admin_client.get(reverse("admin:releases_tag_add")).text

    response = admin_client.post(
        reverse("admin:releases_tag_change", args=[tag.pk]), {"name": "Asylum", "slug": "asylum"}
    )
    listing = admin_client.get(reverse("admin:releases_tag_changelist"), {"q": "asyl"})

    assert response.status_code == 302
    assert listing.status_code == 200
    assert [str(row) for row in listing.context["cl"].result_list] == ["Asylum"]


def _boilerplate_data(**fields):
    return {
        "title": "About the coalition",
        "language": "en",
        "text": "<p>The coalition is a network of migrant-led organizations.</p>",
        **fields,
    }


def test_adding_a_boilerplate_through_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:releases_boilerplate_add"),
        _boilerplate_data(title="About us (Spanish)", language="es", is_default="on"),
    )

    assert response.status_code == 302
    boilerplate = Boilerplate.objects.get()
    assert (boilerplate.title, boilerplate.language, boilerplate.is_default) == ("About us (Spanish)", "es", True)


def test_a_new_release_starts_with_the_default_boilerplate_of_its_language(
    admin_client, release_form_data, make_boilerplate
):
    make_boilerplate(title="English", language="en", is_default=True)
    spanish = make_boilerplate(title="Spanish", language="es", is_default=True)

    admin_client.post(ADD_URL, release_form_data(language="es"))

    assert Release.objects.get().boilerplate == spanish


def test_changing_and_listing_boilerplates_through_the_admin(admin_client, make_boilerplate):
    boilerplate = make_boilerplate(title="About the coalition", language="en")
    make_boilerplate(title="Sobre la coalición", language="es", is_default=True)

    response = admin_client.post(
        reverse("admin:releases_boilerplate_change", args=[boilerplate.pk]),
        _boilerplate_data(text="<p>The coalition unites 60 organizations.</p>"),
    )
    by_language = admin_client.get(reverse("admin:releases_boilerplate_changelist"), {"language__exact": "es"})
    by_default = admin_client.get(reverse("admin:releases_boilerplate_changelist"), {"is_default__exact": "1"})
    searched = admin_client.get(reverse("admin:releases_boilerplate_changelist"), {"q": "60 organizations"})

    assert response.status_code == 302
    boilerplate.refresh_from_db()
    assert boilerplate.text == "<p>The coalition unites 60 organizations.</p>"
    assert [str(row) for row in by_language.context["cl"].result_list] == ["Sobre la coalición"]
    assert [str(row) for row in by_default.context["cl"].result_list] == ["Sobre la coalición"]
    assert [str(row) for row in searched.context["cl"].result_list] == ["About the coalition"]


def test_the_admin_asks_anonymous_visitors_to_log_in(client):
    response = client.get(CHANGELIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_release_moments_are_entered_in_the_coalitions_time_zone(admin_client, release_form_data, settings):
    settings.TIME_ZONE = "America/Chicago"

    admin_client.post(ADD_URL, release_form_data(released_at_0="2025-03-04", released_at_1="09:30:00"))

    released_at = Release.objects.get().released_at
    assert released_at == datetime.datetime(2025, 3, 4, 15, 30, tzinfo=datetime.UTC)


def test_the_release_list_offers_import_export_and_recovery(admin_client):
    page = admin_client.get(CHANGELIST_URL).text

    assert reverse("admin:releases_import") in page
    assert reverse("admin:releases_release_recoverlist") in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"state": "bogus"}, "The “status” filter does not know “bogus”"),
        ({"year": "last"}, "The “year” filter does not know “last”"),
    ],
)
def test_an_unknown_filter_value_on_the_release_list_is_ignored_with_a_message(
    admin_client, make_release, query, message
):
    make_release(headline="Listed anyway")

    response = admin_client.get(CHANGELIST_URL, query)

    assert listed(response) == {"Listed anyway"}
    assert message in response.text


def test_an_unknown_kind_on_the_release_list_lists_nothing_rather_than_everything(admin_client, make_release):
    make_release(headline="A press release")

    for query in ({"kind": "bogus"}, {"kind__exact": "bogus"}):
        response = admin_client.get(CHANGELIST_URL, query)
        assert listed(response) == set(), query
