"""Benchmark, not a test: the public pages, feeds, sitemaps, search and the admin at demo size and at N releases.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pressroom_bench .venv/bin/python tests/benchmark_pages.py [N]

Use a throwaway database: it is migrated, given the demo press room (timed at that size first), then
``load_demo --scale`` adds generated releases up to N (100,000 by default; an existing run is reused).
Every cache is off (``CACHE_URL=dummycache://``, the page cache too), so each figure is the origin's
own work. Each page is requested through Django's test client (no network) 15 times after a warm-up:
the median and the 95th percentile are printed with the number of SQL queries, and at N the ratio
to the demo size. Search is timed for common and rare words, p95 over several queries.
"""

import os
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
os.environ["CACHE_URL"] = "dummycache://"
os.environ["PAGE_CACHE_SECONDS"] = "0"
# The admin is timed signed in with force_login: its second sign-in step is not what is measured.
os.environ["REQUIRE_STAFF_MFA"] = "off"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from releases.models import Release, Spokesperson, Tag  # noqa: E402

RUNS = 15
COMMON = ["families", "coalition rights", "migrantes", "la coalición", "policy workers"]
RARE = ["humanitarian parole", "remesas", "scale-person-17", "tribunal fallo", "zzzznotaword"]


def timed(client, url):
    client.get(url)
    timings, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], queries


def addresses():
    public = Release.objects.published()
    release = public.filter(slug__startswith="scale-").order_by("-released_at")[500:501].first() or public.first()
    tag = Tag.objects.in_use().order_by("-pk").first()
    person = Spokesperson.objects.quoted().order_by("-pk").first()
    member = release.cosigners.first() or Release.objects.published().exclude(cosigners=None).first().cosigners.first()
    pages = max(1, public.count() // 20)
    return {
        "home": "/",
        "release list": "/releases/",
        f"release list, page {min(2000, pages)}": f"/releases/?page={min(2000, pages)}",
        "filtered list": f"/releases/?tag={tag.slug}&language=es",
        "year archive": f"/releases/{release.released_at.year}/",
        "release page": release.get_absolute_url(),
        "tag page": tag.get_absolute_url(),
        "spokesperson page": person.get_absolute_url(),
        "member page": member.get_absolute_url(),
        "RSS feed": "/feeds/rss/",
        "tag Atom feed": f"/feeds/tags/{tag.slug}/atom/",
        "sitemap index": "/sitemap.xml",
        "sitemap (releases, 5,000 URLs)": "/sitemap-releases.xml",
    }


def measure(label):
    print(f"\n{Release.objects.count()} releases ({Release.objects.published().count()} public), {label}")
    client = Client()
    results = {}
    for name, url in addresses().items():
        results[name] = timed(client, url)
    for kind, words in (("search, common words", COMMON), ("search, rare words", RARE)):
        samples = []
        for query in words:
            median, p95, queries = timed(client, f"/releases/search/?q={query}")
            samples.append(p95)
        results[kind] = (statistics.median(samples), max(samples), queries)
    user = get_user_model().objects.filter(username="bench").first() or get_user_model().objects.create_superuser(
        "bench", "bench@example.org", "bench-password"
    )
    client.force_login(user)
    for name, url in {
        "admin release list": "/admin/releases/release/",
        "admin list, search": "/admin/releases/release/?q=coalition+families",
        "admin list, year filter": "/admin/releases/release/?year=2015",
    }.items():
        results[name] = timed(client, url)
    return results


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    scaled = Release.objects.filter(slug__startswith="scale-").count()
    demo = measure("demo size") if not scaled else None
    if scaled < count:
        started = time.perf_counter()
        call_command("load_demo", scale=count - scaled)
        print(f"load_demo --scale {count - scaled}: {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    large = measure(f"caches off, on {connection.vendor}")
    print(f"\n{'page':34} {'median':>9} {'p95':>9} {'queries':>8}  {'× demo size':>11}")
    for name, (median, p95, queries) in large.items():
        ratio = ""
        if demo:
            base = next((value for key, value in demo.items() if key.split(",")[0] == name.split(",")[0]), None)
            ratio = f"{median / base[0]:10.2f}×" if base else ""
        print(f"{name:34} {median:7.1f}ms {p95:7.1f}ms {queries:8d}  {ratio:>11}")


if __name__ == "__main__":
    main()
