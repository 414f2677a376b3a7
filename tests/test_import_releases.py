"""import_releases: release files become releases with the fields a reader would fill in, matched to
the people, organizations, tags and boilerplates already there; bad files write nothing."""

import io
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from members.models import Organization
from releases.models import Boilerplate, MediaContact, Release, Spokesperson, Tag
from releases.search import search
from releases.workflow import apply_transition

SAMPLE = Path("/work/shared/samples/los-angeles-declaration-release.txt")
if not SAMPLE.exists():
    SAMPLE = Path(__file__).parent / "samples" / "los-angeles-declaration-release.txt"
SAMPLES = Path(__file__).parent / "samples"
HEADLINE = "Los Angeles Declaration on Migration Falls Short in Strengthening Protections for Asylum Seekers"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_releases", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        err.write(str(error))
    return out.getvalue(), err.getvalue()


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def small_release(headline, date="June 10, 2022", extra=""):
    return (
        f"FOR IMMEDIATE RELEASE\n\n{date}\n\nContact: Jane Doe, (773) 875-3314, jane@example.org\n\n{headline}\n\n"
        f"CHICAGO – The coalition welcomed the decision today. Families had waited for years.\n\n{extra}"
    )


def counts():
    return [model.objects.count() for model in (Release, MediaContact, Spokesperson, Organization, Boilerplate, Tag)]


# The sample, field by field


@pytest.mark.django_db
def test_the_sample_becomes_a_draft_with_exactly_the_fields_a_reader_would_fill_in():
    run(SAMPLE)

    release = Release.objects.get()
    assert release.headline == HEADLINE
    assert release.subheadline == (
        "Summit of the Americas a Missed Opportunity for Addressing the Systemic Inequities Driving Migration"
    )
    assert timezone.localtime(release.released_at) == datetime(2022, 6, 10, tzinfo=ZoneInfo("America/Chicago"))
    assert release.status == Release.Status.DRAFT
    assert release.kind == Release.Kind.PRESS_RELEASE
    assert release.language == "en"
    assert release.timing == ""
    assert release.dateline == ""
    assert release.summary == ""
    assert release.slug == (
        "los-angeles-declaration-on-migration-falls-short-in-strengthening-protections-for-asylum-seekers"
    )
    contacts = [
        (link.contact.name, link.contact.phone, link.contact.email) for link in release.releasecontact_set.all()
    ]
    assert contacts == [("Elyssa Pachico", "+1 503 347 23 29", ""), ("Myneilles Negron", "+1 703 585 6727", "")]
    person = release.spokespeople.get()
    assert (person.name, person.title, person.organization.name) == (
        "Oscar Chacón",
        "Executive director",
        "Alianza Americas",
    )
    assert release.body.startswith("<p>On June 10, the U.S., Latin American countries, Spain, and Canada signed")
    assert release.body.count("<p>") == 6
    assert "said Oscar Chacón, executive director of Alianza Americas." in release.body
    assert release.body.endswith("for all parties involved,” the Alianza Americas coalition said.</p>")
    for leftover in ("Spread the love", "Tags", "email", "premier transnational"):
        assert leftover not in release.body
    assert release.boilerplate.text == (
        "<p>Alianza Americas is the premier transnational advocacy network of Latin American migrant-led "
        "organizations working in the United States, across the Americas, and globally to create an inclusive, "
        "equitable and sustainable way of life for communities across North, Central and South America. "
        "Alianza’s digital organizing powerhouse is Presente.org.</p>"
    )
    assert release.boilerplate.title == "About Alianza Americas"
    assert release.boilerplate.language == "en"
    assert list(release.tags.all()) == []
    assert list(release.cosigners.all()) == []
    assert release.source_key == f"text:2022-06-10:{release.slug}"


@pytest.mark.django_db
def test_importing_the_same_file_again_updates_its_release_and_duplicates_nothing(tmp_path):
    path = write(tmp_path, "release.txt", SAMPLE.read_text(encoding="utf-8"))
    run(path)
    before = counts()
    release = Release.objects.get()

    path.write_text(path.read_text(encoding="utf-8").replace("shining example", "bright example"), encoding="utf-8")
    out, _err = run(path)

    assert counts() == before
    release.refresh_from_db()
    assert "bright example" in release.body
    assert "0 created, 1 updated" in out


@pytest.mark.django_db
def test_importing_an_unchanged_file_again_writes_nothing(tmp_path):
    path = write(tmp_path, "release.txt", SAMPLE.read_text(encoding="utf-8"))
    run(path)
    rows = list(Release.objects.values())

    out, _err = run(path)

    assert "0 created, 0 updated, 1 unchanged" in out
    assert list(Release.objects.values()) == rows


@pytest.mark.django_db
def test_a_release_staff_changed_since_its_import_is_kept_unless_overwrite(tmp_path, publisher):
    """Issue 11, finding 5: importing again must not undo the press room's own work."""
    path = write(tmp_path, "release.txt", SAMPLE.read_text(encoding="utf-8"))
    run("--publish", path)
    release = Release.objects.get()
    apply_transition(release, "withdraw", publisher, reason="Superseded.")
    release.refresh_from_db()
    release.headline = "Edited by the press office"
    release.save()
    path.write_text(path.read_text(encoding="utf-8").replace("shining example", "bright example"), encoding="utf-8")

    out, _err = run("--publish", path)

    release.refresh_from_db()
    assert release.headline == "Edited by the press office"
    assert "bright example" not in release.body
    assert "changed here since the last import: kept" in out.lower()
    assert "0 created, 0 updated, 0 unchanged, 1 kept" in out

    out, _err = run("--publish", "--overwrite", path)

    release.refresh_from_db()
    assert release.headline == HEADLINE and "bright example" in release.body
    assert release.status == Release.Status.WITHDRAWN
    assert "0 created, 1 updated" in out


@pytest.mark.django_db
def test_people_tags_and_boilerplates_already_there_are_matched_ignoring_case_and_accents(
    tmp_path, make_organization, make_contact, make_spokesperson, make_tag, make_boilerplate
):
    alianza = make_organization(name="ALIANZA AMÉRICAS", slug="alianza-americas")
    person = make_spokesperson(name="Óscar Chacon", slug="oscar", organization=alianza)
    by_phone = make_contact(name="E. Pachico", phone="+15033472329", email="elyssa@example.org")
    by_name = make_contact(name="MYNEILLES NEGRÓN", phone="", email="m@example.org")
    tag = make_tag(name="Migración", slug="migracion")
    boilerplate = make_boilerplate(
        title="About Alianza",
        text="<p>Alianza Americas is the premier transnational advocacy network of Latin American migrant-led "
        "organizations working in the United States, across the Americas, and globally to create an inclusive, "
        "equitable and sustainable way of life for communities across North, Central and South America. "
        "Alianza’s digital organizing powerhouse is Presente.org.</p>",
    )
    text = SAMPLE.read_text(encoding="utf-8").replace("Tags :", "Tags : MIGRACION")
    before = counts()

    run(write(tmp_path, "la.txt", text))

    release = Release.objects.get()
    assert [link.contact for link in release.releasecontact_set.all()] == [by_phone, by_name]
    assert list(release.spokespeople.all()) == [person]
    assert list(release.tags.all()) == [tag]
    assert release.boilerplate == boilerplate
    assert counts() == [before[0] + 1, *before[1:]]
    by_phone.refresh_from_db()
    assert (by_phone.name, by_phone.email) == ("E. Pachico", "elyssa@example.org"), "matching changes nothing"


@pytest.mark.django_db
def test_a_contact_with_the_same_name_but_another_email_is_someone_else(tmp_path, make_contact):
    make_contact(name="Jane Doe", phone="", email="another@example.org")

    run(write(tmp_path, "one.txt", small_release("Coalition Welcomes Decision")))

    assert Release.objects.get().contacts.get().email == "jane@example.org"
    assert MediaContact.objects.count() == 2


@pytest.mark.django_db
def test_people_and_organizations_the_importer_creates_stay_off_public_pages_until_checked(client, coalition):
    run(SAMPLE)

    assert not MediaContact.objects.filter(is_active=True).exists()
    assert not Spokesperson.objects.filter(is_active=True).exists()
    assert not Organization.objects.exclude(pk=coalition.pk).filter(is_active=True).exists()
    assert "Pachico" not in client.get(reverse("media-contacts")).content.decode()
    assert "Chacón" not in client.get(reverse("home")).content.decode()


# Publishing


@pytest.mark.django_db
def test_publish_makes_a_past_release_public_and_a_future_one_scheduled(tmp_path):
    future = timezone.localdate() + timedelta(days=30)
    write(tmp_path, "past.txt", small_release("Coalition Welcomes Decision"))
    future_date = f"{future:%B} {future.day}, {future.year}"
    write(tmp_path, "future.txt", small_release("Coalition Will Welcome Decision", date=future_date))

    run("--publish", tmp_path)

    past = Release.objects.get(headline__contains="Welcomes")
    future_release = Release.objects.get(headline__contains="Will")
    assert past.is_published() and list(Release.objects.published()) == [past]
    assert future_release.is_scheduled()
    assert timezone.localtime(future_release.released_at).date() == future
    assert past.status_changes.get().to_status == Release.Status.PUBLISHED


@pytest.mark.django_db
def test_importing_again_without_publish_keeps_a_published_release_public(tmp_path):
    path = write(tmp_path, "past.txt", small_release("Coalition Welcomes Decision"))
    run("--publish", path)

    run(path)

    assert Release.objects.get().is_published()


@pytest.mark.django_db
def test_a_joint_statement_without_two_cosigners_is_not_published(tmp_path):
    text = small_release("Coalition Welcomes Decision", extra="Signed by:\nCentro Romero")
    path = write(tmp_path, "joint.txt", text)

    out, _err = run("--publish", path)

    release = Release.objects.get()
    assert release.kind == Release.Kind.JOINT_STATEMENT
    assert release.status == Release.Status.DRAFT
    assert "not published" in out and "two co-signing" in out


@pytest.mark.django_db
def test_joint_statement_signers_become_cosigners(tmp_path):
    run("--publish", SAMPLES / "joint-statement-deportation.txt")

    release = Release.objects.get()
    assert release.is_published()
    assert [o.name for o in release.cosigners.order_by("name")] == [
        "Alianza Americas",
        "Centro Romero",
        "Presente.org",
        "Red Regional de Migrantes",
    ]


# Dry run


@pytest.mark.django_db
def test_a_dry_run_prints_what_was_understood_field_by_field_and_writes_nothing():
    out, _err = run("--dry-run", SAMPLE)

    assert counts() == [0, 0, 0, 0, 0, 0]
    for line in (
        f"headline: {HEADLINE}",
        "media contacts: Elyssa Pachico, +1 503 347 23 29 (new); Myneilles Negron, +1 703 585 6727 (new)",
        "spokespeople quoted: Oscar Chacón, Executive director, Alianza Americas (new)",
        "boilerplate: About Alianza Americas: Alianza Americas is the premier",
        "body: 6 paragraphs: On June 10",
        "release moment: June 10, 2022, midnight (Draft)",
        "warning: Line 7: “[email protected]”",
    ):
        assert line in out
    # Each field says where it came from.
    for line in (f"headline: {HEADLINE} (line 1)", "(Draft) (line 6)", "(new) (line 7)", "subheadline: Summit"):
        assert line in out
    assert "Dry run, nothing was written" in out


# Bad files


@pytest.mark.django_db
def test_a_file_that_cannot_be_understood_is_reported_with_its_line_and_the_others_import(tmp_path):
    write(tmp_path, "a-good.txt", small_release("Coalition Welcomes Decision"))
    write(tmp_path, "b-no-body.txt", "Coalition Welcomes Decision\n\nJune 10, 2022\n\n###\n")

    out, err = run(tmp_path)

    assert Release.objects.get().headline == "Coalition Welcomes Decision"
    assert "b-no-body.txt: not imported: line 5: The release has a headline (“Coalition Welcomes Decision”)" in err
    assert "1 created, 0 updated" in out and "1 not imported" in out


@pytest.mark.django_db
def test_an_undated_file_imports_as_a_draft_with_a_warning_even_when_publishing(tmp_path):
    write(tmp_path, "undated.txt", "Coalition Welcomes Decision\n\nCHICAGO – The coalition welcomed the decision.\n")

    out, _err = run(tmp_path, "--publish")

    release = Release.objects.get()
    assert release.status == Release.Status.DRAFT
    assert release.source_key == "text:undated:coalition-welcomes-decision"
    assert "No release date was found" in out and "It stays a draft" in out


@pytest.mark.django_db
def test_a_file_refused_by_validation_leaves_nothing_behind_not_even_its_new_tags(tmp_path, monkeypatch):
    """Whatever refuses a release after its contacts and tags were matched or created, none of them stays."""
    clean = Release.clean

    def refuse_some(release):
        if "Refused" in release.headline:
            raise ValidationError({"headline": "Refused by the invariant under test."})
        clean(release)

    monkeypatch.setattr(Release, "clean", refuse_some)
    write(tmp_path, "a-refused.txt", small_release("Refused Release", extra="Tags : brand new tag"))
    write(tmp_path, "b-good.txt", small_release("Coalition Welcomes Decision", extra="Tags : brand new tag"))

    _out, err = run(tmp_path)

    assert "a-refused.txt: not imported: headline: Refused by the invariant under test." in err
    release = Release.objects.get()
    assert list(release.tags.values_list("name", flat=True)) == ["brand new tag"]
    assert Tag.objects.count() == 1
    assert MediaContact.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "line 1: The file is empty."),
        ("blank.md", b"\n \n\t\n", "line 1: The file is empty."),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        ("huge.txt", b"Coalition news. " * (20 * 1024 * 1024 // 16), "The file is 20.0 MB; at most 2 MB is read"),
        ("notes.docx", b"PK\x03\x04", "“.docx” files are not releases"),
        ("export.json", b'{"format": "something else"}', "not a press-room export"),
        (
            "broken.json",
            b'{"format": "coalition-press-room",\n "version": 1,\n "releases": [}',
            "line 3: The file is not valid JSON",
        ),
    ],
)
def test_bad_files_get_a_clear_error_and_write_nothing(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    _out, err = run(path)

    assert message in err
    assert "Nothing was imported" in err
    assert counts() == [0, 0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_a_missing_path_is_reported(tmp_path):
    _out, err = run(tmp_path / "nowhere.txt")

    assert "nowhere.txt: No such file or folder." in err


# The admin's upload form


def upload(name, path_or_bytes):
    content = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.mark.django_db
def test_the_admin_upload_previews_by_default_and_imports_when_asked(admin_client):
    url = reverse("admin:releases_import")
    preview = admin_client.post(url, {"files": [upload("la.txt", SAMPLE)], "dry_run": "on"})

    assert preview.status_code == 200
    assert "Preview: nothing was written" in preview.content.decode()
    assert "Oscar Chacón, Executive director, Alianza Americas (new)" in preview.content.decode()
    assert not Release.objects.exists()

    response = admin_client.post(url, {"files": [upload("la.txt", SAMPLE), upload("empty.txt", b"")]})

    release = Release.objects.get()
    page = response.content.decode()
    assert reverse("admin:releases_release_change", args=[release.pk]) in page
    assert "empty.txt</strong>:" in page and "The file is empty." in page
    assert release.created_by.username == "admin"
    assert release.status == Release.Status.DRAFT


@pytest.mark.django_db
def test_the_admin_upload_can_publish_for_publishers_only(client, django_user_model, tmp_path):
    writer = django_user_model.objects.create_user("writer", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    client.force_login(writer)
    url = reverse("admin:releases_import")

    page = client.get(url).content.decode()
    assert 'name="publish"' not in page
    files = [upload("a.txt", small_release("Coalition Welcomes Decision").encode())]
    client.post(url, {"files": files, "publish": "on"})

    assert Release.objects.get().status == Release.Status.DRAFT


@pytest.mark.django_db
def test_the_admin_upload_needs_the_right_to_add_releases(client, django_user_model):
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)

    assert client.get(reverse("admin:releases_import")).status_code == 403
    assert client.post(reverse("admin:releases_import"), {"files": [upload("a.txt", SAMPLE)]}).status_code == 403
    assert not Release.objects.exists()


# Batches


@pytest.mark.django_db
def test_imported_releases_are_found_by_search_with_their_spokespeople_and_tags():
    run("--publish", SAMPLE, SAMPLES / "comunicado-independencia.txt")

    assert [r.headline for r in search(Release.objects.published(), "Chacón")] == [HEADLINE]
    assert len(search(Release.objects.published(), "Centroamérica")) == 1


@pytest.mark.django_db
def test_the_same_release_twice_in_one_run_is_created_once_and_updated(tmp_path):
    write(tmp_path, "a.txt", small_release("Coalition Welcomes Decision"))
    write(tmp_path, "b.txt", small_release("Coalition Welcomes Decision", extra="Tags : asylum"))

    out, _err = run(tmp_path)

    assert "1 created, 1 updated" in out
    assert list(Release.objects.get().tags.values_list("name", flat=True)) == ["asylum"]


@pytest.mark.django_db
def test_a_batch_the_database_refuses_is_imported_again_file_by_file(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", small_release("Coalition Welcomes Decision"))
    write(tmp_path, "b.txt", small_release("Coalition Welcomes Another Decision"))
    bulk_create = Release.objects.bulk_create
    calls = []

    def refuse_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("as if another editor took the same address meanwhile")
        return bulk_create(*args, **kwargs)

    monkeypatch.setattr(Release.objects, "bulk_create", refuse_once)

    out, _err = run(tmp_path)

    assert "2 created, 0 updated" in out and "0 not imported" in out
    assert Release.objects.count() == 2 and MediaContact.objects.count() == 1


@pytest.mark.django_db
def test_importing_again_never_brings_back_a_withdrawn_release(tmp_path):
    path = write(tmp_path, "past.txt", small_release("Coalition Welcomes Decision"))
    run("--publish", path)
    Release.objects.update(status=Release.Status.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_reason="Wrong.")

    run("--publish", path)

    assert Release.objects.get().status == Release.Status.WITHDRAWN


@pytest.mark.django_db
def test_writers_find_import_and_export_from_the_admin_index(client, django_user_model):
    writer = django_user_model.objects.create_user("writer", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    client.force_login(writer)

    assert reverse("admin:releases_legacypath_changelist") in client.get(reverse("admin:index")).content.decode()
    page = client.get(reverse("admin:releases_legacypath_changelist")).content.decode()
    assert reverse("admin:releases_import") in page
    assert client.get(reverse("admin:releases_legacypath_add")).status_code == 403


@pytest.fixture
def writer_client(client, django_user_model):
    writer = django_user_model.objects.create_user("writer", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    client.force_login(writer)
    return client


@pytest.mark.django_db
def test_a_writer_cannot_restore_an_export_that_would_publish(writer_client, tmp_path, make_release):
    make_release(headline="Live release", slug="live-release")
    call_command("export_press_room", str(tmp_path), stdout=io.StringIO())
    exported = next(tmp_path.glob("*.json"))
    Release.objects.all().delete()

    page = writer_client.post(reverse("admin:releases_import"), {"files": [upload("export.json", exported)]})

    assert "Only a publisher can restore a press-room export" in page.content.decode()
    assert not Release.objects.exists()


@pytest.mark.django_db
def test_a_writer_cannot_change_a_published_release_by_importing_its_file_again(writer_client):
    call_command("import_releases", str(SAMPLE), "--publish", stdout=io.StringIO(), stderr=io.StringIO())
    published = Release.objects.get()
    assert published.status == Release.Status.PUBLISHED
    changed = SAMPLE.read_bytes().replace(b"Spread the love", b"Spread the love\nA new paragraph by the writer.")

    page = writer_client.post(reverse("admin:releases_import"), {"files": [upload("la.txt", changed)]})

    assert "only a publisher can change it" in page.content.decode()
    published.refresh_from_db()
    assert "new paragraph" not in published.body
