"""Exports of the whole press room, for staff only: the admin (behind its login and permissions)
and the ``export_press_room`` command reach them; no public URL does, since contacts' phones and
emails are in them.

- ``press-room.json``: everything a restore needs (``releases.importing.press_room_export`` reads
  it back into an empty press room as it was): every organization with its social links, tag,
  spokesperson, media contact and boilerplate, including those on no release, and every release
  with its contacts, spokespeople, co-signers, tags, boilerplate, corrections, old addresses,
  attachments and the moments it was created and last changed. With ``private_records``, also
  each release's status history and access links (their tokens open embargoed releases: keep such
  an export as safe as the database).
- ``files/``: beside the JSON in the command's folder, the files the JSON names: release images
  and attachments under ``files/private/``, logos and photos under ``files/media/`` (the download
  from the admin holds the JSON alone).
- ``releases.csv``, ``members.csv``, ``spokespeople.csv``, ``contacts.csv``: one row per record,
  for spreadsheets. A cell that a spreadsheet would run as a formula is prefixed with ' (phone
  numbers such as +1 312 555 0142 are left as they are).

Everything is written as a stream, a few hundred releases at a time, so memory stays bounded.
"""

import csv
import json
import re
import shutil
from pathlib import Path

from django.db.models import Prefetch
from django.utils import timezone

from members.models import Organization

from .importing.press_room_export import FILES, FORMAT, RELEASE_VALUES, VERSION
from .models import Attachment, Boilerplate, MediaContact, Release, ReleaseContact, Spokesperson, Tag

CHUNK_SIZE = 500
# Fields whose files an export carries, and the folder of ``files/`` they go to.
FILE_FIELDS = [
    (Release, "image", "private"),
    (Attachment, "file", "private"),
    (Organization, "logo", "media"),
    (Spokesperson, "photo", "media"),
]
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
        "description_es": organization.description_es,
        "joined_on": organization.joined_on.isoformat() if organization.joined_on else None,
        "is_active": organization.is_active,
        "press_email": organization.press_email,
    }


def _organization_or_none(organization):
    return organization_data(organization) if organization else None


def person_data(person):
    return {
        "name": person.name,
        "slug": person.slug,
        "title": person.title,
        "title_es": person.title_es,
        "bio": person.bio,
        "bio_es": person.bio_es,
        "languages": person.languages,
        "is_active": person.is_active,
        "organization": organization_data(person.organization),
    }


def contact_data(contact):
    return {
        "name": contact.name,
        "role": contact.role,
        "role_es": contact.role_es,
        "phone": contact.phone,
        "email": contact.email,
        "languages": contact.languages,
        "is_active": contact.is_active,
        "organization": _organization_or_none(contact.organization),
    }


def tag_data(tag):
    return {"name": tag.name, "name_es": tag.name_es, "slug": tag.slug}


def boilerplate_data(boilerplate):
    return {
        "title": boilerplate.title,
        "language": boilerplate.language,
        "text": boilerplate.text,
        "is_default": boilerplate.is_default,
    }


def export_record(release, *, private_records=False):
    """One release of ``press-room.json`` (the shape ``releases.importing.press_room_export`` reads)."""
    record = {
        "id": release.pk,
        "slug": release.slug,
        "source_key": release.source_key,
        **{name: getattr(release, name) for name in RELEASE_VALUES},
        "status": release.status,
        "released_at": _iso_moment(release.released_at),
        "withdrawn_at": _iso_moment(release.withdrawn_at),
        "created_at": _iso_moment(release.created_at),
        "updated_at": _iso_moment(release.updated_at),
        "translation_of": release.translation_of.slug if release.translation_of else None,
        "image": release.image.name if release.image else "",
        "boilerplate": boilerplate_data(release.boilerplate) if release.boilerplate else None,
        "contacts": [contact_data(link.contact) for link in release.releasecontact_set.all()],
        "spokespeople": [person_data(person) for person in release.spokespeople.all()],
        "cosigners": [organization_data(organization) for organization in release.cosigners.all()],
        "tags": [tag_data(tag) for tag in release.tags.all()],
        "corrections": [
            {"noted_at": _iso_moment(correction.noted_at), "text": correction.text}
            for correction in release.corrections.all()
        ],
        "old_paths": [legacy.old_path for legacy in release.legacy_paths.all()],
        "attachments": [
            {
                "id": attachment.pk,
                "title": attachment.title,
                "file": attachment.file.name,
                "position": attachment.position,
            }
            for attachment in release.attachments.all()
        ],
    }
    if private_records:
        record["status_history"] = [
            {
                "from_status": change.from_status,
                "to_status": change.to_status,
                "changed_by": change.changed_by.get_username() if change.changed_by else "",
                "changed_at": _iso_moment(change.changed_at),
                "note": change.note,
            }
            for change in release.status_changes.all()
        ]
        record["access_links"] = [
            {
                "purpose": link.purpose,
                "name": link.name,
                "email": link.email,
                "outlet": link.outlet,
                "token": link.token,
                "expires_at": _iso_moment(link.expires_at),
                "revoked_at": _iso_moment(link.revoked_at),
            }
            for link in release.access_links.all()
        ]
    return record


def releases_for_export(*, private_records=False):
    related = [
        Prefetch(
            "releasecontact_set",
            queryset=ReleaseContact.objects.select_related("contact__organization").order_by("position", "pk"),
        ),
        Prefetch("spokespeople", queryset=Spokesperson.objects.select_related("organization")),
        "cosigners",
        "tags",
        "corrections",
        "legacy_paths",
        Prefetch("attachments", queryset=Attachment.objects.order_by("position", "pk")),
    ]
    if private_records:
        related += ["status_changes__changed_by", "access_links"]
    return (
        Release.objects.select_related("boilerplate", "translation_of")
        .prefetch_related(*related)
        .order_by("released_at", "pk")
    )


def directory_records():
    """Everything but releases, each list in a stable order: organizations first, as the others name them."""
    organizations = Organization.objects.prefetch_related("social_links").order_by("pk")
    return {
        "organizations": [
            {
                **organization_data(organization),
                "logo": organization.logo.name if organization.logo else "",
                "logo_alt": organization.logo_alt,
                "social_links": [
                    {"label": link.label, "url": link.url, "position": link.position}
                    for link in organization.social_links.all()
                ],
            }
            for organization in organizations
        ],
        "tags": [tag_data(tag) for tag in Tag.objects.order_by("pk")],
        "spokespeople": [
            {**person_data(person), "photo": person.photo.name if person.photo else "", "photo_alt": person.photo_alt}
            for person in Spokesperson.objects.select_related("organization").order_by("pk")
        ],
        "contacts": [
            {"id": contact.pk, **contact_data(contact)}
            for contact in MediaContact.objects.select_related("organization").order_by("pk")
        ],
        "boilerplates": [boilerplate_data(b) for b in Boilerplate.objects.order_by("pk")],
    }


def json_chunks(*, private_records=False):
    """``press-room.json`` piece by piece: the directory first, then one release per line."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "private_records": private_records,
        **directory_records(),
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "releases": [\n'
    releases = releases_for_export(private_records=private_records).iterator(chunk_size=CHUNK_SIZE)
    for number, release in enumerate(releases):
        record = export_record(release, private_records=private_records)
        yield ("," if number else "") + json.dumps(record, ensure_ascii=False) + "\n"
    yield "]}\n"


def files_to_export():
    """(storage, name, folder under ``files/``) for every file the JSON names, from its field's own storage."""
    for model, name, folder in FILE_FIELDS:
        storage = model._meta.get_field(name).storage
        for stored in model.objects.exclude(**{name: ""}).values_list(name, flat=True).iterator():
            yield storage, stored, FILES[folder]


def copy_files(directory):
    """Copy the files the JSON names into ``directory``/files/…; return (copied, missing names)."""
    copied, missing = 0, []
    for storage, name, folder in files_to_export():
        target = Path(directory) / folder / name
        if not storage.exists(name):
            missing.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy)
        copied += 1
    return copied, missing


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
        "description_es",
    ]
    yield fields
    for organization in Organization.objects.order_by("name", "pk").iterator(chunk_size=CHUNK_SIZE):
        yield [getattr(organization, name) for name in fields]


def spokesperson_rows():
    yield ["name", "slug", "title", "title_es", "organization", "languages", "is_active", "bio", "bio_es"]
    for person in Spokesperson.objects.select_related("organization").order_by("name", "pk").iterator(CHUNK_SIZE):
        yield [
            person.name,
            person.slug,
            person.title,
            person.title_es,
            person.organization.name,
            person.languages,
            person.is_active,
            person.bio,
            person.bio_es,
        ]


def contact_rows():
    yield ["name", "role", "role_es", "organization", "phone", "email", "languages", "is_active"]
    for contact in MediaContact.objects.select_related("organization").order_by("name", "pk").iterator(CHUNK_SIZE):
        yield [
            contact.name,
            contact.role,
            contact.role_es,
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
