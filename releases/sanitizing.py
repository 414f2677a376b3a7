"""Server-side clean-up of rich text: one allow-list, applied on every save (and to whatever staff paste
into the editor, before it enters it: ``admin/paste.py``).

Rules:
- ``ALLOWED`` names every tag kept and, per tag, every attribute kept; nh3 removes everything else.
  Links also get ``rel="noopener noreferrer"``; a header cell's ``scope`` may only be ``col`` or ``row``.
- Pasted Word and Google Docs markup carries its meaning in styles and classes: ``_StyleToTags`` turns
  bold, italic and underline styles into <strong>/<em>/<u> (no underline inside a link, which has its
  own), Word's list paragraphs into real lists, Word's quote styles and Google Docs' indented
  paragraphs into block quotes, and drops Google Docs' bogus bold wrapper.
- Headings keep their order within the body's levels (h2–h4, under the page's own h1): a paste that
  uses h1 (Word's and Google Docs' "Heading 1") moves every heading down one level.
- Tables keep their rows and cells, without styles; a first row of header cells, or of bold cells
  only, becomes the table's <thead> with ``scope="col"`` headers; a cell's lone paragraph is unwrapped.
- Cleaning twice changes nothing.
"""

import functools
import re
from html import escape, unescape
from html.parser import HTMLParser

import nh3
from django.urls import reverse_lazy
from django.utils.html import strip_tags

# What the editor offers; it matches ALLOWED so nothing typed is lost on save. PasteCleaner sends
# pasted HTML through sanitize_html() first (static/js/prose-paste.js, releases/admin/paste.py).
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False},
    "HardBreak": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "PasteCleaner": {"url": reverse_lazy("admin:rich_text_paste")},
}
# Every tag kept, with every attribute kept on it.
ALLOWED = {
    "p": set(),
    "br": set(),
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "ul": set(),
    "ol": set(),
    "li": set(),
    "blockquote": set(),
    "a": {"href", "title"},
    "strong": set(),
    "em": set(),
    "u": set(),
    "table": set(),
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_TAGS = set(ALLOWED)
# Attributes kept only with one of these values (nh3 takes them apart from the others).
ALLOWED_VALUES = {"th": {"scope": {"col", "row"}}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
# When a paste uses h1, every heading moves down a level; h4 is the deepest the body has.
SHIFTED_HEADINGS = {"h1": "h2", "h2": "h3", "h3": "h4", "h4": "h4", "h5": "h4", "h6": "h4"}
HEADINGS = set(SHIFTED_HEADINGS)
BLOCK_TAGS = {"p", "div", "table", "blockquote", "ul", "ol", "li", "td", "th", "tr", *HEADINGS}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}

_BOLD = re.compile(r"(?<![\w-])font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC = re.compile(r"(?<![\w-])font-style\s*:\s*italic", re.I)
# A <b> styled not bold is plain text; Word's mso-bidi-font-weight:normal on real bold text does not count.
_NOT_BOLD = re.compile(r"(?<![\w-])font-weight\s*:\s*(normal|[1-5]00)", re.I)
_UNDERLINE = re.compile(r"(?<![\w-])text-decoration(?:-line)?\s*:[^;]*underline", re.I)
_INDENT = re.compile(r"(?<![\w-])margin-left\s*:\s*(?!0(?:\D|$))[\d.]+", re.I)
# Word writes list items as paragraphs: style "mso-list:l0 level2 lfo1", the marker in <![if !supportLists]>.
_WORD_LIST_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.I)
_NUMBERED_MARKER = re.compile(r"^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]", re.I)
_WORD_QUOTE_CLASSES = {"msoquote", "msointensequote"}
_H1 = re.compile(r"<h1[\s>]", re.I)
_WORD_CONDITIONAL = re.compile(r"<!--\[if.*?<!\[endif\]-->", re.S | re.I)
_LINK_WITHOUT_HREF = re.compile(r"<a(?: rel=\"[^\"]*\")?>(.*?)</a>", re.S)
_EMPTY_INLINE = re.compile(r"<(strong|em|u|a)(?:\s[^>]*)?>\s*</\1>")
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|blockquote|ul|ol)>(?:\s|&nbsp;|\xa0|<br>)*</\1>")
_ADJACENT_QUOTES = re.compile(r"</blockquote>\s*<blockquote>")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|td|th)>|<br\s*/?>", re.I)
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def _span_attribute(tag, attribute, value):
    """Cell spans are kept only when they span something: Word and the editor write colspan="1"."""
    if attribute in ("colspan", "rowspan") and not (value.isdigit() and 1 < int(value) <= 100):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={tag: names - ALLOWED_VALUES.get(tag, {}).keys() for tag, names in ALLOWED.items()},
    tag_attribute_values=ALLOWED_VALUES,
    attribute_filter=_span_attribute,
    url_schemes=URL_SCHEMES,
    clean_content_tags={"script", "style", "title", "xml", "head"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


class _StyleToTags(HTMLParser):
    """Rewrites styled spans and Word's and Google Docs' conventions as semantic tags (see the module's
    rules), keeping everything else for nh3 to judge."""

    def __init__(self, headings):
        super().__init__(convert_charrefs=False)
        self.headings = headings  # How heading tags are renamed: RENAMED_TAGS or SHIFTED_HEADINGS.
        self.out = []
        self.stack = []  # (tag, closing markup written when it ends)
        self.lists = []  # Word lists open: [level, "ul" or "ol" once its first marker is read, index in out]
        self.marker = None  # The Word list marker being read ("1.", "·"), else None.
        self.links = self.in_headings = 0

    def inside(self, *tags):
        return any(opened in tags for opened, _closers in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        style = attributes.get("style") or ""
        classes = {name.lower() for name in (attributes.get("class") or "").split()}
        if tag == "b" and (attributes.get("id") or "").startswith("docs-internal-guid"):
            self.stack.append((tag, []))  # Google Docs wraps the whole paste in a non-bold <b>.
            return
        level = _WORD_LIST_LEVEL.search(style) if tag == "p" else None
        if self.lists and not level and tag in BLOCK_TAGS and not self.inside("p"):
            self.end_word_lists()
        if level:
            self.start_word_list_item(int(level.group(1)))
            return
        if tag == "span" or tag in {"b", "strong"} and _NOT_BOLD.search(style) or tag == "u" and self.links:
            closers = []
            if _BOLD.search(style) and not self.in_headings:
                self.out.append("<strong>")
                closers.insert(0, "</strong>")
            if _ITALIC.search(style):
                self.out.append("<em>")
                closers.insert(0, "</em>")
            if _UNDERLINE.search(style) and not self.links:
                self.out.append("<u>")
                closers.insert(0, "</u>")
            if tag not in VOID_TAGS:
                self.stack.append((tag, closers))
            return
        indented = _INDENT.search(style) and not self.inside("li", "td", "th")
        if tag == "p" and (classes & _WORD_QUOTE_CLASSES or indented):
            self.out.append("<blockquote><p>")
            self.stack.append((tag, ["</p>", "</blockquote>"]))
            return
        if tag in HEADINGS:
            tag = self.headings.get(tag, tag)
            self.in_headings += 1
        else:
            tag = RENAMED_TAGS.get(tag, tag)
        self.links += tag == "a"
        rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID_TAGS:
            self.stack.append((tag, [f"</{tag}>"]))

    def start_word_list_item(self, level):
        """A Word list paragraph: an item of the list at its level, opened or closed as the levels go."""
        while self.lists and self.lists[-1][0] > level:
            self.close_word_list()
        if self.lists and self.lists[-1][0] == level:
            self.out.append("</li>")
        else:
            self.lists.append([level, None, len(self.out)])
            self.out.append("")  # The list's opening tag, once its marker says which kind it is.
        self.out.append("<li>")
        self.stack.append(("p", []))  # The item stays open after its paragraph: a deeper list may follow.

    def close_word_list(self):
        _level, kind, index = self.lists.pop()
        kind = kind or "ul"
        self.out[index] = f"<{kind}>"
        self.out.append(f"</li></{kind}>")

    def end_word_lists(self):
        while self.lists:
            self.close_word_list()

    def unknown_decl(self, data):
        # Word's <![if !supportLists]>1.<![endif]>: the marker says bullets or numbers, then goes.
        if data.strip().lower().startswith("if") and "supportlists" in data.lower():
            self.marker = ""
        elif data.strip().lower() == "endif" and self.marker is not None:
            if self.lists and self.lists[-1][1] is None:
                self.lists[-1][1] = "ol" if _NUMBERED_MARKER.match(unescape(self.marker).strip()) else "ul"
            self.marker = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.lists and tag in {"div", "td", "th", "blockquote", "body", "html", "li"}:
            self.end_word_lists()
        if tag in HEADINGS:
            tag = self.headings.get(tag, tag)
        elif tag not in {"b", "span"}:
            tag = RENAMED_TAGS.get(tag, tag)
        for depth in range(len(self.stack) - 1, -1, -1):
            opened, _closers = self.stack[depth]
            if RENAMED_TAGS.get(opened, opened) == RENAMED_TAGS.get(tag, tag) or opened == tag:
                self.close_from(depth)
                return

    def close_from(self, depth):
        for opened, closers in reversed(self.stack[depth:]):
            self.out.extend(closers)
            self.links -= opened == "a"
            self.in_headings -= opened in HEADINGS
        del self.stack[depth:]

    def write(self, text):
        if self.marker is None:
            self.out.append(text)
        else:
            self.marker += text

    def handle_data(self, data):
        self.write(data)

    def handle_entityref(self, name):
        self.write(f"&{name};")

    def handle_charref(self, name):
        self.write(f"&#{name};")

    def result(self):
        self.close_from(0)
        self.end_word_lists()
        return "".join(self.out)


class _Structure(HTMLParser):
    """Rewrites the structure of nh3's (well-formed) output: a first row of header cells, or of cells that
    are bold throughout, becomes the table's <thead>, its cells <th scope="col">; a list written directly
    inside a list (Google Docs' nesting) moves into the item before it; the lone paragraph of a cell or
    list item (before its sublists) is unwrapped; a line break ending the text (Google Docs' last) goes."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = self.node = {"tag": None, "attrs": "", "children": []}

    def handle_starttag(self, tag, attrs):
        rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
        child = {"tag": tag, "attrs": rendered, "children": [], "parent": self.node}
        self.node["children"].append(child)
        if tag not in VOID_TAGS:
            self.node = child

    def handle_endtag(self, tag):
        if self.node["tag"] == tag:
            self.node = self.node["parent"]

    def handle_data(self, data):
        self.node["children"].append(data)

    def handle_entityref(self, name):
        self.node["children"].append(f"&{name};")

    def handle_charref(self, name):
        self.node["children"].append(f"&#{name};")

    def result(self):
        children = self.root["children"]
        while children and (
            isinstance(children[-1], str) and not children[-1].strip() or self.is_tag(children[-1], "br")
        ):
            children.pop()
        return "".join(self.render(child) for child in children)

    @staticmethod
    def is_tag(node, *tags):
        return not isinstance(node, str) and node["tag"] in tags

    def render(self, node):
        if isinstance(node, str):
            return node
        if node["tag"] in ("table", "thead", "tbody", "tr", "ul", "ol"):
            # Whitespace between rows, cells and items is no content (an editor would make empty cells of it).
            node["children"] = [child for child in node["children"] if not isinstance(child, str) or child.strip()]
        if node["tag"] == "table":
            self.rework(node)
        if node["tag"] in ("ul", "ol"):
            self.nest_lists(node)
        if node["tag"] in ("td", "th", "li"):
            elements = [child for child in node["children"] if not isinstance(child, str) or child.strip()]
            if len(elements) == 1 and self.is_tag(elements[0], "p"):
                node["children"] = elements[0]["children"]
            elif elements and self.is_tag(elements[0], "p") and all(self.is_tag(e, "ul", "ol") for e in elements[1:]):
                node["children"] = [*elements[0]["children"], *elements[1:]]  # An item's text, then its sublist.
            if node["children"] and isinstance(node["children"][0], str):
                node["children"][0] = node["children"][0].lstrip()
            if node["children"] and isinstance(node["children"][-1], str):
                node["children"][-1] = node["children"][-1].rstrip()
        inner = "".join(self.render(child) for child in node["children"])
        if node["tag"] in VOID_TAGS:
            return f"<{node['tag']}{node['attrs']}>"
        return f"<{node['tag']}{node['attrs']}>{inner}</{node['tag']}>"

    def nest_lists(self, node):
        kept = []
        for child in node["children"]:
            items = [kept_child for kept_child in kept if self.is_tag(kept_child, "li")]
            if self.is_tag(child, "ul", "ol") and items:
                items[-1]["children"].append(child)
            else:
                kept.append(child)
        node["children"] = kept

    @staticmethod
    def elements(node, *tags):
        return [child for child in node["children"] if not isinstance(child, str) and child["tag"] in tags]

    def rework(self, table):
        if self.elements(table, "thead"):
            return
        bodies = self.elements(table, "tbody")
        rows = self.elements(bodies[0], "tr") if bodies else []
        if len(rows) < 2:
            return
        cells = self.elements(rows[0], "td", "th")
        if not cells or not all(cell["tag"] == "th" or self.bold_throughout(cell) for cell in cells):
            return
        for cell in cells:
            cell["tag"] = "th"
            cell["attrs"] = re.sub(r' scope="[^"]*"', "", cell["attrs"]) + ' scope="col"'
            if self.bold_throughout(cell):
                cell["children"] = self.unbolded(cell)
        bodies[0]["children"].remove(rows[0])
        head = {"tag": "thead", "attrs": "", "children": [rows[0]], "parent": table}
        table["children"].insert(table["children"].index(bodies[0]), head)

    def bold_throughout(self, cell):
        """The cell's text is all inside <strong> (directly, or in its paragraphs)."""
        content = [child for child in cell["children"] if not isinstance(child, str) or child.strip()]
        if len(content) == 1 and not isinstance(content[0], str) and content[0]["tag"] == "p":
            return self.bold_throughout(content[0])
        return bool(content) and all(not isinstance(child, str) and child["tag"] == "strong" for child in content)

    def unbolded(self, cell):
        content = [child for child in cell["children"] if not isinstance(child, str) or child.strip()]
        if len(content) == 1 and content[0]["tag"] == "p":
            content = [child for child in content[0]["children"] if not isinstance(child, str) or child.strip()]
        return [grandchild for strong in content for grandchild in strong["children"]]


# Bidirectional overrides and isolates, zero-width and other invisible format characters, and C0/C1
# controls but tab and newline: they can reorder or hide what a reader sees ("Trojan source").
_CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def strip_control_characters(text):
    """``text`` without invisible control and direction-override characters."""
    return _CONTROL_CHARACTERS.sub("", text) if text else text


def sanitize_html(html):
    """Return ``html`` reduced to the allowed tags, attributes and link schemes (see the module's rules)."""
    if not html:
        return ""
    return _sanitized(str(html))


@functools.lru_cache(maxsize=2048)
def _sanitized(html):
    """The work of ``sanitize_html``, remembered: a release's body passes it on every layer that must trust it
    (the reader, the form field, the save), and an import does that for thousands of bodies."""
    html = _WORD_CONDITIONAL.sub("", html)
    parser = _StyleToTags(SHIFTED_HEADINGS if _H1.search(html) else RENAMED_TAGS)
    parser.feed(html)
    parser.close()
    cleaned = _LINK_WITHOUT_HREF.sub(r"\1", _cleaner.clean(parser.result()))
    structure = _Structure()
    structure.feed(cleaned)
    structure.close()
    cleaned = structure.result()
    for pattern in (_EMPTY_INLINE, _EMPTY_BLOCK, _ADJACENT_QUOTES):
        previous = None
        while previous != cleaned:
            previous, cleaned = cleaned, pattern.sub("", cleaned)
    return cleaned.strip()


def html_to_text(html):
    """Rich text as plain text: paragraphs (and line breaks) separated by blank lines, entities decoded."""
    text = unescape(strip_tags(_BLOCK_END.sub("\n\n", html or "")))
    return _BLANK_LINES.sub("\n\n", text).strip()
