"""Benchmark, not a test: write N plain-text releases into a temporary folder and time import_releases.

    .venv/bin/python tests/benchmark_import.py [N]                    # a fresh SQLite file
    DATABASE_URL=postgres://…/throwaway .venv/bin/python tests/benchmark_import.py [N]

With DATABASE_URL set, use a throwaway database: it is migrated and the releases stay in it.
The releases share a few dozen contacts, spokespeople, tags and boilerplates, as a real archive does;
the second run imports the same files again (every release updated, none created).
"""

import os
import random
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
