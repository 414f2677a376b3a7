"""Turns a .txt, .md or .html file into blocks of numbered lines: plain text to read, safe HTML to keep.

A block is a run of lines between blank lines (Markdown and text) or one block element (HTML;
``<br>`` splits it into lines). Every line keeps its 1-based line number in the file, so errors
and warnings can point at it. Markup is trusted only after ``sanitize_html``; plain text is escaped.

What a page or a PDF adds around a release is settled here, before anyone reads it:
- text copied out of a PDF: page furniture ("Page 1 of 2", "- 1 -", "1/2", a bare page number,
  form feeds) is dropped, a running header repeated at the top of a page is dropped, a paragraph
  cut by a page break is joined again, a word hyphenated across a line break is rejoined;
- text laid out in columns (three spaces or more between two pieces of a line, as PDFs and
  letterheads print "FOR IMMEDIATE RELEASE          Contact: Ana Ruiz") becomes one line per piece;
- web pages: scripts, navigation, forms and images are not text; an element left unclosed ends
  with its parent.
"""

import re
from dataclasses import dataclass
from html import escape as _escape
from html.parser import HTMLParser
from pathlib import PurePath

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ...sanitizing import sanitize_html
from .parsed import ReleaseParseError


def escape(text):
    """Plain text as HTML (the standard library's escape: a long file has thousands of lines)."""
    return _escape(text, quote=True)


MAX_BYTES = 2 * 1024 * 1024
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[^\S\n]+")
_BULLET = re.compile(r"^(?:[-*•·‣▪◦–]|\d{1,2}[.)])\s+(?=\S)")
_COLUMNS = re.compile(r"\s{3,}")
PAGE_FURNITURE = re.compile(
    r"^(?:(?:page|p[áa]gina|p[áa]g\.?)\s+\d{1,3}(?:\s+(?:of|de)\s+\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3}"
    r"|\d{1,3})$",
    re.I,
)
_PAGE_NUMBER_AT_END = re.compile(r"(?:[-–—|]\s*)?(?:page|p[áa]gina)\s+\d{1,3}\s+(?:of|de)\s+\d{1,3}\s*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”»)]$")
_HYPHENATED = re.compile(r"[a-záéíóúñü]-$")
MENU_ITEM_WORDS = 4


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
    indent: int = 0
    """Leading spaces in a plain-text file: centred lines of a PDF have many."""
    glued: bool = False
    """The word at its end was hyphenated across the line break: the next line continues it."""


def normalize(text):
    """One space between words: no-break, tab, invisible and direction-control characters are layout."""
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
    if not normalize(text.replace("\f", " ")):
        raise ReleaseParseError(_("The file is empty."), line=1)


@dataclass
class Document:
    """The blocks of a file, and what its format says about it."""

    blocks: list
    title: str = ""
    """An HTML page's <title>."""


def read_document(text, filename):
    """The ``Document`` of the file's text, in the format its extension names (.txt, .md, .html)."""
    check_size_and_content(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".html", ".htm"}:
        return _HtmlBlocks.read(text)
    if suffix in {".md", ".markdown"}:
        return Document(_join_pages(_group(_markdown_lines(text.split("\n")))))
    return Document(_join_pages(_group(_text_lines(text.split("\n")))))


def read_blocks(text, filename):
    return read_document(text, filename).blocks


PAGE_BREAK = object()  # a page break between lines (a form feed, "Page 1 of 2")


def _group(lines):
    """Blocks of the lines; None is a blank line and PAGE_BREAK a page break (kept as its own marker)."""
    blocks, current = [], []
    for line in lines:
        if line is None or line is PAGE_BREAK:
            if current:
                blocks.append(current)
            current = []
            if line is PAGE_BREAK:
                blocks.append(PAGE_BREAK)
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _join_pages(blocks):
    """Drop the running header after each page break and join a paragraph the break cut in two."""
    first_lines = {line.text for block in blocks[:2] if block is not PAGE_BREAK for line in block}
    kept, after_break, cut = [], False, False
    for block in blocks:
        if block is PAGE_BREAK:
            after_break = cut = bool(kept)
            continue
        if after_break:
            after_break = False
            if len(block) <= 3 and all(_running_header(line.text, first_lines) for line in block):
                continue
        if cut:
            cut = False
            previous = kept[-1]
            if not _ENDS_SENTENCE.search(previous[-1].text) and (block[0].text[:1].islower() or previous[-1].glued):
                previous.extend(block)
                continue
        kept.append(block)
    return kept


def _running_header(text, first_lines):
    """A line printed at the top of every page: the letterhead again, or a short title with a date or dashes."""
    return text in first_lines or (
        len(text) <= 140 and not _ENDS_SENTENCE.search(text) and bool(re.search(r"\s[–—|·]\s|\d{4}\b", text))
    )


def _bulleted(text):
    if match := _BULLET.match(text):
        return text[match.end() :], True
    return text, False


def _is_menu(pieces):
    return len(pieces) >= 3 and all(len(piece.split()) <= MENU_ITEM_WORDS for piece in pieces)


def _text_lines(raws):
    """Plain-text lines; columns become lines of their own, page furniture a page break."""
    lines = []
    for number, raw in enumerate(raws, 1):
        for page, part in enumerate(raw.split("\f")):
            if page:
                lines.append(PAGE_BREAK)
            expanded = part.expandtabs(8).rstrip()
            indent = len(expanded) - len(expanded.lstrip())
            pieces = [normalize(piece) for piece in _COLUMNS.split(expanded.strip())]
            pieces = [piece for piece in pieces if piece]
            if not pieces:
                lines.append(None)
                continue
            if _is_menu(pieces):
                continue
            if len(pieces) == 1 and (PAGE_FURNITURE.match(pieces[0]) or _PAGE_NUMBER_AT_END.search(pieces[0])):
                lines.append(PAGE_BREAK)
                continue
            for piece in pieces:
                if PAGE_FURNITURE.fullmatch(piece) and len(pieces) > 1:
                    continue
                text, bullet = _bulleted(piece)
                lines.append(Line(number, text, escape(text), bullet=bullet, indent=indent))
    _mark_hyphenation(lines)
    return lines


def _mark_hyphenation(lines):
    """A line ending in "restau-" before one starting "rant": the hyphen goes, the word is rejoined."""
    for this, following in zip(lines, lines[1:], strict=False):
        if isinstance(this, Line) and isinstance(following, Line):
            if _HYPHENATED.search(this.text) and following.text[:1].islower():
                this.text, this.html, this.glued = this.text[:-1], this.html[:-1], True


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_INLINE = re.compile(
    r"\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)|(?P<strong>\*\*|__)(?P<bold>.+?)(?P=strong)"
    r"|(?<![\w*])(?P<em>[*_])(?P<italic>[^*_\s](?:[^*_]*[^*_\s])?)(?P=em)(?![\w*])"
)


def _markdown_inline(text):
    """(plain text, HTML) for Markdown emphasis and links; everything else is escaped."""
    plain, html, position = [], [], 0
    for match in _MD_INLINE.finditer(text):
        plain.append(_unescape_markdown(text[position : match.start()]))
        html.append(escape(_unescape_markdown(text[position : match.start()])))
        if match["label"]:
            inner_plain, inner_html = _markdown_inline(match["label"])
            html.append(format_html('<a href="{}">{}</a>', match["url"], inner_html))
        else:
            tag = "strong" if match["strong"] else "em"
            inner_plain, inner_html = _markdown_inline(match["bold"] or match["italic"])
            html.append(format_html("<{}>{}</{}>", tag, inner_html, tag))
        plain.append(inner_plain)
        position = match.end()
    plain.append(_unescape_markdown(text[position:]))
    html.append(escape(_unescape_markdown(text[position:])))
    return "".join(plain), "".join(html)


def _unescape_markdown(text):
    return _MD_ESCAPE.sub(r"\1", text)


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
    text = normalize(_MD_IMAGE.sub("", raw))
    text = text.removesuffix("\\").rstrip() if not text.endswith("\\#") else text
    text = re.sub(r"^(?:>\s*)+", "", text)
    if not text or _MD_RULE.match(text) or text == ">":
        return None
    level = 0
    if (heading := _MD_HEADING.match(text)) and heading[2]:
        level, text = len(heading[1]), heading[2]
    text, bullet = _bulleted(text)
    plain, html = _markdown_inline(text)
    plain = normalize(plain)
    if not plain:
        return None
    return Line(number, plain, html, level=level, bullet=bullet, hard_break=hard_break)


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
        "aside",
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
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
    }
    SKIPPED = {
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "svg",
        "nav",
        "form",
        "button",
        "iframe",
        "select",
        "textarea",
    }
    VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.open, self.skip_at = [], [], None
        self.title, self._in_title = [], False
        self._start_block("p")

    @classmethod
    def read(cls, text):
        parser = cls()
        parser.feed(text)
        parser.close()
        parser._end_line(block_ends=True)
        return Document(_group(parser.lines), title=normalize("".join(parser.title)))

    def _start_block(self, tag):
        self.tag, self.text, self.markup, self.number = tag, [], [], self.getpos()[0]

    def _end_line(self, *, block_ends):
        text = normalize(re.sub(r"\s+", " ", "".join(self.text)))
        if text:
            level = int(self.tag[1]) if re.fullmatch(r"h[1-6]", self.tag) else 0
            html = sanitize_html(re.sub(r"\s+", " ", "".join(self.markup)).strip())
            text, bullet = (text, True) if self.tag == "li" else _bulleted(text)
            self.lines.append(Line(self.number, text, html, level=level, bullet=bullet, hard_break=True))
        if block_ends and self.lines and self.lines[-1] is not None:
            self.lines.append(None)
        self.text, self.markup, self.number = [], [], self.getpos()[0]

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag not in self.VOID:
            self.open.append(tag)
        if self.skip_at is not None:
            return
        if tag in self.SKIPPED:
            self.skip_at = len(self.open) - 1
        elif tag == "br":
            self._end_line(block_ends=False)
        elif tag in self.BLOCKS:
            self._end_line(block_ends=True)
            self._start_block(tag)
        elif tag not in self.VOID:
            self.markup.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.skip_at is None:
            self._end_line(block_ends=False)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.VOID:
            return
        if tag in self.open:
            # Closing an element closes every element left open inside it (a <nav> never closed ends with its parent).
            depth = len(self.open) - 1 - self.open[::-1].index(tag)
            del self.open[depth:]
            if self.skip_at is not None and depth <= self.skip_at:
                self.skip_at = None  # the text around a <script> or <nav> goes on where it was
                return
        if self.skip_at is not None:
            return
        if tag in self.BLOCKS:
            self._end_line(block_ends=True)
            self._start_block("p")
        else:
            self.markup.append(f"</{tag}>")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        if self.skip_at is None:
            if not self.text:
                self.number = self.getpos()[0]
            self.text.append(data)
            self.markup.append(escape(data))
