"""The sitemaps list every page in each language it exists in, with its versions as xhtml:link hreflang
alternates and x-default; a release and its translation are one work, each at its own address."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from releases.models import Release

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def section(client, name):
    """{location: {hreflang: href}} of a sitemap section."""
    response = client.get(reverse("sitemap-section", kwargs={"section": name}))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root
    }


@pytest.fixture
def releases(make_release, make_tag):
    tag = make_tag(name="Housing", slug="housing")
    original = make_release(language="en", slug="summit", tags=[tag])
    make_release(language="es", slug="cumbre", translation_of=original, tags=[tag])
    make_release(language="es", slug="solo-espanol")
    make_release(language="es", slug="borrador", translation_of=original, status=Release.Status.DRAFT)


def test_a_pair_is_listed_once_per_version_each_naming_both_and_x_default(client, releases):
    pair = {
        "en": f"{HOST}/releases/summit/",
        "es": f"{HOST}/es/releases/cumbre/",
        "x-default": f"{HOST}/releases/summit/",
    }

    assert section(client, "releases") == {
        f"{HOST}/releases/summit/": pair,
        f"{HOST}/es/releases/cumbre/": pair,
        f"{HOST}/es/releases/solo-espanol/": {"es": f"{HOST}/es/releases/solo-espanol/"},
    }


def test_pages_and_tags_are_listed_in_both_languages(client, releases):
    tags = section(client, "tags")
    pages = section(client, "pages")

    both = {"en": f"{HOST}/releases/tags/housing/", "es": f"{HOST}/es/releases/tags/housing/"}
    assert tags == {address: {**both, "x-default": both["en"]} for address in both.values()}
    assert pages[f"{HOST}/es/"] == {"en": f"{HOST}/", "es": f"{HOST}/es/", "x-default": f"{HOST}/"}
    assert f"{HOST}/" in pages
