"""Server-side clean-up of rich text: one allow-list, applied on every save.

Pasted Word and Google Docs markup carries its formatting in inline styles and wrapper tags;
``_StyleToTags`` turns bold and italic styles into <strong>/<em> and drops Google Docs' bogus
bold wrapper before nh3 removes everything the allow-list does not name.
"""

import functools
import re
from html import escape, unescape
from html.parser import HTMLParser

import nh3
from django.utils.html import strip_tags

# What the editor offers; it matches ALLOWED_TAGS so nothing typed is lost on save.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False},
    "HardBreak": True,
    "History": True,
}
ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}

_BOLD = re.compile(r"(?<![\w-])font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC = re.compile(r"(?<![\w-])font-style\s*:\s*italic", re.I)
# A <b> styled not bold is plain text; Word's mso-bidi-font-weight:normal on real bold text does not count.
_NOT_BOLD = re.compile(r"(?<![\w-])font-weight\s*:\s*(normal|[1-5]00)", re.I)
_WORD_CONDITIONAL = re.compile(r"<!--\[if.*?<!\[endif\]-->", re.S | re.I)
_LINK_WITHOUT_HREF = re.compile(r"<a(?: rel=\"[^\"]*\")?>(.*?)</a>", re.S)
_EMPTY_INLINE = re.compile(r"<(strong|em|a)(?:\s[^>]*)?>\s*</\1>")
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|blockquote)>(?:\s|&nbsp;|\xa0|<br>)*</\1>")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.I)
_BLANK_LINES = re.compile(r"\n\s*\n\s*")

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    clean_content_tags={"script", "style", "title", "xml", "head"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


class _StyleToTags(HTMLParser):
    """Rewrites styled spans as semantic tags, keeping everything else for nh3 to judge."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        style = attributes.get("style") or ""
        if tag == "b" and (attributes.get("id") or "").startswith("docs-internal-guid"):
            self.stack.append((tag, []))  # Google Docs wraps the whole paste in a non-bold <b>.
            return
        if tag == "span" or tag in {"b", "strong"} and _NOT_BOLD.search(style):
            closers = []
            if _BOLD.search(style):
                self.out.append("<strong>")
                closers.insert(0, "</strong>")
            if _ITALIC.search(style):
                self.out.append("<em>")
                closers.insert(0, "</em>")
            if tag not in VOID_TAGS:
                self.stack.append((tag, closers))
            return
        tag = RENAMED_TAGS.get(tag, tag)
        rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID_TAGS:
            self.stack.append((tag, [f"</{tag}>"]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = RENAMED_TAGS.get(tag, tag) if tag not in {"b", "span"} else tag
        for depth in range(len(self.stack) - 1, -1, -1):
            opened, _closers = self.stack[depth]
            if RENAMED_TAGS.get(opened, opened) == RENAMED_TAGS.get(tag, tag) or opened == tag:
                for _opened, closers in reversed(self.stack[depth:]):
                    self.out.extend(closers)
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def result(self):
        for _tag, closers in reversed(self.stack):
            self.out.extend(closers)
        return "".join(self.out)


# Bidirectional overrides and isolates, zero-width and other invisible format characters, and C0/C1
# controls but tab and newline: they can reorder or hide what a reader sees ("Trojan source").
_CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def strip_control_characters(text):
    """``text`` without invisible control and direction-override characters."""
    return _CONTROL_CHARACTERS.sub("", text) if text else text


def sanitize_html(html):
    """Return ``html`` reduced to the allowed tags, attributes and link schemes."""
    if not html:
        return ""
    return _sanitized(str(html))


@functools.lru_cache(maxsize=2048)
def _sanitized(html):
    """The work of ``sanitize_html``, remembered: a release's body passes it on every layer that must trust it
    (the reader, the form field, the save), and an import does that for thousands of bodies."""
    parser = _StyleToTags()
    parser.feed(_WORD_CONDITIONAL.sub("", html))
    parser.close()
    cleaned = _LINK_WITHOUT_HREF.sub(r"\1", _cleaner.clean(parser.result()))
    for pattern in (_EMPTY_INLINE, _EMPTY_BLOCK):
        previous = None
        while previous != cleaned:
            previous, cleaned = cleaned, pattern.sub("", cleaned)
    return cleaned.strip()


def html_to_text(html):
    """Rich text as plain text: paragraphs (and line breaks) separated by blank lines, entities decoded."""
    text = unescape(strip_tags(_BLOCK_END.sub("\n\n", html or "")))
    return _BLANK_LINES.sub("\n\n", text).strip()
