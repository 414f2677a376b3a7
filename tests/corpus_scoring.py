"""Scoring the text importer against ``tests/import_corpus`` (its README says how each field is judged).

Used by ``test_import_corpus.py`` and ``benchmark_import_corpus.py``. A file is read with
``parse_release`` (no database): each field of an importable file is one check, a refusal is one.
"""

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import strip_tags

from releases.importing.text import ReleaseParseError, parse_release

CORPUS = Path(__file__).resolve().parent / "import_corpus"
FIELDS = [
    "headline",
    "subheadline",
    "date",
    "time",
    "time_zone",
    "timing",
    "dateline",
    "kind",
    "language",
    "contacts",
    "spokespeople",
    "cosigners",
    "body_first",
    "body_last",
    "boilerplate_start",
    "tags",
    "absent",
]
REFUSAL_MESSAGES = {"no headline": "No headline", "no body": "no body"}


@dataclass
class Check:
    file: str
    family: str
    field: str
    passed: bool
    got: object = None
    expected: object = None


def corpus_files():
    """(release file, expectations) for every file of the corpus, in name order."""
    files = []
    for expectation in sorted(CORPUS.glob("*.json")):
        release = next(path for path in CORPUS.glob(expectation.stem + ".*") if path.suffix != ".json")
        files.append((release, json.loads(expectation.read_text(encoding="utf-8"))))
    return files


def collapse(text):
    return " ".join((text or "").split())


def plain_text(fragment):
    return collapse(html.unescape(strip_tags(re.sub(r"<(?:br|/p|/li|/h\d)\b[^>]*>", " ", fragment or ""))))


def digits(phone):
    return re.sub(r"\D", "", phone or "")


def _contacts_match(got, expected):
    by_name = {collapse(contact.name): contact for contact in got}
    if len(by_name) != len(got) or set(by_name) != {collapse(item["name"]) for item in expected}:
        return False
    return all(
        digits(by_name[collapse(item["name"])].phone) == digits(item["phone"])
        and by_name[collapse(item["name"])].email.lower() == item["email"].lower()
        for item in expected
    )


def _people_match(got, expected):
    by_name = {collapse(person.name): person for person in got}
    if len(by_name) != len(got) or set(by_name) != {collapse(item["name"]) for item in expected}:
        return False
    return all(
        collapse(by_name[collapse(item["name"])].title).lower() == collapse(item["title"]).lower()
        and collapse(by_name[collapse(item["name"])].organization).lower() == collapse(item["organization"]).lower()
        for item in expected
    )


def understood(parsed):
    """The fields of a ``ParsedRelease`` as the corpus names them."""
    moment = parsed.released_at
    return {
        "headline": parsed.headline,
        "subheadline": parsed.subheadline,
        "date": parsed.released_on.isoformat() if parsed.released_on else None,
        "time": moment.strftime("%H:%M") if moment else None,
        "time_zone": parsed.time_zone or None,
        "timing": parsed.timing,
        "dateline": parsed.dateline,
        "kind": parsed.kind,
        "language": parsed.language,
        "contacts": parsed.contacts,
        "spokespeople": parsed.spokespeople,
        "cosigners": parsed.signers,
        "body": plain_text(parsed.body_html),
        "boilerplate": plain_text(parsed.boilerplate_html),
        "tags": parsed.tags,
    }


def judge(name, field, got, expected):
    """Whether one field passes, by the rules of the corpus README."""
    if field == "contacts":
        return _contacts_match(got["contacts"], expected)
    if field == "spokespeople":
        return _people_match(got["spokespeople"], expected)
    if field == "cosigners":
        return [collapse(name) for name in got["cosigners"]] == [collapse(name) for name in expected]
    if field == "tags":
        return [collapse(tag) for tag in got["tags"]] == [collapse(tag) for tag in expected]
    if field == "body_first":
        return got["body"].startswith(collapse(expected))
    if field == "body_last":
        return got["body"].endswith(collapse(expected))
    if field == "boilerplate_start":
        return got["boilerplate"].startswith(collapse(expected)) if expected else got["boilerplate"] == ""
    if field == "absent":
        return not [text for text in expected if collapse(text) in got["body"]]
    if field in ("date", "time", "time_zone", "kind", "language"):
        return got[field] == expected
    return collapse(got[field]) == collapse(expected)


def shown(field, got):
    """What the importer understood for ``field``, for a report."""
    if field in ("contacts", "spokespeople"):
        return [vars(item) for item in got[field]]
    if field == "body_first":
        return got["body"][:160]
    if field == "body_last":
        return got["body"][-160:]
    if field == "boilerplate_start":
        return got["boilerplate"][:100]
    if field == "absent":
        return "(body)"
    return got[field]


def check_file(path, expected):
    """The checks of one corpus file."""
    name, family = path.name, expected["family"]
    try:
        parsed = parse_release(path.read_bytes(), filename=path.name)
    except ReleaseParseError as error:
        if expected["refused"]:
            passed = REFUSAL_MESSAGES[expected["reason"]].lower() in error.message.lower()
            return [Check(name, family, "refused", passed, error.message, expected["reason"])]
        return [Check(name, family, field, False, f"refused: {error}", expected[field]) for field in FIELDS]
    if expected["refused"]:
        return [Check(name, family, "refused", False, "imported", expected["reason"])]
    got = understood(parsed)
    return [
        Check(name, family, field, judge(name, field, got, expected[field]), shown(field, got), expected[field])
        for field in FIELDS
    ]


def check_corpus():
    return [check for path, expected in corpus_files() for check in check_file(path, expected)]
