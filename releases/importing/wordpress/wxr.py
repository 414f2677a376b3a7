"""Reads a WordPress export (WXR 1.0 to 1.2) safely and as a stream.

The XML is parsed with defusedxml: a file that declares a DTD, entities or external references
is refused before anything is expanded (a WordPress export never has them, a "billion laughs"
attack always does). Elements are cleared as soon as they are read, so memory stays bounded
whatever the file's size. ``scan()`` reads the whole file once, to check it and to learn the
site, its authors and its attachments; ``items()`` then yields each item.
Elements are named by their local name and namespace family, so WXR 1.1 and 1.2 (http or https
namespaces) read alike.
"""

from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from ..errors import ImportFileError


@dataclass
class Attachment:
    url: str
    title: str = ""
    alt: str = ""
    parent: str = ""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    language: str = ""
    version: str = ""
    authors: dict = field(default_factory=dict)
    attachments: dict = field(default_factory=dict)
    posts: int = 0


@dataclass
class Item:
    """One <item> of the export, as plain strings."""

    id: str = ""
    type: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    status: str = ""
    password: str = ""
    name: str = ""
    date: str = ""
    date_gmt: str = ""
    parent: str = ""
    attachment_url: str = ""
    categories: list = field(default_factory=list)
    """(domain, nicename, name) triples: domain "category", "post_tag" or "post_format"."""
    meta: dict = field(default_factory=dict)


def _family(tag):
    """("wp", "post_id") for "{https://wordpress.org/export/1.2/}post_id"; ("", "title") for "title"."""
    if not tag.startswith("{"):
        return "", tag
    uri, local = tag[1:].split("}", 1)
    if "wordpress.org/export/" in uri:
        return ("excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"), local
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content", local
    if "purl.org/dc/elements" in uri:
        return "dc", local
    return uri, local


ITEM_FIELDS = {
    ("wp", "post_id"): "id",
    ("wp", "post_type"): "type",
    ("", "title"): "title",
    ("", "link"): "link",
    ("", "guid"): "guid",
    ("dc", "creator"): "creator",
    ("content", "encoded"): "content",
    ("excerpt", "encoded"): "excerpt",
    ("wp", "status"): "status",
    ("wp", "post_password"): "password",
    ("wp", "post_name"): "name",
    ("wp", "post_date"): "date",
    ("wp", "post_date_gmt"): "date_gmt",
    ("wp", "post_parent"): "parent",
    ("wp", "attachment_url"): "attachment_url",
}


class _CountingFile:
    """Counts the bytes the parser has read, for the progress indicator."""

    def __init__(self, file, progress, size):
        self.file, self.progress, self.size, self.done = file, progress, max(size, 1), 0

    def read(self, size=-1):
        chunk = self.file.read(size)
        self.done += len(chunk)
        if self.progress:
            self.progress(self.done / self.size)
        return chunk


def _elements(path, progress=None):
    """(event, family, local name, element, channel) for each element of the export, cleared once read."""
    channel = None
    try:
        with open(path, "rb") as raw:
            size = raw.seek(0, 2)
            raw.seek(0)
            stream = _CountingFile(raw, progress, size)
            depth = 0
            for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
                family, local = _family(element.tag)
                if event == "start":
                    depth += 1
                    if depth == 1 and local != "rss":
                        raise ImportFileError(_("This XML file is not a WordPress export (it is not RSS)."), line=1)
                    if local == "channel" and depth == 2:
                        channel = element
                    continue
                depth -= 1
                yield family, local, element, depth, channel
                if depth == 2 and channel is not None:
                    channel.remove(element)
    except DefusedXmlException:
        raise ImportFileError(
            _(
                "The file declares a DTD or XML entities, which a WordPress export never does; it was refused "
                "unread (this is how “billion laughs” and external-entity attacks work)."
            ),
            line=1,
        ) from None
    except ParseError as error:
        line = error.position[0] if error.position else 1
        if "no element found" in str(error) and line <= 1:
            raise ImportFileError(_("The file is empty."), line=1) from None
        raise ImportFileError(
            _("The file is not well-formed XML (%(reason)s): is it cut short or not an export?")
            % {"reason": str(error).split(":")[0]},
            line=line,
        ) from None


def _item(element):
    item = Item()
    for child in element:
        key = _family(child.tag)
        if key in ITEM_FIELDS:
            setattr(item, ITEM_FIELDS[key], (child.text or "").strip() if key[1] != "encoded" else child.text or "")
        elif key == ("", "category"):
            item.categories.append((child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip()))
        elif key == ("wp", "postmeta"):
            meta = {_family(part.tag)[1]: (part.text or "") for part in child}
            item.meta.setdefault(meta.get("meta_key", ""), meta.get("meta_value", ""))
    return item


def scan(path, progress=None):
    """Check the whole export and return its ``Site``; ImportFileError if it is not a readable export."""
    steps = scan_steps(path)
    while True:
        try:
            done = next(steps)
        except StopIteration as finished:
            return finished.value
        if progress:
            progress(done)


def scan_steps(path):
    """``scan()`` step by step, for a page that shows its progress: yields the share of the file read so far
    (0 to 1) as the reading goes, and returns the ``Site``."""
    site, read = Site(), []
    for family, local, element, depth, _channel in _elements(path, read.append):
        if read:
            yield read[-1]
            read.clear()
        if depth == 2 and family == "" and local in ("title", "link", "language"):
            setattr(site, local, (element.text or "").strip())
        elif depth == 2 and (family, local) == ("wp", "wxr_version"):
            site.version = (element.text or "").strip()
        elif depth == 2 and (family, local) == ("wp", "author"):
            parts = {_family(part.tag)[1]: (part.text or "").strip() for part in element}
            site.authors[parts.get("author_login", "")] = parts.get("author_display_name", "")
        elif depth == 2 and local == "item":
            item = _item(element)
            if item.type == "attachment":
                site.attachments[item.id] = Attachment(
                    item.attachment_url, item.title, item.meta.get("_wp_attachment_image_alt", ""), item.parent
                )
            elif item.type == "post":
                site.posts += 1
    if not site.version:
        raise ImportFileError(_("This RSS file is not a WordPress export (it has no wp:wxr_version)."), line=1)
    return site


def items(path, progress=None):
    """Each <item> of the export (posts, pages, attachments…), in file order."""
    for _family_name, local, element, depth, _channel in _elements(path, progress):
        if depth == 2 and local == "item":
            yield _item(element)
