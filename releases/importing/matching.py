"""Matching the people, organizations, tags and boilerplates a release names to existing rows.

Rules:
- Names match ignoring case, accents and spacing ("OSCAR CHACON" is "Oscar Chacón"); an
  organization also matches on its short name, and the coalition's own profile on its role. A
  contact matches on its email, then its phone number (however it is written), then its name when
  neither differs. Slugs, when a source gives them (an export), match first.
- Matching never changes an existing row. Organizations, spokespeople and contacts the importer
  creates start inactive, so nothing reaches the directory, the home page or the media-contacts
  page before an editor has looked; a public release still shows whom it names.
- A new row is built and validated at once but written only by ``write_new_rows()``, once the
  release that names it has been validated too: a refused release leaves no row behind.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from members.models import Organization

from ..models import Boilerplate, MediaContact, Release, Spokesperson, Tag
from ..models.people import parse_phone
from ..models.release import RESERVED_SLUGS

ORGANIZATION_FIELDS = [
    "name",
    "short_name",
    "slug",
    "role",
    "city",
    "region",
    "country",
    "website",
    "description",
    "description_es",
    "joined_on",
    "is_active",
    "press_email",
]
SPOKESPERSON_FIELDS = ["name", "slug", "title", "title_es", "bio", "bio_es", "languages", "is_active"]
CONTACT_FIELDS = ["name", "role", "role_es", "phone", "email", "languages", "is_active"]
BOILERPLATE_FIELDS = ["title", "language", "text", "is_default"]
RELEASE_STATE_FIELDS = [
    "pk",
    "source_key",
    "import_fingerprint",
    "imported_at",
    "updated_at",
    "headline",
    "slug",
    "status",
    "released_at",
]
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
    while slug in taken or slug.isdigit():
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    taken.add(slug)
    return slug


def pk_of(row):
    """The primary key of a row or of a reference that is already one."""
    return row.pk if isinstance(row, models.Model) else row


class Directory:
    """Existing rows by the keys they are matched on, loaded once per import and kept up to date.

    Each lookup answers a primary key, or a new row (a model instance) to be written by
    ``write_new_rows()``. After a source that failed, ``forget_unsaved()`` forgets what it added;
    after one that succeeded, ``keep()``.
    """

    def __init__(self):
        self._indexes = {}
        self._added = []
        self._kept_rows, self.new_rows = [], []

    def _index(self, name):
        if name not in self._indexes:
            self._indexes[name] = getattr(self, f"_load_{name}")()
        return self._indexes[name]

    def _add(self, name, key, value):
        index = self._index(name)
        if key and key not in index:
            index[key] = value
            self._added.append((name, key))

    def _new(self, kind, row, exclude=()):
        row.full_clean(exclude=list(exclude))
        self.new_rows.append((kind, row))
        return row

    def keep(self):
        """The current source succeeded: what it matched and made is offered to the next ones."""
        self._added = []
        self._kept_rows += self.new_rows
        self.new_rows = []

    def forget_unsaved(self):
        """The current source failed (and was rolled back): forget what it added."""
        for name, key in self._added:
            self._indexes.get(name, {}).pop(key, None)
        self._added = []
        self.new_rows = []

    def write_new_rows(self):
        """Write the new rows made so far, in the order they were made (organizations before their people)."""
        for _kind, row in self._kept_rows + self.new_rows:
            if row.pk is None:
                row.save()
        self._kept_rows = []

    def _load_organizations(self):
        return _by_slug_and_names(Organization.objects.values_list("pk", "slug", "name", "short_name"))

    def _load_tags(self):
        return _by_slug_and_names(Tag.objects.values_list("pk", "slug", "name"))

    def _load_spokespeople(self):
        return _by_slug_and_names(Spokesperson.objects.values_list("pk", "slug", "name"))

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
        return {(b.language, fold(strip_tags(b.text))): b for b in Boilerplate.objects.all()}

    def _load_defaults(self):
        return {b.language: b for b in Boilerplate.objects.filter(is_default=True)}

    def _load_coalition(self):
        return {"profile": Organization.objects.coalition()}

    def _load_releases(self):
        return dict(Release.objects.exclude(source_key="").values_list("source_key", "pk"))

    def _load_release_states(self):
        rows = Release.objects.exclude(source_key="").only(*RELEASE_STATE_FIELDS)
        return {release.source_key: release for release in rows.iterator(chunk_size=2000)}

    def release_state(self, source_key):
        """The imported release of ``source_key`` as it was when the import began (the fields that decide
        whether it is written again), or None."""
        return self._index("release_states").get(source_key) if source_key else None

    def _load_slugs(self):
        return {
            # A release's address must not be one of the press room's own pages (/releases/search/, a year).
            "release": set(Release.objects.values_list("slug", flat=True)) | RESERVED_SLUGS,
            "organization": set(Organization.objects.values_list("slug", flat=True)),
            "spokesperson": set(Spokesperson.objects.values_list("slug", flat=True)),
            "tag": set(Tag.objects.values_list("slug", flat=True)),
        }

    def slugs(self, model_name):
        """Every slug of this model in the database or made since: a new one must not be among them."""
        return self._index("slugs")[model_name]

    def coalition(self):
        return self._index("coalition")["profile"]

    def default_boilerplate(self, language):
        return self._index("defaults").get(language)

    def release(self, source_key):
        return self._index("releases").get(source_key) if source_key else None

    def add_release(self, source_key, pk):
        self._add("releases", source_key, pk)

    # Matching, or making a new row

    def _slug(self, model_name, wanted, name, max_length):
        slugs = self.slugs(model_name)
        slug = wanted if wanted and wanted not in slugs else unique_slug(name, slugs, max_length)
        slugs.add(slug)
        return slug

    def organization(self, data):
        """The organization ``data`` names (matched on slug, name, short name, or the coalition's role)."""
        index = self._index("organizations")
        if data.get("role") == Organization.Role.COALITION and (coalition := self.coalition()):
            return coalition.pk
        keys = (f"slug:{data['slug']}" if data.get("slug") else "", fold(data["name"]), fold(data.get("short_name")))
        for key in keys:
            if key and key in index:
                return index[key]
        values = {"is_active": False, **_pick(data, ORGANIZATION_FIELDS)}
        values["name"] = values["name"][:200]
        values["slug"] = self._slug("organization", values.get("slug"), values["name"], 200)
        organization = self._new("organization", Organization(**values))
        for key in (f"slug:{organization.slug}", fold(organization.name), fold(organization.short_name)):
            self._add("organizations", key, organization)
        return organization

    def tag(self, data):
        index = self._index("tags")
        for key in (f"slug:{data['slug']}" if data.get("slug") else "", fold(data["name"])):
            if key and key in index:
                return index[key]
        name = " ".join(data["name"].split())[:100]
        name_es = " ".join(data.get("name_es", "").split())[:100]
        tag = self._new("tag", Tag(name=name, name_es=name_es, slug=self._slug("tag", data.get("slug"), name, 100)))
        self._add("tags", f"slug:{tag.slug}", tag)
        self._add("tags", fold(name), tag)
        return tag

    def spokesperson(self, data, warnings):
        """The spokesperson ``data`` names; a new one belongs to the organization named, else the coalition."""
        index = self._index("spokespeople")
        for key in (f"slug:{data['slug']}" if data.get("slug") else "", fold(data["name"])):
            if key and key in index:
                return index[key]
        organization = self.organization(data["organization"]) if data.get("organization") else self.coalition()
        if organization is None:
            warnings.append(
                _(
                    "“%(name)s” is quoted but no organization is named and there is no coalition profile: "
                    "add the spokesperson by hand."
                )
                % {"name": data["name"]}
            )
            return None
        values = {"is_active": False, **_pick(data, SPOKESPERSON_FIELDS)}
        values["slug"] = self._slug("spokesperson", values.get("slug"), values["name"], 200)
        person = Spokesperson(**values)
        _refer(person, "organization", organization)
        person = self._new("spokesperson", person, exclude=["organization"] if person.organization_id is None else ())
        self._add("spokespeople", f"slug:{person.slug}", person)
        self._add("spokespeople", fold(person.name), person)
        return person

    def contact(self, data, warnings):
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
        contact = MediaContact(**values)
        if data.get("organization"):
            _refer(contact, "organization", self.organization(data["organization"]))
        contact = self._new("contact", contact, exclude=["organization"] if contact.organization_id is None else ())
        entry = (contact, email, phone)
        for key in (f"email:{email}" if email else "", f"phone:{phone}" if phone else ""):
            self._add("contacts", key, entry)
        self._add("contacts", f"name:{fold(contact.name)}", entry)
        return contact

    def boilerplate(self, data):
        """The boilerplate (a row) with this text in this language; a new one is titled after what it describes."""
        language = data["language"]
        key = (language, fold(strip_tags(data["text"])))
        if key in (index := self._index("boilerplates")):
            return index[key]
        values = _pick(data, BOILERPLATE_FIELDS)
        if not values.get("title"):
            plain = " ".join(strip_tags(data["text"]).split())
            subject = match["subject"] if (match := _ABOUT_SUBJECT.match(plain)) else Truncator(plain).words(6)
            values["title"] = (_("About %(subject)s") % {"subject": subject})[:200]
        if values.get("is_default") and self.default_boilerplate(language):
            values["is_default"] = False
        boilerplate = self._new("boilerplate", Boilerplate(**values))
        self._add("boilerplates", key, boilerplate)
        if boilerplate.is_default:
            self._add("defaults", language, boilerplate)
        return boilerplate


def _by_slug_and_names(rows):
    """Primary keys of ``(pk, slug, *names)`` rows by "slug:<slug>" and by each folded name; the first
    row keeps a key two rows share."""
    index = {}
    for pk, slug, *names in rows:
        index.setdefault(f"slug:{slug}", pk)
        for name in names:
            if name:
                index.setdefault(fold(name), pk)
    return index


def _pick(data, names):
    return {name: data[name] for name in names if name in data and data[name] is not None}


def _refer(row, name, target):
    """Point ``row``'s foreign key at ``target``: a primary key, or a row that may not be written yet."""
    if isinstance(target, models.Model):
        setattr(row, name, target)
    else:
        setattr(row, f"{name}_id", target)
