"""The press room's icons: an SVG favicon and PNG favicon and touch icon in the coalition's colours,
linked from every public page and served as deployed (collectstatic, whitenoise) with long cache
lifetimes; /favicon.ico, which browsers ask for anyway, answers instead of a 404."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from django.utils.cache import get_max_age
from PIL import Image

ACCENT = (0x8A, 0x1C, 0x3B)  # --accent in static/css/site.css
YEAR = 365 * 24 * 60 * 60
ICONS = {
    "icons/favicon.svg": ("image/svg+xml", None),
    "icons/favicon-32.png": ("image/png", (32, 32)),
    "icons/apple-touch-icon.png": ("image/png", (180, 180)),
    "icons/favicon.ico": (("image/x-icon", "image/vnd.microsoft.icon"), (48, 48)),
}

pytestmark = pytest.mark.django_db


@pytest.fixture
def deployed(settings, tmp_path):
    """Static files as production serves them: collected with hashed names, served by whitenoise."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()  # A new client builds its middleware, whitenoise included, now that the files exist.


def test_the_icons_are_in_the_coalitions_colours():
    assert "#8a1c3b" in open(finders.find("icons/favicon.svg"), encoding="utf-8").read().lower()
    for name, (_type, size) in ICONS.items():
        if size:
            image = Image.open(finders.find(name))
            assert image.size == size, name
            assert image.convert("RGB").getpixel((size[0] // 2, 4)) == ACCENT, name


def test_every_public_page_links_the_svg_and_png_icons_and_the_touch_icon(client, public_pages):
    for name, path in public_pages.items():
        page = client.get(path).text
        assert re.search(r'<link rel="icon" href="[^"]+favicon\.svg" type="image/svg\+xml">', page), name
        assert re.search(r'<link rel="icon" href="[^"]+favicon-32\.png" sizes="32x32" type="image/png">', page), name
        assert re.search(r'<link rel="apple-touch-icon" href="[^"]+apple-touch-icon\.png">', page), name


def test_the_linked_icons_are_served_with_a_year_long_lifetime(deployed, make_release):
    page = deployed.get(make_release().get_absolute_url()).text
    linked = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', page)

    assert len(linked) == 3
    for url in linked:
        response = deployed.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] in ("image/svg+xml", "image/png"), url
        assert get_max_age(response) >= YEAR and "immutable" in response["Cache-Control"], url


def test_favicon_ico_answers_with_the_versioned_icon_instead_of_a_404(deployed):
    response = deployed.get("/favicon.ico")
    icon = deployed.get(response["Location"])

    assert response.status_code == 302
    assert get_max_age(response) >= 24 * 60 * 60 and "public" in response["Cache-Control"]
    assert icon.status_code == 200
    assert icon["Content-Type"] in ICONS["icons/favicon.ico"][0]
    assert get_max_age(icon) >= YEAR
