"""Benchmark, not a test: time import_releases over N plain-text releases, or measure the memory
import_wordpress takes for a WordPress export of M megabytes.

    .venv/bin/python tests/benchmark_import.py [N]                    # a fresh SQLite file; goal: N=10000 < 60 s
    .venv/bin/python tests/benchmark_import.py wordpress [M]          # goal: M=50 under 200 MB of memory
    DATABASE_URL=postgres://…/throwaway .venv/bin/python tests/benchmark_import.py [N]

With DATABASE_URL set, use a throwaway database: it is migrated and the releases stay in it.
The releases share a few dozen contacts, spokespeople, tags and boilerplates, as a real archive does;
the second run imports the same files again (nothing changes: every release is "unchanged").
The WordPress export is written post by post (never held in memory) with long block-editor posts,
attachments and categories; the peak resident memory of this process is printed after the import.
"""

import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
folder = Path(tempfile.mkdtemp(prefix="import-benchmark-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'benchmark.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from releases.models import Release  # noqa: E402

PEOPLE = [
    ("Ana", "Ruiz"),
    ("Oscar", "Chacón"),
    ("María José", "López"),
    ("Luis", "Gómez"),
    ("Jane", "Doe"),
    ("Carla", "Pérez"),
    ("Elyssa", "Pachico"),
    ("Myneilles", "Negron"),
    ("Rosa", "Martínez"),
    ("Tom", "Reyes"),
]
ORGANIZATIONS = ["Alianza Americas", "Centro Romero", "Red Regional de Migrantes", "Voces Unidas", "Casa Latina"]
TOPICS = ["asylum", "detention", "TPS", "remittances", "climate migration", "family separation", "DACA", "visas"]


def release_text(number, rng):
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(5000))
    first, last = rng.choice(PEOPLE)
    contact_first, contact_last = rng.choice(PEOPLE)
    organization = rng.choice(ORGANIZATIONS)
    topic, other = rng.sample(TOPICS, 2)
    paragraphs = [
        f"CHICAGO – Migrant-led organizations responded today to the decision on {topic}, number {number}, "
        "saying it leaves thousands of families without protection and calling on Congress to act.",
        f"“Our communities cannot wait any longer for {topic} to be addressed,” said {first} {last}, "
        f"director of policy at {organization}. “We will keep organizing until every family is safe.”",
        *(
            f"Paragraph {n} of release {number} explains the context of {other} and what families need next, with "
            "figures from the latest reports and the coalition's recommendations to lawmakers."
            for n in range(4)
        ),
        f"About {organization}",
        f"{organization} is a network of migrant-led organizations working across the Americas.",
    ]
    extension = 3000 + PEOPLE.index((contact_first, contact_last))
    return "\n\n".join(
        [
            "FOR IMMEDIATE RELEASE",
            f"{day:%B} {day.day}, {day.year}",
            f"Contact: {contact_first} {contact_last}, (773) 875-{extension:04d}",
            f"Coalition Responds to Decision on {topic.title()} (Release {number})",
            *paragraphs,
            f"Tags : {topic}, {other}",
        ]
    )


def main(count):
    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    files = folder / "releases"
    files.mkdir()
    for number in range(1, count + 1):
        (files / f"release-{number:05d}.txt").write_text(release_text(number, rng), encoding="utf-8")
    before = Release.objects.count()
    print(f"{count} files in {files}; database: {connection.vendor} {connection.settings_dict['NAME']}")
    for run in ("first import", "importing again"):
        started = time.monotonic()
        call_command("import_releases", str(files), verbosity=0)
        print(f"{run}: {time.monotonic() - started:.1f} s")
    print(f"releases added: {Release.objects.count() - before}")


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Benchmark site</title><link>https://bench.example.org</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""


def wxr_post(number, rng):
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(5000))
    topic, other = rng.sample(TOPICS, 2)
    paragraphs = "".join(
        f"<!-- wp:paragraph -->\n<p>Paragraph {n} of post {number} on {topic} and {other}: what families need next, "
        "with figures from the latest reports and <strong>the coalition's</strong> recommendations.</p>\n"
        "<!-- /wp:paragraph -->\n\n"
        for n in range(12)
    )
    return (
        f"<item><title>Coalition responds on {topic} ({number})</title>"
        f"<link>https://bench.example.org/{day:%Y/%m/%d}/post-{number}/</link>"
        f'<dc:creator><![CDATA[editor]]></dc:creator><guid isPermaLink="false">https://bench.example.org/?p={number}</guid>'
        f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>{day} 10:00:00</wp:post_date>"
        f"<wp:post_date_gmt>{day} 15:00:00</wp:post_date_gmt><wp:post_name>post-{number}</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>"
        f'<category domain="category" nicename="{slug(topic)}"><![CDATA[{topic}]]></category>'
        f'<category domain="post_tag" nicename="{slug(other)}"><![CDATA[{other}]]></category></item>\n'
    )


def slug(text):
    return text.lower().replace(" ", "-")


def benchmark_wordpress(megabytes):
    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    path = folder / "export.xml"
    with path.open("w", encoding="utf-8") as file:
        file.write(WXR_HEAD)
        number = 0
        while file.tell() < megabytes * 1024 * 1024:
            number += 1
            file.write(wxr_post(number, rng))
        file.write("</channel></rss>\n")
    size = path.stat().st_size / 1024 / 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{path}: {size:.1f} MB, {number} posts; database: {connection.vendor}; memory before: {before:.0f} MB")
    started = time.monotonic()
    call_command("import_wordpress", str(path), verbosity=0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"imported {Release.objects.count()} releases in {time.monotonic() - started:.1f} s")
    print(f"peak memory of the process: {peak:.0f} MB (goal: under 200 MB)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["wordpress"]:
        benchmark_wordpress(int(sys.argv[2]) if len(sys.argv) > 2 else 50)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
