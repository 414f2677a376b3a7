"""The demo press room is bilingual: Spanish tag names, roles, bios, profile text, and translation pairs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from members.models import Organization
from releases.models import MediaContact, Release, Spokesperson, Tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def test_the_demo_holds_at_least_three_pairs_each_in_both_languages_at_one_moment(demo):
    pairs = Release.objects.published().exclude(translation_of=None).select_related("translation_of")

    assert pairs.count() >= 3
    for translation in pairs:
        original = translation.translation_of
        assert {translation.language, original.language} == {"en", "es"}
        assert translation.released_at == original.released_at
        assert original.is_published()
    assert {translation.language for translation in pairs} == {"en", "es"}  # Translated both ways.


def test_the_demo_gives_staff_text_in_spanish(demo):
    assert Tag.objects.get(slug="asylum").name_es == "Asilo"
    assert Spokesperson.objects.get(slug="ruben-castellanos").title_es == "Director ejecutivo"
    assert Spokesperson.objects.exclude(bio_es="").count() == Spokesperson.objects.count()
    assert MediaContact.objects.get(name="Elisa Paredes").role_es == "Directora de comunicación"
    assert Organization.objects.coalition().description_es.startswith("Red transnacional")
    assert not Organization.objects.filter(description_es="").exclude(description="").exists()


def test_a_spanish_page_of_the_demo_shows_the_spanish_text(client, demo):
    spanish = Release.objects.get(slug="el-fin-del-titulo-42-no-debe-significar-el-fin-del-asilo")
    page = client.get(spanish.get_absolute_url()).content.decode()
    assert ">Asilo</a>" in page and ">Frontera</a>" in page
    assert "Directora de políticas e incidencia" in page

    with override("es"):
        person = client.get(reverse("releases:spokesperson", args=["ruben-castellanos"]))
    assert "Rubén Castellanos dirige la coalición desde 2015." in person.content.decode()
