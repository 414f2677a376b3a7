"""Exports: everything, as JSON and CSV, from a command and from the admin, for staff only; importing
the JSON export into an empty press room reproduces the same releases."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.models import Organization
from releases.exporting import EXPORTS
from releases.models import Correction, LegacyPath, Release

RELEASE_FIELDS = [
    "slug",
    "source_key",
    "kind",
    "language",
    "headline",
    "subheadline",
    "summary",
    "body",
    "timing",
    "dateline",
    "released_at",
    "same_moment_as_original",
    "status",
    "withdrawn_at",
    "withdrawal_reason",
    "answer_gone",
    "image_alt",
    "image_credit",
]


def organization_snapshot(organization):
    if organization is None:
        return None
    return tuple(
        getattr(organization, name)
        for name in (
            "name",
            "short_name",
            "slug",
            "role",
            "city",
            "region",
            "country",
            "website",
            "description",
            "joined_on",
            "is_active",
            "press_email",
        )
    )


def snapshot():
    """Everything a reader or an editor sees of every release, without database ids."""
    releases = []
    for release in Release.objects.order_by("slug"):
        boilerplate = release.boilerplate
        releases.append(
            {
                **{name: getattr(release, name) for name in RELEASE_FIELDS},
                "boilerplate": boilerplate
                and (boilerplate.title, boilerplate.language, boilerplate.text, boilerplate.is_default),
                "translation_of": release.translation_of and release.translation_of.slug,
                "contacts": [
                    (c.name, c.role, c.phone, c.email, c.languages, c.is_active, organization_snapshot(c.organization))
                    for c in (link.contact for link in release.releasecontact_set.all())
                ],
                "spokespeople": sorted(
                    (p.name, p.slug, p.title, p.bio, p.languages, p.is_active, organization_snapshot(p.organization))
                    for p in release.spokespeople.all()
                ),
                "cosigners": sorted(organization_snapshot(o) for o in release.cosigners.all()),
                "tags": sorted((tag.name, tag.slug) for tag in release.tags.all()),
                "corrections": [(c.noted_at, c.text) for c in release.corrections.all()],
                "old_paths": sorted(release.legacy_paths.values_list("old_path", flat=True)),
            }
        )
    return releases


@pytest.fixture
def press_room(
    coalition, make_release, make_contact, make_spokesperson, make_organization, make_tag, make_boilerplate
):
    now = timezone.now().replace(microsecond=0)
    english = make_boilerplate(title="About us", language="en", is_default=True)
    spanish = make_boilerplate(title="Acerca de", language="es", text="<p>La coalición es una red.</p>")
    member = make_organization(
        name="Centro Latino",
        slug="centro-latino",
        city="Chicago",
        region="IL",
        website="https://centro.example.org",
        joined_on=timezone.localdate(),
        description="Serves families.",
        press_email="press@centro.example.org",
    )
    other = make_organization(
        name="Voces Unidas", slug="voces-unidas", is_active=False, role=Organization.Role.PARTNER
    )
    person = make_spokesperson(
        name="Oscar Chacón",
        slug="oscar-chacon",
        title="Executive director",
        organization=member,
        languages="English, Spanish",
        bio="Leads the policy work.",
    )
    officer = make_contact(
        name="Elyssa Pachico",
        role="Press officer",
        phone="+1 503 347 23 29",
        email="",
        organization=coalition,
        languages="English",
    )
    inbox = make_contact(name="Press office", phone="", email="press@example.org", is_active=False)
    asylum, migration = make_tag(name="Asylum", slug="asylum"), make_tag(name="Migración", slug="migracion")
    joint = make_release(
        kind=Release.Kind.JOINT_STATEMENT,
        headline="Summit declaration falls short",
        slug="summit",
        subheadline="Leaders promised protection",
        dateline="LOS ANGELES",
        summary="Forty organizations say no.",
        body="<p>The declaration falls short.</p><blockquote><p>“Not in our name.”</p></blockquote>",
        contacts=[inbox, officer],
        spokespeople=[person],
        cosigners=[member, other],
        tags=[asylum, migration],
        boilerplate=english,
        released_at=now - timezone.timedelta(days=2),
        image_alt="Marchers",
        timing="",
        source_key="text:2022-06-10:summit",
    )
    Correction.objects.create(release=joint, noted_at=now - timezone.timedelta(days=1), text="A name was misspelled.")
    LegacyPath.objects.create(release=joint, old_path="/2022/06/10/summit/")
    make_release(
        headline="La declaración se queda corta",
        slug="declaracion",
        language="es",
        translation_of=joint,
        boilerplate=spanish,
        tags=[migration],
    )
    bare = make_release(headline="Without boilerplate", slug="bare", released_at=now - timezone.timedelta(days=9))
    Release.objects.filter(pk=bare.pk).update(boilerplate=None)
    make_release(
        headline="Vigil on Friday",
        slug="vigil",
        kind=Release.Kind.MEDIA_ADVISORY,
        released_at=now + timezone.timedelta(days=3),
        contacts=[officer],
    )
    make_release(headline="Draft reply", slug="draft", status=Release.Status.DRAFT, summary="Not yet.")
    make_release(
        headline="Retracted",
        slug="retracted",
        status=Release.Status.WITHDRAWN,
        withdrawn_at=now - timezone.timedelta(hours=1),
        withdrawal_reason="Wrong figures.",
        answer_gone=True,
        released_at=now - timezone.timedelta(days=5),
    )
    return joint


def export_to(tmp_path, *only):
    call_command("export_press_room", str(tmp_path), *[f"--only={name}" for name in only], stdout=io.StringIO())
    return tmp_path


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# Round trip


@pytest.mark.django_db
def test_export_then_import_into_an_empty_press_room_reproduces_every_release(press_room, tmp_path):
    before = snapshot()
    assert len(before) == 6
    export_to(tmp_path, "press-room.json")

    if connection.vendor == "postgresql":  # TRUNCATE refuses to run with deferred foreign-key checks pending
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    assert not Release.objects.exists() and not Organization.objects.exists()
    out = io.StringIO()
    call_command("import_releases", str(tmp_path / "press-room.json"), stdout=out, stderr=io.StringIO())

    assert "6 created" in out.getvalue()
    assert snapshot() == before
    assert Release.objects.get(slug="summit").search_vector is not None or connection.vendor != "postgresql"


@pytest.mark.django_db
def test_importing_an_export_again_changes_nothing(press_room, tmp_path):
    before = snapshot()
    counts = [model.objects.count() for model in (Release, Organization, LegacyPath, Correction)]
    export_to(tmp_path, "press-room.json")

    call_command("import_releases", str(tmp_path / "press-room.json"), stdout=io.StringIO())

    assert snapshot() == before
    assert [model.objects.count() for model in (Release, Organization, LegacyPath, Correction)] == counts


# What the files hold


@pytest.mark.django_db
def test_the_json_export_holds_releases_with_their_people_tags_and_cosigners(press_room, tmp_path):
    document = json.loads((export_to(tmp_path, "press-room.json") / "press-room.json").read_text(encoding="utf-8"))

    assert document["format"] == "coalition-press-room"
    summit = next(item for item in document["releases"] if item["slug"] == "summit")
    assert [contact["name"] for contact in summit["contacts"]] == ["Press office", "Elyssa Pachico"]
    assert summit["contacts"][1]["phone"] == "+1 503 347 23 29"
    assert summit["spokespeople"][0]["organization"]["slug"] == "centro-latino"
    assert sorted(o["slug"] for o in summit["cosigners"]) == ["centro-latino", "voces-unidas"]
    assert sorted(tag["name"] for tag in summit["tags"]) == ["Asylum", "Migración"]


@pytest.mark.django_db
def test_the_csv_exports_list_releases_members_spokespeople_and_contacts(press_room, tmp_path):
    folder = export_to(tmp_path)

    releases = {row["slug"]: row for row in read_csv(folder / "releases.csv")}
    assert releases["vigil"]["status"] == "scheduled"
    assert releases["summit"]["tags"] == "Asylum; Migración"
    assert releases["summit"]["contacts"] == "Press office; Elyssa Pachico"
    assert releases["summit"]["address"] == "/releases/summit/"
    assert {row["slug"] for row in read_csv(folder / "members.csv")} == {"alianza", "centro-latino", "voces-unidas"}
    assert read_csv(folder / "spokespeople.csv")[0]["organization"] == "Centro Latino"
    contacts = {row["name"]: row for row in read_csv(folder / "contacts.csv")}
    assert contacts["Elyssa Pachico"]["phone"] == "+1 503 347 23 29"
    assert contacts["Press office"]["email"] == "press@example.org"


@pytest.mark.django_db
def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused(make_contact, tmp_path):
    make_contact(name='=HYPERLINK("https://evil.example","Click")', role="@SUM(A1)", phone="-1 312 555 0142")

    row = read_csv(export_to(tmp_path, "contacts.csv") / "contacts.csv")[0]

    assert row["name"] == '\'=HYPERLINK("https://evil.example","Click")'
    assert row["role"] == "'@SUM(A1)"
    assert row["phone"] == "-1 312 555 0142"


@pytest.mark.django_db
def test_the_json_export_takes_the_same_queries_for_one_release_or_fifty(make_release, make_contact, make_tag):
    def queries():
        with CaptureQueriesContext(connection) as context:
            "".join(EXPORTS["press-room.json"][1]())
        return len(context)

    make_release(contacts=[make_contact()], tags=[make_tag()])
    one = queries()
    for _ in range(49):
        make_release(contacts=[make_contact()], tags=[make_tag()])

    assert queries() == one


# From the admin, for staff only


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_staff_download_each_export_from_the_admin_never_cached(admin_client, press_room, name):
    response = admin_client.get(reverse("admin:releases_export", args=[name]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode()
    if name in ("press-room.json", "contacts.csv"):
        assert "press@example.org" in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_the_exports_are_never_reachable_without_signing_in(client, press_room, name):
    response = client.get(reverse("admin:releases_export", args=[name]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert b"press@example.org" not in response.content


@pytest.mark.django_db
def test_staff_without_the_right_to_see_contacts_cannot_export(client, django_user_model, press_room):
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_release", "add_release", "change_release"])
    )
    client.force_login(staff)

    assert client.get(reverse("admin:releases_export", args=["contacts.csv"])).status_code == 403
    assert "contacts.csv" not in client.get(reverse("admin:releases_import")).content.decode()


@pytest.mark.django_db
def test_the_admin_page_offers_every_export(admin_client):
    page = admin_client.get(reverse("admin:releases_import")).content.decode()

    for name in EXPORTS:
        assert reverse("admin:releases_export", args=[name]) in page


@pytest.mark.django_db
def test_an_unknown_export_is_not_found(admin_client):
    assert admin_client.get(reverse("admin:releases_export", args=["passwords.csv"])).status_code == 404
