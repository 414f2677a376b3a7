"""RSS and Atom feeds: what a feed reader gets, and what it must never get (drafts, scheduled releases)."""

import calendar
import io
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from PIL import Image

from releases.models import Release

FEED_QUERY_BUDGET = 5
FORMATS = {"rss": "rss20", "atom": "atom10"}


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def subjects(coalition, make_tag, make_spokesperson, make_organization):
    """One of each thing a feed can be narrowed to."""
    return {
        "tag": make_tag(name="Housing", slug="housing"),
        "spokesperson": make_spokesperson(name="Oscar Chacón", slug="oscar-chacon"),
        "member": make_organization(name="Casa Latina", slug="casa-latina"),
    }


@pytest.fixture
def world(subjects, make_release):
    """A published release, a draft and a scheduled one, all sharing every subject."""
    relations = {
        "tags": [subjects["tag"]],
        "spokespeople": [subjects["spokesperson"]],
        "cosigners": [subjects["member"]],
        "kind": Release.Kind.STATEMENT,
        "language": "es",
    }
    return {
        "published": make_release(headline="Public statement on housing", **relations),
        "draft": make_release(headline="Draft not for readers", status=Release.Status.DRAFT, **relations),
        "scheduled": make_release(
            headline="Scheduled for tomorrow", released_at=timezone.now() + timezone.timedelta(days=1), **relations
        ),
    }


SUBJECTS = ("", "tag-", "kind-", "spokesperson-", "member-", "language-")
FEED_NAMES = [f"feeds:{subject}{fmt}" for subject in SUBJECTS for fmt in FORMATS]


def url_for(name, subjects):
    """The address of a feed named in FEED_NAMES, narrowed to the subjects' tag, person, etc."""
    subject, _, fmt = name.removeprefix("feeds:").rpartition("-")
    kwargs = {
        "": {},
        "tag": {"slug": subjects["tag"].slug},
        "kind": {"kind": Release.Kind.STATEMENT},
        "spokesperson": {"slug": subjects["spokesperson"].slug},
        "member": {"slug": subjects["member"].slug},
        "language": {"code": "es"},
    }[subject]
    return reverse(name, kwargs=kwargs)


def format_of(name):
    return FORMATS[name.rpartition("-")[2].removeprefix("feeds:")]


@pytest.mark.parametrize("name", FEED_NAMES)
def test_every_feed_parses_and_shows_only_published_releases(client, subjects, world, name):
    response = client.get(url_for(name, subjects))

    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == format_of(name)
    assert [entry.title for entry in parsed.entries] == ["Public statement on housing"]
    assert b"Draft not for readers" not in response.content
    assert b"Scheduled for tomorrow" not in response.content


@pytest.mark.parametrize("name", ["feeds:rss", "feeds:atom"])
def test_feed_date_is_the_public_releases_even_when_a_draft_changed_later(client, make_release, name):
    public = make_release(headline="Old news", released_at=timezone.now() - timezone.timedelta(days=4))
    edited = timezone.now() - timezone.timedelta(days=3)
    Release.objects.filter(pk=public.pk).update(updated_at=edited)
    make_release(headline="Draft edited just now", status=Release.Status.DRAFT)
    make_release(headline="Goes out next week", released_at=timezone.now() + timezone.timedelta(days=7))

    response = client.get(reverse(name))

    parsed = feedparser.parse(response.content)
    assert calendar.timegm(parsed.feed.updated_parsed) == int(edited.timestamp())
    assert parse_http_date(response["Last-Modified"]) == int(edited.timestamp())


def test_a_scheduled_release_dates_the_feed_from_its_release_moment_not_its_earlier_edit(client, make_release):
    release = make_release(released_at=timezone.now() - timezone.timedelta(minutes=5))
    Release.objects.filter(pk=release.pk).update(updated_at=timezone.now() - timezone.timedelta(hours=2))

    parsed = feedparser.parse(client.get(reverse("feeds:atom")).content)

    assert calendar.timegm(parsed.feed.updated_parsed) == int(release.released_at.timestamp())
    assert parsed.entries[0].updated_parsed == parsed.entries[0].published_parsed


@pytest.mark.parametrize("name", ["feeds:rss", "feeds:atom"])
def test_feed_item_carries_the_full_release(client, coalition, make_release, make_tag, make_boilerplate, name):
    release = make_release(
        headline="Coalition answers the summit",
        summary="The coalition answers.",
        body="<p>Full body with <strong>news</strong>.</p>",
        boilerplate=make_boilerplate(text="<p>About the coalition.</p>"),
        tags=[make_tag(name="Housing"), make_tag(name="Labor")],
        image_alt="Marchers on Main Street",
    )
    release.image.save("march.png", ContentFile(png_bytes()))

    response = client.get(reverse(name))

    entry = feedparser.parse(response.content).entries[0]
    assert "<strong>news</strong>" in entry.content[0].value
    assert "About the coalition." in entry.content[0].value
    assert entry.summary == "The coalition answers."
    assert entry.link == f"http://testserver{release.get_absolute_url()}"
    assert {tag.term for tag in entry.tags} == {"Housing", "Labor"}
    assert entry.author_detail.name == "Alianza de Prueba"
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href == f"http://testserver{release.image_url()}"
    assert int(enclosure.length) == release.image.size
    assert enclosure.type == "image/png"


@pytest.mark.parametrize("name", ["feeds:rss", "feeds:atom"])
def test_item_guid_survives_a_slug_change(client, make_release, name):
    release = make_release(slug="first-slug")
    before = feedparser.parse(client.get(reverse(name)).content).entries[0].id

    release.slug = "corrected-slug"
    release.save()
    after = feedparser.parse(client.get(reverse(name)).content).entries[0].id

    assert before == after
    assert before.startswith("tag:testserver,") and "slug" not in before


def test_rss_guid_is_not_a_permalink_and_the_feed_links_to_itself(client, make_release):
    make_release()

    channel = ElementTree.fromstring(client.get(reverse("feeds:rss")).content).find("channel")

    assert channel.find("item/guid").get("isPermaLink") == "false"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == "http://testserver/feeds/rss/"


def test_a_missing_image_file_leaves_the_enclosure_out(client, make_release):
    make_release(image="releases/2026/gone.png", image_alt="A picture no longer stored")

    response = client.get(reverse("feeds:rss"))

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    assert not parsed.entries[0].get("enclosures")


def test_feed_title_and_description_come_from_the_coalition_profile(client, coalition, make_release):
    coalition.description = "A network of migrant-led organizations."
    coalition.save()
    make_release()

    parsed = feedparser.parse(client.get(reverse("feeds:rss")).content)

    assert parsed.feed.title == "Press releases · Alianza de Prueba"
    assert parsed.feed.description == "A network of migrant-led organizations."


def test_feed_shows_the_latest_fifty(client, make_release):
    for hours in range(51):
        moment = timezone.now() - timezone.timedelta(hours=hours + 1)
        make_release(headline=f"Release {hours} hours old", released_at=moment)

    parsed = feedparser.parse(client.get(reverse("feeds:atom")).content)

    assert len(parsed.entries) == 50
    assert parsed.entries[0].title == "Release 0 hours old"
    assert "Release 50 hours old" not in {entry.title for entry in parsed.entries}


@pytest.mark.parametrize("name", ["feeds:rss", "feeds:atom", "feeds:tag-rss"])
def test_conditional_get_answers_not_modified(client, subjects, world, name):
    url = url_for(name, subjects)
    first = client.get(url)

    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_date.status_code == 304


def test_a_newly_published_release_changes_etag_and_last_modified(client, make_release):
    two_days_ago = timezone.now() - timezone.timedelta(days=2)
    old = make_release(released_at=two_days_ago)
    Release.objects.filter(pk=old.pk).update(updated_at=two_days_ago)
    first = client.get(reverse("feeds:rss"))
    draft = make_release(headline="Now public", status=Release.Status.DRAFT)
    assert client.get(reverse("feeds:rss"), headers={"if-none-match": first["ETag"]}).status_code == 304

    draft.status = Release.Status.PUBLISHED
    draft.save()
    by_etag = client.get(reverse("feeds:rss"), headers={"if-none-match": first["ETag"]})
    by_date = client.get(reverse("feeds:rss"), headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 200 and b"Now public" in by_etag.content
    assert by_etag["ETag"] != first["ETag"]
    assert by_date.status_code == 200


def test_a_stale_if_modified_since_gets_the_feed(client, make_release):
    make_release()

    response = client.get(reverse("feeds:atom"), headers={"if-modified-since": http_date(0)})

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("name", FEED_NAMES)
def test_feed_queries_stay_within_budget(
    client, django_assert_max_num_queries, subjects, make_release, make_tag, count, name
):
    tags = [subjects["tag"], make_tag(), make_tag()]
    for _ in range(count):
        make_release(
            tags=tags,
            spokespeople=[subjects["spokesperson"]],
            cosigners=[subjects["member"]],
            kind=Release.Kind.STATEMENT,
            language="es",
        )

    client.get(url_for(name, subjects))  # Warm the cached coalition profile and next scheduled moment.
    with django_assert_max_num_queries(FEED_QUERY_BUDGET):
        response = client.get(url_for(name, subjects))

    assert len(feedparser.parse(response.content).entries) == count


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("feeds:tag-rss", {"slug": "no-such-tag"}),
        ("feeds:kind-atom", {"kind": "op-ed"}),
        ("feeds:spokesperson-rss", {"slug": "nobody"}),
        ("feeds:member-atom", {"slug": "no-such-member"}),
        ("feeds:language-rss", {"code": "fr"}),
    ],
)
def test_unknown_subjects_are_not_found(client, db, name, kwargs):
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_feeds_of_a_tag_only_drafts_use_and_of_the_coalition_itself_are_not_found(
    client, coalition, make_release, make_tag
):
    secret = make_tag(name="Embargoed campaign", slug="embargoed-campaign")
    make_release(status=Release.Status.DRAFT, tags=[secret], cosigners=[coalition])

    assert client.get(reverse("feeds:tag-rss", kwargs={"slug": secret.slug})).status_code == 404
    assert client.get(reverse("feeds:member-rss", kwargs={"slug": coalition.slug})).status_code == 404


def test_language_feed_is_in_its_language(client, make_release):
    make_release(language="es", headline="Comunicado")
    make_release(language="en", headline="Statement")

    parsed = feedparser.parse(client.get(reverse("feeds:language-atom", kwargs={"code": "es"})).content)

    assert [entry.title for entry in parsed.entries] == ["Comunicado"]
    assert parsed.feed.language == "es"


def test_pages_announce_their_feeds(client, make_release, make_tag, make_spokesperson):
    tag = make_tag(slug="housing")
    person = make_spokesperson(slug="oscar")
    make_release(tags=[tag], spokespeople=[person])

    home = client.get(reverse("home")).text
    tag_page = client.get(tag.get_absolute_url()).text
    person_page = client.get(person.get_absolute_url()).text

    assert f'type="application/rss+xml" title="All releases (RSS)" href="{reverse("feeds:rss")}"' in home
    assert f'type="application/atom+xml" title="All releases (Atom)" href="{reverse("feeds:atom")}"' in home
    assert reverse("feeds:tag-rss", kwargs={"slug": "housing"}) in tag_page
    assert reverse("feeds:tag-atom", kwargs={"slug": "housing"}) in tag_page
    assert reverse("feeds:spokesperson-rss", kwargs={"slug": "oscar"}) in person_page
