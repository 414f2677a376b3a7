"""Loads the demo press room described in ``releases/demo_content.py``.

Rules:
- Idempotent: rows are matched on their slug (or natural key), validated with ``full_clean()``
  and saved only when the demo content differs from what is stored, so a second run changes
  nothing, not even ``updated_at``. (``update_or_create()`` would skip validation and always save.)
- Invalid demo content fails loudly and loads nothing: the whole run is one transaction.
- The demo releases' contacts, spokespeople, co-signers and tags are exactly those of the demo
  content, in its order.
- ``--demo-account`` (re)creates the superuser "demo" with a new random password, on the local
  SQLite database only.
"""

import secrets
import time
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from members.models import Organization, SocialLink
from releases import demo_content
from releases.demo_scale import ScaledPressRoom
from releases.models import Boilerplate, MediaContact, Release, ReleaseContact, Spokesperson, Tag

SERVER_ADDRESS = "http://127.0.0.1:8000"
DEMO_USERNAME = "demo"
COALITION_SLUG = demo_content.COALITION_SLUG
# What a demo row gets when the demo content leaves a field out, so a rerun also resets it.
# The demo's people and organizations are public (new ones start hidden: see their "active" field).
ORGANIZATION_DEFAULTS = {
    "role": Organization.Role.MEMBER,
    "short_name": "",
    "country": "United States",
    "website": "",
    "is_active": True,
}
CONTACT_DEFAULTS = {"role": "", "phone": "", "languages": "", "is_active": True}
RELEASE_DEFAULTS = {
    "language": "en",
    "status": Release.Status.PUBLISHED,
    "subheadline": "",
    "timing": "FOR IMMEDIATE RELEASE",
}
RELEASE_REFERENCES = ["translation_of", "cosigners", "spokespeople", "tags", "contacts"]


class Command(BaseCommand):
    help = "Loads the demo press room (running it again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-account",
            action="store_true",
            help=f"Also create or reset the superuser “{DEMO_USERNAME}” with a new random password "
            "(local SQLite database only).",
        )
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

    def handle(self, *args, demo_account=False, scale=0, address=SERVER_ADDRESS, **options):
        if scale < 0:
            raise CommandError("--scale takes a number of releases to add, 0 or more.")
        vendor = connections[DEFAULT_DB_ALIAS].vendor
        if demo_account and vendor != "sqlite":
            raise CommandError(
                f"--demo-account is for the local demo only, on the SQLite database (leave DATABASE_URL unset); "
                f"the default database here is {vendor}. Nothing was loaded. To sign in on {vendor}, "
                f"create your own account: manage.py createsuperuser"
            )
        loader = DemoLoader()
        try:
            with transaction.atomic():
                loader.load()
                password = reset_demo_account() if demo_account else None
        except ValidationError as error:
            raise CommandError(f"The demo content is invalid, nothing was loaded: {error}") from error
        self.stdout.write(self.style.SUCCESS(loader.summary()))
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


class DemoLoader:
    def __init__(self):
        self.outcomes = Counter()
        self.organizations = {}
        self.contacts = {}
        self.spokespeople = {}
        self.tags = {}
        self.boilerplates = {}
        self.releases = {}

    def load(self):
        coalition = self.upsert(
            Organization, {"slug": COALITION_SLUG}, {"is_active": True, **_without(demo_content.COALITION, "slug")}
        )
        self.organizations[COALITION_SLUG] = coalition
        for position, link in enumerate(demo_content.SOCIAL_LINKS):
            lookup = {"organization": coalition, "label": link["label"]}
            self.upsert(SocialLink, lookup, {"url": link["url"], "position": position})
        for data in demo_content.ORGANIZATIONS:
            values = {**ORGANIZATION_DEFAULTS, **_without(data, "slug")}
            self.organizations[data["slug"]] = self.upsert(Organization, {"slug": data["slug"]}, values)
        for data in demo_content.MEDIA_CONTACTS:
            lookup = {"name": data["name"], "organization": self.organizations[data["organization"]]}
            values = {**CONTACT_DEFAULTS, **_without(data, "name", "organization")}
            self.contacts[data["name"]] = self.upsert(MediaContact, lookup, values)
        for data in demo_content.SPOKESPEOPLE:
            values = {
                "is_active": True,
                **_without(data, "slug"),
                "organization": self.organizations[data["organization"]],
            }
            self.spokespeople[data["slug"]] = self.upsert(Spokesperson, {"slug": data["slug"]}, values)
        for data in demo_content.TAGS:
            self.tags[data["slug"]] = self.upsert(Tag, {"slug": data["slug"]}, {"name": data["name"]})
        for data in demo_content.BOILERPLATES:
            lookup = {"title": data["title"], "language": data["language"]}
            self.boilerplates[data["language"]] = self.upsert(Boilerplate, lookup, _without(data, "title", "language"))
        for data in demo_content.RELEASES:
            self.releases[data["slug"]] = self.load_release(data)

    def load_release(self, data):
        values = {**RELEASE_DEFAULTS, **_without(data, "slug", *RELEASE_REFERENCES)}
        values["boilerplate"] = self.boilerplates[values["language"]]
        values["translation_of"] = self.releases.get(data.get("translation_of"))
        cosigners = [self.organizations[slug] for slug in data.get("cosigners", [])]
        release = self.upsert(
            Release, {"slug": data["slug"]}, values, validate=lambda release: release.clean_cosigners(cosigners)
        )
        release.cosigners.set(cosigners)
        release.spokespeople.set([self.spokespeople[slug] for slug in data.get("spokespeople", [])])
        release.tags.set([self.tags[slug] for slug in data.get("tags", [])])
        self.set_contacts(release, [self.contacts[name] for name in data.get("contacts", [])])
        return release

    def set_contacts(self, release, contacts):
        wanted = [(contact.pk, position) for position, contact in enumerate(contacts)]
        if list(release.releasecontact_set.values_list("contact_id", "position")) == wanted:
            return
        release.releasecontact_set.all().delete()
        for position, contact in enumerate(contacts):
            link = ReleaseContact(release=release, contact=contact, position=position)
            link.full_clean()
            link.save()

    def upsert(self, model, lookup, values, validate=None):
        """Find the row by ``lookup``, apply ``values``, validate; save only if it is new or changed."""
        instance = model._default_manager.filter(**lookup).first()
        is_new = instance is None
        if is_new:
            instance = model(**lookup)
        fields = [model._meta.get_field(name) for name in values]
        stored = [field.value_from_object(instance) for field in fields]
        for name, value in values.items():
            setattr(instance, name, value)
        instance.full_clean()
        if validate:
            validate(instance)
        if is_new:
            outcome = "created"
        elif stored != [field.value_from_object(instance) for field in fields]:
            outcome = "changed"
        else:
            outcome = "unchanged"
        if outcome != "unchanged":
            instance.save()
        self.outcomes[outcome] += 1
        return instance

    def summary(self):
        drafts = sum(release.status == Release.Status.DRAFT for release in self.releases.values())
        return (
            f"Demo press room loaded: {len(self.organizations)} organizations, {len(self.contacts)} media contacts, "
            f"{len(self.spokespeople)} spokespeople, {len(self.tags)} tags, {len(self.boilerplates)} boilerplates, "
            f"{len(self.releases)} releases ({drafts} draft); rows created {self.outcomes['created']}, "
            f"changed {self.outcomes['changed']}, unchanged {self.outcomes['unchanged']}."
        )


def _without(data, *keys):
    return {key: value for key, value in data.items() if key not in keys}
