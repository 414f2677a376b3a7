"""Loads the demo press room: ``releases/demo/press-room.json``, a press-room export (with the files
it names under ``releases/demo/files/``), restored by the importer like any backup.

Rules:
- It only adds what is missing and never changes a row that exists: running it again after staff
  edited, unpublished or withdrew demo releases changes nothing (``ReleaseWriter(add_only=True)``).
- Each demo release starts with a first version, so it can be restored from its history; the demo
  has a featured image and an attachment.
- Invalid demo content fails loudly and loads nothing: the whole run is one transaction.
- ``--demo-account`` (re)creates the superuser "demo" with a new random password, on the local
  SQLite database only.
- ``--scale N`` adds N generated releases beside the demo (``releases/demo_scale.py``).
"""

import secrets
import time
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from members.models import Organization
from releases.demo_scale import ScaledPressRoom
from releases.importing.file_importer import FileImporter, Source
from releases.importing.writing import ReleaseWriter
from releases.models import Boilerplate, MediaContact, Release, Spokesperson, Tag

SERVER_ADDRESS = "http://127.0.0.1:8000"
DEMO_EXPORT = Path(__file__).resolve().parents[2] / "demo" / "press-room.json"
DEMO_USERNAME = "demo"


class DemoImporter(FileImporter):
    """The file importer, adding only what is missing."""

    def _new_writer(self):
        return ReleaseWriter(user=self.user, add_only=True)


class Command(BaseCommand):
    help = "Loads the demo press room (running it again adds only what is missing and changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-account",
            action="store_true",
            help=f"Also create or reset the superuser “{DEMO_USERNAME}” with a new random password "
            "(local SQLite database only).",
        )
        parser.add_argument("--export", default=str(DEMO_EXPORT), help="The press-room export to load as the demo.")
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also add N generated releases beside the demo (see releases/demo_scale.py); each run adds N more.",
        )
        parser.add_argument(
            "--address",
            default=SERVER_ADDRESS,
            help=f"Where the demo server answers, for the sign-in address printed (default {SERVER_ADDRESS}).",
        )

    def handle(self, *args, demo_account=False, export=str(DEMO_EXPORT), scale=0, address=SERVER_ADDRESS, **options):
        if scale < 0:
            raise CommandError("--scale takes a number of releases to add, 0 or more.")
        vendor = connections[DEFAULT_DB_ALIAS].vendor
        if demo_account and vendor != "sqlite":
            raise CommandError(
                f"--demo-account is for the local demo only, on the SQLite database (leave DATABASE_URL unset); "
                f"the default database here is {vendor}. Nothing was loaded. To sign in on {vendor}, "
                f"create your own account: manage.py createsuperuser"
            )
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"No demo export at {path}.")
        with transaction.atomic():
            [result] = list(DemoImporter().run([Source.from_path(path)]))
            if result.error:
                transaction.set_rollback(True)
                raise CommandError(f"The demo content is invalid, nothing was loaded: {result.error}")
            password = reset_demo_account() if demo_account else None
        for note in result.notes:
            self.stderr.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS(summary(result)))
        if scale:
            started = time.monotonic()
            added = ScaledPressRoom(scale).add(
                progress=lambda made: (
                    self.stdout.write(f"  {made} of {scale} generated releases added")
                    if made % 10_000 == 0 or made == scale
                    else None
                )
            )
            self.stdout.write(
                self.style.SUCCESS(f"Added {added} generated releases in {time.monotonic() - started:.0f} s.")
            )
        if password:
            admin_url = f"{address.rstrip('/')}/admin/"
            self.stdout.write(
                f"Demo admin account ready. With the server running (manage.py runserver), sign in at {admin_url}\n"
                f"  username: {DEMO_USERNAME}\n"
                f"  password: {password}"
            )


def summary(result):
    outcomes = Counter(saved.outcome for saved in result.saved)
    drafts = Release.objects.filter(status=Release.Status.DRAFT).count()
    return (
        f"Demo press room loaded: {Organization.objects.count()} organizations, {MediaContact.objects.count()} "
        f"media contacts, {Spokesperson.objects.count()} spokespeople, {Tag.objects.count()} tags, "
        f"{Boilerplate.objects.count()} boilerplates, {Release.objects.count()} releases ({drafts} draft); "
        f"demo releases added {outcomes['created']}, already there {outcomes['unchanged']}."
    )


def reset_demo_account():
    """Create or reset the demo superuser; return its new password."""
    password = secrets.token_urlsafe(16)
    user_model = get_user_model()
    user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: DEMO_USERNAME}).first()
    if user is None:
        user = user_model(**{user_model.USERNAME_FIELD: DEMO_USERNAME})
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
