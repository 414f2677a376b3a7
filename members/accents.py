"""Accent-insensitive matching on PostgreSQL and SQLite alike: ``name__unaccent__icontains=...``.

Rules: "raices" finds "Raíces" and "migracion" finds "migración", in either case, on both databases.
PostgreSQL has ``unaccent()`` from its extension (created by migration releases 0002), which the
``unaccent`` lookup of ``django.contrib.postgres`` calls on both sides of the comparison; SQLite
gets a deterministic function of the same name on every new connection, so one lookup serves both.
SQLite's ``LIKE`` ignores the case of ASCII letters, which is what an unaccented text is made of.
"""

import unicodedata

from django.db import connections
from django.db.backends.signals import connection_created


class _Folding(dict):
    """Code point → the character without its accents (one character for one), worked out once per character."""

    def __missing__(self, code_point):
        character = chr(code_point)
        base = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
        self[code_point] = folded = base if len(base) == 1 else character
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """``text`` without its accents, one character for one: "Raíces" → "Raices", "año" → "ano"."""
    return text if text.isascii() else text.translate(_FOLDING)


def _unaccent(value):
    return None if value is None else fold(str(value))


def register_unaccent(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, _unaccent, deterministic=True)


def connect() -> None:
    """Give every SQLite connection ``UNACCENT()`` (called from the app's ``ready()``)."""
    connection_created.connect(register_unaccent, dispatch_uid="members-sqlite-unaccent")
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            register_unaccent(None, connection)
