"""Writing imported releases, with the rows they name (matched by ``matching.Directory``).

Rules:
- A release is found again by its ``source_key`` (an export's, by its address). Importing a source
  again changes nothing when the source did not change (its fingerprint is the one last imported);
  when it did, the release is updated, keeping its address and, unless the source says otherwise,
  its status; but a release that staff changed here since its last import is kept as it is, and
  the import says so, unless ``overwrite``. Importing again never brings a withdrawn release back;
  restoring an export restores its status. With ``add_only`` (the demo), an existing release is
  never changed.
- Every release passes ``full_clean()`` before anything of it is written; one to be published
  also ``clean_cosigners()``, and stays a draft, with a warning, when it cannot be published.
- Every release is written by the model's own code: ``save()`` one by one, or, for the new
  releases of a batch, ``Release.objects.bulk_create()``, which has the same effects as a save
  (``models/derived.py``: sanitized body, default boilerplate, translations' moment, search
  vector, publication generation) in one statement each. Links (contacts, tags, people) are
  written after their releases, so ``flush()`` refreshes the batch's search vectors once more.
- A new release's checks that would cost a query per release are made against the directory
  instead (slugs are unique among all the slugs read at the start); the database's constraints
  remain the final guard.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from ..models import Correction, LegacyPath, Release, ReleaseContact, StatusChange, derived
from ..models.legacy import normalize_path
from .matching import Directory, pk_of, unique_slug

Status = Release.Status
THROUGH = {
    "spokespeople": (Release.spokespeople.through, "spokesperson_id"),
    "cosigners": (Release.cosigners.through, "organization_id"),
    "tags": (Release.tags.through, "tag_id"),
}
QUERY_CHECKED_FIELDS = ["boilerplate", "created_by", "updated_by", "translation_of"]


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
    number: int | None = None
    """The release's primary key in the export being restored."""
    unchanged: bool = False
    """The release is already here as the source has it (an export restored again)."""
    origins: dict = field(default_factory=dict)
    """The line of the source each field was read from (for the dry run)."""
    created_by: object = None
    note: str = ""
    warnings: list = field(default_factory=list)

    def fingerprint(self) -> str:
        """What was read from the source, as one hash: the same source read again gives the same one."""
        content = {
            name: value
            for name, value in asdict(self).items()
            if name not in ("created_by", "note", "warnings", "number", "unchanged", "origins")
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


UNCHANGED, KEPT = "unchanged", "kept"
OUTCOME_LABELS = {
    "created": pgettext_lazy("what an import did to one release", "created"),
    "updated": pgettext_lazy("what an import did to one release", "updated"),
    UNCHANGED: pgettext_lazy("what an import did to one release", "unchanged"),
    KEPT: pgettext_lazy("what an import did to one release", "kept (changed here since the last import)"),
}


@dataclass
class Saved:
    """A release written (or about to be) from ``data``; ``new_rows`` are the (kind, row) it made."""

    release: Release
    data: ReleaseData
    created: bool
    previous_status: str = ""
    related: dict = field(default_factory=dict)
    new_rows: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    skipped: str = ""
    """``UNCHANGED`` (the source did not change) or ``KEPT`` (staff changed the release): nothing was written."""

    @property
    def outcome(self) -> str:
        return self.skipped or ("created" if self.created else "updated")

    @property
    def outcome_label(self) -> str:
        """The outcome as staff read it, in their language."""
        return str(OUTCOME_LABELS[self.outcome])

    def is_new(self, kind, pk):
        return any(kind == made and pk == row.pk for made, row in self.new_rows)


class _Pending:
    """Links, history and search refreshes that wait to be written, for a source or for a batch."""

    def __init__(self):
        self.links, self.history, self.replaced, self.written = {}, [], set(), []

    def take(self, other):
        self.links.update(other.links)
        self.history += other.history
        self.replaced |= other.replaced
        self.written += other.written
        other.__init__()


class ReleaseWriter:
    """Writes releases for one import run; see the module's rules. ``keep()`` after each source that
    succeeded, ``forget_unsaved()`` after one that failed (and was rolled back), ``flush()`` per batch."""

    def __init__(self, *, user=None, overwrite=False, add_only=False):
        self.user, self.overwrite, self.add_only = user, overwrite, add_only
        self.directory = Directory()
        self._queued, self._queued_keys = [], set()
        self._numbered = False
        self._source, self._batch = _Pending(), _Pending()

    def keep(self):
        self.directory.keep()
        self._batch.take(self._source)

    def forget_unsaved(self):
        self.directory.forget_unsaved()
        self._source.__init__()

    def is_new(self, data):
        """Whether ``data`` makes a release not yet in the database nor waiting to be written."""
        key = data.source_key
        return not data.exact and key not in self._queued_keys and self.directory.release(key) is None

    def prepare(self, data, *, bulk=False):
        """Match or make every row ``data`` names and validate the release; write nothing. Return ``Saved``."""
        pk = self.directory.release(data.source_key)
        fingerprint = data.fingerprint()
        state = self.directory.release_state(data.source_key) if pk is not None and not data.exact else None
        if state is not None and state.pk == pk and (skipped := self._skipped(state, fingerprint)):
            # Decided without loading the release: a batch of files imported again costs no query per file.
            saved = Saved(state, data, created=False, previous_status=state.status, skipped=skipped)
            if skipped == KEPT:
                saved.warnings = [_("Changed here since the last import: kept (“overwrite” replaces it).")]
            return saved
        if pk is None and data.exact and data.slug:
            pk = Release.objects.filter(slug=data.slug).values_list("pk", flat=True).first()
        release = Release.objects.get(pk=pk) if pk else Release(created_by=data.created_by or self.user)
        if pk is None and data.number and not Release.objects.filter(pk=data.number).exists():
            release.pk = data.number  # a restore keeps the release's number (feeds' guids have it) when it is free
            self._numbered = True
        saved = Saved(
            release,
            data,
            created=pk is None,
            previous_status=release.status if pk else "",
            warnings=list(data.warnings),
        )
        if pk is not None and (skipped := UNCHANGED if data.unchanged else self._skipped(release, fingerprint)):
            saved.skipped = skipped
            if skipped == KEPT:
                saved.warnings = [_("Changed here since the last import: kept (“overwrite” replaces it).")]
            return saved
        release.import_fingerprint = fingerprint
        first_new_row = len(self.directory.new_rows)
        for name, value in data.values.items():
            setattr(release, name, value)
        release.source_key = data.source_key
        release.updated_by = self.user
        if pk is None:
            slugs = self.directory.slugs("release")
            wanted = data.slug or slugify(release.headline)[:250]
            release.slug = wanted if data.exact else unique_slug(wanted, slugs, 250, fallback="release")
            slugs.add(release.slug)
        if data.status is not None and (data.exact or saved.previous_status != Status.WITHDRAWN):
            release.status = data.status
        if data.boilerplate is not None:
            release.boilerplate = self.directory.boilerplate({"language": release.language, **data.boilerplate})
        elif data.exact:
            release.boilerplate = None
        saved.related = self._related(data, saved.warnings)
        saved.new_rows = self.directory.new_rows[first_new_row:]
        # No importer sets an image, and the source key was looked up first: their constraints' checks
        # are left to the database. A missing body is for the editor to write before publishing.
        exclude = ["image", "source_key", *([] if release.body else ["body"])]
        if bulk:
            exclude += QUERY_CHECKED_FIELDS
        elif release.boilerplate is not None and release.boilerplate.pk is None:
            exclude.append("boilerplate")
        release.full_clean(exclude=exclude, validate_unique=not bulk)
        if release.status == Status.PUBLISHED and saved.previous_status != Status.PUBLISHED:
            try:
                release.clean_cosigners(saved.related["cosigners"])
            except ValidationError as error:
                release.status = saved.previous_status or Status.DRAFT
                saved.warnings.append(_("It was not published: %(reason)s") % {"reason": " ".join(error.messages)})
        return saved

    def _skipped(self, release, fingerprint):
        """Why an existing release is not written again: ``UNCHANGED``, ``KEPT`` or "" (it is)."""
        if self.add_only:
            return UNCHANGED
        if release.changed_since_import():
            return "" if self.overwrite else KEPT
        return UNCHANGED if release.import_fingerprint == fingerprint else ""

    def save(self, data):
        """Prepare and write one release now, inside the caller's savepoint; return ``Saved``."""
        saved = self.prepare(data)
        if not saved.skipped:
            self._write(saved)
        return saved

    def add(self, data, *, bulk=False):
        """Write ``data``'s release, all or nothing; return ``Saved``.

        With ``bulk``, a new release waits for ``flush()`` and an update is written without a
        savepoint of its own: both were validated before anything was written, and a database
        error then aborts the whole batch (the caller's), to be redone without ``bulk``.
        """
        if not bulk:
            self.write_queued()
            with transaction.atomic():
                return self.save(data)
        saved = self.prepare(data, bulk=True)
        if saved.skipped:
            return saved
        if saved.created:
            self._queued.append(saved)
            self._queued_keys.add(data.source_key)
        else:
            self.write_queued()
            self._write(saved)
        return saved

    def _write(self, saved):
        self.directory.write_new_rows()
        release, data = saved.release, saved.data
        if release.boilerplate is not None:
            release.boilerplate_id = release.boilerplate.pk  # written just now, after it was chosen
        release.save()
        if data.exact and data.boilerplate is None and release.boilerplate_id:
            Release.objects.filter(pk=release.pk).update(boilerplate=None)
            release.boilerplate_id = None
        self._after_write(saved)

    def write_queued(self):
        """Write the new rows and the queued new releases (in one INSERT); their links wait for ``flush()``."""
        self.directory.write_new_rows()
        if self._queued:
            Release.objects.bulk_create([saved.release for saved in self._queued], batch_size=500)
            for saved in self._queued:
                self._after_write(saved)
            self._queued, self._queued_keys = [], set()
            self._batch.take(self._source)

    def flush(self):
        """Write all that waits (rows, releases, links, history) and refresh the releases' search vectors."""
        self.write_queued()
        batch = self._batch
        if batch.replaced:
            replaced = list(batch.replaced)
            ReleaseContact.objects.filter(release__in=replaced).delete()
            for model, _column in THROUGH.values():
                model.objects.filter(release__in=replaced).delete()
        by_model = {}
        for row in [row for rows in batch.links.values() for row in rows] + batch.history:
            by_model.setdefault(type(row), []).append(row)
        for model, rows in by_model.items():
            model.objects.bulk_create(rows, batch_size=500)
        if batch.written:
            written = Release.objects.filter(pk__in=batch.written)
            derived.after_releases_saved(written)
            # What was written here is what was imported: a later change is staff's (``changed_since_import``).
            written.update(imported_at=F("updated_at"))
        if self._numbered:
            reset_sequence(Release)
            self._numbered = False
        batch.__init__()

    def _related(self, data, warnings):
        directory = self.directory
        return {
            "contacts": _unique(directory.contact(item, warnings) for item in data.contacts),
            "spokespeople": _unique(directory.spokesperson(item, warnings) for item in data.spokespeople),
            "cosigners": _unique(directory.organization(item) for item in data.cosigners),
            "tags": _unique(directory.tag(item) for item in data.tags),
        }

    def _after_write(self, saved):
        release, data, pending = saved.release, saved.data, self._source
        self.directory.add_release(data.source_key, release.pk)
        pending.written.append(release.pk)
        if not saved.created:
            pending.replaced.add(release.pk)
        links = [
            ReleaseContact(release=release, contact_id=pk_of(contact), position=position)
            for position, contact in enumerate(saved.related["contacts"])
        ]
        for name, (model, column) in THROUGH.items():
            links += [model(release_id=release.pk, **{column: pk_of(row)}) for row in saved.related[name]]
        pending.links[release.pk] = links
        if data.corrections is not None:
            release.corrections.all().delete()
            Correction.objects.bulk_create(
                Correction(release=release, noted_at=item["noted_at"], text=item["text"]) for item in data.corrections
            )
        self._add_old_paths(release, data.old_paths, saved.warnings)
        if release.status != saved.previous_status:
            pending.history.append(
                StatusChange(
                    release=release,
                    from_status=saved.previous_status,
                    to_status=release.status,
                    changed_by=self.user,
                    note=data.note,
                )
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


def reset_sequence(model):
    """After rows were written with their own numbers, the next new row must not take one of them."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(statement)


def parse_moment(value):
    """An ISO 8601 moment from an export (None stays None)."""
    return datetime.fromisoformat(value) if value else None


def _unique(rows):
    """``rows`` without None and repeats (a new row is itself until written, then its primary key)."""
    seen, keys = [], set()
    for row in rows:
        if row is not None and (key := ("new", id(row)) if pk_of(row) is None else pk_of(row)) not in keys:
            keys.add(key)
            seen.append(row)
    return seen
