"""What staff write in Spanish shows on Spanish pages, and the English text where they wrote none."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse, translate_url
from django.utils import translation

from members.models import Organization
from releases.models import MediaContact, Release, Spokesperson, Tag


def page(client, url, language):
    """The page at its address in ``language`` (Spanish pages live under /es/)."""
    response = client.get(translate_url(url, language))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def people(coalition, make_spokesperson, make_contact, make_tag, make_release, make_organization):
    member = make_organization(
        name="Raíces Unidas",
        slug="raices-unidas",
        description="A network of farmworker families.",
        description_es="Una red de familias campesinas.",
    )
    person = make_spokesperson(
        name="Rubén Castellanos",
        slug="ruben-castellanos",
        organization=coalition,
        title="Executive Director",
        title_es="Director ejecutivo",
        bio="Rubén has led the coalition since 2015.",
        bio_es="Rubén dirige la coalición desde 2015.",
    )
    untranslated = make_spokesperson(
        name="Ana Flores", slug="ana-flores", organization=coalition, title="Policy Analyst"
    )
    contact = make_contact(name="Elisa Paredes", role="Communications Director", role_es="Directora de comunicación")
    tag = make_tag(name="Asylum", name_es="Asilo", slug="asylum")
    make_tag(name="TPS", slug="tps")
    # A release page is framed in the release's own language: this one is Spanish.
    release = make_release(
        headline="Declaración sobre el asilo",
        slug="declaracion-sobre-el-asilo",
        language="es",
        tags=[tag, Tag.objects.get(slug="tps")],
        spokespeople=[person, untranslated],
        contacts=[contact],
        cosigners=[member, coalition],
    )
    return {"member": member, "person": person, "tag": tag, "release": release}


def test_spanish_pages_show_the_spanish_tag_title_bio_role_and_description(client, people):
    release = page(client, people["release"].get_absolute_url(), "es")
    assert ">Asilo</a>" in release
    assert "Director ejecutivo" in release
    assert "Directora de comunicación" in release
    assert "Executive Director" not in release and "Communications Director" not in release

    person = page(client, people["person"].get_absolute_url(), "es")
    assert "Rubén dirige la coalición desde 2015." in person
    assert "Director ejecutivo" in person
    assert "has led the coalition" not in person

    assert "Directora de comunicación" in page(client, reverse("media-contacts"), "es")
    assert "Una red de familias campesinas." in page(client, people["member"].get_absolute_url(), "es")
    assert "Asilo" in page(client, people["tag"].get_absolute_url(), "es")
    home = page(client, reverse("home"), "es")
    assert "Director ejecutivo" in home and "Directora de comunicación" in home


def test_english_pages_keep_the_english_text(client, people):
    home = page(client, reverse("home"), "en")
    assert "Executive Director" in home and "Director ejecutivo" not in home
    assert "Communications Director" in home
    assert "Releases about “Asylum”" in page(client, people["tag"].get_absolute_url(), "en")
    assert "Rubén has led the coalition since 2015." in page(client, people["person"].get_absolute_url(), "en")
    assert "A network of farmworker families." in page(client, people["member"].get_absolute_url(), "en")


def test_what_has_no_spanish_text_falls_back_to_the_english(client, people):
    release = page(client, people["release"].get_absolute_url(), "es")
    assert ">TPS</a>" in release
    assert "Policy Analyst" in release


def test_the_home_page_presents_the_coalition_in_the_page_language(client, coalition):
    coalition.description = "A network of migrant-led organizations."
    coalition.description_es = "Una red de organizaciones lideradas por migrantes."
    coalition.save()

    assert "Una red de organizaciones lideradas por migrantes." in page(client, reverse("home"), "es")
    english = page(client, reverse("home"), "en")
    assert "A network of migrant-led organizations." in english and "Una red" not in english


def test_the_release_filter_and_subscription_topics_name_tags_in_the_page_language(client, people):
    assert ">Asilo</option>" in page(client, reverse("releases:list"), "es")
    assert ">Asylum</option>" in page(client, reverse("releases:list"), "en")
    assert "Asilo" in page(client, reverse("subscriptions:subscribe"), "es")


def test_the_accessors_follow_the_active_language(people):
    tag, person = people["tag"], people["person"]
    with translation.override("es"):
        assert (tag.display_name, person.display_title) == ("Asilo", "Director ejecutivo")
        person.bio_es = "   "
        assert person.display_bio == "Rubén has led the coalition since 2015."
    with translation.override("en"):
        assert (tag.display_name, person.display_title) == ("Asylum", "Executive Director")


def test_an_export_carries_the_spanish_text_and_a_restore_brings_it_back(people, tmp_path):
    call_command("export_press_room", str(tmp_path / "backup"), stdout=StringIO())
    document = json.loads((tmp_path / "backup" / "press-room.json").read_text())

    assert {tag["slug"]: tag["name_es"] for tag in document["tags"]}["asylum"] == "Asilo"
    person = {person["slug"]: person for person in document["spokespeople"]}["ruben-castellanos"]
    assert (person["title_es"], person["bio_es"]) == ("Director ejecutivo", "Rubén dirige la coalición desde 2015.")

    Release.objects.all().delete()
    Tag.objects.all().delete()
    MediaContact.objects.all().delete()
    Spokesperson.objects.all().delete()
    Organization.objects.all().delete()
    call_command("import_releases", str(tmp_path / "backup"), stdout=StringIO())

    assert Tag.objects.get(slug="asylum").name_es == "Asilo"
    assert Spokesperson.objects.get(slug="ruben-castellanos").bio_es == "Rubén dirige la coalición desde 2015."
    assert MediaContact.objects.get(name="Elisa Paredes").role_es == "Directora de comunicación"
    assert Organization.objects.get(slug="raices-unidas").description_es == "Una red de familias campesinas."
