"""python manage.py export_press_room DIRECTORY — see releases/exporting.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from releases.exporting import EXPORTS, copy_files, json_chunks

JSON_NAME = "press-room.json"


class Command(BaseCommand):
    help = (
        "Writes the press room's exports into DIRECTORY: press-room.json (everything: releases with their "
        "contacts, spokespeople, co-signers, tags and attachments, and every organization, tag, person, contact "
        "and boilerplate; import_releases DIRECTORY restores it) with the files it names under files/, and "
        "releases, members, spokespeople and contacts as CSV. They hold staff data: keep them private."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIRECTORY")
        parser.add_argument(
            "--only", action="append", choices=sorted(EXPORTS), help=_("Write only this file (repeatable).")
        )
        parser.add_argument(
            "--private-records",
            action="store_true",
            help=_("Also export status histories and access links (their tokens open embargoed releases)."),
        )

    def handle(self, *args, directory, only=None, private_records=False, **options):
        target = Path(directory)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                _("Cannot create %(folder)s: %(error)s") % {"folder": target, "error": error.strerror}
            ) from None
        for name in only or EXPORTS:
            _content_type, chunks = EXPORTS[name]
            path = target / name
            with path.open("w", encoding="utf-8", newline="") as file:
                for chunk in json_chunks(private_records=private_records) if name == JSON_NAME else chunks():
                    file.write(chunk)
            self.stdout.write(_("Wrote %(file)s") % {"file": path})
            if name == JSON_NAME:
                copied, missing = copy_files(target)
                self.stdout.write(
                    _("Wrote %(count)s files under %(folder)s") % {"count": copied, "folder": target / "files"}
                )
                for file_name in missing:
                    self.stderr.write(
                        self.style.WARNING(_("The file %(file)s is missing from storage.") % {"file": file_name})
                    )
