"""Translation pairs: each page of a release and its translation names itself, its pair and x-default,
points to the other in the other's language, and says so to search engines and social networks."""

import json
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from releases.models import AccessLink, Release


def hreflangs(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


def json_ld(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def absolute(path):
    return f"http://testserver{path}"


@pytest.fixture
def pair(make_release):
    original = make_release(language="en", slug="summit", headline="Summit a missed opportunity")
    translation_ = make_release(
        language="es", slug="cumbre", headline="Cumbre, una oportunidad perdida", translation_of=original
    )
    return original, translation_


def test_every_page_of_a_pair_names_itself_its_pair_and_x_default(client, pair):
    original, spanish = pair
    expected = {
        "en": absolute("/releases/summit/"),
        "es": absolute("/es/releases/cumbre/"),
        "x-default": absolute("/releases/summit/"),
    }

    for release in pair:
        assert hreflangs(client.get(release.get_absolute_url()).text) == expected


def test_each_page_points_to_the_other_in_the_others_language(client, pair):
    original, spanish = pair

    english_page = client.get(original.get_absolute_url()).text
    spanish_page = client.get(spanish.get_absolute_url()).text

    with translation.override("es"):
        in_spanish = gettext("Also available in Spanish")
    assert (
        f'<p class="translations" lang="es">{in_spanish}: '
        f'<a href="/es/releases/cumbre/" hreflang="es">Cumbre, una oportunidad perdida</a></p>'
    ) in english_page
    assert (
        '<p class="translations" lang="en">Also available in English: '
        '<a href="/releases/summit/" hreflang="en">Summit a missed opportunity</a></p>'
    ) in spanish_page
    for page in (english_page, spanish_page):
        # Not the old mixed "Inglés: …" naming the other language in this page's words.
        assert not re.search(r">(Inglés|Español|English|Spanish): ", page)


def test_the_language_switch_leads_to_the_translation(client, pair):
    original, spanish = pair

    assert '<a href="/es/releases/cumbre/" hreflang="es" lang="es">Español</a>' in client.get("/releases/summit/").text
    assert '<a href="/releases/summit/" hreflang="en" lang="en">English</a>' in client.get("/es/releases/cumbre/").text


def test_open_graph_names_the_pages_locale_and_its_pairs(client, pair):
    original, spanish = pair

    english_page = client.get(original.get_absolute_url()).text
    spanish_page = client.get(spanish.get_absolute_url()).text

    assert '<meta property="og:locale" content="en_US">' in english_page
    assert '<meta property="og:locale:alternate" content="es_US">' in english_page
    assert '<meta property="og:locale" content="es_US">' in spanish_page
    assert '<meta property="og:locale:alternate" content="en_US">' in spanish_page


def test_structured_data_links_the_work_and_its_translation(client, pair):
    original, spanish = pair

    english_data = json_ld(client.get(original.get_absolute_url()).text)
    spanish_data = json_ld(client.get(spanish.get_absolute_url()).text)

    assert english_data["inLanguage"] == "en" and spanish_data["inLanguage"] == "es"
    assert english_data["workTranslation"] == [
        {
            "@type": "NewsArticle",
            "headline": "Cumbre, una oportunidad perdida",
            "inLanguage": "es",
            "url": absolute("/es/releases/cumbre/"),
        }
    ]
    assert spanish_data["translationOfWork"] == {
        "@type": "NewsArticle",
        "headline": "Summit a missed opportunity",
        "inLanguage": "en",
        "url": absolute("/releases/summit/"),
    }
    assert "translationOfWork" not in english_data and "workTranslation" not in spanish_data


def test_a_translation_still_in_draft_is_nobodys_pair(client, make_release):
    original = make_release(language="en", slug="summit")
    make_release(language="es", slug="cumbre", translation_of=original, status=Release.Status.DRAFT)

    page = client.get(original.get_absolute_url()).text

    assert hreflangs(page) == {}
    assert "cumbre" not in page and 'class="translations"' not in page and "workTranslation" not in page
    assert '<meta property="og:locale:alternate"' not in page


def test_pages_in_both_languages_name_both_and_x_default(client, db):
    for path in ("/releases/", "/es/releases/"):
        assert hreflangs(client.get(path).text) == {
            "en": absolute("/releases/"),
            "es": absolute("/es/releases/"),
            "x-default": absolute("/releases/"),
        }


def test_an_access_link_page_names_no_versions(client, make_release, publisher):
    release = make_release(language="es", status=Release.Status.DRAFT)
    link = AccessLink.objects.create(
        release=release,
        purpose=AccessLink.Purpose.PREVIEW,
        name="A reviewer",
        expires_at=timezone.now() + timezone.timedelta(days=1),
        created_by=publisher,
    )

    response = client.get(link.get_absolute_url())

    assert response.status_code == 200 and '<html lang="es">' in response.text
    assert hreflangs(response.text) == {}
