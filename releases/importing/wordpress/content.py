"""WordPress post HTML to the press room's allowed markup.

What WordPress stores is not what it shows: paragraphs are blank lines (``wpautop`` adds the <p>
at display time), block-editor posts carry <!-- wp:… --> comments, and shortcodes ([caption],
[gallery], [embed], [audio], [video]…) stand for markup. Here comments are dropped; a caption
keeps its image and text; a gallery becomes a list of links to its images; an embed, audio or
video becomes a link. Files are never downloaded: an image becomes a link to where it was,
named by its alt text. Other shortcodes keep their inner text and lose their brackets. The
result always goes through ``sanitize_html``, which alone decides what markup is kept.
"""

import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ...sanitizing import sanitize_html

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SHORTCODE_NAME = r"[a-zA-Z_][\w-]*"
_ENCLOSING = re.compile(rf"\[(?P<name>{_SHORTCODE_NAME})(?P<attrs>(?:\s[^\]]*)?)\](?P<inner>.*?)\[/(?P=name)\]", re.S)
_SELF_CLOSING = re.compile(
    rf"\[(?P<name>{_SHORTCODE_NAME})(?P<attrs>\s[^\]]*?=[^\]]*?)/?\]|\[(?P<bare>gallery|playlist|audio|video|embed)\s*/?\]"
)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))""")
_LINKED_IMAGE = re.compile(r"<a\b(?P<attrs>[^>]*)>\s*(?P<img><img\b[^>]*>)\s*</a>", re.I)
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
_BLOCK_START = re.compile(
    r"^</?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|figure|figcaption|hr"
    r"|section|article|aside|header|footer|address|details|summary|iframe|video|audio|object|embed|script|style"
    r"|noscript|form|fieldset|nav)\b",
    re.I,
)
MEDIA_SOURCES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "url")


class _TagAttributes(HTMLParser):
    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.attributes = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        if not self.attributes:
            self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def shortcode_attributes(text):
    return {m[1].lower(): next(v for v in m.groups()[1:] if v is not None) for m in _ATTRIBUTE.finditer(text)}


def _file_name(url):
    return PurePosixPath(urlsplit(url).path).name or url


class ContentCleaner:
    """Cleans posts of one export; ``attachments`` maps attachment ids to ``wxr.Attachment``."""

    def __init__(self, attachments):
        self.attachments = attachments

    def clean(self, html, post_id, warnings):
        notes = set()
        html = _COMMENT.sub("", html or "")
        html = self._shortcodes(html, post_id, notes)
        html = _LINKED_IMAGE.sub(lambda m: self._linked_image(m, notes), html)
        html = _IMAGE.sub(lambda m: self._image(m.group(), notes), html)
        html = _BARE_URL_LINE.sub(lambda m: format_html('<a href="{}">{}</a>', m[1], m[1]), html)
        warnings.extend(sorted(notes))
        return sanitize_html(autop(html))

    def _shortcodes(self, html, post_id, notes):
        previous = None
        while previous != html:
            previous = html
            html = _ENCLOSING.sub(lambda m: self._enclosing(m, notes), html)
        return _SELF_CLOSING.sub(lambda m: self._self_closing(m, post_id, notes), html)

    def _enclosing(self, match, notes):
        name, attrs, inner = match["name"].lower(), shortcode_attributes(match["attrs"]), match["inner"]
        if name in ("embed", "audio", "video") and (url := inner.strip() or _media_source(attrs)):
            return str(format_html('<p><a href="{}">{}</a></p>', url, url))
        if name in ("caption", "wp_caption"):
            return f"<p>{inner.strip()}</p>"
        notes.add(_("The shortcode [%(name)s] was removed; its text was kept.") % {"name": name})
        return inner

    def _self_closing(self, match, post_id, notes):
        name, attrs = (match["name"] or match["bare"]).lower(), shortcode_attributes(match["attrs"] or "")
        if name == "gallery":
            return self._gallery(attrs, post_id, notes)
        if name in ("audio", "video", "embed") and (url := _media_source(attrs)):
            return str(format_html('<p><a href="{}">{}</a></p>', url, _file_name(url)))
        notes.add(_("The shortcode [%(name)s] was removed.") % {"name": name})
        return ""

    def _gallery(self, attrs, post_id, notes):
        ids = [part.strip() for part in attrs.get("ids", "").split(",") if part.strip()]
        if not ids:
            ids = [key for key, attachment in self.attachments.items() if attachment.parent == post_id]
        images = [self.attachments[key] for key in ids if key in self.attachments]
        notes.add(_("A gallery became a list of links to its images on the old site; upload them again to keep them."))
        if not images:
            return ""
        return str(
            format_html(
                "<ul>{}</ul>",
                format_html_join(
                    "",
                    '<li><a href="{}">{}</a></li>',
                    ((image.url, image.alt or image.title or _file_name(image.url)) for image in images),
                ),
            )
        )

    def _linked_image(self, match, notes):
        link = _TagAttributes(f"<a{match['attrs']}>").attributes.get("href", "")
        image = _TagAttributes(match["img"]).attributes
        notes.add(_("Images became links to where they were on the old site; upload them again to keep them."))
        src = image.get("src", "")
        return str(format_html('<a href="{}">{}</a>', link or src, _image_text(image)))

    def _image(self, tag, notes):
        image = _TagAttributes(tag).attributes
        if not image.get("src"):
            return ""
        notes.add(_("Images became links to where they were on the old site; upload them again to keep them."))
        return str(format_html('<a href="{}">{}</a>', image["src"], _image_text(image)))


def _media_source(attrs):
    return next((attrs[key] for key in MEDIA_SOURCES if attrs.get(key)), "")


def _image_text(image):
    return image.get("alt") or image.get("title") or _file_name(image.get("src", "")) or _("image")


def autop(html):
    """WordPress's paragraphs: text between blank lines becomes <p>, its single line breaks <br>."""
    paragraphs = []
    for chunk in re.split(r"\n[ \t]*\n", html.replace("\r\n", "\n").replace("\r", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        lines = chunk.split("\n")
        split = next((n for n, line in enumerate(lines) if _BLOCK_START.match(line.strip())), len(lines))
        if split:
            paragraphs.append("<p>" + "<br>\n".join(line.strip() for line in lines[:split]) + "</p>")
        if split < len(lines):
            paragraphs.append("\n".join(lines[split:]))
    return "\n".join(paragraphs)
