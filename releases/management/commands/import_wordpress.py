"""python manage.py import_wordpress EXPORT.xml — see releases/importing/wordpress/importer.py for the rules."""

import time
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            "--category", action="append", default=[], help=_("Only posts in this category (repeatable).")
        )
        parser.add_argument("--tag", action="append", default=[], help=_("Only posts with this tag (repeatable)."))
        parser.add_argument("--dry-run", action="store_true", help=_("Read and check everything; write nothing."))
        parser.add_argument("--user", help=_("Username recorded in the releases' history."))
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=_("Also replace releases that staff changed here since their last import (they are kept otherwise)."),
        )

    def handle(self, *args, export, category, tag, dry_run, user=None, overwrite=False, **options):
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(_("No user named “%(user)s”.") % {"user": user})
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
            self.stdout.write(
                _("%(site)s: %(posts)s posts, %(attachments)s attachments.")
                % {"site": site.title or site.link, "posts": site.posts, "attachments": len(site.attachments)}
            )
            counts = Counter(self._report(result) for result in importer.run())
        except ImportFileError as error:
            self._end_progress()
            raise CommandError(
                _("%(file)s: nothing was imported: %(error)s") % {"file": export, "error": error}
            ) from None
        except OSError as error:
            raise CommandError(f"{export}: {error.strerror or error}") from None
        self._end_progress()
        summary = _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(kept)s kept (changed here since the last import), %(skipped)s skipped, "
            "%(failed)s not imported (%(seconds).1f s)."
        ) % {
            **{name: counts[name] for name in ("created", "updated", "unchanged", "kept", "skipped", "failed")},
            "seconds": time.monotonic() - started,
        }
        if dry_run:
            summary = _("Dry run, nothing was written: %(summary)s") % {"summary": summary}
        self.stdout.write(self.style.SUCCESS(summary))

    def _report(self, result):
        self._end_progress()
        if result.skipped:
            if self.verbosity >= 2:
                self.stdout.write(
                    _("post %(post)s “%(title)s”: skipped: %(reason)s")
                    % {"post": result.post_id, "title": result.title, "reason": result.skipped}
                )
            return "skipped"
        if result.error:
            self.stderr.write(
                self.style.ERROR(
                    _("post %(post)s “%(title)s”: not imported: %(error)s")
                    % {"post": result.post_id, "title": result.title, "error": result.error}
                )
            )
            return "failed"
        saved = result.saved
        verb = saved.outcome
        if saved.skipped == "kept":
            kept = _("post %(post)s “%(title)s”: %(warning)s") % {
                "post": result.post_id,
                "title": saved.release.headline,
                "warning": saved.warnings[0],
            }
            self.stdout.write(self.style.WARNING(kept))
            return verb
        if saved.skipped:
            return verb
        if self.verbosity >= 2 or self.verbosity and saved.warnings:
            release = saved.release
            self.stdout.write(
                _("post %(post)s: %(outcome)s “%(headline)s” (%(status)s)")
                % {
                    "post": result.post_id,
                    "outcome": saved.outcome_label,
                    "headline": release.headline,
                    "status": release.display_status,
                }
            )
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
