"""python manage.py import_releases PATH... — see releases/importing/file_importer.py for the rules."""

import os
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from releases.importing.file_importer import FileImporter, find_sources


class Command(BaseCommand):
    help = (
        "Imports press releases from .txt, .md and .html files (and press-room .json exports), or folders of them. "
        "Releases are drafts unless --publish is given; importing a file again updates its release."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Files or folders to import."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_("Publish the releases at their own date (a future date makes them scheduled)."),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Show what was understood, field by field; write nothing.")
        )
        parser.add_argument("--user", help=_("Username recorded as the releases' author and in their history."))
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=_("Also replace releases that staff changed here since their last import (they are kept otherwise)."),
        )

    def handle(self, *args, paths, publish, dry_run, user=None, overwrite=False, **options):
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(_("No user named “%(user)s”.") % {"user": user})
        sources, problems = find_sources(paths)
        if not sources and not problems:
            raise CommandError(_("No release files (.txt, .md, .html, .json) found there."))
        started = time.monotonic()
        counts = {"created": 0, "updated": 0, "unchanged": 0, "kept": 0, "failed": len(problems)}
        for result in problems:
            self.stderr.write(f"{result.name}: {result.error}")
        importer = FileImporter(
            publish=publish, dry_run=dry_run, user=author, overwrite=overwrite, workers=os.cpu_count() or 1
        )
        for number, result in enumerate(importer.run(sources), 1):
            self._report(result, counts, options["verbosity"])
            if options["verbosity"] and self.stdout.isatty() and number % 100 == 0:
                self.stdout.write(f"\r{number}/{len(sources)} files…", ending="")
        elapsed = time.monotonic() - started
        summary = _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(kept)s kept (changed here since the last import), %(failed)s not imported "
            "(%(files)s files in %(seconds).1f s)."
        ) % {**counts, "files": len(sources), "seconds": elapsed}
        if dry_run:
            summary = _("Dry run, nothing was written: %(summary)s") % {"summary": summary}
        self.stdout.write(self.style.SUCCESS(summary) if not counts["failed"] else self.style.WARNING(summary))
        if counts["failed"] and not any(counts[name] for name in ("created", "updated", "unchanged", "kept")):
            raise CommandError(_("Nothing was imported."))

    def _report(self, result, counts, verbosity):
        if result.error:
            counts["failed"] += 1
            self.stderr.write(
                self.style.ERROR(_("%(file)s: not imported: %(error)s") % {"file": result.name, "error": result.error})
            )
            return
        for note in result.notes:
            self.stdout.write(self.style.WARNING(f"{result.name}: {note}"))
        for saved in result.saved:
            counts[saved.outcome] += 1
            if saved.skipped == "kept":
                kept = f"{result.name}: “{saved.release.headline}”: {saved.warnings[0]}"
                self.stdout.write(self.style.WARNING(kept))
        if result.description:
            for description in result.description:
                self.stdout.write(self.style.MIGRATE_HEADING(result.name))
                for label, text in description:
                    self.stdout.write(f"  {label}: {text}")
            return
        for saved in result.saved:
            if saved.skipped:
                continue
            if verbosity >= 2 or verbosity and saved.warnings:
                line = _("%(file)s: %(outcome)s “%(headline)s” (%(status)s)") % {
                    "file": result.name,
                    "outcome": saved.outcome_label,
                    "headline": saved.release.headline,
                    "status": saved.release.display_status,
                }
                self.stdout.write(line)
                for warning in saved.warnings:
                    self.stdout.write(self.style.WARNING(_("  warning: %(warning)s") % {"warning": warning}))
