"""The reader's language: every public page in English (the addresses it always had) and in Spanish
(under /es/), a language switch on every page leading to the same page in the other language, a
release read in its own language, and Spanish dates on Spanish pages."""

import datetime as dt
import re

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from browser_checks import describe_vnu_errors, vnu_errors
from releases.models import Release


def in_language(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def html_lang(page):
    return re.search(r'<html lang="([^"]+)">', page).group(1)


def switch_links(page):
    """The language switch's links: (href, hreflang, lang, text) of each."""
    switch = re.search(r'<p class="language-switch">(.*?)</p>', page, re.S).group(1)
    return re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" lang="([^"]+)">([^<]+)</a>', switch)


@pytest.fixture
def site(coalition, make_release, make_tag, make_spokesperson, make_organization):
    tag = make_tag(name="Housing", slug="housing")
    person = make_spokesperson(name="Oscar Chacón", slug="oscar-chacon")
    member = make_organization(name="Casa Latina", slug="casa-latina")
    release = make_release(
        headline="Summit statement",
        slug="summit-statement",
        tags=[tag],
        spokespeople=[person],
        cosigners=[member],
        released_at=timezone.make_aware(dt.datetime(2022, 6, 10, 12)),
    )
    return {"tag": tag, "person": person, "member": member, "release": release}


PAGES = [
    ("home", {}),
    ("releases:list", {}),
    ("releases:archive-year", {"year": 2022}),
    ("releases:archive-month", {"year": 2022, "month": 6}),
    ("releases:search", {}),
    ("releases:tag", {"slug": "housing"}),
    ("releases:spokesperson", {"slug": "oscar-chacon"}),
    ("members:directory", {}),
    ("member", {"slug": "casa-latina"}),
    ("media-contacts", {}),
    ("subscriptions:subscribe", {}),
]


@pytest.mark.parametrize("name,kwargs", PAGES)
def test_every_page_answers_in_english_where_it_was_and_in_spanish_under_es(client, site, name, kwargs):
    english, spanish = in_language("en", name, **kwargs), in_language("es", name, **kwargs)

    assert spanish == "/es" + english
    english_page, spanish_page = client.get(english), client.get(spanish)

    assert english_page.status_code == spanish_page.status_code == 200
    assert html_lang(english_page.text) == "en" and html_lang(spanish_page.text) == "es"


@pytest.mark.parametrize("name,kwargs", PAGES)
def test_every_page_switches_to_the_same_page_in_the_other_language(client, site, name, kwargs):
    english, spanish = in_language("en", name, **kwargs), in_language("es", name, **kwargs)

    assert switch_links(client.get(english).text) == [(spanish, "es", "es", "Español")]
    assert switch_links(client.get(spanish).text) == [(english, "en", "en", "English")]


def test_the_switch_is_a_link_in_the_header_reached_before_the_content(client, site):
    page = client.get(reverse("home")).text

    header = page[page.index('<header class="site-header">') : page.index("</header>")]
    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in header
    assert 'tabindex="-1"' not in header and "hidden" not in header


def test_the_switch_leaves_the_readers_query_behind(client, site):
    page = client.get(reverse("releases:search"), {"q": "summit"}).text

    assert switch_links(page) == [("/es/releases/search/", "es", "es", "Español")]


def test_neither_a_cookie_nor_the_browser_changes_a_readers_page(client, site):
    client.cookies["django_language"] = "es"

    page = client.get(reverse("home"), headers={"accept-language": "es"})

    assert html_lang(page.text) == "en"


def test_the_admin_follows_the_staff_members_browser(client, db):
    spanish = client.get(reverse("admin:login"), headers={"accept-language": "es"})
    english = client.get(reverse("admin:login"), headers={"accept-language": "en"})

    assert '<html lang="es"' in spanish.text and '<html lang="en"' in english.text


@pytest.mark.parametrize(
    "path",
    ["/es/admin/", "/es/sitemap.xml", "/es/robots.txt", "/es/access/some-token/"],
)
def test_what_is_not_a_page_for_reading_has_one_address(client, db, path):
    assert client.get(path).status_code == 404


def test_a_spanish_release_asked_for_at_the_english_address_moves_permanently_to_its_own(client, make_release):
    release = make_release(language="es", slug="comunicado")

    page = client.get("/releases/comunicado/")
    text = client.get("/releases/comunicado/text/", {"utm_source": "wire"})

    assert release.get_absolute_url() == "/es/releases/comunicado/"
    assert page.status_code == 301 and page["Location"] == "/es/releases/comunicado/"
    assert text.status_code == 301 and text["Location"] == "/es/releases/comunicado/text/?utm_source=wire"
    assert page["Cache-Control"].startswith("public, max-age=")  # Kept a minute at most: a fixed language heals.
    landed = client.get(page["Location"])
    assert landed.status_code == 200 and html_lang(landed.text) == "es"


def test_an_english_release_asked_for_under_es_moves_to_its_english_address(client, make_release):
    make_release(language="en", slug="statement")

    response = client.get("/es/releases/statement/")

    assert response.status_code == 301 and response["Location"] == "/releases/statement/"


def test_a_draft_at_the_other_address_is_missing_not_redirected(client, make_release):
    make_release(language="es", slug="borrador", status=Release.Status.DRAFT)

    assert client.get("/releases/borrador/").status_code == 404
    assert client.get("/es/releases/borrador/").status_code == 404


def test_a_release_without_a_translation_switches_to_the_other_languages_home(client, make_release):
    release = make_release(language="es", slug="solo-en-espanol")

    page = client.get(release.get_absolute_url()).text

    assert switch_links(page) == [("/", "en", "en", "English")]


def test_lists_link_each_release_at_its_own_address(client, make_release):
    make_release(language="es", slug="comunicado", headline="Comunicado")
    make_release(language="en", slug="statement", headline="Statement")

    for language in ("en", "es"):
        page = client.get(in_language(language, "releases:list")).text
        assert 'href="/es/releases/comunicado/"' in page and 'href="/releases/statement/"' in page


def test_spanish_pages_write_dates_the_spanish_way(client, site):
    release = site["release"]

    spanish = client.get(in_language("es", "releases:tag", slug="housing")).text
    english = client.get(reverse("releases:tag", kwargs={"slug": "housing"})).text

    assert "10 de junio de 2022" in spanish and "10 de junio de 2022" not in english
    with translation.override("en"):
        assert date_format(timezone.localtime(release.released_at), "DATE_FORMAT") in english


def test_the_month_archive_is_titled_with_the_months_name_in_the_pages_language(client, site):
    spanish = client.get(in_language("es", "releases:archive-month", year=2022, month=6)).text
    english = client.get(in_language("en", "releases:archive-month", year=2022, month=6)).text

    with translation.override("es"):
        spanish_title = gettext("Releases of %(month)s") % {"month": "junio de 2022"}
    assert f"<h1>{spanish_title}</h1>" in spanish
    assert "<h1>Releases of June 2022</h1>" in english
    assert "6/2022" not in spanish + english


@pytest.mark.page_cache
def test_the_page_cache_never_serves_one_languages_page_for_the_other(client, site, django_assert_num_queries):
    english = client.get(reverse("releases:list"))
    spanish = client.get(in_language("es", "releases:list"))

    with django_assert_num_queries(0):
        english_again = client.get(reverse("releases:list"), headers={"accept-language": "es"})
        spanish_again = client.get(in_language("es", "releases:list"), headers={"accept-language": "en"})

    assert html_lang(english.text) == html_lang(english_again.text) == "en"
    assert html_lang(spanish.text) == html_lang(spanish_again.text) == "es"
    assert english_again.content == english.content and spanish_again.content == spanish.content
    assert english["ETag"] != spanish["ETag"]


def test_every_public_page_type_in_spanish_is_valid_html(client, public_pages, tmp_path):
    files = []
    for name, path in public_pages.items():
        response = client.get(translate_url(path, "es"), follow=True)
        assert response.status_code == (404 if name == "not-found" else 200), f"{name} answered {response.status_code}"
        assert 'lang="es"' in response.text or name == "not-found"
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    errors = vnu_errors(files)

    assert set(errors) == {file.name for file in files}
    assert not any(errors.values()), "\n" + describe_vnu_errors(errors)
