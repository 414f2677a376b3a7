"""Reads a press-room export (see ``releases.exporting``) back: a restore.

An export is restored exactly: each release keeps its address, status, moment, boilerplate (or
none), contacts in their order, spokespeople, co-signers, tags, corrections, old addresses,
attachments and featured image (files from the export's ``files/`` folder), and the moments it was
created and last changed; so does every organization (with its logo and social links), tag,
spokesperson (with its photo), media contact and boilerplate, on a release or not; and, when the
export has them, status histories and access links. Releases are written by ``writing`` (each
through ``Release.save()``); the rest by ``restore_the_rest()`` once they are, each row through
its model's own save. Rows already there are matched (by slug, else by name) and never changed;
a file the export names but does not hold is reported. Each release a restore creates starts
with a first version (django-reversion), so it can be restored from its history.

Version 1 exports (releases only, no files) are still read.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import reversion
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from members.models import Organization, SocialLink

from ..models import AccessLink, Attachment, Boilerplate, MediaContact, Release, Spokesperson, StatusChange, Tag
from .errors import ImportFileError
from .writing import ReleaseData, parse_moment, reset_sequence

FORMAT = "coalition-press-room"
VERSION = 2
READABLE_VERSIONS = {1, 2}
FILES = {"private": "files/private", "media": "files/media"}
DIRECTORY_KEYS = ["organizations", "tags", "spokespeople", "contacts", "boilerplates"]
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


@dataclass
class Export:
    """An export file read: its releases as ``ReleaseData``, the rest of it, and where its files are."""

    releases: list
    document: dict
    root: Path | None = None
    items: list = field(default_factory=list)


def read_export(content, name, root=None):
    """The ``Export`` of an export file's bytes (``root``: the folder beside it); ImportFileError if it is not one."""
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
    if document.get("version") not in READABLE_VERSIONS:
        raise ImportFileError(
            _("This export's version is not one this press room reads (%(version)s).") % {"version": VERSION}, line=1
        )
    items = document.get("releases")
    if not isinstance(items, list) or not all(isinstance(document.get(key, []), list) for key in DIRECTORY_KEYS):
        raise ImportFileError(_("The export holds no list of releases."), line=1)
    releases = [data_from_export_item(item, number, name) for number, item in enumerate(items, 1)]
    return Export(releases, document, Path(root) if root else None, items)


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
            number=item.get("id") if isinstance(item.get("id"), int) else None,
            note=_("Restored from the export %(file)s.") % {"file": name},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImportFileError(
            _("Release %(number)s of the export is incomplete or malformed (%(field)s).")
            % {"number": number, "field": error},
            line=1,
        ) from None
    return data


def mark_unchanged(export):
    """Releases of the export that are already here exactly as the export has them: nothing to write."""
    from ..exporting import export_record, releases_for_export  # the export's own shape, read back

    by_slug = {data.slug: data for data in export.releases}
    for release in releases_for_export().filter(slug__in=by_slug):
        data = by_slug[release.slug]
        if data_from_export_item(export_record(release), 0, "").fingerprint() == data.fingerprint():
            data.unchanged = True


def restore_directory(export, warnings):
    """The export's organizations (logos, social links), tags, people, contacts and boilerplates; before its
    releases, which then find them."""
    try:
        _Restorer(export, warnings).directory()
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImportFileError(
            _("The export is incomplete or malformed (%(field)s).") % {"field": error}, line=1
        ) from None


def restore_the_rest(export, saved, warnings):
    """What the export's releases hold besides what ``writing`` wrote of them (see the module's rules).

    ``saved`` are the releases' ``Saved`` in export order; ``warnings`` collects what could not be restored.
    """
    restorer = _Restorer(export, warnings)
    try:
        for item, done in zip(export.items, saved, strict=True):
            if done.skipped:
                continue
            restorer.release(done.release, item, created=done.created)
        restorer.finish()
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImportFileError(
            _("The export is incomplete or malformed (%(field)s).") % {"field": error}, line=1
        ) from None


class _Restorer:
    def __init__(self, export, warnings):
        self.export, self.warnings, self.document = export, warnings, export.document
        self.users, self.numbered, self.numbered_contacts = {}, False, False

    def finish(self):
        if self.numbered:
            reset_sequence(Attachment)

    # Files

    def _file(self, kind, name):
        """The export's copy of a stored file, or None (with a warning) when the export does not hold it."""
        path = self.export.root / FILES[kind] / name if self.export.root and name else None
        if path is None or not path.is_file():
            self.warnings.append(_("The file %(name)s is not in the export; upload it again.") % {"name": name})
            return None
        return path

    def _put(self, field_file, kind, name):
        """Store the export's copy of ``name`` for ``field_file``, under the same name; True if it was there."""
        if not (path := self._file(kind, name)):
            return False
        with path.open("rb") as source:
            field_file.name = field_file.storage.save(name, File(source))
        return True

    # Rows besides releases

    def directory(self):
        self.directory_rows()
        if self.numbered_contacts:
            reset_sequence(MediaContact)

    def directory_rows(self):
        organizations = {organization.slug: organization for organization in Organization.objects.all()}
        for data in self.document.get("organizations", []):
            organization = organizations.get(data["slug"])
            if organization is None:
                organization = _new(Organization, data, exclude=["logo", "logo_alt", "social_links"])
                if data.get("logo") and self._put(organization.logo, "media", data["logo"]):
                    organization.logo_alt = data.get("logo_alt", "")
                _save(organization)
                organizations[organization.slug] = organization
            links = set(organization.social_links.values_list("label", "url"))
            for link in data.get("social_links", []):
                if (link["label"], link["url"]) not in links:
                    _save(SocialLink(organization=organization, **link))
        for data in self.document.get("tags", []):
            if not Tag.objects.filter(slug=data["slug"]).exists():
                _save(Tag(name=data["name"], name_es=data.get("name_es", ""), slug=data["slug"]))
        for data in self.document.get("spokespeople", []):
            if not Spokesperson.objects.filter(slug=data["slug"]).exists():
                person = _new(Spokesperson, data, exclude=["organization", "photo", "photo_alt"])
                person.organization = organizations[data["organization"]["slug"]]
                if data.get("photo") and self._put(person.photo, "media", data["photo"]):
                    person.photo_alt = data.get("photo_alt", "")
                _save(person)
        for data in self.document.get("contacts", []):
            organization = organizations.get((data.get("organization") or {}).get("slug"))
            known = MediaContact.objects.filter(name=data["name"], email=data["email"], phone=data["phone"])
            if not known.exists():
                contact = _new(MediaContact, data, exclude=["organization", "id"])
                contact.organization = organization
                if isinstance(data.get("id"), int) and not MediaContact.objects.filter(pk=data["id"]).exists():
                    contact.pk = data["id"]  # its vCard's address has its number: keep it when it is free
                    self.numbered_contacts = True
                _save(contact)
        for data in self.document.get("boilerplates", []):
            if not Boilerplate.objects.filter(title=data["title"], language=data["language"]).exists():
                if data["is_default"] and Boilerplate.objects.filter(language=data["language"], is_default=True):
                    data = {**data, "is_default": False}
                _save(Boilerplate(**data))

    # What a release holds besides its row and links

    def release(self, release, item, *, created):
        changed = {}
        if item.get("image") and not release.image and self._put(release.image, "private", item["image"]):
            changed["image"] = release.image.name
        if not release.attachments.exists():
            for data in item.get("attachments", []):
                attachment = Attachment(release=release, title=data["title"], position=data.get("position", 0))
                if data.get("id") and not Attachment.objects.filter(pk=data["id"]).exists():
                    attachment.pk = data["id"]  # its public address has its number: keep it when it is free
                    self.numbered = True
                if self._put(attachment.file, "private", data["file"]):
                    _save(attachment)
        if "status_history" in item and created:
            release.status_changes.all().delete()
            StatusChange.objects.bulk_create(
                StatusChange(
                    release=release,
                    from_status=change["from_status"],
                    to_status=change["to_status"],
                    changed_by=self._user(change.get("changed_by")),
                    changed_at=parse_moment(change["changed_at"]),
                    note=change.get("note", ""),
                )
                for change in item["status_history"]
            )
        for data in item.get("access_links", []):
            if not AccessLink.objects.filter(token=data["token"]).exists():
                link = AccessLink(
                    release=release,
                    **{key: data[key] for key in ("purpose", "name", "email", "outlet", "token")},
                    expires_at=parse_moment(data["expires_at"]),
                    revoked_at=parse_moment(data.get("revoked_at")),
                )
                _save(link)
        # The moments it was created and last changed are the export's, and no later change is staff's.
        for name in ("created_at", "updated_at"):
            if item.get(name):
                changed[name] = parse_moment(item[name])
        if changed:
            if "updated_at" in changed:
                changed["imported_at"] = changed["updated_at"]
            Release.objects.filter(pk=release.pk).update(**changed)
        if created:
            with reversion.create_revision():
                reversion.add_to_revision(Release.objects.get(pk=release.pk))
                reversion.set_comment(_("Restored from a press-room export."))

    def _user(self, username):
        if not username:
            return None
        if username not in self.users:
            self.users[username] = get_user_model()._default_manager.filter(username=username).first()
        return self.users[username]


def _new(model, data, *, exclude=()):
    fields = {f.name for f in model._meta.concrete_fields}
    return model(**{key: value for key, value in data.items() if key in fields and key not in exclude})


def _save(row):
    """Validate and save one row; a row the export got wrong stops the restore, nothing of it is written."""
    try:
        row.full_clean()
    except ValidationError as error:
        raise ImportFileError(
            _("The export holds a %(model)s that is not valid (%(reason)s).")
            % {"model": row._meta.verbose_name, "reason": "; ".join(error.messages)},
            line=1,
        ) from None
    row.save()
