"""Every public page type: it answers, shows what a reader expects, and keeps unpublished releases out."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from releases.models import Release

PAGE_QUERY_BUDGET = 8


@pytest.fixture
def draft(make_release):
    return make_release(headline="Unpublished draft headline", status=Release.Status.DRAFT)


@pytest.fixture
def scheduled(make_release):
    return make_release(headline="Scheduled future headline", released_at=timezone.now() + timezone.timedelta(hours=2))


def test_home_lists_published_releases_contacts_and_spokespeople(
    client, coalition, make_release, make_contact, make_spokesperson, draft, scheduled
):
    make_release(headline="Declaration falls short")
    make_contact(name="Elyssa Pachico")
    make_spokesperson(name="Oscar Chacón")

    response = client.get(reverse("home"))

    assert response.status_code == 200
    page = response.text
    assert "Declaration falls short" in page
    assert "For media inquiries" in page and "Elyssa Pachico" in page
    assert "Oscar Chacón" in page
    assert 'role="search"' in page
    assert "Unpublished draft headline" not in page and "Scheduled future headline" not in page


def test_release_page_is_laid_out_as_a_release(
    client, coalition, make_release, make_contact, make_spokesperson, make_boilerplate, make_tag
):
    contact = make_contact(name="Elyssa Pachico", phone="+1 503 347 23 29", email="elyssa@example.org")
    person = make_spokesperson(name="Oscar Chacón")
    boilerplate = make_boilerplate(text="<p>Alianza is a transnational network.</p>")
    release = make_release(
        headline="Summit a missed opportunity",
        subheadline="Leaders fall short",
        dateline="LOS ANGELES",
        summary="The declaration falls short.",
        contacts=[contact],
        spokespeople=[person],
        boilerplate=boilerplate,
        tags=[make_tag(name="Asylum")],
        body="<p>“Not here,” said Chacón.</p>",
        language="es",
    )

    response = client.get(release.get_absolute_url())

    page = response.text
    assert response.status_code == 200
    assert '<html lang="es">' in page
    # The default release-timing line is printed in the release's language.
    assert "PARA PUBLICACIÓN INMEDIATA" in page and "FOR IMMEDIATE RELEASE" not in page and "LOS ANGELES" in page
    assert page.index('href="tel:+15033472329"') < page.index("<h1>Summit a missed opportunity</h1>")
    assert 'href="mailto:elyssa@example.org"' in page
    assert "Leaders fall short" in page and "Alianza is a transnational network." in page
    assert 'rel="tag"' in page and "Asylum" in page
    assert '<meta name="description" content="The declaration falls short.">' in page
    assert '<link rel="canonical" href="http://testserver/es/releases/' in page
    assert 'property="og:title" content="Summit a missed opportunity"' in page
    assert '"@type": "NewsArticle"' in page and '"inLanguage": "es"' in page
    assert "Texto plano (formato de agencia)" in page


def test_release_page_links_previous_next_and_related_but_never_unpublished(
    client, make_release, make_tag, draft, scheduled
):
    tag = make_tag()
    now = timezone.now()
    older = make_release(headline="Older one", released_at=now - timezone.timedelta(days=3), tags=[tag])
    release = make_release(headline="Middle one", released_at=now - timezone.timedelta(days=2), tags=[tag])
    newer = make_release(headline="Newer one", released_at=now - timezone.timedelta(days=1))
    draft.tags.add(tag)
    scheduled.tags.add(tag)

    page = client.get(release.get_absolute_url()).text

    assert f'href="{older.get_absolute_url()}" rel="prev"' in page
    assert f'href="{newer.get_absolute_url()}" rel="next"' in page
    assert "Related releases" in page
    assert draft.headline not in page and scheduled.headline not in page


def test_translation_link_only_when_the_translation_is_public(client, make_release):
    original = make_release(headline="Original in English")
    spanish = make_release(headline="Traducción al español", language="es", translation_of=original)
    hidden = make_release(
        headline="Traduction cachée", language="es", translation_of=original, status=Release.Status.DRAFT
    )

    page = client.get(original.get_absolute_url()).text

    assert 'hreflang="es"' in page and spanish.headline in page
    assert hidden.headline not in page
    assert original.headline in client.get(spanish.get_absolute_url()).text


def test_wire_text_version_ends_with_the_wire_mark(client, make_release, make_contact, make_boilerplate):
    release = make_release(
        headline="Plain headline",
        dateline="CHICAGO",
        body="<p>First &amp; foremost.</p><p>Second.</p>",
        contacts=[make_contact(name="Ana", phone="(773) 875-3314", email="ana@example.org")],
        boilerplate=make_boilerplate(text="<p>About us.</p>"),
    )

    response = client.get(reverse("releases:detail-text", args=[release.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Ana | (773) 875-3314 | ana@example.org" in text
    assert "CHICAGO — First & foremost.\n\nSecond." in text
    assert "<p>" not in text
    assert text.rstrip().endswith("###")


@pytest.mark.parametrize("status", [Release.Status.DRAFT])
def test_unpublished_release_answers_like_a_missing_one(client, make_release, status):
    release = make_release(status=status)
    future = make_release(released_at=timezone.now() + timezone.timedelta(minutes=1))

    for url in (
        release.get_absolute_url(),
        future.get_absolute_url(),
        "/releases/no-such-release/",
        reverse("releases:detail-text", args=[release.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Page not found" in response.text


def test_release_list_filters_and_archive(client, make_release, make_tag, make_spokesperson, make_organization, draft):
    tag = make_tag(name="Asylum", slug="asylum")
    person = make_spokesperson(slug="oscar")
    member = make_organization(slug="casa")
    make_release(
        headline="Tagged and quoted",
        tags=[tag],
        spokespeople=[person],
        cosigners=[member],
        kind=Release.Kind.STATEMENT,
        language="es",
    )
    make_release(headline="Old one", released_at=timezone.now().replace(year=2019))
    url = reverse("releases:list")

    assert "Tagged and quoted" in client.get(url).text
    for query in ("tag=asylum", "spokesperson=oscar", "member=casa", "kind=statement", "language=es"):
        page = client.get(f"{url}?{query}").text
        assert "Tagged and quoted" in page, query
        assert "Old one" not in page, query
    archive = client.get(reverse("releases:archive-year", args=[2019])).text
    assert "Old one" in archive and "Tagged and quoted" not in archive
    assert draft.headline not in client.get(url).text


@pytest.mark.parametrize(
    "query",
    ["page=999", "page=abc", "page=-1", "kind=nonsense", "tag=%FF%FE", "year=abcd&language=xx", "q=" + "x" * 2000],
)
def test_bad_list_input_is_a_normal_page_or_a_404(client, make_release, query):
    make_release()

    response = client.get(reverse("releases:list") + "?" + query)

    assert response.status_code in (200, 404)


def test_bad_archive_month_is_a_404(client, make_release):
    make_release()

    assert client.get("/releases/2022/13/").status_code == 404


def test_tag_page_lists_public_releases_and_hides_private_tags(client, make_release, make_tag, draft):
    tag = make_tag(name="Climate migration")
    make_release(headline="Climate release", tags=[tag])
    draft_only_tag = make_tag(name="Secret merger")
    draft.tags.add(draft_only_tag, tag)

    page = client.get(tag.get_absolute_url()).text

    assert "Climate migration" in page and "Climate release" in page
    assert draft.headline not in page
    assert client.get(draft_only_tag.get_absolute_url()).status_code == 404


def test_spokesperson_page_shows_bio_languages_and_quoting_releases(client, make_release, make_spokesperson, draft):
    person = make_spokesperson(
        name="Oscar Chacón", title="Executive director", bio="Born in El Salvador.", languages="English, Spanish"
    )
    make_release(headline="Chacón speaks", spokespeople=[person])
    draft.spokespeople.add(person)

    page = client.get(person.get_absolute_url()).text

    assert "Oscar Chacón" in page and "Executive director" in page and "Born in El Salvador." in page
    assert "English, Spanish" in page and "Chacón speaks" in page
    assert draft.headline not in page


def test_member_page_lists_cosigned_releases(client, make_release, make_organization, draft):
    member = make_organization(name="Casa Chicago", city="Chicago", region="IL")
    make_release(
        headline="We co-signed this", kind=Release.Kind.JOINT_STATEMENT, cosigners=[member, make_organization()]
    )
    draft.cosigners.add(member)

    page = client.get(member.get_absolute_url()).text

    assert "Casa Chicago" in page and "Chicago, IL" in page and "We co-signed this" in page
    assert draft.headline not in page


def test_directory_groups_by_country_and_state_and_filters(client, coalition, make_organization):
    make_organization(name="Casa Chicago", region="Illinois", country="United States")
    make_organization(name="Red Salvadoreña", region="San Salvador", country="El Salvador")
    make_organization(name="Gone Group", is_active=False)
    url = reverse("members:directory")

    page = client.get(url).text
    assert '<h2 id="country-1">El Salvador</h2>' in page and "<h3>Illinois</h3>" in page
    assert "Casa Chicago" in page and "Gone Group" not in page
    assert coalition.name not in page.split("<main")[1].split("</main>")[0]

    filtered = client.get(url + "?place=Illinois").text
    assert "Casa Chicago" in filtered and "Red Salvadoreña" not in filtered
    searched = client.get(url + "?q=salvador").text
    assert "Red Salvadoreña" in searched and "Casa Chicago" not in searched


def test_media_contacts_page_lists_active_contacts(client, coalition, make_contact):
    make_contact(name="Press office", phone="", email="press@example.org")
    make_contact(name="Former officer", is_active=False)

    page = client.get(reverse("media-contacts")).text

    assert "Press office" in page and 'href="mailto:press@example.org"' in page
    assert "Former officer" not in page


def test_missing_page_uses_the_site_design(client, db):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "Page not found" in response.text and 'class="skip-link"' in response.text


@pytest.mark.parametrize("n", [1, 50])
def test_every_page_type_runs_a_constant_number_of_queries(
    client, coalition, busy_release, n, django_assert_max_num_queries
):
    release = busy_release(n)
    person = release.spokespeople.first()
    member = release.cosigners.first()
    urls = [
        reverse("home"),
        reverse("releases:list"),
        reverse("releases:list") + f"?tag={release.tags.first().slug}&kind=joint-statement",
        reverse("releases:archive-year", args=[release.released_at.year]),
        release.get_absolute_url(),
        reverse("releases:detail-text", args=[release.slug]),
        release.tags.first().get_absolute_url(),
        person.get_absolute_url(),
        member.get_absolute_url(),
        reverse("members:directory"),
        reverse("media-contacts"),
    ]
    for url in urls:
        client.get(url)  # The coalition profile and the next scheduled moment are cached: measure the steady state.
        with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
            response = client.get(url)
        assert response.status_code == 200, url


def test_server_error_page_uses_the_site_design(db):
    client = Client(raise_request_exception=False)

    with mock.patch("releases.views.render", side_effect=RuntimeError("database went away")):
        response = client.get(reverse("home"))

    assert response.status_code == 500
    assert "Something went wrong" in response.text and 'class="skip-link"' in response.text
    assert "database went away" not in response.text


def test_the_year_archive_offers_its_months(client, make_release):
    june = make_release(headline="June release", released_at=timezone.now().replace(year=2022, month=6, day=10))
    make_release(headline="September release", released_at=timezone.now().replace(year=2022, month=9, day=15))

    page = client.get(reverse("releases:archive-year", args=[2022])).text
    assert 'href="/releases/2022/6/"' in page and 'href="/releases/2022/9/"' in page

    month = client.get(reverse("releases:archive-month", args=[2022, 6])).text
    assert june.headline in month and "September release" not in month


@pytest.mark.parametrize("query", ["kind=bogus", "kind=bogus&language=es", "tag=no-such-topic"])
def test_an_unknown_filter_value_is_ignored_visibly_above_the_list_and_in_the_form(client, make_release, query):
    make_release(headline="Shown, since the filter was left out", language="es")

    page = client.get(reverse("releases:list") + "?" + query).text

    notice = page.index('id="ignored-filters"')
    assert notice < page.index("Shown, since the filter was left out")
    name, value = query.split("&")[0].split("=")
    assert f"“{value}” is not one of its choices." in page
    assert f'<select name="{name}" aria-invalid="true"' in page


def test_known_filter_values_show_no_notice(client, make_release):
    make_release(kind=Release.Kind.STATEMENT)

    assert 'id="ignored-filters"' not in client.get(reverse("releases:list") + "?kind=statement").text


@pytest.mark.parametrize(
    ("timing", "shown"),
    [
        ("MEDIA ADVISORY", None),
        ("Media advisory: for planning purposes", "for planning purposes"),
        ("MEDIA ADVISORY – FOR RELEASE JUNE 5", "FOR RELEASE JUNE 5"),
        ("FOR IMMEDIATE RELEASE", "FOR IMMEDIATE RELEASE"),
    ],
)
def test_a_media_advisory_names_its_kind_once(client, make_release, timing, shown):
    advisory = make_release(
        headline="Vigil outside the detention center", kind=Release.Kind.MEDIA_ADVISORY, timing=timing
    )

    page = client.get(advisory.get_absolute_url()).text
    header = page[page.index('<header class="release-header">') : page.index("<h1>")]

    assert header.lower().count("media advisory") == 1  # The kind, beside the date.
    assert '<span class="kind">Media advisory</span>' in header
    if shown:
        assert f'<p class="timing">{shown}</p>' in header
    else:
        assert 'class="timing"' not in header
