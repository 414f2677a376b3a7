"""Turns a .txt, .md or .html file into blocks of numbered lines: plain text to read, safe HTML to keep.

Web-page and wire-copy leftovers ("Spread the love", "Share this", "###", "-30-") are dropped
here, as if they were blank lines. A block is a run of lines between blank lines (Markdown and
text) or one block element (HTML; ``<br>`` splits it into lines). Every line keeps its 1-based
line number in the file, so errors can point at it. Markup is trusted only after
``sanitize_html``; plain text is escaped.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from ...sanitizing import sanitize_html
from .parsed import ReleaseParseError

MAX_BYTES = 2 * 1024 * 1024
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")
_BULLET = re.compile(r"^(?:[-*•·‣▪]|\d{1,2}[.)])\s+(?=\S)")
LEFTOVER = re.compile(
    r"^(?:spread\s+the\s+love|share\s+this(?:\s+(?:post|article|page|story))?|share\s+on\s+\w+|comparte\s+esto"
    r"|compartir(?:\s+esto)?|comparte|like\s+this|me\s+gusta\s+esto|click\s+to\s+(?:share|print|email)\b.*"
    r"|haz\s+clic\s+para\s+.*|loading…?\.*|cargando…?\.*|related|relacionad[oa]s?|print|imprimir|tweet"
    r"|twitter|facebook|linkedin|whatsapp|telegram|pinterest|reddit|tumblr|pocket|e-?mail"
    r"|#(?:\s*#){2,}|-+\s*(?:30|end|fin)\s*-+|\[?(?:end|fin)\]?)\s*:?$",
    re.I,
)


@dataclass
class Line:
    number: int
    text: str
    html: str
    level: int = 0
    """Heading level from Markdown "#" or HTML <h1>…<h6>; 0 for ordinary text."""
    bullet: bool = False
    hard_break: bool | None = None
    """Whether a line break follows inside the block; None leaves it to the layout."""


def normalize(text):
    """One space between words: no-break, tab and invisible characters are layout, not content."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def check_size_and_content(text):
    """Refuse empty, oversized and binary input before reading it."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) > MAX_BYTES:
        line = encoded[:MAX_BYTES].count(b"\n") + 1
        raise ReleaseParseError(
            _("The file is larger than 2 MB; a press release is much shorter. Is it the right file?"), line=line
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ReleaseParseError(
            _("The file holds binary data (a NUL byte), not text. Save it as plain text, Markdown or HTML first."),
            line=line,
        )
    if not normalize(text):
        raise ReleaseParseError(_("The file is empty."), line=1)


def read_blocks(text, filename):
    """Blocks of ``Line`` for the file's format, chosen by its extension (.txt, .md, .html)."""
    check_size_and_content(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".html", ".htm"}:
        return _HtmlBlocks.read(text)
    if suffix in {".md", ".markdown"}:
        return _group(_markdown_lines(text.split("\n")))
    return _group([_text_line(number, raw) for number, raw in enumerate(text.split("\n"), 1)])


def _group(lines):
    blocks, current = [], []
    for line in lines:
        if line is None:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _bulleted(text):
    if match := _BULLET.match(text):
        return text[match.end() :], True
    return text, False


def _text_line(number, raw):
    text = normalize(raw)
    if not text or LEFTOVER.match(text):
        return None
    text, bullet = _bulleted(text)
    return Line(number, text, escape(text), bullet=bullet)


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_INLINE = re.compile(
    r"\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)|(?P<strong>\*\*|__)(?P<bold>.+?)(?P=strong)"
    r"|(?<![\w*])(?P<em>[*_])(?P<italic>[^*_\s](?:[^*_]*[^*_\s])?)(?P=em)(?![\w*])"
)


def _markdown_inline(text):
    """(plain text, HTML) for Markdown emphasis and links; everything else is escaped."""
    plain, html, position = [], [], 0
    for match in _MD_INLINE.finditer(text):
        plain.append(text[position : match.start()])
        html.append(escape(text[position : match.start()]))
        if match["label"]:
            inner_plain, inner_html = _markdown_inline(match["label"])
            html.append(format_html('<a href="{}">{}</a>', match["url"], inner_html))
        else:
            tag = "strong" if match["strong"] else "em"
            inner_plain, inner_html = _markdown_inline(match["bold"] or match["italic"])
            html.append(format_html("<{}>{}</{}>", tag, inner_html, tag))
        plain.append(inner_plain)
        position = match.end()
    plain.append(text[position:])
    html.append(escape(text[position:]))
    return "".join(plain), "".join(html)


def _markdown_lines(raws):
    """Markdown lines; a "===" or "---" underline makes the line above it a level 1 or 2 heading."""
    lines = []
    for number, raw in enumerate(raws, 1):
        underline = re.fullmatch(r"\s*(=+|-+)\s*", raw)
        if underline and lines and lines[-1] is not None and len(underline[1]) >= 2:
            lines[-1].level = 1 if underline[1][0] == "=" else 2
            lines.append(None)
        else:
            lines.append(_markdown_line(number, raw))
    return lines


def _markdown_line(number, raw):
    hard_break = raw.endswith("  ") or raw.rstrip().endswith("\\")
    text = normalize(raw).removesuffix("\\").rstrip()
    text = re.sub(r"^(?:>\s*)+", "", text)
    if not text or _MD_RULE.match(text) or LEFTOVER.match(text):
        return None
    level = 0
    if (heading := _MD_HEADING.match(text)) and heading[2]:
        level, text = len(heading[1]), heading[2]
    text, bullet = _bulleted(text)
    plain, html = _markdown_inline(text)
    return Line(number, normalize(plain), html, level=level, bullet=bullet, hard_break=hard_break)


class _HtmlBlocks(HTMLParser):
    """Collects the text of block elements; inline markup inside them is kept for sanitize_html."""

    BLOCKS = {
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "ul",
        "ol",
        "table",
        "figcaption",
    }
    SKIPPED = {"script", "style", "head", "title", "noscript", "template", "svg", "nav", "form", "button", "iframe"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.skipping = [], 0
        self._start_block("p")

    @classmethod
    def read(cls, text):
        parser = cls()
        parser.feed(text)
        parser.close()
        parser._end_line(block_ends=True)
        return _group(parser.lines)

    def _start_block(self, tag):
        self.tag, self.text, self.markup, self.number = tag, [], [], self.getpos()[0]

    def _end_line(self, *, block_ends):
        text = normalize(re.sub(r"\s+", " ", "".join(self.text)))
        if text and not LEFTOVER.match(text):
            level = int(self.tag[1]) if re.fullmatch(r"h[1-6]", self.tag) else 0
            html = sanitize_html(re.sub(r"\s+", " ", "".join(self.markup)).strip())
            self.lines.append(Line(self.number, text, html, level=level, bullet=self.tag == "li", hard_break=True))
        if block_ends and self.lines and self.lines[-1] is not None:
            self.lines.append(None)
        self.text, self.markup, self.number = [], [], self.getpos()[0]

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == "br":
            self._end_line(block_ends=False)
        elif tag in self.BLOCKS:
            self._end_line(block_ends=True)
            self._start_block(tag)
        else:
            self.markup.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self.skipping:
            self._end_line(block_ends=False)

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
            return
        elif tag in self.BLOCKS:
            self._end_line(block_ends=True)
            self._start_block("p")
        else:
            self.markup.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            if not self.text:
                self.number = self.getpos()[0]
            self.text.append(data)
            self.markup.append(escape(data))
