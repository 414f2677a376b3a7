"""What the text importer reads out of a release file: plain data, never database rows."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _


class ReleaseParseError(ValueError):
    """The file cannot be read as a release; ``line`` is the 1-based line the reader stopped at."""

    def __init__(self, message, *, line):
        super().__init__(message)
        self.message = str(message)
        self.line = line

    def __str__(self):
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}

    def __reduce__(self):
        # Read in another process (``file_importer``'s parsers), it comes back whole.
        return _rebuilt, (type(self), self.message, self.line)


def _rebuilt(cls, message, line):
    return cls(message, line=line)


@dataclass
class ParsedContact:
    """A media contact as printed; ``role`` is whatever follows the name ("Communications", "El Salvador")."""

    name: str
    phone: str = ""
    email: str = ""
    role: str = ""


@dataclass
class ParsedSpokesperson:
    """A person quoted in the body, from an attribution such as "…,” said Ana Ruiz, director of X."""

    name: str
    title: str = ""
    organization: str = ""


@dataclass
class ParsedRelease:
    """A release as a person reading the file would fill in the form.

    ``kind`` and ``language`` hold ``Release.Kind`` and ``Language`` values. ``released_at`` is set
    (timezone-aware) only when the file gives a time, e.g. an embargo; ``released_on`` is None only
    when the file has no date of its own.
    ``body_html`` and ``boilerplate_html`` have already been through ``sanitize_html``.
    """

    kind: str
    language: str
    headline: str
    released_on: date | None
    timing: str = ""
    subheadline: str = ""
    released_at: datetime | None = None
    dateline: str = ""
    contacts: list[ParsedContact] = field(default_factory=list)
    spokespeople: list[ParsedSpokesperson] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    body_html: str = ""
    boilerplate_html: str = ""
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    time_zone: str = ""
    """The zone the file names for the release time ("America/New_York"), or "" for the site's own."""
    uncertain: list[str] = field(default_factory=list)
    """Guesses an editor should check (no date found, two possible headlines): the release stays a draft."""
    origins: dict = field(default_factory=dict)
    """The line each field was read from, by field name, for the dry run."""
