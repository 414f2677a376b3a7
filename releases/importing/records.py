"""Writing imported releases: the people, organizations, tags and boilerplates they name are
matched to existing rows instead of duplicated, and the release is created or updated.

Rules:
- Names match ignoring case, accents and spacing ("OSCAR CHACON" is "Oscar Chacón"); an
  organization also matches on its short name, and the coalition's own profile on its role. A
  contact matches on its email, then its phone number (however it is written), then its name when
  neither differs.
- Matching never changes an existing row. Organizations, spokespeople and contacts the importer
  creates start inactive, so nothing reaches the directory, the home page or the media-contacts
  page before an editor has looked; a public release still shows whom it names.
- A release is found again by its ``source_key``, so importing the same source twice updates it;
  an update keeps the release's address and, unless the source says otherwise, its status.
- Every release passes ``full_clean()``; one to be published also ``clean_cosigners()``, and stays
  a draft, with a warning, when it cannot be published.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from members.models import Organization

from ..models import Boilerplate, Correction, LegacyPath, MediaContact, Release, ReleaseContact, Spokesperson, Tag
from ..models.legacy import normalize_path
from ..models.people import parse_phone
from ..search import refresh_search_vectors

Status = Release.Status
ORGANIZATION_FIELDS = [
    "name", "short_name", "slug", "role", "city", "region", "country", "website", "description", "joined_on",
    "is_active", "press_email",
]  # fmt: skip
SPOKESPERSON_FIELDS = ["name", "slug", "title", "bio", "languages", "is_active"]
CONTACT_FIELDS = ["name", "role", "phone", "email", "languages", "is_active"]
BOILERPLATE_FIELDS = ["title", "language", "text", "is_default"]
_ABOUT_SUBJECT = re.compile(r"^(?P<subject>.{2,80}?)\s+(?:is|are|was|es|son|fue)\s", re.I)


def fold(text):
    """``text`` as names are compared: no accents, no case, single spaces, no surrounding punctuation."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c))
    return " ".join(bare.casefold().split()).strip(" .,;:-–—")


def phone_key(phone):
    """One spelling per phone number: E.164 when it parses, its digits otherwise."""
    if not phone:
        return ""
    try:
        number = parse_phone(phone)
    except ValidationError:
        return re.sub(r"\D", "", phone)
    return f"+{number.country_code}{number.national_number}"


def unique_slug(text, taken, max_length, fallback="item"):
    """A slug for ``text`` that is not in ``taken`` (then added to it): "-2", "-3"… when needed."""
    base = slugify(text)[:max_length].strip("-") or fallback
    slug, n = base, 1
    while slug in taken:
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    taken.add(slug)
    return slug


@dataclass
class ReleaseData:
    """A release as an importer read it, before any row is touched.

    Related records are dicts of model fields; an organization is a dict under "organization".
    ``status`` None keeps an existing release's status (a new release is a draft). ``boilerplate``
    None lets a new release take its language's default boilerplate, unless ``exact``: an export
    being restored keeps its slug, its boilerplate (or none) and its corrections exactly.
    """

    source_key: str
    values: dict
    slug: str = ""
    status: str | None = None
    boilerplate: dict | None = None
    contacts: list = field(default_factory=list)
    spokespeople: list = field(default_factory=list)
    cosigners: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    corrections: list | None = None
    old_paths: list = field(default_factory=list)
    translation_of: str = ""
    exact: bool = False
    created_by: object = None
    note: str = ""
    warnings: list = field(default_factory=list)


@dataclass
class Saved:
    """What ``Directory.save`` did: the release, whether it is new, and which named rows it created."""

    release: Release
    created: bool
    new_rows: set = field(default_factory=set)
    warnings: list = field(default_factory=list)


class Directory:
    """Existing rows by the keys they are matched on, loaded once per import and kept up to date.

    After a failed (rolled back) source, call ``forget_unsaved()`` so rows that no longer exist are
    not offered again; after a successful one, ``keep()``.
    """

    def __init__(self):
        self._indexes = {}
        self._added = []
        self._coalition = None

    # Indexes

    def _index(self, name):
        if name not in self._indexes:
            self._indexes[name] = getattr(self, f"_load_{name}")()
        return self._indexes[name]

    def _add(self, name, key, value):
        index = self._index(name)
        if key and key not in index:
            index[key] = value
            self._added.append((name, key))

    def keep(self):
        self._added = []

    def forget_unsaved(self):
        for name, key in self._added:
            self._indexes.get(name, {}).pop(key, None)
        self._added = []
        self._indexes.pop("slugs", None)
        self._coalition = None

    def _load_organizations(self):
        index = {}
        for pk, name, short_name, slug in Organization.objects.values_list("pk", "name", "short_name", "slug"):
            index.setdefault(f"slug:{slug}", pk)
            index.setdefault(fold(name), pk)
            if short_name:
                index.setdefault(fold(short_name), pk)
        return index

    def _load_tags(self):
        index = {}
        for pk, name, slug in Tag.objects.values_list("pk", "name", "slug"):
            index.setdefault(f"slug:{slug}", pk)
            index.setdefault(fold(name), pk)
        return index

    def _load_spokespeople(self):
        index = {}
        for pk, name, slug in Spokesperson.objects.values_list("pk", "name", "slug"):
            index.setdefault(f"slug:{slug}", pk)
            index.setdefault(fold(name), pk)
        return index

    def _load_contacts(self):
        index = {}
        for pk, name, phone, email in MediaContact.objects.values_list("pk", "name", "phone", "email"):
            entry = (pk, email.lower(), phone_key(phone))
            for key in (
                f"email:{email.lower()}" if email else "",
                f"phone:{entry[2]}" if phone else "",
                f"name:{fold(name)}",
            ):
                if key:
                    index.setdefault(key, entry)
        return index

    def _load_boilerplates(self):
        return {
            (language, fold(strip_tags(text))): pk
            for pk, language, text in Boilerplate.objects.values_list("pk", "language", "text")
        }

    def _load_releases(self):
        return dict(Release.objects.exclude(source_key="").values_list("source_key", "pk"))

    def _load_slugs(self):
        return {
            "release": set(Release.objects.values_list("slug", flat=True)),
            "organization": set(Organization.objects.values_list("slug", flat=True)),
            "spokesperson": set(Spokesperson.objects.values_list("slug", flat=True)),
            "tag": set(Tag.objects.values_list("slug", flat=True)),
        }

    def _slugs(self, model_name):
        return self._index("slugs")[model_name]

    # Matching, or creating

    def organization(self, data, new_rows):
        """The organization ``data`` names (matched on slug, name, short name, or the coalition's role)."""
        index = self._index("organizations")
        if data.get("role") == Organization.Role.COALITION and (coalition := self.coalition()):
            return coalition.pk
        for key in (
            f"slug:{data['slug']}" if data.get("slug") else "",
            fold(data["name"]),
            fold(data.get("short_name", "")),
        ):
            if key and key in index:
                return index[key]
        values = {"is_active": False, **_pick(data, ORGANIZATION_FIELDS)}
        values["name"] = values["name"][:200]
        slugs = self._slugs("organization")
        wanted = values.get("slug")
        values["slug"] = wanted if wanted and wanted not in slugs else unique_slug(values["name"], slugs, 200)
        slugs.add(values["slug"])
        organization = _created(Organization(**values))
        new_rows.add(("organization", organization.pk))
        for key in (f"slug:{organization.slug}", fold(organization.name), fold(organization.short_name)):
            self._add("organizations", key, organization.pk)
        return organization.pk

    def coalition(self):
        if self._coalition is None:
            self._coalition = Organization.objects.coalition() or False
        return self._coalition or None

    def tag(self, data, new_rows):
        index = self._index("tags")
        for key in (f"slug:{data['slug']}" if data.get("slug") else "", fold(data["name"])):
            if key and key in index:
                return index[key]
        name = " ".join(data["name"].split())[:100]
        slugs = self._slugs("tag")
        slug = data.get("slug") if data.get("slug") and data["slug"] not in slugs else unique_slug(name, slugs, 100)
        slugs.add(slug)
        tag = _created(Tag(name=name, slug=slug))
        new_rows.add(("tag", tag.pk))
        self._add("tags", f"slug:{slug}", tag.pk)
        self._add("tags", fold(name), tag.pk)
        return tag.pk

    def spokesperson(self, data, new_rows, warnings):
        """The spokesperson ``data`` names; a new one belongs to the organization named, else the coalition."""
        index = self._index("spokespeople")
        for key in (f"slug:{data['slug']}" if data.get("slug") else "", fold(data["name"])):
            if key and key in index:
                return index[key]
        if data.get("organization"):
            organization_pk = self.organization(data["organization"], new_rows)
        elif coalition := self.coalition():
            organization_pk = coalition.pk
        else:
            warnings.append(
                _(
                    "“%(name)s” is quoted but no organization is named and there is no coalition profile: "
                    "add the spokesperson by hand."
                )
                % {"name": data["name"]}
            )
            return None
        values = {"is_active": False, **_pick(data, SPOKESPERSON_FIELDS)}
        slugs = self._slugs("spokesperson")
        wanted = values.get("slug")
        values["slug"] = wanted if wanted and wanted not in slugs else unique_slug(values["name"], slugs, 200)
        slugs.add(values["slug"])
        person = _created(Spokesperson(organization_id=organization_pk, **values))
        new_rows.add(("spokesperson", person.pk))
        self._add("spokespeople", f"slug:{person.slug}", person.pk)
        self._add("spokespeople", fold(person.name), person.pk)
        return person.pk

    def contact(self, data, new_rows, warnings):
        """The media contact ``data`` names: by email, then phone, then name (if its details do not differ)."""
        index = self._index("contacts")
        email, phone = (data.get("email") or "").strip().lower(), phone_key(data.get("phone", ""))
        for key in (f"email:{email}" if email else "", f"phone:{phone}" if phone else ""):
            if key in index:
                return index[key][0]
        if (entry := index.get(f"name:{fold(data['name'])}")) and not (
            email and entry[1] and entry[1] != email or phone and entry[2] and entry[2] != phone
        ):
            return entry[0]
        values = {"is_active": False, **_pick(data, CONTACT_FIELDS)}
        if values.get("phone"):
            try:
                parse_phone(values["phone"])
            except ValidationError:
                warnings.append(
                    _("“%(phone)s” (%(name)s) is not a phone number we can dial; it was left out.")
                    % {"phone": values["phone"], "name": data["name"]}
                )
                values["phone"], phone = "", ""
        if not values.get("phone") and not values.get("email"):
            warnings.append(
                _("The contact “%(name)s” has no phone number or email address; it was left out.")
                % {"name": data["name"]}
            )
            return None
        if data.get("organization"):
            values["organization_id"] = self.organization(data["organization"], new_rows)
        contact = _created(MediaContact(**values))
        new_rows.add(("contact", contact.pk))
        entry = (contact.pk, email, phone)
        for key in (
            f"email:{email}" if email else "",
            f"phone:{phone}" if phone else "",
            f"name:{fold(contact.name)}",
        ):
            self._add("contacts", key, entry)
        return contact.pk

    def boilerplate(self, data, new_rows):
        """The boilerplate with this text in this language; a new one is titled after what it describes."""
        language = data["language"]
        key = (language, fold(strip_tags(data["text"])))
        if key in (index := self._index("boilerplates")):
            return index[key]
        values = _pick(data, BOILERPLATE_FIELDS)
        if not values.get("title"):
            plain = " ".join(strip_tags(data["text"]).split())
            subject = match["subject"] if (match := _ABOUT_SUBJECT.match(plain)) else Truncator(plain).words(6)
            values["title"] = (_("About %(subject)s") % {"subject": subject})[:200]
        if values.get("is_default") and Boilerplate.objects.filter(language=language, is_default=True).exists():
            values["is_default"] = False
        boilerplate = _created(Boilerplate(**values))
        new_rows.add(("boilerplate", boilerplate.pk))
        self._add("boilerplates", key, boilerplate.pk)
        return boilerplate.pk

    # Releases

    def find_release(self, data):
        if data.source_key and (pk := self._index("releases").get(data.source_key)):
            return pk
        if data.exact and data.slug:
            return Release.objects.filter(slug=data.slug).values_list("pk", flat=True).first()
        return None

    def save(self, data, *, user=None):
        """Create or update the release ``data`` describes, with its related rows; return ``Saved``."""
        pk = self.find_release(data)
        release = Release.objects.get(pk=pk) if pk else Release(created_by=data.created_by or user)
        saved = Saved(release, created=pk is None, warnings=list(data.warnings))
        previous_status = release.status if pk else ""
        for name, value in data.values.items():
            setattr(release, name, value)
        release.source_key = data.source_key
        release.updated_by = user
        if pk is None:
            slugs = self._slugs("release")
            wanted = data.slug or slugify(release.headline)[:250]
            release.slug = wanted if data.exact else unique_slug(wanted, slugs, 250, fallback="release")
            slugs.add(release.slug)
        # Importing again never brings a withdrawn release back; restoring an export restores its status.
        if data.status is not None and (data.exact or previous_status != Status.WITHDRAWN):
            release.status = data.status
        if data.boilerplate is not None:
            release.boilerplate_id = self.boilerplate(
                {"language": release.language, **data.boilerplate}, saved.new_rows
            )
        elif data.exact:
            release.boilerplate_id = None
        related = self._related(data, saved)
        release.full_clean(exclude=["body"] if not release.body else None)
        if release.status == Status.PUBLISHED and previous_status != Status.PUBLISHED:
            try:
                release.clean_cosigners(related["cosigners"])
            except ValidationError as error:
                release.status = previous_status or Status.DRAFT
                saved.warnings.append(_("It was not published: %(reason)s") % {"reason": " ".join(error.messages)})
        release.save()
        if data.exact and data.boilerplate is None and release.boilerplate_id:
            Release.objects.filter(pk=release.pk).update(boilerplate=None)
            release.boilerplate_id = None
        self._add("releases", data.source_key, release.pk)
        self._replace_related(release, related, saved.created)
        if data.corrections is not None:
            self._replace_corrections(release, data.corrections)
        self._add_old_paths(release, data.old_paths, saved.warnings)
        if release.status != previous_status:
            release.status_changes.create(
                from_status=previous_status, to_status=release.status, changed_by=user, note=data.note
            )
        return saved

    def _related(self, data, saved):
        new_rows, warnings = saved.new_rows, saved.warnings
        return {
            "contacts": _unique(self.contact(item, new_rows, warnings) for item in data.contacts),
            "spokespeople": _unique(self.spokesperson(item, new_rows, warnings) for item in data.spokespeople),
            "cosigners": _unique(self.organization(item, new_rows) for item in data.cosigners),
            "tags": _unique(self.tag(item, new_rows) for item in data.tags),
        }

    def _replace_related(self, release, related, created):
        """Set the release's contacts, spokespeople, co-signers and tags in one statement each."""
        through = {
            "spokespeople": (Release.spokespeople.through, "spokesperson_id"),
            "cosigners": (Release.cosigners.through, "organization_id"),
            "tags": (Release.tags.through, "tag_id"),
        }
        if not created:
            ReleaseContact.objects.filter(release=release).delete()
            for model, _column in through.values():
                model.objects.filter(release=release).delete()
        ReleaseContact.objects.bulk_create(
            ReleaseContact(release=release, contact_id=pk, position=position)
            for position, pk in enumerate(related["contacts"])
        )
        for name, (model, column) in through.items():
            model.objects.bulk_create(model(release_id=release.pk, **{column: pk}) for pk in related[name])

    def _replace_corrections(self, release, corrections):
        release.corrections.all().delete()
        Correction.objects.bulk_create(
            Correction(release=release, noted_at=item["noted_at"], text=item["text"]) for item in corrections
        )

    def _add_old_paths(self, release, paths, warnings):
        paths = _unique(normalize_path(path) for path in paths if normalize_path(path) != "/")
        if not paths:
            return
        taken = dict(LegacyPath.objects.filter(old_path__in=paths).values_list("old_path", "release_id"))
        for path in paths:
            if taken.get(path, release.pk) != release.pk:
                warnings.append(
                    _("The old address %(path)s already leads to another release; kept that.") % {"path": path}
                )
        LegacyPath.objects.bulk_create(
            LegacyPath(old_path=path, release=release) for path in paths if path not in taken
        )


def refresh_after_import(release_pks):
    """Search vectors of releases whose tags and spokespeople were written in bulk, skipping the signals."""
    if release_pks:
        refresh_search_vectors(Release.objects.filter(pk__in=list(release_pks)))


def parse_moment(value):
    """An ISO 8601 moment from an export (None stays None)."""
    return datetime.fromisoformat(value) if value else None


def _pick(data, names):
    return {name: data[name] for name in names if name in data and data[name] is not None}


def _created(row):
    row.full_clean()
    row.save()
    return row


def _unique(pks):
    seen = []
    for pk in pks:
        if pk is not None and pk not in seen:
            seen.append(pk)
    return seen
