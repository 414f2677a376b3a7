"""Query budgets hold however large the archive: every page type, feed and sitemap, with 1 and 50 of
each related row, in the demo press room and with 2,000 generated releases beside it."""

import pytest
from django.core.management import call_command
from django.urls import reverse, translate_url

PAGE_BUDGET, FEED_BUDGET, SITEMAP_BUDGET = 8, 5, 3
SITEMAP_INDEX_BUDGET = 8  # Its sections' sizes and latest changes: a constant number, whatever the archive.


@pytest.fixture(params=[0, 2000], ids=["demo", "demo and 2,000 generated releases"])
def archive(request, db):
    call_command("load_demo", verbosity=0)
    if request.param:
        call_command("load_demo", scale=request.param, verbosity=0)


@pytest.mark.parametrize("n", [1, 50])
def test_every_page_feed_and_sitemap_stays_within_its_budget(
    client, archive, busy_release, n, django_assert_max_num_queries
):
    release = busy_release(n)
    tag, person, member = release.tags.first(), release.spokespeople.first(), release.cosigners.first()
    budgets = {
        reverse("home"): PAGE_BUDGET,
        reverse("releases:list"): PAGE_BUDGET,
        reverse("releases:list") + "?page=2": PAGE_BUDGET,
        reverse("releases:list") + f"?tag={tag.slug}&kind=joint-statement": PAGE_BUDGET,
        reverse("releases:archive-year", args=[release.released_at.year]): PAGE_BUDGET,
        release.get_absolute_url(): PAGE_BUDGET,
        reverse("releases:detail-text", args=[release.slug]): PAGE_BUDGET,
        tag.get_absolute_url(): PAGE_BUDGET,
        person.get_absolute_url(): PAGE_BUDGET,
        member.get_absolute_url(): PAGE_BUDGET,
        reverse("members:directory"): PAGE_BUDGET,
        reverse("media-contacts"): PAGE_BUDGET,
        reverse("releases:search") + "?q=coalition": PAGE_BUDGET,
        reverse("feeds:rss"): FEED_BUDGET,
        reverse("feeds:tag-atom", args=[tag.slug]): FEED_BUDGET,
        reverse("feeds:member-rss", args=[member.slug]): FEED_BUDGET,
        reverse("feeds:spokesperson-rss", args=[person.slug]): FEED_BUDGET,
        reverse("sitemap"): SITEMAP_INDEX_BUDGET,
        reverse("sitemap-section", args=["releases"]): SITEMAP_BUDGET,
        reverse("sitemap-section", args=["tags"]): SITEMAP_BUDGET,
        reverse("news-sitemap"): SITEMAP_BUDGET,
    }
    # The same pages and feeds in Spanish; a release is read in its own language only.
    own_language_only = {release.get_absolute_url(), reverse("releases:detail-text", args=[release.slug])}
    budgets |= {translate_url(url, "es"): budget for url, budget in budgets.items() if url not in own_language_only}
    for url, budget in budgets.items():
        client.get(url)  # The coalition profile and the next scheduled moment are cached: the steady state.
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200, url
