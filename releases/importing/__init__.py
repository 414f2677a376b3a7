"""Importers that turn press releases written elsewhere into rows of the press room.

``parse_release`` reads a .txt, .md or .html release into a ``ParsedRelease`` without touching
the database; see ``releases.importing.text`` for the layouts it understands.
"""

from .parsed import ParsedContact, ParsedRelease, ParsedSpokesperson, ReleaseParseError
from .text import parse_release

__all__ = ["ParsedContact", "ParsedRelease", "ParsedSpokesperson", "ReleaseParseError", "parse_release"]
