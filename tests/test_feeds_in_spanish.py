"""Every feed in each language: under /es/feeds/… titled, described and declared in Spanish, linking each
release at its own language's address, and announced by the Spanish pages."""

import re
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from releases.models import Release

FEEDS = {
    "": ({}, lambda subjects: gettext("Press releases")),
    "tag-": ({"slug": "housing"}, lambda subjects: gettext("Releases about “%(name)s”") % {"name": "Housing"}),
    "kind-": (
        {"kind": "statement"},
        lambda subjects: gettext("Releases of the kind “%(kind)s”") % {"kind": Release.Kind.STATEMENT.label},
    ),
    "spokesperson-": (
        {"slug": "oscar-chacon"},
        lambda subjects: gettext("Releases quoting %(name)s") % {"name": "Oscar Chacón"},
    ),
    "member-": (
        {"slug": "casa-latina"},
        lambda subjects: gettext("Releases co-signed by %(name)s") % {"name": "Casa Latina"},
    ),
}
FEED_NAMES = [(subject, fmt) for subject in FEEDS for fmt in ("rss", "atom")]
SPANISH_CATALOG = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES" / "django.mo"


def feed_address(language, subject, fmt):
    with translation.override(language):
        return reverse(f"feeds:{subject}{fmt}", kwargs=FEEDS[subject][0])


def expected_title(language, subject):
    with translation.override(language):
        return f"{FEEDS[subject][1](None)} · Alianza de Prueba"


@pytest.fixture
def world(coalition, make_release, make_tag, make_spokesperson, make_organization):
    """An English statement with its Spanish translation, and one in each language alone, all sharing every subject."""
    relations = {
        "tags": [make_tag(name="Housing", slug="housing")],
        "spokespeople": [make_spokesperson(name="Oscar Chacón", slug="oscar-chacon")],
        "cosigners": [make_organization(name="Casa Latina", slug="casa-latina")],
        "kind": Release.Kind.STATEMENT,
    }
    original = make_release(language="en", slug="summit", headline="Summit statement", **relations)
    make_release(
        language="es", slug="cumbre", headline="Declaración de la cumbre", translation_of=original, **relations
    )
    make_release(language="en", slug="only-english", headline="Only in English", **relations)
    make_release(language="es", slug="solo-espanol", headline="Solo en español", **relations)


@pytest.mark.parametrize("subject,fmt", FEED_NAMES)
def test_each_spanish_feed_parses_declares_spanish_and_is_titled_in_it(client, world, subject, fmt):
    response = client.get(feed_address("es", subject, fmt))

    parsed = feedparser.parse(response.content)
    assert response.status_code == 200
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[fmt]
    assert parsed.feed.language == "es"
    assert parsed.feed.title == expected_title("es", subject)
    assert parsed.feed.link.startswith("http://testserver/es/")


@pytest.mark.skipif(
    not SPANISH_CATALOG.exists(), reason="the Spanish catalog (locale/es) is not compiled in this tree"
)
@pytest.mark.parametrize("subject", list(FEEDS))
def test_spanish_feed_titles_are_not_the_english_ones(client, world, subject):
    english = feedparser.parse(client.get(feed_address("en", subject, "rss")).content)
    spanish = feedparser.parse(client.get(feed_address("es", subject, "rss")).content)

    assert english.feed.language == "en" and english.feed.title == expected_title("en", subject)
    assert spanish.feed.title != english.feed.title


@pytest.mark.parametrize("subject,fmt", FEED_NAMES)
def test_each_feed_links_every_release_at_its_own_languages_address(client, world, subject, fmt):
    for language in ("en", "es"):
        parsed = feedparser.parse(client.get(feed_address(language, subject, fmt)).content)
        links = {entry.title: entry.link for entry in parsed.entries}
        assert links == {
            "Summit statement": "http://testserver/releases/summit/",
            "Declaración de la cumbre": "http://testserver/es/releases/cumbre/",
            "Only in English": "http://testserver/releases/only-english/",
            "Solo en español": "http://testserver/es/releases/solo-espanol/",
        }


def test_the_feed_of_spanish_releases_keeps_every_one_of_them(client, world):
    for language in ("en", "es"):
        with translation.override(language):
            address = reverse("feeds:language-atom", kwargs={"code": "es"})
        parsed = feedparser.parse(client.get(address).content)
        assert parsed.feed.language == "es"
        assert sorted(entry.title for entry in parsed.entries) == ["Declaración de la cumbre", "Solo en español"]


@pytest.mark.parametrize(
    "page,feeds",
    [
        ("home", ["feeds:rss", "feeds:atom"]),
        ("releases:tag", ["feeds:tag-rss", "feeds:tag-atom"]),
        ("releases:spokesperson", ["feeds:spokesperson-rss", "feeds:spokesperson-atom"]),
        ("member", ["feeds:member-rss"]),
    ],
)
def test_pages_announce_the_feeds_of_their_language(client, world, page, feeds):
    kwargs = {"home": {}, "releases:tag": {"slug": "housing"}, "member": {"slug": "casa-latina"}}.get(
        page, {"slug": "oscar-chacon"}
    )
    for language in ("en", "es"):
        with translation.override(language):
            text = client.get(reverse(page, kwargs=kwargs)).text
            for feed in feeds:
                href = re.escape(reverse(feed, kwargs=kwargs))
                assert re.search(
                    rf'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]+" href="{href}">', text
                )
    spanish_home = client.get("/es/").text
    assert 'href="/feeds/rss/"' not in spanish_home and 'href="/es/feeds/rss/"' in spanish_home
