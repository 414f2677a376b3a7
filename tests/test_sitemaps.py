"""Sitemaps, the Google News sitemap and robots.txt: search engines find every public page, and only those."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from releases.models import Release

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
SITEMAP_QUERY_BUDGET = 3


def entries(response):
    """{location: lastmod text or None} of a sitemap response, which must be well-formed XML."""
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS) for url in root}


def section(client, name):
    return entries(client.get(reverse("sitemap-section", kwargs={"section": name})))


def absolute(path):
    return f"http://testserver{path}"


def in_each_language(page):
    """The absolute addresses of a page that exists in every language (a tag's, a member's), English first."""
    addresses = []
    for language in ("en", "es"):
        with translation.override(language):
            addresses.append(absolute(page.get_absolute_url()))
    return addresses


@pytest.fixture
def releases(make_release):
    return {
        "published": make_release(headline="Public"),
        "draft": make_release(headline="Draft", status=Release.Status.DRAFT),
        "scheduled": make_release(headline="Scheduled", released_at=timezone.now() + timezone.timedelta(hours=3)),
    }


def test_index_lists_every_section_at_the_requests_host(client, releases):
    index = entries(client.get(reverse("sitemap")))

    for name in ("pages", "releases", "tags", "spokespeople", "members"):
        assert absolute(reverse("sitemap-section", kwargs={"section": name})) in index
    assert index[absolute(reverse("sitemap-section", kwargs={"section": "releases"}))]


def test_release_sitemap_lists_published_releases_with_their_last_public_change(client, releases):
    edited = timezone.now() - timezone.timedelta(days=5)
    Release.objects.filter(pk=releases["published"].pk).update(
        released_at=edited - timezone.timedelta(days=1), updated_at=edited
    )

    urls = section(client, "releases")

    assert urls == {absolute(releases["published"].get_absolute_url()): timezone.localdate(edited).isoformat()}


def test_tag_and_spokesperson_sitemaps_list_only_those_with_public_releases(
    client, make_release, make_tag, make_spokesperson
):
    public_tag, draft_tag = make_tag(slug="housing"), make_tag(slug="embargoed")
    quoted, unquoted = make_spokesperson(slug="quoted"), make_spokesperson(slug="only-in-drafts")
    make_release(tags=[public_tag], spokespeople=[quoted])
    make_release(tags=[draft_tag], spokespeople=[unquoted], status=Release.Status.DRAFT)

    tags = section(client, "tags")
    people = section(client, "spokespeople")

    assert list(tags) == in_each_language(public_tag)
    assert list(people) == in_each_language(quoted)
    assert all(tags.values()) and all(people.values())


def test_member_sitemap_lists_the_directory(client, coalition, make_organization):
    member = make_organization(slug="casa-latina")
    make_organization(slug="gone", is_active=False)

    assert list(section(client, "members")) == in_each_language(member)


def test_page_sitemap_lists_the_front_pages(client, releases):
    pages = section(client, "pages")

    for name in ("home", "releases:list", "members:directory"):
        assert absolute(reverse(name)) in pages
    assert pages[absolute(reverse("home"))] == timezone.localdate(releases["published"].updated_at).isoformat()


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("name", ["releases", "tags", "spokespeople", "pages"])
def test_sitemap_queries_stay_within_budget(
    client, django_assert_max_num_queries, make_release, make_tag, make_spokesperson, count, name
):
    for _ in range(count):
        make_release(tags=[make_tag(), make_tag()], spokespeople=[make_spokesperson()])

    client.get(reverse("sitemap-section", kwargs={"section": name}))  # Warm the cached next scheduled moment.
    with django_assert_max_num_queries(SITEMAP_QUERY_BUDGET):
        response = client.get(reverse("sitemap-section", kwargs={"section": name}))

    assert response.status_code == 200


def test_news_sitemap_lists_only_the_last_two_days_releases(client, coalition, make_release, releases):
    old = make_release(headline="Three days old", released_at=timezone.now() - timezone.timedelta(days=3))
    recent = make_release(headline="Q&A on the summit", language="es")

    response = client.get(reverse("news-sitemap"))

    root = ElementTree.fromstring(response.content)
    news = {url.findtext("sm:loc", namespaces=NS): url.find("news:news", NS) for url in root}
    assert set(news) == {absolute(releases["published"].get_absolute_url()), absolute(recent.get_absolute_url())}
    assert absolute(old.get_absolute_url()) not in news
    item = news[absolute(recent.get_absolute_url())]
    assert item.findtext("news:publication/news:name", namespaces=NS) == "Alianza de Prueba"
    assert item.findtext("news:publication/news:language", namespaces=NS) == "es"
    assert item.findtext("news:title", namespaces=NS) == "Q&A on the summit"
    published = item.findtext("news:publication_date", namespaces=NS)
    assert published == recent.released_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_robots_txt_points_to_the_sitemaps_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {absolute(reverse('sitemap'))}" in lines
    assert f"Sitemap: {absolute(reverse('news-sitemap'))}" in lines
