"""Importing release files: plain text, Markdown and HTML releases, and press-room exports (.json).

Rules:
- Each file is all or nothing: a file that cannot be read, understood or validated is reported
  with the reason (and its line, when there is one) and nothing of it is written; the others
  still import. Each file is validated before anything of it is written, and files are written
  in batches of ``BATCH_SIZE`` (see ``writing``); a batch the database refuses is redone file by
  file, each in a savepoint of its own.
- A file is refused before it is read when it is larger than its format allows (2 MB for a
  release, ``MAX_EXPORT_BYTES`` for an export); binary and empty files are refused too.
- A release file is found again by its date and headline: importing it again changes nothing if
  the file did not change, updates the release it made if it did, and keeps a release staff
  changed here since (``overwrite`` replaces it anyway; see ``writing``). Imported releases are
  drafts; with ``publish`` they are published at their own moment (a future one makes them
  scheduled), unless the reader was unsure of them. A date without a time means the start of
  that day in the site's zone; a file without a date makes a draft.
- A dry run does everything in a transaction that is rolled back, and describes each release.
"""

import html
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, time
from itertools import islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Release
from ..workflow import can_publish
from .errors import ImportFileError, describe_error
from .matching import Directory
from .press_room_export import mark_unchanged, read_export, restore_directory, restore_the_rest
from .text import parse_release
from .text.lines import MAX_BYTES
from .text.parsed import ReleaseParseError
from .writing import ReleaseData, ReleaseWriter

RELEASE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
EXPORT_SUFFIX = ".json"
MAX_EXPORT_BYTES = 200 * 1024 * 1024
BATCH_SIZE = 200
PARALLEL_MINIMUM = 50
SOURCE_KEY_LENGTH = 300


EXPORT_NAME = "press-room.json"


@dataclass
class Source:
    """A file to import: its name (the extension picks the format), size, a way to read its bytes, and
    for an export, the folder its files are in."""

    name: str
    size: int
    read: object
    root: Path | None = None

    @classmethod
    def from_path(cls, path):
        return cls(str(path), path.stat().st_size, path.read_bytes, root=path.parent)

    @classmethod
    def from_upload(cls, upload):
        return cls(upload.name, upload.size, lambda: b"".join(upload.chunks()))

    @property
    def suffix(self):
        return Path(self.name).suffix.lower()


@dataclass
class FileResult:
    name: str
    saved: list = field(default_factory=list)
    error: str = ""
    description: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    """Warnings about the file as a whole (a restore's missing files)."""

    @property
    def warnings(self):
        return [warning for saved in self.saved for warning in saved.warnings] + self.notes


def find_sources(paths):
    """(sources, problems) for the files and folders named; folders are searched for release files."""
    sources, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (path / EXPORT_NAME).is_file():
            sources.append(Source.from_path(path / EXPORT_NAME))  # a backup folder: its export, with its files
        elif path.is_dir():
            sources += [
                Source.from_path(child)
                for child in sorted(path.rglob("*"))
                if child.is_file() and child.suffix.lower() in RELEASE_SUFFIXES | {EXPORT_SUFFIX}
            ]
        elif path.is_file():
            sources.append(Source.from_path(path))
        else:
            problems.append(FileResult(str(path), error=_("No such file or folder.")))
    return sources, problems


class FileImporter:
    """Imports sources with one ``ReleaseWriter``, so names are matched across files too."""

    def __init__(self, *, publish=False, dry_run=False, user=None, batch_size=BATCH_SIZE, overwrite=False, workers=0):
        """``workers``: processes that read release files ahead of the writing (0: read them here)."""
        self.publish, self.dry_run, self.user, self.overwrite = publish, dry_run, user, overwrite
        self.batch_size, self.workers, self._parsed = batch_size, workers, {}
        self.writer = self._new_writer()

    def _new_writer(self):
        return ReleaseWriter(user=self.user, overwrite=self.overwrite)

    def run(self, sources):
        """Yield a ``FileResult`` per source, batch by batch."""
        if self.dry_run:
            with transaction.atomic():
                results = [self._import(source, bulk=False) for source in sources]
                transaction.set_rollback(True)
            self.writer = self._new_writer()
            yield from results
            return
        sources = iter(sources)
        with _Parsers(self.workers) as parsers:
            batch = list(islice(sources, self.batch_size))
            ahead = parsers.submit(batch)
            while batch:
                following = list(islice(sources, self.batch_size))
                self._parsed, ahead = ahead.result(), parsers.submit(following)  # the next batch is read meanwhile
                yield from self._import_batch(batch)
                batch = following
        self._parsed = {}

    def _import_batch(self, batch):
        try:
            with transaction.atomic():
                results = [self._import(source, bulk=True) for source in batch]
                self.writer.flush()
        except DatabaseError:
            # A constraint only the database checks refused the batch: redo it file by file, to find the file.
            self.writer = self._new_writer()
            with transaction.atomic():
                results = [self._import(source, bulk=False) for source in batch]
                self.writer.flush()
        return results

    def _import(self, source, *, bulk):
        """Read one source and write its releases (see ``ReleaseWriter.add`` for ``bulk``)."""
        result, writer = FileResult(source.name), self.writer
        try:
            releases, export = self._read(source)
            if bulk and len(releases) == 1 and not releases[0].exact:
                result.saved = [writer.add(releases[0], bulk=True)]
            else:
                writer.write_queued()
                with transaction.atomic():
                    if export is not None:
                        mark_unchanged(export)
                        restore_directory(export, result.notes)
                        writer.directory = Directory()  # it finds what was just restored
                    result.saved = [writer.save(data) for data in releases]
                    _link_translations(releases, result.saved)
                    if export is not None:
                        writer.keep()
                        writer.flush()
                        restore_the_rest(export, result.saved, result.notes)
                    if self.dry_run:
                        writer.keep()
                        writer.flush()
                        result.description = [describe(saved) for saved in result.saved if not saved.skipped]
        except (ReleaseParseError, ValidationError) as error:
            writer.forget_unsaved()
            result.saved, result.notes, result.error = [], [], describe_error(error)
        except DatabaseError as error:
            if bulk:
                raise
            writer.forget_unsaved()
            result.saved, result.notes, result.error = [], [], describe_error(error)
        else:
            writer.keep()
        return result

    def _read(self, source):
        may_publish = self.user is None or can_publish(self.user)  # None: the command line, run by the site's staff.
        if source.suffix == EXPORT_SUFFIX:
            if not may_publish:
                raise ImportFileError(
                    _("Only a publisher can restore a press-room export: it sets the status and moment of releases."),
                    line=1,
                )
            export = read_export(_read_at_most(source, MAX_EXPORT_BYTES), source.name, source.root)
            return export.releases, export
        if source.suffix not in RELEASE_SUFFIXES:
            raise ImportFileError(
                _("“%(suffix)s” files are not releases: import .txt, .md, .html or a press-room export (.json).")
                % {"suffix": source.suffix or source.name},
                line=1,
            )
        parsed = self._parsed.get(source.name)
        if isinstance(parsed, ReleaseParseError):
            raise parsed
        if parsed is None:
            parsed = parse_release(_read_at_most(source, MAX_BYTES), filename=source.name)
        data = data_from_parsed(parsed, source.name, publish=self.publish and may_publish)
        if not may_publish:
            public = Release.objects.filter(source_key=data.source_key).exclude(
                status__in=[Release.Status.DRAFT, Release.Status.REVIEW]
            )
            if public.exists():
                raise ImportFileError(
                    _("This file updates a release that is published or withdrawn: only a publisher can change it."),
                    line=1,
                )
        return [data], None


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Parsers:
    """Processes that read and parse a batch's release files while the batch before is written.

    Reading a file is pure (no database); only its result, a ``ParsedRelease`` or the error, comes back.
    Files too large or not releases are left for the importer to refuse as usual.
    """

    def __init__(self, workers):
        self.workers, self.pool = workers, None

    def __enter__(self):
        if self.workers > 1:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, batch):
        texts = [s for s in batch if s.suffix in RELEASE_SUFFIXES and 0 < s.size <= MAX_BYTES]
        if self.pool is None or len(texts) < PARALLEL_MINIMUM:
            return _Done({})
        size = -(-len(texts) // self.workers)
        chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
        futures = [self.pool.submit(_parse_all, [(s.name, s.read()) for s in chunk]) for chunk in chunks]
        return _Zipped([source.name for source in texts], futures)


class _Zipped:
    def __init__(self, names, futures):
        self.names, self.futures = names, futures

    def result(self):
        parsed = [result for future in self.futures for result in future.result()]
        return dict(zip(self.names, parsed, strict=True))


def _parse_all(files):
    results = []
    for name, content in files:
        try:
            results.append(parse_release(content, filename=name))
        except ReleaseParseError as error:
            results.append(error)
    return results


def _read_at_most(source, limit):
    if source.size > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; at most %(limit)s MB is read. Is it the right file?")
            % {"size": round(source.size / 1024 / 1024, 1), "limit": limit // 1024 // 1024},
            line=1,
        )
    return source.read()


def data_from_parsed(parsed, name, *, publish=False):
    """``ReleaseData`` for a ``ParsedRelease`` read from the file ``name``.

    A release the reader was unsure of (no date, a headline that could have been another line) stays a
    draft even with ``publish``; an undated one keeps the moment it was given when it was first imported.
    """
    values = {
        "kind": parsed.kind,
        "language": parsed.language,
        "headline": parsed.headline,
        "subheadline": parsed.subheadline[:400],
        "timing": parsed.timing[:100],
        "dateline": parsed.dateline[:100],
        "body": parsed.body_html,
    }
    if parsed.released_on is not None:
        values["released_at"] = parsed.released_at or datetime.combine(
            parsed.released_on, time(0), tzinfo=timezone.get_default_timezone()
        )
    warnings = list(parsed.warnings)
    if publish and parsed.uncertain:
        publish = False
        warnings.append(_("It stays a draft until an editor has checked what the importer was unsure of."))
    day = parsed.released_on.isoformat() if parsed.released_on else "undated"
    return ReleaseData(
        source_key=f"text:{day}:{slugify(parsed.headline)}"[:SOURCE_KEY_LENGTH],
        values=values,
        slug=slugify(parsed.headline)[:250],
        status=Release.Status.PUBLISHED if publish else None,
        boilerplate={"text": parsed.boilerplate_html} if parsed.boilerplate_html else None,
        contacts=[
            {"name": c.name[:200], "phone": c.phone, "email": c.email, "role": c.role[:200]} for c in parsed.contacts
        ],
        spokespeople=[
            {
                "name": person.name[:200],
                "title": (person.title[:1].upper() + person.title[1:])[:200],
                "organization": {"name": person.organization} if person.organization else None,
            }
            for person in parsed.spokespeople
        ],
        cosigners=[{"name": name} for name in parsed.signers],
        tags=[{"name": tag} for tag in parsed.tags],
        note=_("Imported from %(file)s.") % {"file": Path(name).name},
        warnings=warnings,
        origins=dict(parsed.origins),
    )


def _link_translations(releases, saved):
    """An export's translations point at their originals by address, once all are written."""
    wanted = {
        item.release.pk: data.translation_of for data, item in zip(releases, saved, strict=True) if not item.skipped
    }
    slugs = {slug for slug in wanted.values() if slug}
    if not slugs:
        return
    found = dict(Release.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    for pk, slug in wanted.items():
        if slug:
            if slug not in found:
                raise ImportFileError(
                    _("The original of a translation (%(slug)s) is missing.") % {"slug": slug}, line=1
                )
            Release.objects.filter(pk=pk).update(translation_of=found[slug])


def describe(saved):
    """What was understood and written, field by field, as (label, text) pairs."""
    release = saved.release

    def marked(kind, row, text):
        return f"{text} ({_('new') if saved.is_new(kind, row.pk) else _('existing')})"

    contacts = [
        marked(
            "contact",
            link.contact,
            ", ".join(filter(None, [link.contact.name, link.contact.phone, link.contact.email])),
        )
        for link in release.releasecontact_set.select_related("contact")
    ]
    people = [
        marked("spokesperson", person, ", ".join(filter(None, [person.name, person.title, person.organization.name])))
        for person in release.spokespeople.select_related("organization")
    ]
    boilerplate = release.boilerplate
    paragraphs = release.body.count("<p>")
    moment = date_format(timezone.localtime(release.released_at), "DATETIME_FORMAT")
    lines = [
        (_("address"), release.slug + (f" ({_('new')})" if saved.created else f" ({_('updated')})")),
        (_("kind"), release.get_kind_display()),
        (_("language"), release.get_language_display()),
        (_("release-timing line"), release.timing),
        (_("headline"), release.headline),
        (_("subheadline"), release.subheadline),
        (_("release moment"), f"{moment} ({release.display_status})"),
        (_("dateline city"), release.dateline),
        (_("media contacts"), "; ".join(contacts)),
        (_("spokespeople quoted"), "; ".join(people)),
        (_("co-signing organizations"), "; ".join(marked("organization", o, o.name) for o in release.cosigners.all())),
        (_("tags"), ", ".join(marked("tag", tag, tag.name) for tag in release.tags.all())),
        (
            _("boilerplate"),
            marked("boilerplate", boilerplate, f"{boilerplate.title}: {_start(boilerplate.text, 12)}")
            if boilerplate
            else "",
        ),
        (_("summary"), release.summary),
        (
            _("body"),
            ngettext("%(count)s paragraph: %(start)s", "%(count)s paragraphs: %(start)s", paragraphs)
            % {"count": paragraphs, "start": _start(release.body, 20)},
        ),
        (_("old addresses"), ", ".join(release.legacy_paths.values_list("old_path", flat=True))),
    ]
    origins = saved.data.origins
    where = {
        _("kind"): "kind",
        _("release-timing line"): "timing",
        _("headline"): "headline",
        _("subheadline"): "subheadline",
        _("release moment"): "date",
        _("dateline city"): "dateline",
        _("media contacts"): "contacts",
        _("co-signing organizations"): "cosigners",
        _("boilerplate"): "boilerplate",
    }
    described = []
    for label, text in lines:
        line = origins.get(where.get(label, ""))
        text = text or "—"
        described.append((label, _("%(text)s (line %(line)s)") % {"text": text, "line": line} if line else text))
    return described + [(_("warning"), w) for w in saved.warnings]


def _start(html_text, words):
    return Truncator(html.unescape(strip_tags(html_text))).words(words)
