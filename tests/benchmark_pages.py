"""Benchmark, not a test: time the public pages, a feed, search and the admin list at N releases.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pressroom_bench .venv/bin/python tests/benchmark_pages.py [N]

Use a throwaway database: it is migrated and filled with N releases (100,000 by default), 5% of
them drafts or scheduled, with tags, spokespeople and co-signers, then each page is requested
through Django's test client (no network) and the median of 5 warm requests is printed with its
number of SQL queries.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("SECURE_SSL_REDIRECT", "off")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from members.models import Organization  # noqa: E402
from releases.models import Release, Spokesperson, Tag  # noqa: E402
from releases.search import refresh_search_vectors  # noqa: E402

WORDS = (
    "asylum migration border families detention protection rights workers climate summit coalition "
    "communities policy citizenship remittances deportation elections organizing justice dignity"
).split()


def fill(count):
    if Release.objects.count() >= count:
        return
    random.seed(1)
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Member {n}", slug=f"member-{n}", region=f"State {n % 18}") for n in range(60)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(40))
    people = Spokesperson.objects.bulk_create(
        Spokesperson(name=f"Person {n}", slug=f"person-{n}", organization=organizations[n]) for n in range(30)
    )
    now = timezone.now()
    statuses = [Release.Status.PUBLISHED] * 19 + [Release.Status.DRAFT]
    for start in range(0, count, 5000):
        batch = Release.objects.bulk_create(
            Release(
                headline=" ".join(random.choices(WORDS, k=8)).capitalize(),
                slug=f"release-{n}",
                summary=" ".join(random.choices(WORDS, k=20)),
                body="".join(f"<p>{' '.join(random.choices(WORDS, k=60))}</p>" for _ in range(6)),
                status=random.choice(statuses),
                language=random.choice(["en", "en", "es"]),
                released_at=now - timezone.timedelta(hours=n * 2 - 500),
            )
            for n in range(start, min(start + 5000, count))
        )
        Release.tags.through.objects.bulk_create(
            Release.tags.through(release=release, tag=tag) for release in batch for tag in random.sample(tags, 3)
        )
        Release.spokespeople.through.objects.bulk_create(
            Release.spokespeople.through(release=release, spokesperson=random.choice(people)) for release in batch
        )
        Release.cosigners.through.objects.bulk_create(
            Release.cosigners.through(release=release, organization=organization)
            for release in batch
            for organization in random.sample(organizations, 2)
        )
        print(f"  {start + len(batch)} releases", flush=True)
    refresh_search_vectors(Release.objects.all())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


def measure(client, url):
    client.get(url)
    timings, queries = [], 0
    for _ in range(5):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(timings), queries


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    call_command("migrate", verbosity=0)
    fill(count)
    public = Release.objects.published()
    release = public.order_by("-released_at")[500]
    old = public.order_by("released_at").first()
    urls = {
        "home": "/",
        "release list": "/releases/",
        "release list, page 2000": "/releases/?page=2000",
        "filtered list": "/releases/?tag=topic-3&language=es",
        "year archive": f"/releases/{old.released_at.year}/",
        "release page": release.get_absolute_url(),
        "tag page": "/releases/tags/topic-5/",
        "spokesperson page": "/releases/spokespeople/person-7/",
        "member page": "/members/member-9/",
        "search": "/releases/search/?q=asylum+border",
        "RSS feed": "/feeds/rss/",
        "tag Atom feed": "/feeds/tags/topic-5/atom/",
        "sitemap (releases)": "/sitemap-releases.xml",
    }
    user = get_user_model().objects.filter(username="bench").first() or get_user_model().objects.create_superuser(
        "bench", "bench@example.org", "bench-password"
    )
    print(f"{Release.objects.count()} releases ({public.count()} public) on {connection.vendor}")
    client = Client()
    for name, url in urls.items():
        milliseconds, queries = measure(client, url)
        print(f"{name:28} {milliseconds:8.1f} ms  {queries:3d} queries")
    client.force_login(user)
    for name, url in {
        "admin release list": "/admin/releases/release/",
        "admin list, search": "/admin/releases/release/?q=asylum",
        "admin list, year filter": f"/admin/releases/release/?year={old.released_at.year}",
    }.items():
        milliseconds, queries = measure(client, url)
        print(f"{name:28} {milliseconds:8.1f} ms  {queries:3d} queries")


if __name__ == "__main__":
    main()
