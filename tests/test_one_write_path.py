"""One write path: the admin, the text importer, the WordPress importer, the demo loader and a restore
all write a release through the same model-level code, so the same input comes out the same way —
sanitized body, control characters gone, default boilerplate, search vector — and every path moves
the publication generation that cached answers are keyed by."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from releases import generation
from releases.models import Release
from releases.search import refresh_search_vectors

HEADLINE = "Coalition Welcomes the Ruling on Asylum"
WRITTEN_HEADLINE = "Coalition \u202eWelcomes the Ruling\u202c on Asylum"  # a right-to-left override hidden in it
BODY = '<p>Families won <strong>today</strong> in court.<script>alert("x")</script></p><p>The fight goes on.</p>'
CLEAN_BODY = "<p>Families won <strong>today</strong> in court.</p><p>The fight goes on.</p>"
WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>{headline}</title><link>https://old.example.org/2022/06/10/ruling/</link>
<dc:creator>admin</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>7</wp:post_id>
<wp:post_date>2022-06-10 09:00:00</wp:post_date><wp:post_date_gmt>2022-06-10 14:00:00</wp:post_date_gmt>
<wp:post_name>ruling</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password></item></channel></rss>
"""


def export_document(slug):
    return {
        "format": "coalition-press-room",
        "version": 2,
        "releases": [
            {
                "slug": slug,
                "kind": "press-release",
                "language": "en",
                "headline": WRITTEN_HEADLINE,
                "subheadline": "",
                "summary": "",
                "body": BODY,
                "timing": "",
                "dateline": "",
                "same_moment_as_original": True,
                "withdrawal_reason": "",
                "answer_gone": False,
                "image_alt": "",
                "image_credit": "",
                "status": "draft",
                "released_at": "2022-06-10T14:00:00+00:00",
                "boilerplate": {
                    "title": "About the coalition",
                    "language": "en",
                    "text": "<p>The coalition is a network.</p>",
                    "is_default": True,
                },
            }
        ],
    }


def through_admin(client, release_form_data, tmp_path):
    response = client.post(
        reverse("admin:releases_release_add"),
        release_form_data(headline=WRITTEN_HEADLINE, slug="through-the-admin", body=BODY, timing=""),
    )
    assert response.status_code == 302, response.content[:2000]
    return Release.objects.get(slug="through-the-admin")


def through_the_text_importer(client, release_form_data, tmp_path):
    path = tmp_path / "ruling.html"
    path.write_text(f"<h1>{WRITTEN_HEADLINE}</h1><p>June 10, 2022</p>{BODY}", encoding="utf-8")
    call_command("import_releases", str(path), stdout=io.StringIO())
    return Release.objects.get(source_key__startswith="text:")


def through_the_wordpress_importer(client, release_form_data, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(WXR.format(headline=WRITTEN_HEADLINE, body=BODY), encoding="utf-8")
    call_command("import_wordpress", str(path), stdout=io.StringIO())
    return Release.objects.get(source_key__startswith="wordpress:")


def through_the_demo_loader(client, release_form_data, tmp_path):
    path = tmp_path / "demo" / "press-room.json"
    path.parent.mkdir()
    path.write_text(json.dumps(export_document("through-the-demo")), encoding="utf-8")
    call_command("load_demo", "--export", str(path), stdout=io.StringIO())
    return Release.objects.get(slug="through-the-demo")


def through_a_restore(client, release_form_data, tmp_path):
    path = tmp_path / "backup" / "press-room.json"
    path.parent.mkdir()
    path.write_text(json.dumps(export_document("through-a-restore")), encoding="utf-8")
    call_command("import_releases", str(path.parent), stdout=io.StringIO())
    return Release.objects.get(slug="through-a-restore")


PATHS = [
    through_admin,
    through_the_text_importer,
    through_the_wordpress_importer,
    through_the_demo_loader,
    through_a_restore,
]


@pytest.mark.django_db
def test_every_write_path_gives_the_same_release_for_the_same_input(
    admin_client, release_form_data, tmp_path, make_boilerplate
):
    default = make_boilerplate(title="About the coalition", text="<p>The coalition is a network.</p>", is_default=True)
    written = {}
    for path in PATHS:
        before = generation.current()
        release = path(admin_client, release_form_data, tmp_path)
        assert generation.current() != before, f"{path.__name__} did not move the publication generation"
        written[path.__name__] = release

    for name, release in written.items():
        release.refresh_from_db()
        assert (release.headline, release.body, release.boilerplate_id) == (HEADLINE, CLEAN_BODY, default.pk), name
        vector = release.search_vector
        refresh_search_vectors(Release.objects.filter(pk=release.pk))
        release.refresh_from_db()
        assert release.search_vector == vector, f"{name}: its search vector was not the one a save computes"
    vectors = {str(release.search_vector) for release in written.values()}
    assert len(vectors) == 1, vectors
