"""WordPress's own test exports import without collisions: every published post on its own page,
every old address (permalinks and ?p=/?page_id= shortlinks) redirecting to it.

The theme unit test data is WordPress's; the theme-preview and 6.4 block-test shapes are built by
hand in tests/samples (no network here): items without <link> or post id, a guid claimed twice,
posts named "Search" and "Tags", an undated draft, direction-override characters, block markup.
"""

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from releases.importing.wordpress import wxr
from releases.models import LegacyPath, Release

SAMPLES = Path(__file__).parent / "samples"
EXPORTS = {
    "theme unit test": Path("/work/shared/samples/wordpress-theme-unit-test.xml"),
    "theme preview": SAMPLES / "wordpress-theme-preview.xml",
    "block test data": SAMPLES / "wordpress-block-test-data.xml",
}
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"

pytestmark = pytest.mark.django_db


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def posts(path):
    return [item for item in wxr.items(path) if item.type == "post"]


@pytest.mark.parametrize("name", EXPORTS)
def test_every_post_is_its_own_release_and_every_published_one_has_its_page(client, name):
    path = EXPORTS[name]
    items = posts(path)

    out, err = run(path)

    assert f"{len(items)} created, 0 updated" in out and not err
    assert Release.objects.count() == len(items)
    published = [item for item in items if item.status == "publish" and not item.password]
    assert Release.objects.published().count() == len(published)
    for release in Release.objects.published():
        assert client.get(release.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("name", EXPORTS)
def test_every_old_address_of_a_published_post_redirects_to_its_page(client, name):
    path = EXPORTS[name]
    run(path)

    checked = 0
    for release in Release.objects.published():
        addresses = list(release.legacy_paths.values_list("old_path", flat=True))
        if "~" not in release.source_key:  # the second claimant of an identity: its addresses were the first's
            assert any(address.startswith("/?") for address in addresses), release.headline
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 301, address
            assert response["Location"] == release.get_absolute_url()
            checked += 1
    assert checked >= Release.objects.published().exclude(source_key__contains="~").count()


@pytest.mark.parametrize("name", EXPORTS)
def test_importing_the_export_again_changes_nothing(name):
    path = EXPORTS[name]
    run(path)
    rows = list(Release.objects.order_by("pk").values())

    out, _err = run(path)

    assert f"0 created, 0 updated, {len(rows)} unchanged" in out
    assert list(Release.objects.order_by("pk").values()) == rows


def test_items_without_link_or_post_id_and_a_guid_claimed_twice_never_overwrite_each_other():
    out, _err = run(EXPORTS["theme preview"])

    starter = Release.objects.filter(headline__startswith="Starter content")
    assert sorted(starter.values_list("headline", flat=True)) == [
        "Starter content: about the coalition",
        "Starter content: contact the press office",
    ]
    keys = list(starter.order_by("source_key").values_list("source_key", flat=True))
    assert keys == [
        "wordpress:preview.example.org#guid:https://preview.example.org/?p=20",
        "wordpress:preview.example.org#guid:https://preview.example.org/?p=20~2",
    ]
    assert "claims the same identity as an earlier post" in out


def test_posts_named_like_the_press_rooms_own_pages_get_a_suffix_and_keep_their_old_address(client):
    run(EXPORTS["theme preview"])

    search, tags = Release.objects.get(headline="Search"), Release.objects.get(headline="Tags")
    assert (search.slug, tags.slug) == ("search-2", "tags-2")
    assert client.get(search.get_absolute_url()).status_code == 200
    assert client.get("/?p=12")["Location"] == search.get_absolute_url()
    assert client.get("/releases/search/").status_code == 200  # the press room's own page is still its own


def test_an_undated_post_is_a_draft_and_control_characters_are_gone():
    run(EXPORTS["theme preview"])

    undated = Release.objects.get(headline="Draft without a date")
    assert undated.status == Release.Status.DRAFT and not undated.is_published()
    assert "no date" in undated.status_changes.get().note
    for release in Release.objects.all():
        assert not set(release.headline + release.body + release.summary) & set(BIDI), release.headline
    assert Release.objects.get(slug="bidi-title").headline == "Bidi in the title: Coalition responds"


def test_a_post_that_was_a_page_answers_its_page_id_shortlink(client):
    run(EXPORTS["theme preview"])

    history = Release.objects.get(headline="Was a page: our history")
    assert client.get("/?page_id=31")["Location"] == history.get_absolute_url()
    assert client.get("/?page_id=2").status_code == 200  # a page that was not imported: the home page, as before
    assert not Release.objects.filter(headline="About").exists()


def test_block_markup_becomes_the_allowed_markup_and_its_permalinks_redirect(client):
    run(EXPORTS["block test data"])

    heading = Release.objects.get(headline="Block: Heading and paragraph")
    assert "<!--" not in heading.body and "<h2>A second-level heading</h2>" in heading.body
    assert "<strong>bold</strong>" in heading.body
    assert "<li>First item</li>" in Release.objects.get(headline="Block: List").body
    code = Release.objects.get(headline="Block: Table and code").body
    assert "<script" not in code and "&lt;script&gt;" in code
    permalink = urlsplit(
        LegacyPath.objects.filter(release=heading).exclude(old_path__startswith="/?").first().old_path
    )
    assert client.get(permalink.path)["Location"] == heading.get_absolute_url()
    assert not Release.objects.get(headline="Block: A draft").is_published()
    assert Release.objects.get(headline="Block: Scheduled far ahead").is_scheduled()


# In the admin: an upload, streamed, with a preview and the reading's progress


def post_export(client, path, **fields):
    with path.open("rb") as export:
        response = client.post(reverse("admin:releases_import_wordpress"), {"export": export, "dry_run": "", **fields})
    return response, b"".join(response.streaming_content).decode() if response.streaming else ""


def test_a_preview_of_an_uploaded_export_shows_each_post_and_writes_nothing(admin_client):
    response, page = post_export(admin_client, EXPORTS["block test data"], dry_run="on")

    assert response.status_code == 200 and response.streaming
    assert "no-store" in response["Cache-Control"]
    assert "Preview: nothing was written" in page and "Checking 100%" in page and "Importing" in page
    assert "Block: Heading and paragraph" in page and "11 created" in page
    assert not Release.objects.exists()


def test_a_publisher_imports_an_uploaded_export_and_its_old_addresses_redirect(signed_in, client):
    publisher = signed_in("Publisher")

    response, page = post_export(publisher, EXPORTS["theme preview"])

    assert response.status_code == 200 and "8 created" in page
    assert "claims the same identity as an earlier post" in page
    assert client.get("/?p=12")["Location"] == Release.objects.get(headline="Search").get_absolute_url()


def test_a_writer_may_preview_a_wordpress_export_but_not_import_it(signed_in):
    writer = signed_in("Writer")

    _response, page = post_export(writer, EXPORTS["theme preview"], dry_run="on")
    assert "Preview: nothing was written" in page

    response, _page = post_export(writer, EXPORTS["theme preview"])
    assert response.status_code == 403
    assert not Release.objects.exists()


def test_a_file_that_is_not_an_export_gets_a_clear_error_on_the_page(admin_client, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text("<html><body>not an export</body></html>", encoding="utf-8")

    _response, page = post_export(admin_client, path, dry_run="on")

    assert "Nothing was imported:" in page and "not a WordPress export" in page


def test_the_import_page_offers_the_wordpress_upload(admin_client):
    page = admin_client.get(reverse("admin:releases_import")).content.decode()

    assert reverse("admin:releases_import_wordpress") in page and 'name="export"' in page
