"""The Spanish catalog is complete, matches what the code marks, and its committed .mo is its compiled copy.

Finding what the code marks needs gettext (xgettext, through makemessages); without it those checks
skip here and say what to install. CI installs gettext (.ci/run), and fails on any skipped test.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOG.with_suffix(".mo")
# What makemessages reads: everything but the tools, the tests and what is made at run time.
IGNORED = [".venv", "node_modules", "tests", "staticfiles", "media", "media-private", "test-artifacts"]
MAKEMESSAGES = ["makemessages", "-l", "es", "--no-location", "--no-obsolete"]
for _pattern in IGNORED:
    MAKEMESSAGES += ["--ignore", _pattern]
# %(name)s, %s, %d, %.1f… and {name}: what Python fills in; each must survive translation unchanged.
# The translator's comment on a message Spanish writes exactly as English does ("slug"): nothing else may
# be left as its English.
SAME_IN_SPANISH = "Same in Spanish."
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[\w.]*\}")


def key(entry):
    return entry.msgctxt, entry.msgid, entry.msgid_plural


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def placeholders(text):
    return sorted(found for found in PLACEHOLDER.findall(text) if found != "%%")


@pytest.fixture(scope="module")
def catalog():
    return polib.pofile(str(CATALOG))


def require_gettext():
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"{', '.join(missing)} missing: install gettext (apt-get install gettext) to run this check.")


def test_every_message_is_translated_and_none_is_fuzzy_or_obsolete(catalog):
    assert catalog.metadata["Language"] == "es"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not catalog.metadata_is_fuzzy
    untranslated = [entry.msgid for entry in catalog if not all(text.strip() for text in translations(entry))]
    assert not untranslated, f"Untranslated: {untranslated}"
    assert not [entry.msgid for entry in catalog.fuzzy_entries()], "Fuzzy entries: translate and unmark them."
    assert not [entry.msgid for entry in catalog.obsolete_entries()], "Obsolete entries: remove them."
    plural_gaps = [entry.msgid for entry in catalog if entry.msgid_plural and sorted(entry.msgstr_plural) != [0, 1]]
    assert not plural_gaps, f"Plural entries need both forms: {plural_gaps}"


def test_no_message_is_left_in_english_unless_the_translator_says_spanish_writes_it_so(catalog):
    copied = [
        entry.msgid
        for entry in catalog
        if entry.msgid in translations(entry) and SAME_IN_SPANISH not in (entry.tcomment or "")
    ]
    assert not copied, f"Translated as their English, without the comment “# {SAME_IN_SPANISH}”: {copied}"


def test_every_translation_keeps_the_placeholders_of_its_message(catalog):
    wrong = []
    for entry in catalog:
        for index, text in enumerate(translations(entry)):
            source = entry.msgid_plural if entry.msgid_plural and index else entry.msgid
            expected = placeholders(source)
            # A singular may leave the count out ("Un enlace revocado."), never add or rename one.
            found = placeholders(text)
            if found != expected and not (entry.msgid_plural and set(found) <= set(placeholders(entry.msgid_plural))):
                wrong.append((entry.msgid, text))
    assert not wrong, f"Placeholders changed in translation: {wrong}"


def test_the_catalog_holds_exactly_the_strings_the_code_marks(catalog, tmp_path):
    """A newly marked string without its Spanish, or a translation of a string no longer marked, fails here."""
    require_gettext()
    tree = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        tree,
        ignore=shutil.ignore_patterns(".git", *IGNORED, "db.sqlite3", "*.mo", "__pycache__", ".env"),
        symlinks=True,
    )
    environment = {**os.environ, "SECRET_KEY": "catalog-check", "DEBUG": "off"}
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=tree,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )
    fresh = {key(entry) for entry in polib.pofile(str(tree / CATALOG.relative_to(ROOT)))}
    committed = {key(entry) for entry in catalog}
    assert not fresh - committed, f"Marked but missing from the catalog (run makemessages): {fresh - committed}"
    assert not committed - fresh, f"In the catalog but no longer marked: {committed - fresh}"


def test_the_committed_mo_is_the_compiled_catalog(catalog, tmp_path):
    """What Django reads (the .mo, committed for machines without gettext) says what the .po says."""
    compiled = {(entry.msgctxt, entry.msgid): translations(entry) for entry in polib.mofile(str(COMPILED))}
    compiled.pop((None, ""), None)
    expected = {(entry.msgctxt, entry.msgid): translations(entry) for entry in catalog}
    assert compiled == expected, "locale/es/LC_MESSAGES/django.mo is stale: run compilemessages and commit it."


def test_the_catalog_compiles_with_gettext(tmp_path):
    """msgfmt --check, as compilemessages runs it: the header, plural forms and format strings hold."""
    require_gettext()
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOG)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
