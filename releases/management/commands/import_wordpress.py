"""python manage.py import_wordpress EXPORT.xml — see releases/importing/wordpress/importer.py for the rules."""

import time
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from releases.importing.errors import ImportFileError
from releases.importing.wordpress.importer import WordPressImporter


class Command(BaseCommand):
    help = (
        "Imports the posts of a WordPress export (Tools › Export, WXR 1.1 or 1.2) as releases, keeping their "
        "status, and their old addresses as redirects. Running it again updates them."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", metavar="EXPORT.xml")
        parser.add_argument(
            "--category", action="append", default=[], help="Only posts in this category (repeatable)."
        )
        parser.add_argument("--tag", action="append", default=[], help="Only posts with this tag (repeatable).")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything; write nothing.")
        parser.add_argument("--user", help="Username recorded in the releases' history.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Also replace releases that staff changed here since their last import (they are kept otherwise).",
        )

    def handle(self, *args, export, category, tag, dry_run, user=None, overwrite=False, **options):
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user named “{user}”.")
        self.verbosity = options["verbosity"]
        self._last_shown = None
        importer = WordPressImporter(
            export,
            categories=category,
            tags=tag,
            user=author,
            dry_run=dry_run,
            overwrite=overwrite,
            progress=self._progress if self.verbosity and self.stderr.isatty() else None,
        )
        started = time.monotonic()
        try:
            site = importer.check()
            self._end_progress()
            self.stdout.write(f"{site.title or site.link}: {site.posts} posts, {len(site.attachments)} attachments.")
            counts = Counter(self._report(result) for result in importer.run())
        except ImportFileError as error:
            self._end_progress()
            raise CommandError(f"{export}: nothing was imported: {error}") from None
        except OSError as error:
            raise CommandError(f"{export}: {error.strerror or error}") from None
        self._end_progress()
        summary = (
            f"{counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['kept']} kept (changed here since the last import), {counts['skipped']} skipped, "
            f"{counts['failed']} not imported ({time.monotonic() - started:.1f} s)."
        )
        self.stdout.write(self.style.SUCCESS(("Dry run, nothing was written: " if dry_run else "") + summary))

    def _report(self, result):
        self._end_progress()
        if result.skipped:
            if self.verbosity >= 2:
                self.stdout.write(f"post {result.post_id} “{result.title}”: skipped: {result.skipped}")
            return "skipped"
        if result.error:
            self.stderr.write(
                self.style.ERROR(f"post {result.post_id} “{result.title}”: not imported: {result.error}")
            )
            return "failed"
        saved = result.saved
        verb = saved.outcome
        if saved.skipped == "kept":
            kept = f"post {result.post_id} “{saved.release.headline}”: {saved.warnings[0]}"
            self.stdout.write(self.style.WARNING(kept))
            return verb
        if saved.skipped:
            return verb
        if self.verbosity >= 2 or self.verbosity and saved.warnings:
            release = saved.release
            self.stdout.write(f"post {result.post_id}: {verb} “{release.headline}” ({release.display_status})")
            for warning in saved.warnings:
                self.stdout.write(self.style.WARNING(f"  {warning}"))
        return verb

    def _progress(self, label, done):
        shown = (label, int(done * 100))
        if shown != self._last_shown:
            self._last_shown = shown
            self.stderr.write(f"\r{label}… {shown[1]}%", ending="")

    def _end_progress(self):
        if self._last_shown is not None:
            self.stderr.write("")
            self._last_shown = None
