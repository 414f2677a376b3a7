"""Body and boilerplate HTML from the blocks the reader kept: <p>, <h2>/<h3> and <ul>, then sanitize_html.

Every line's HTML is escaped text or sanitized markup (see ``lines``), and the whole result
goes through ``sanitize_html`` once more, so it is exactly what the model stores.
"""

import re

from django.utils.html import escape, format_html, mark_safe

from ...sanitizing import sanitize_html

WRAPPED_LINE_LENGTH = 60
HIDDEN_EMAIL_HTML = re.compile(r"\s*(?:<a\b[^>]*>\s*)?\[\s*email(?:\s|&nbsp;|&#160;)*protected\s*\](?:\s*</a>)?", re.I)
_HTML_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|.", re.S)


def settle_breaks(block):
    """Keep a plain-text block's line breaks unless it is hard-wrapped prose (every line but the last long)."""
    wrapped = all(len(line.text) >= WRAPPED_LINE_LENGTH for line in block[:-1])
    for line in block:
        if line.hard_break is None:
            line.hard_break = not wrapped
    return block


def drop_text_prefix(html, prefix):
    """``html`` without the visible characters of ``prefix`` at its start; tags stay for sanitize_html to tidy."""
    remaining = len(re.sub(r"\s", "", prefix))
    kept = []
    for token in _HTML_TOKEN.finditer(html):
        piece = token.group()
        if piece.startswith("<") and len(piece) > 1:
            kept.append(piece)
        elif not (piece.isspace() or piece == "&nbsp;"):
            if remaining <= 0:
                return "".join(kept) + html[token.start() :]
            remaining -= 1
    return "".join(kept)


def _element(tag, inner_html):
    # inner_html is built from escaped text and sanitized markup; sanitize_html checks the whole result again.
    return format_html("<{}>{}</{}>", tag, mark_safe(inner_html), tag)  # nosec B308 B703


def _inline(lines):
    parts = []
    for position, line in enumerate(lines):
        parts.append(HIDDEN_EMAIL_HTML.sub("", line.html))
        if position < len(lines) - 1 and not line.glued:
            parts.append("<br>" if line.hard_break else " ")
    return "".join(parts)


def render(items):
    """HTML for ``items``: ("p", lines), ("ul", lines) or ("h2"/"h3", heading text)."""
    parts = []
    for tag, content in items:
        if tag == "ul":
            parts.append(_element("ul", "".join(_element("li", _inline([line])) for line in content)))
        elif tag == "p":
            parts.append(_element("p", _inline(content)))
        else:
            parts.append(_element(tag, escape(content)))
    return sanitize_html("".join(parts))
