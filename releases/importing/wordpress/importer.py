"""Importing a WordPress export's posts as releases.

Rules:
- Only posts are imported (optionally only those in chosen categories or tags); pages,
  attachments and menu items are not releases. A post's identity is its WXR identity: its post
  id within the site, else its guid, else its link (else its name and date); running the import
  again finds it by that identity (see ``writing`` for what it then changes). Two posts never
  share one: when an export claims one twice, both are imported (the second with a suffix) and
  the clash is reported.
- Published posts stay published at their moment, scheduled ones stay scheduled, drafts and
  pending posts stay unpublished. Private and password-protected posts never become public:
  they are drafts here, with a note saying why. A scheduled post whose moment has passed and a
  post without a date are drafts. A post without a title (it gets a headline made from its
  address) or without content keeps its status, as it had its page on WordPress, with a warning.
- Titles lose their markup and any control or direction-override character; content is cleaned
  by ``content``; the excerpt is the summary; a slug that is one of the press room's own
  addresses ("search", "tags", a year) gets a suffix;
  categories (but "Uncategorized") and tags are tags; the author is the release's creator when a
  user has the same username, and is named in the note otherwise.
- Featured images and other files are never downloaded: the note says where they were.
- Each post's old address answers a permanent redirect to its new page (``releases.redirects``):
  its <link> path, /post-name/ beside a dated path (WordPress accepts both), and its shortlinks
  ("/?p=123", and the "?p=" or "?page_id=" of its link or guid).
- The whole file is checked before anything is written; a post that fails validation is
  reported and skipped, the others import. A dry run writes nothing.
"""

import html
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from ...models import Release
from ...models.legacy import shortlink
from ...sanitizing import strip_control_characters
from ..errors import describe_error
from ..matching import fold
from ..text.language import detect_language
from ..text.layout import kind_of_headline
from ..writing import ReleaseData, ReleaseWriter
from .content import ContentCleaner
from .wxr import items, scan_steps

Status = Release.Status
HEADLINE_LENGTH = 250
SUMMARY_LENGTH = 500
BATCH_SIZE = 200
NO_DATE = "0000-00-00 00:00:00"
SOURCE_KEY_LENGTH = 300
UNCATEGORIZED = "uncategorized"


@dataclass
class PostResult:
    post_id: str
    title: str
    saved: object = None
    error: str = ""
    skipped: str = ""


def site_key(link):
    """The site's address without scheme or trailing slash, so http and https exports agree."""
    parts = urlsplit(link)
    return (parts.netloc.lower() + parts.path.rstrip("/")) or link


def plain(text):
    return " ".join(strip_control_characters(html.unescape(strip_tags(text or ""))).split())


class WordPressImporter:
    def __init__(self, path, *, categories=(), tags=(), user=None, dry_run=False, progress=None, overwrite=False):
        self.path, self.user, self.dry_run, self.progress, self.overwrite = path, user, dry_run, progress, overwrite
        self.categories = {fold(name) for name in categories}
        self.tags = {fold(name) for name in tags}
        self.writer = ReleaseWriter(user=user, overwrite=overwrite)
        self.site = None

    def check(self):
        """Read the whole export once (raises ImportFileError); nothing is written."""
        steps = self.check_steps()
        while True:
            try:
                done = next(steps)
            except StopIteration:
                return self.site
            if self.progress:
                self.progress(_("Checking"), done)

    def check_steps(self):
        """``check()`` step by step: yields the share of the file read so far (see ``wxr.scan_steps``)."""
        self.site = yield from scan_steps(self.path)
        self.cleaner = ContentCleaner(self.site.attachments)
        self.users = {username.lower(): pk for pk, username in get_user_model().objects.values_list("pk", "username")}
        return self.site

    def run(self):
        """Yield a ``PostResult`` per post; all in one transaction (rolled back for a dry run)."""
        if self.site is None:
            self.check()
        identities = Counter()
        with transaction.atomic():
            batch = []
            for item in items(self.path, self.progress and (lambda done: self.progress(_("Importing"), done))):
                if item.type == "post":
                    item.identity, item.clash = self._identity(item, identities)
                    batch.append(item)
                if len(batch) == BATCH_SIZE:
                    yield from self._import_batch(batch)
                    batch = []
            yield from self._import_batch(batch)
            if self.dry_run:
                transaction.set_rollback(True)

    def _import_batch(self, batch):
        """New posts of a batch are written together; if the database refuses that, one by one."""
        try:
            with transaction.atomic():
                results = [self._import(item, bulk=not self.dry_run) for item in batch]
                self.writer.flush()
        except DatabaseError:
            self.writer = ReleaseWriter(user=self.user, overwrite=self.overwrite)
            with transaction.atomic():
                results = [self._import(item, bulk=False) for item in batch]
                self.writer.flush()
        return results

    def _identity(self, item, identities):
        """The post's source key, and the earlier post's key when the export claims the same identity twice."""
        site = site_key(self.site.link)
        if item.id:
            key = f"wordpress:{site}#{item.id}"
        elif item.guid:
            key = f"wordpress:{site}#guid:{item.guid}"
        elif item.link:
            key = f"wordpress:{site}#link:{site_key(item.link)}"
        else:
            key = f"wordpress:{site}#post:{unquote(item.name) or slugify(plain(item.title))}:{item.date}"
        key = key[:SOURCE_KEY_LENGTH]
        identities[key] += 1
        if identities[key] == 1:
            return key, ""
        return f"{key[: SOURCE_KEY_LENGTH - 8]}~{identities[key]}", key

    def _selected(self, item):
        if not self.categories and not self.tags:
            return True
        for domain, nicename, name in item.categories:
            wanted = self.categories if domain == "category" else self.tags if domain == "post_tag" else set()
            if fold(name) in wanted or fold(unquote(nicename)) in wanted:
                return True
        return False

    def _import(self, item, *, bulk):
        title = plain(item.title)
        if not self._selected(item):
            return PostResult(item.id, title, skipped=_("not in the chosen categories or tags"))
        if item.status == "trash":
            return PostResult(item.id, title, skipped=_("it is in the WordPress trash"))
        data = self.data_from_post(item)
        try:
            saved = self.writer.add(data, bulk=bulk)
        except (ValidationError, DatabaseError) as error:
            if bulk and isinstance(error, DatabaseError):
                raise
            self.writer.forget_unsaved()
            return PostResult(item.id, title, error=describe_error(error))
        self.writer.keep()
        return PostResult(item.id, title, saved=saved)

    def data_from_post(self, item):
        """``ReleaseData`` for one post of the export."""
        warnings, notes = (
            [],
            [_("Imported from WordPress post %(id)s (%(link)s).") % {"id": item.id, "link": item.link}],
        )
        headline = plain(item.title)
        if item.clash:
            warnings.append(
                _(
                    "WordPress post “%(title)s” claims the same identity as an earlier post of the export (%(key)s); "
                    "both were imported."
                )
                % {"title": headline, "key": item.clash}
            )
        moment = post_moment(item)
        undated = moment is None
        if undated:
            moment = timezone.now()
            notes.append(_("It had no date on WordPress, so it is a draft here: set its date before publishing."))
        status = Status.DRAFT if undated else self._status(item, moment, notes)
        if not headline:
            headline = _("Untitled post %(name)s of %(date)s") % {
                "name": unquote(item.name) or item.id,
                "date": timezone.localtime(moment).date().isoformat(),
            }
            notes.append(_("It had no title on WordPress; its headline was made from its address: write a real one."))
        elif len(headline) > HEADLINE_LENGTH:
            notes.append(_("Its title was cut to %(length)s characters.") % {"length": HEADLINE_LENGTH})
            headline = Truncator(headline).chars(HEADLINE_LENGTH)
        body = self.cleaner.clean(strip_control_characters(item.content), item.id, warnings)
        if not strip_tags(body).strip():
            notes.append(_("It had no content on WordPress: write the body."))
        summary = Truncator(plain(item.excerpt)).chars(SUMMARY_LENGTH)
        language, _mixed = detect_language(f"{headline} {summary} {plain(body)}")
        if not plain(body) and self.site.language.lower().startswith("es"):
            language = "es"
        if (thumbnail := self.site.attachments.get(item.meta.get("_thumbnail_id", ""))) is not None:
            notes.append(
                _("Its featured image was not copied (files are not downloaded): %(url)s, alt text “%(alt)s”.")
                % {"url": thumbnail.url, "alt": thumbnail.alt or thumbnail.title}
            )
        warnings[:0] = notes[1:]
        author = self.users.get(item.creator.lower())
        if author is None and item.creator:
            notes.append(
                _("Its author on WordPress was %(name)s.")
                % {"name": self.site.authors.get(item.creator) or item.creator}
            )
        values = {
            "kind": kind_of_headline(headline) or Release.Kind.PRESS_RELEASE,
            "language": language,
            "headline": headline,
            "summary": summary,
            "body": body,
            "timing": "",
        }
        if not undated:
            values["released_at"] = moment  # an undated post keeps the moment it was first imported with
        return ReleaseData(
            source_key=item.identity,
            values=values,
            slug=slugify(unquote(item.name)) or slugify(headline) or f"post-{item.id}",
            status=status,
            tags=self._tags(item),
            old_paths=_old_paths(item),
            created_by=author and get_user_model()(pk=author),
            note=" ".join(notes),
            warnings=warnings,
        )

    def _status(self, item, moment, notes):
        if item.password:
            notes.append(_("It was password-protected on WordPress, so it is a draft here."))
            return Status.DRAFT
        if item.status == "private":
            notes.append(_("It was private on WordPress, so it is a draft here."))
            return Status.DRAFT
        if item.status == "publish":
            return Status.PUBLISHED
        if item.status == "future":
            if moment > timezone.now():
                return Status.PUBLISHED
            notes.append(_("It was scheduled for a moment that has passed, so it is a draft here."))
            return Status.DRAFT
        if item.status == "pending":
            return Status.REVIEW
        return Status.DRAFT

    def _tags(self, item):
        tags = []
        for domain, nicename, name in item.categories:
            if domain in ("category", "post_tag") and name and fold(unquote(nicename)) != UNCATEGORIZED:
                tag = {"name": strip_control_characters(html.unescape(name)), "slug": slugify(unquote(nicename))}
                if tag not in tags:
                    tags.append(tag)
        return tags


def post_moment(item):
    """The post's moment: its GMT date, else its local date in the site's zone, else None."""
    for value, zone in ((item.date_gmt, UTC), (item.date, timezone.get_default_timezone())):
        if value and value != NO_DATE:
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
            except ValueError:
                continue
    return None


def _old_paths(item):
    """Where the post was on the old site: its permalink, /name/ beside a dated one, and its shortlinks."""
    paths = []
    link = urlsplit(item.link)
    if not link.query and link.path.strip("/"):
        paths.append(link.path)
        if item.name and link.path.strip("/") != item.name.strip("/"):
            paths.append(f"/{item.name}/")
    if item.id.isdigit():
        paths.append(f"/?p={item.id}")
    for address in (item.link, item.guid):
        if found := shortlink(urlsplit(address).query):
            paths.append(found)
    return paths
