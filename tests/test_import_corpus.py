"""The text importer against the import corpus (tests/import_corpus, written apart from the importer).

Each file imports or is refused as its expectations say, and each field of an importable file is
what a careful press officer would note (tests/corpus_scoring.py judges them as the corpus README
says). ``benchmark_import_corpus.py`` prints the same score with the failing fields.
"""

import io
import shutil

import pytest
from django.core.management import call_command

from corpus_scoring import CORPUS, check_corpus, check_file, corpus_files
from releases.models import Release

GOAL = 0.97
FILES = corpus_files()


def test_the_corpus_is_large_enough_and_varied():
    families = {expected["family"] for _path, expected in FILES}
    assert len(FILES) >= 48
    assert families >= {"web", "wire", "blog", "pdf", "joint", "statement", "advisory", "embargo", "union", "ngo"}
    assert {path.suffix for path, _expected in FILES} == {".txt", ".md", ".html"}


@pytest.mark.parametrize(("path", "expected"), FILES, ids=[path.name for path, _expected in FILES])
def test_each_corpus_file_reads_as_a_press_officer_would(path, expected):
    failing = [check for check in check_file(path, expected) if not check.passed]
    assert not failing, "\n".join(
        f"{check.field}: understood {check.got!r}, expected {check.expected!r}" for check in failing
    )


def test_the_corpus_score_reaches_the_goal():
    checks = check_corpus()
    assert sum(check.passed for check in checks) / len(checks) >= GOAL


@pytest.mark.django_db
def test_the_corpus_imports_into_the_press_room_and_again_changes_nothing(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("*.json", "README.md"))
    refused = {path.name for path, expected in FILES if expected["refused"]}

    out, err = io.StringIO(), io.StringIO()
    call_command("import_releases", str(folder), stdout=out, stderr=err)

    assert Release.objects.count() == len(FILES) - len(refused)
    assert {line.split(":")[0].rsplit("/", 1)[-1] for line in err.getvalue().splitlines()} == refused
    assert not Release.objects.exclude(status=Release.Status.DRAFT).exists()
    undated = Release.objects.get(source_key__startswith="text:undated:")
    assert undated.headline == "Home Care Workers to Testify at State Senate Hearing on Medicaid Wage Floor"
    rows = list(Release.objects.order_by("pk").values())

    again = io.StringIO()
    call_command("import_releases", str(folder), stdout=again, stderr=io.StringIO())

    assert f"0 created, 0 updated, {len(FILES) - len(refused)} unchanged, 0 kept" in again.getvalue()
    assert list(Release.objects.order_by("pk").values()) == rows
