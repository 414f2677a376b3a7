"""Exports of the whole press room, for staff only: the admin (behind its login and permissions)
and the ``export_press_room`` command reach them; no public URL does, since contacts' phones and
emails are in them.

- ``press-room.json``: every release with its contacts, spokespeople, co-signers (with their
  organizations), tags, boilerplate, corrections and old addresses; ``import_releases`` reads it
  back into an empty press room as it was. Files (images, attachments) are not included.
- ``releases.csv``, ``members.csv``, ``spokespeople.csv``, ``contacts.csv``: one row per record,
  for spreadsheets. A cell that a spreadsheet would run as a formula is prefixed with ' (phone
  numbers such as +1 312 555 0142 are left as they are).

Everything is written as a stream, a few hundred releases at a time, so memory stays bounded.
"""

import csv
import json
import re

from django.db.models import Prefetch
from django.utils import timezone

from members.models import Organization

from .importing.press_room_export import FORMAT, RELEASE_VALUES, VERSION
from .models import MediaContact, Release, ReleaseContact, Spokesperson

CHUNK_SIZE = 500
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER_LIKE = re.compile(r"^[+\-]?[\d\s().\-/]+$")


def _iso_moment(value):
    return value.isoformat() if value else None


def organization_data(organization):
    return {
        "name": organization.name,
        "short_name": organization.short_name,
        "slug": organization.slug,
        "role": organization.role,
        "city": organization.city,
        "region": organization.region,
        "country": organization.country,
        "website": organization.website,
        "description": organization.description,
        "joined_on": organization.joined_on.isoformat() if organization.joined_on else None,
        "is_active": organization.is_active,
        "press_email": organization.press_email,
    }


def _organization_or_none(organization):
    return organization_data(organization) if organization else None


def export_record(release):
    """One release of ``press-room.json`` (the shape ``releases.importing.press_room_export`` reads)."""
    boilerplate = release.boilerplate
    return {
        "slug": release.slug,
        "source_key": release.source_key,
        **{name: getattr(release, name) for name in RELEASE_VALUES},
        "status": release.status,
        "released_at": _iso_moment(release.released_at),
        "withdrawn_at": _iso_moment(release.withdrawn_at),
        "translation_of": release.translation_of.slug if release.translation_of else None,
        "image": release.image.name if release.image else "",
        "boilerplate": {
            "title": boilerplate.title,
            "language": boilerplate.language,
            "text": boilerplate.text,
            "is_default": boilerplate.is_default,
        }
        if boilerplate
        else None,
        "contacts": [
            {
                "name": link.contact.name,
                "role": link.contact.role,
                "phone": link.contact.phone,
                "email": link.contact.email,
                "languages": link.contact.languages,
                "is_active": link.contact.is_active,
                "organization": _organization_or_none(link.contact.organization),
            }
            for link in release.releasecontact_set.all()
        ],
        "spokespeople": [
            {
                "name": person.name,
                "slug": person.slug,
                "title": person.title,
                "bio": person.bio,
                "languages": person.languages,
                "is_active": person.is_active,
                "organization": organization_data(person.organization),
            }
            for person in release.spokespeople.all()
        ],
        "cosigners": [organization_data(organization) for organization in release.cosigners.all()],
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in release.tags.all()],
        "corrections": [
            {"noted_at": _iso_moment(correction.noted_at), "text": correction.text}
            for correction in release.corrections.all()
        ],
        "old_paths": [legacy.old_path for legacy in release.legacy_paths.all()],
    }


def releases_for_export():
    return (
        Release.objects.select_related("boilerplate", "translation_of")
        .prefetch_related(
            Prefetch(
                "releasecontact_set",
                queryset=ReleaseContact.objects.select_related("contact__organization").order_by("position", "pk"),
            ),
            Prefetch("spokespeople", queryset=Spokesperson.objects.select_related("organization")),
            "cosigners",
            "tags",
            "corrections",
            "legacy_paths",
        )
        .order_by("released_at", "pk")
    )


def json_chunks():
    """``press-room.json`` piece by piece: one release per line inside the "releases" list."""
    header = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat()}
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "releases": [\n'
    for number, release in enumerate(releases_for_export().iterator(chunk_size=CHUNK_SIZE)):
        yield ("," if number else "") + json.dumps(export_record(release), ensure_ascii=False) + "\n"
    yield "]}\n"


def _names(items):
    return "; ".join(str(item) for item in items)


def release_rows():
    yield [
        "slug",
        "headline",
        "subheadline",
        "kind",
        "language",
        "status",
        "released_at",
        "address",
        "summary",
        "tags",
        "spokespeople",
        "contacts",
        "cosigners",
        "boilerplate",
        "translation_of",
        "source_key",
        "old_paths",
    ]
    for release in releases_for_export().iterator(chunk_size=CHUNK_SIZE):
        yield [
            release.slug,
            release.headline,
            release.subheadline,
            release.kind,
            release.language,
            "scheduled" if release.is_scheduled() else release.status,
            _iso_moment(release.released_at),
            release.get_absolute_url(),
            release.summary,
            _names(release.tags.all()),
            _names(release.spokespeople.all()),
            _names(link.contact for link in release.releasecontact_set.all()),
            _names(release.cosigners.all()),
            release.boilerplate.title if release.boilerplate else "",
            release.translation_of.slug if release.translation_of else "",
            release.source_key,
            _names(legacy.old_path for legacy in release.legacy_paths.all()),
        ]


def member_rows():
    fields = [
        "name",
        "short_name",
        "slug",
        "role",
        "city",
        "region",
        "country",
        "website",
        "press_email",
        "joined_on",
        "is_active",
        "description",
    ]
    yield fields
    for organization in Organization.objects.order_by("name", "pk").iterator(chunk_size=CHUNK_SIZE):
        yield [getattr(organization, name) for name in fields]


def spokesperson_rows():
    yield ["name", "slug", "title", "organization", "languages", "is_active", "bio"]
    for person in Spokesperson.objects.select_related("organization").order_by("name", "pk").iterator(CHUNK_SIZE):
        yield [
            person.name,
            person.slug,
            person.title,
            person.organization.name,
            person.languages,
            person.is_active,
            person.bio,
        ]


def contact_rows():
    yield ["name", "role", "organization", "phone", "email", "languages", "is_active"]
    for contact in MediaContact.objects.select_related("organization").order_by("name", "pk").iterator(CHUNK_SIZE):
        yield [
            contact.name,
            contact.role,
            contact.organization.name if contact.organization else "",
            contact.phone,
            contact.email,
            contact.languages,
            contact.is_active,
        ]


def safe_cell(value):
    """A cell a spreadsheet shows as text: formulas are defused, numbers and phone numbers kept."""
    if value is None:
        return ""
    text = str(value)
    if _FORMULA.match(text) and not _NUMBER_LIKE.match(text):
        return "'" + text
    return text


class _Line:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, text):
        return text


def csv_chunks(rows):
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


# File name → (content type, chunks)
EXPORTS = {
    "press-room.json": ("application/json", json_chunks),
    "releases.csv": ("text/csv", lambda: csv_chunks(release_rows())),
    "members.csv": ("text/csv", lambda: csv_chunks(member_rows())),
    "spokespeople.csv": ("text/csv", lambda: csv_chunks(spokesperson_rows())),
    "contacts.csv": ("text/csv", lambda: csv_chunks(contact_rows())),
}
