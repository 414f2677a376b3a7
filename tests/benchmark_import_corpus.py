"""Benchmark, not a test: how many fields of the import corpus the text importer gets right.

    .venv/bin/python tests/benchmark_import_corpus.py [-v]

Prints fields right / fields checked, overall and per family and per field; with -v, every
failing field with what was understood and what was expected. The goal is at least 97%.
"""

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django  # noqa: E402

django.setup()

from corpus_scoring import check_corpus  # noqa: E402

GOAL = 0.97


def share(right, total):
    return f"{right}/{total} ({right / total:.1%})"


def main(verbose):
    checks = check_corpus()
    right = sum(check.passed for check in checks)
    for label, key in (("family", "family"), ("field", "field")):
        totals, passed = Counter(), Counter()
        for check in checks:
            totals[getattr(check, key)] += 1
            passed[getattr(check, key)] += check.passed
        print(f"by {label}: " + ", ".join(f"{name} {share(passed[name], totals[name])}" for name in totals))
    failing = [check for check in checks if not check.passed]
    for check in failing:
        print(f"FAIL {check.file} {check.field}")
        if verbose:
            print(f"    understood: {check.got!r}\n    expected:   {check.expected!r}")
    print(f"fields right / fields checked: {share(right, len(checks))} (goal {GOAL:.0%})")
    return 0 if right / len(checks) >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))
