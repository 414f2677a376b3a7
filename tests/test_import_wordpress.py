"""import_wordpress: every post of a WordPress export becomes a release with its status kept, nothing
private becomes public, markup is cleaned, bad or hostile files write nothing, memory stays bounded."""

import io
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from releases.importing.wordpress import wxr
from releases.importing.wordpress.importer import WordPressImporter
from releases.models import LegacyPath, Release, StatusChange, Tag
from releases.workflow import apply_transition

SAMPLE = Path("/work/shared/samples/wordpress-theme-unit-test.xml")
SITE = "wordpress:wpthemetestdata.wordpress.com"
pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="the WordPress theme unit test export is not here")


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def post(source_id):
    return Release.objects.get(source_key=f"{SITE}#{source_id}")


def export(items, version="1.1"):
    """A small WXR export of ``items`` (each the inside of an <item>)."""
    ns = f"http://wordpress.org/export/{version}/"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">\n<channel>\n<title>Coalition</title>\n'
        f"<link>http://coalition.example.org</link>\n<language>es-ES</language>\n<wp:wxr_version>{version}</wp:wxr_version>\n"
        + "".join(f"<item>{item}</item>\n" for item in items)
        + "</channel>\n</rss>\n"
    )


def item(post_id, title, status="publish", content="<p>Families are waiting.</p>", password="", categories=""):
    return (
        f"<title>{title}</title><link>http://coalition.example.org/2020/05/0{post_id}/post-{post_id}/</link>"
        f"<dc:creator><![CDATA[editor]]></dc:creator><content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>2020-05-0{post_id} 09:00:00</wp:post_date><wp:post_date_gmt>2020-05-0{post_id} 14:00:00"
        f"</wp:post_date_gmt><wp:post_name>post-{post_id}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_type>post</wp:post_type><wp:post_password>{password}</wp:post_password>{categories}"
    )


@pytest.fixture
def imported(db):
    run(SAMPLE)


# The sample export


def test_every_post_of_the_sample_is_imported_and_nothing_else(imported):
    assert Release.objects.count() == 58
    assert Release.objects.exclude(source_key__startswith=f"{SITE}#").count() == 0
    assert not Release.objects.filter(headline__in=["About The Tests", "canola2"]).exists(), "pages and attachments"


def test_published_posts_stay_published_at_their_moment(imported):
    release = post(1178)

    assert release.headline == "Markup: HTML Tags and Formatting"
    assert release.slug == "markup-html-tags-and-formatting"
    assert release.released_at == datetime(2013, 1, 12, 3, 22, 19, tzinfo=UTC)
    assert release.is_published()
    assert Release.objects.published().count() == 55, "56 published, less the password-protected one"


def test_the_draft_the_scheduled_and_the_password_protected_post_are_not_public(imported):
    draft, scheduled, protected = post(1164), post(1153), post(1168)

    assert draft.status == Release.Status.DRAFT
    assert scheduled.is_scheduled() and scheduled.released_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    assert protected.status == Release.Status.DRAFT
    assert "password-protected" in protected.status_changes.get().note
    public = set(Release.objects.published())
    assert not {draft, scheduled, protected} & public


def test_titles_lose_their_markup_and_a_post_without_one_gets_a_headline_from_its_address(imported):
    assert post(1173).headline == "Markup: Title With Markup"
    assert post(1174).headline == "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>"
    untitled = post(1169)
    assert untitled.headline == "Untitled post edge-case-no-title of 2009-09-05"
    assert untitled.status == Release.Status.PUBLISHED  # it had its page on WordPress, and keeps one here
    assert "no title" in untitled.status_changes.get().note


def test_a_post_without_content_keeps_its_page_with_a_warning(imported):
    empty = post(1170)
    assert empty.status == Release.Status.PUBLISHED
    assert "no content" in empty.status_changes.get().note


def test_hostile_and_block_editor_markup_is_cleaned_to_the_allowed_tags(imported):
    bodies = " ".join(Release.objects.values_list("body", flat=True)).lower()

    for forbidden in (
        "<script",
        "<iframe",
        "<embed",
        "<object",
        "<img",
        "<style",
        "onerror",
        "onload",
        "javascript:",
        "<!--",
        "wp:paragraph",
        "[caption",
        "[gallery",
        "style=",
    ):
        assert forbidden not in bodies
    assert "<blockquote>" in post(1178).body and "<h2>Header one</h2>" in post(1178).body


def test_hostile_markup_renders_harmlessly_on_the_public_page(client, imported):
    release = post(1738)  # embeds: scripts and iframes from four other sites

    page = client.get(release.get_absolute_url()).content.decode()

    assert "platform.twitter.com/widgets.js" not in page
    assert "<iframe" not in page
    assert '<a href="https://youtu.be/ex8fMxXJDJw"' in page


def test_captions_galleries_and_images_become_links_to_where_the_images_were(imported):
    caption = post(1163).body
    assert caption == (
        '<p><a href="https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg" rel="noopener noreferrer">'
        "Bell on Wharf</a> Bell on wharf in San Francisco</p>"
    )
    gallery = post(555).body
    assert gallery.count('<li><a href="https://wpthemetestdata.files.wordpress.com/2008/06/') >= 9
    note = post(1011).status_changes.get().note
    assert "featured image was not copied" in note and "https://wpthemetestdata.files.wordpress.com/" in note


def test_categories_and_tags_become_tags_but_uncategorized_and_post_formats_do_not(imported):
    names = set(post(1152).tags.values_list("name", flat=True))

    assert {"aciform", "antiquarianism", "arrangement"} <= names
    assert not Tag.objects.filter(slug__in=["uncategorized", "post-format-gallery"]).exists()
    assert set(post(558 + 1).tags.values_list("name", flat=True)) == {"aside", "Post Formats", "Classic"}


def test_the_excerpt_is_the_summary(imported):
    assert post(993).summary.startswith("This is a user-defined post excerpt.")


def test_an_author_with_a_username_here_is_the_creator(db, django_user_model):
    editor = django_user_model.objects.create_user("themedemos")

    run(SAMPLE)

    assert post(1178).created_by == editor
    assert "Theme Reviewer" in post(1732).status_changes.get().note


def test_running_it_again_changes_nothing(imported):
    before = (Release.objects.count(), Tag.objects.count(), LegacyPath.objects.count())
    rows = list(Release.objects.order_by("pk").values())

    out, _err = run(SAMPLE)

    assert (Release.objects.count(), Tag.objects.count(), LegacyPath.objects.count()) == before
    assert list(Release.objects.order_by("pk").values()) == rows
    assert "0 created, 0 updated, 58 unchanged, 0 kept" in out


def test_a_post_a_publisher_unpublished_and_edited_is_kept_on_import_unless_overwrite(imported, publisher):
    """Issue 11, finding 5: re-running import_wordpress put back a release a publisher had unpublished and edited."""
    release = post(1178)
    assert release.is_published()
    apply_transition(release, "withdraw", publisher, reason="Out of date.")
    release.refresh_from_db()
    release.headline = "Edited here after the import"
    release.save()

    out, _err = run(SAMPLE)

    release.refresh_from_db()
    assert (release.status, release.headline) == (Release.Status.WITHDRAWN, "Edited here after the import")
    assert "Changed here since the last import: kept" in out
    assert "1 kept" in out

    run(SAMPLE, "--overwrite")

    release.refresh_from_db()
    assert release.headline == "Markup: HTML Tags and Formatting"
    assert release.status == Release.Status.WITHDRAWN  # importing never brings a withdrawn release back


def test_only_the_chosen_categories_or_tags(db):
    out, _err = run(SAMPLE, "--category", "markup", "--tag", "Columns")

    headlines = set(Release.objects.values_list("headline", flat=True))
    assert "Markup: HTML Tags and Formatting" in headlines
    assert "Block: Columns" in headlines
    assert "Post Format: Gallery" not in headlines
    assert "skipped" in out


def test_a_dry_run_writes_nothing(db):
    out, _err = run(SAMPLE, "--dry-run")

    assert not Release.objects.exists() and not Tag.objects.exists()
    assert "Dry run, nothing was written: 58 created" in out


# Statuses, from a small WXR 1.1 export


def test_private_and_protected_posts_never_become_public_and_scheduled_ones_wait(db):
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "export.xml"
    path.write_text(
        export(
            [
                item(1, "Public statement"),
                item(2, "Private note", status="private"),
                item(3, "Members only", password="secret"),
                item(4, "Pending review", status="pending"),
                item(5, "Old schedule", status="future"),
            ]
        ),
        encoding="utf-8",
    )

    run(path)

    by_title = {release.headline: release for release in Release.objects.all()}
    assert by_title["Public statement"].is_published()
    assert by_title["Private note"].status == Release.Status.DRAFT
    assert "private on WordPress" in by_title["Private note"].status_changes.get().note
    assert by_title["Members only"].status == Release.Status.DRAFT
    assert by_title["Pending review"].status == Release.Status.REVIEW
    assert by_title["Old schedule"].status == Release.Status.DRAFT, "a schedule that has passed does not publish"
    assert list(Release.objects.published()) == [by_title["Public statement"]]
    assert by_title["Public statement"].source_key == "wordpress:coalition.example.org#1"


def test_a_post_made_private_on_wordpress_is_unpublished_by_the_next_import(db, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(export([item(1, "Statement")], version="1.2"), encoding="utf-8")
    run(path)
    path.write_text(export([item(1, "Statement", status="private")], version="1.2"), encoding="utf-8")

    run(path)

    assert Release.objects.get().status == Release.Status.DRAFT
    assert StatusChange.objects.filter(to_status=Release.Status.DRAFT).exists()


def test_classic_paragraphs_become_paragraphs_and_unknown_shortcodes_keep_their_text(db, tmp_path):
    path = tmp_path / "export.xml"
    content = 'First line\nsecond line\n\n[highlight color="red"]Read this[/highlight]\n\n[contact-form-7 id="3"]'
    path.write_text(export([item(1, "Statement", content=content)]), encoding="utf-8")

    out, _err = run(path)

    assert Release.objects.get().body == "<p>First line<br>\nsecond line</p>\n<p>Read this</p>"
    assert "[highlight] was removed" in out and "[contact-form-7] was removed" in out


# Bad and hostile files

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss><channel><item><title>&lol9;</title></item></channel></rss>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&secret;</title></item></channel></rss>"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not well-formed XML"),
        (SAMPLE.read_bytes()[: len(SAMPLE.read_bytes()) // 2] if SAMPLE.exists() else b"", "not well-formed XML"),
        (BILLION_LAUGHS.encode(), "billion laughs"),
        (EXTERNAL_ENTITY.encode(), "DTD or XML entities"),
        (b'<?xml version="1.0"?><rss><channel><title>Blog</title></channel></rss>', "not a WordPress export"),
        (b'<?xml version="1.0"?><html><body>Hello</body></html>', "not a WordPress export"),
    ],
    ids=["empty", "binary", "truncated", "billion-laughs", "external-entity", "plain-rss", "not-rss"],
)
def test_bad_and_hostile_files_get_a_clear_error_and_write_nothing(tmp_path, content, message):
    path = tmp_path / "export.xml"
    path.write_bytes(content)

    with pytest.raises(CommandError) as error:
        run(path)

    assert message in str(error.value)
    assert "nothing was imported" in str(error.value)
    assert not Release.objects.exists() and not Tag.objects.exists() and not LegacyPath.objects.exists()


def test_a_truncated_export_is_refused_before_its_first_posts_are_written(db, tmp_path):
    whole = SAMPLE.read_bytes()
    path = tmp_path / "export.xml"
    path.write_bytes(whole[: int(len(whole) * 0.9)])

    with pytest.raises(CommandError, match=r"line \d+"):
        run(path)

    assert not Release.objects.exists()


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.xml")


# Streaming


def test_the_export_is_read_as_a_stream_in_bounded_memory(tmp_path):
    """A 50 MB export is read with a few MB of memory: every item is cleared once read."""
    path = tmp_path / "big.xml"
    body = "<p>" + "Families wait at the border for news. " * 250 + "</p>"
    with path.open("w", encoding="utf-8") as file:
        file.write(export([])[: -len("</channel>\n</rss>\n")])
        for n in range(5_000):
            file.write(f"<item>{item(n % 9 + 1, f'Post {n}', content=body)}</item>\n")
        file.write("</channel>\n</rss>\n")
    assert path.stat().st_size > 50_000_000

    tracemalloc.start()
    try:
        count = sum(1 for entry in wxr.items(path) if entry.type == "post")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 5_000
    assert peak < 5 * 1024 * 1024


def test_progress_is_reported_to_the_end(db):
    seen = []
    importer = WordPressImporter(SAMPLE, dry_run=True, progress=lambda label, done: seen.append((label, done)))

    importer.check()
    list(importer.run())

    assert [label for label, _done in seen][:1] == ["Checking"]
    assert seen[-1] == ("Importing", 1.0)
    assert all(0 <= done <= 1 for _label, done in seen)


def test_posts_have_their_moment_even_without_a_gmt_date(db, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(
        export([item(1, "Statement").replace("2020-05-01 14:00:00", "0000-00-00 00:00:00")]), encoding="utf-8"
    )

    run(path)

    assert timezone.localtime(Release.objects.get().released_at).hour == 9
