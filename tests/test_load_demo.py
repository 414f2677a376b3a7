import io
import json
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from reversion.models import Version

from members.models import Organization
from releases.management.commands.load_demo import DEMO_EXPORT
from releases.models import Attachment, Boilerplate, MediaContact, Release, Spokesperson
from releases.workflow import apply_transition

LA_DECLARATION_SLUG = "los-angeles-declaration-falls-short-for-asylum-seekers"

# Sign-in counts failures per username and address (django-axes), so signing in needs the request.
SIGN_IN = RequestFactory().post("/admin/login/")

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def every_row():
    """Every row of every table, every field included (M2M link tables too)."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


def test_load_demo_fills_an_empty_database_with_a_press_room():
    assert not Release.objects.exists()

    output = load_demo()

    coalition = Organization.objects.coalition()
    assert coalition.press_email and coalition.city
    assert coalition.social_links.count() >= 2
    members = Organization.objects.filter(role=Organization.Role.MEMBER)
    assert members.count() >= 12
    assert members.filter(country="United States").values("region").distinct().count() >= 5
    assert members.exclude(country="United States").values("country").distinct().count() >= 2
    assert Organization.objects.filter(role=Organization.Role.AFFILIATE).exists()
    assert Organization.objects.filter(role=Organization.Role.PARTNER).exists()
    assert set(Release.objects.values_list("kind", flat=True)) == set(Release.Kind.values)
    assert {year for year in Release.objects.values_list("released_at__year", flat=True)} >= {2019, 2022, 2026}
    assert output.count("\n") == 1, output
    assert output.startswith(f"Demo press room loaded: {Organization.objects.count()} organizations")
    assert f"{Release.objects.count()} releases (1 draft)" in output


def test_demo_has_spanish_releases_with_the_spanish_boilerplate():
    load_demo()

    spanish = Release.objects.filter(language="es")
    assert spanish.count() >= 3
    assert {release.boilerplate.language for release in spanish} == {"es"}
    assert Boilerplate.objects.get(language="es", is_default=True)
    assert Boilerplate.objects.get(language="en", is_default=True)
    assert Spokesperson.objects.filter(languages="Spanish").exists()


def test_demo_joint_statements_are_co_signed():
    load_demo()

    joint = Release.objects.filter(kind=Release.Kind.JOINT_STATEMENT)
    cosigner_counts = [release.cosigners.count() for release in joint]
    assert min(cosigner_counts) >= 2
    assert max(cosigner_counts) >= 4


def test_only_the_demo_draft_is_hidden_from_the_public():
    load_demo()

    draft = Release.objects.get(status=Release.Status.DRAFT)
    assert draft not in Release.objects.published()
    assert Release.objects.published().count() == Release.objects.count() - 1


def test_demo_media_advisories_have_what_who_when_where_sections():
    load_demo()

    for advisory in Release.objects.filter(kind=Release.Kind.MEDIA_ADVISORY, language="en"):
        for section in ("WHAT", "WHO", "WHEN", "WHERE"):
            assert f"<h2>{section}</h2>" in advisory.body


def test_every_demo_row_passes_validation():
    load_demo()

    for model in (Organization, MediaContact, Spokesperson, Boilerplate):
        for row in model.objects.all():
            row.full_clean()
    for release in Release.objects.all():
        release.full_clean()
        release.clean_cosigners(list(release.cosigners.all()))
        assert release.summary
        assert release.body.count("<p>") >= 2
    press_office = MediaContact.objects.get(name="Press office")
    assert press_office.email and not press_office.phone


def test_los_angeles_declaration_release_follows_the_sample():
    load_demo()

    release = Release.objects.get(slug=LA_DECLARATION_SLUG)
    assert release.subheadline.startswith("Summit of the Americas a Missed Opportunity")
    assert release.released_at.astimezone(ZoneInfo("America/Los_Angeles")).date().isoformat() == "2022-06-10"
    contacts = [link.contact for link in release.releasecontact_set.all()]
    assert [contact.name for contact in contacts] == ["Elisa Paredes", "Mariela Núñez"]
    assert all("555" in contact.phone and contact.email.endswith("@example.org") for contact in contacts)
    assert [person.title for person in release.spokespeople.all()] == ["Executive Director"]
    assert release.translations.get().language == "es"


def test_running_it_twice_changes_nothing():
    load_demo()
    rows = every_row()

    output = load_demo()

    assert every_row() == rows
    assert f"demo releases added 0, already there {Release.objects.count()}" in output


def test_running_it_again_after_staff_work_changes_nothing(publisher):
    """Issue 11, finding 5: re-running make run (load_demo) reverted staff edits and withdrawals."""
    load_demo()
    release = Release.objects.get(slug=LA_DECLARATION_SLUG)
    release.headline = "Edited in the admin"
    release.save()
    release.tags.clear()
    release.releasecontact_set.all().delete()
    withdrawn = Release.objects.get(slug="end-of-title-42-must-not-mean-end-of-asylum")
    apply_transition(withdrawn, "withdraw", publisher, reason="Superseded.")
    Organization.objects.filter(slug="voces-unidas-digital").update(city="Evanston")
    rows = every_row()

    load_demo()

    assert every_row() == rows


def test_it_adds_only_what_is_missing():
    load_demo()
    Release.objects.filter(slug=LA_DECLARATION_SLUG).delete()
    Organization.objects.filter(slug="colectivo-mujeres-del-altiplano").delete()
    others = list(Release.objects.order_by("pk").values())

    output = load_demo()

    assert Release.objects.filter(slug=LA_DECLARATION_SLUG).exists()
    assert Organization.objects.filter(slug="colectivo-mujeres-del-altiplano").exists()
    assert list(Release.objects.exclude(slug=LA_DECLARATION_SLUG).order_by("pk").values()) == others
    assert "demo releases added 1" in output


def test_the_demo_has_an_image_and_an_attachment_served_once_public(client):
    load_demo()

    release = Release.objects.get(slug=LA_DECLARATION_SLUG)
    assert release.image and release.image_alt
    attachment = Attachment.objects.get()
    assert attachment.release == release and attachment.file.read().startswith(b"%PDF-")
    assert client.get(release.image_url()).status_code == 200
    assert client.get(reverse("releases:file", kwargs={"slug": release.slug, "pk": attachment.pk})).status_code == 200


def test_each_demo_release_starts_with_a_first_version_it_can_be_restored_to():
    load_demo()

    for release in Release.objects.all():
        versions = Version.objects.get_for_object(release)
        assert versions.count() == 1, release.slug
        assert versions.get().field_dict["headline"] == release.headline


def test_the_demo_is_a_press_room_export_the_importer_reads():
    document = json.loads(DEMO_EXPORT.read_text(encoding="utf-8"))
    assert document["format"] == "coalition-press-room" and document["version"] == 2
    assert (
        DEMO_EXPORT.parent / "files" / "private" / next(r["image"] for r in document["releases"] if r["image"])
    ).is_file()

    out = io.StringIO()
    call_command("import_releases", str(DEMO_EXPORT.parent), stdout=out, stderr=io.StringIO())

    assert f"{len(document['releases'])} created" in out.getvalue()


def test_invalid_demo_content_fails_loudly_and_loads_nothing(tmp_path):
    document = json.loads(DEMO_EXPORT.read_text(encoding="utf-8"))
    document["contacts"][0]["phone"] = "555-01"
    broken = tmp_path / "press-room.json"
    broken.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(CommandError, match="not a phone number"):
        load_demo("--export", str(broken))

    assert not Organization.objects.exists() and not Release.objects.exists()


@pytest.fixture
def local_sqlite(monkeypatch):
    """The demo account is for the local SQLite demo; on CI's PostgreSQL, act as that database."""
    monkeypatch.setattr(connection, "vendor", "sqlite")


def test_demo_account_password_signs_in(client, local_sqlite):
    output = load_demo("--demo-account")

    assert "http://127.0.0.1:8000/admin/" in output
    assert "username: demo" in output
    password = re.search(r"password: (\S+)", output).group(1)
    user = authenticate(SIGN_IN, username="demo", password=password)
    assert user is not None and user.is_staff and user.is_superuser
    assert client.login(request=SIGN_IN, username="demo", password=password)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_sign_in_address_names_the_address_the_server_answers_at(local_sqlite):
    output = load_demo("--demo-account", "--address", "http://127.0.0.1:8100")

    assert "sign in at http://127.0.0.1:8100/admin/" in output
    assert ":8000" not in output


def test_demo_account_rerun_resets_the_password(local_sqlite):
    first = re.search(r"password: (\S+)", load_demo("--demo-account")).group(1)
    second = re.search(r"password: (\S+)", load_demo("--demo-account")).group(1)

    assert first != second
    assert authenticate(SIGN_IN, username="demo", password=first) is None
    assert authenticate(SIGN_IN, username="demo", password=second) is not None
    assert get_user_model().objects.filter(username="demo").count() == 1


def test_demo_account_is_refused_outside_sqlite(monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(connection, "vendor", "postgresql")
        with pytest.raises(CommandError, match="local demo only") as refusal:
            load_demo("--demo-account")

    assert "manage.py createsuperuser" in str(refusal.value)
    assert not get_user_model().objects.filter(username="demo").exists()
    assert not Release.objects.exists()
