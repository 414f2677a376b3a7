"""python manage.py export_press_room DIRECTORY — see releases/exporting.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from releases.exporting import EXPORTS


class Command(BaseCommand):
    help = (
        "Writes the press room's exports into DIRECTORY: press-room.json (every release with its contacts, "
        "spokespeople, co-signers and tags; import_releases reads it back) and releases, members, spokespeople "
        "and contacts as CSV. They hold staff data: keep them private."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIRECTORY")
        parser.add_argument(
            "--only", action="append", choices=sorted(EXPORTS), help="Write only this file (repeatable)."
        )

    def handle(self, *args, directory, only=None, **options):
        target = Path(directory)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"Cannot create {target}: {error.strerror}") from None
        for name in only or EXPORTS:
            _content_type, chunks = EXPORTS[name]
            path = target / name
            with path.open("w", encoding="utf-8", newline="") as file:
                for chunk in chunks():
                    file.write(chunk)
            self.stdout.write(f"Wrote {path}")
