"""Reading a press release written as plain text, Markdown or HTML (see ``reader`` for the layouts).

``parse_release`` turns a file's text into a ``ParsedRelease`` without touching the database.
"""

from .parsed import ParsedContact, ParsedRelease, ParsedSpokesperson, ReleaseParseError
from .reader import parse_release

__all__ = ["ParsedContact", "ParsedRelease", "ParsedSpokesperson", "ReleaseParseError", "parse_release"]
