"""Reads a press-room export (see ``releases.exporting``) back as ``ReleaseData``.

An export is restored exactly: each release keeps its address, status, moment, boilerplate (or
none), contacts in their order, spokespeople, co-signers, tags, corrections and old addresses.
Files are not in an export: featured images and attachments must be uploaded again.
"""

import json

from django.utils.translation import gettext as _

from .errors import ImportFileError
from .writing import ReleaseData, parse_moment

FORMAT = "coalition-press-room"
VERSION = 1
RELEASE_VALUES = [
    "kind",
    "language",
    "headline",
    "subheadline",
    "summary",
    "body",
    "timing",
    "dateline",
    "same_moment_as_original",
    "withdrawal_reason",
    "answer_gone",
    "image_alt",
    "image_credit",
]


def read_export(content, name):
    """The releases of an export file's bytes; ImportFileError if it is not one."""
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text, so it is not a press-room export."), line=1) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON (%(reason)s).") % {"reason": error.msg}, line=error.lineno
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(
            _("This JSON file is not a press-room export (its “format” is not %(format)s).") % {"format": FORMAT},
            line=1,
        )
    if document.get("version") != VERSION:
        raise ImportFileError(
            _("This export's version is not one this press room reads (%(version)s).") % {"version": VERSION}, line=1
        )
    releases = document.get("releases")
    if not isinstance(releases, list):
        raise ImportFileError(_("The export holds no list of releases."), line=1)
    return [data_from_export_item(item, number, name) for number, item in enumerate(releases, 1)]


def data_from_export_item(item, number, name):
    try:
        data = ReleaseData(
            source_key=item.get("source_key") or "",
            values={
                **{key: item[key] for key in RELEASE_VALUES},
                "released_at": parse_moment(item["released_at"]),
                "withdrawn_at": parse_moment(item.get("withdrawn_at")),
            },
            slug=item["slug"],
            status=item["status"],
            boilerplate=item.get("boilerplate"),
            contacts=item.get("contacts", []),
            spokespeople=item.get("spokespeople", []),
            cosigners=item.get("cosigners", []),
            tags=item.get("tags", []),
            corrections=[
                {"noted_at": parse_moment(correction["noted_at"]), "text": correction["text"]}
                for correction in item.get("corrections", [])
            ],
            old_paths=item.get("old_paths", []),
            translation_of=item.get("translation_of") or "",
            exact=True,
            note=_("Restored from the export %(file)s.") % {"file": name},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImportFileError(
            _("Release %(number)s of the export is incomplete or malformed (%(field)s).")
            % {"number": number, "field": error},
            line=1,
        ) from None
    if item.get("image"):
        data.warnings.append(_("The featured image file is not part of the export; upload it again."))
    return data
