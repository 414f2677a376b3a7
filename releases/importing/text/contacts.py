"""Media-contact lines in the shapes coalitions print them.

One line may carry a whole contact ("Name | phone | email", "Name: email",
"Ana Pérez - El Salvador +503 7803 8465") or one piece of it, as in a "CONTACT:" block of
name, role, phone and email lines. Text left beside the name becomes the contact's role.
"[email protected]" is what a web page shows for a Cloudflare-hidden address: it is dropped.
"""

import re
from dataclasses import dataclass

from .parsed import ParsedContact

LABEL = re.compile(
    r"^(?:(?:media|press|news)\s+(?:inquiries\s+)?contacts?(?:\s+person)?|contacts?(?:\s+person)?"
    r"|(?:media|press)\s+inquiries(?:\s+contacts?)?|for\s+more\s+information,?\s+(?:please\s+)?contact"
    r"|contactos?(?:\s+(?:de\s+prensa|para\s+(?:los\s+)?medios))?|persona\s+de\s+contacto"
    r"|para\s+más\s+información(?:,?\s+contact(?:e|ar)(?:\s+a)?)?)"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
EMAIL = re.compile(r"(?:mailto:)?(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
HIDDEN_EMAIL = re.compile(r"\[\s*email\s*protected\s*\]", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+\s?)?\(?\d[\d\s().-]{5,}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\w])", re.I)
_FIELD_LABELS = re.compile(
    r"\b(?:tel|phone|cell|mobile|e-?mail|correo(?:\s+electrónico)?|tel[eé]fono|cel(?:ular)?|whatsapp|móvil)\b"
    r"\.?\s*:?",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:\||\s[-–—]\s|[,;/:()])\s*")
_MAX_NAME_WORDS = 6


@dataclass
class ContactLine:
    """What one line says about a contact."""

    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    hid_email: bool = False

    @property
    def reaches(self):
        return bool(self.phone or self.email or self.hid_email)


def _phones(text):
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group().split("x")[0].split("ext")[0])
        if 7 <= len(digits) <= 15:
            yield match


def read_line(text):
    """Split one line into name, role, phone and email."""
    line = ContactLine(hid_email=bool(HIDDEN_EMAIL.search(text)))
    rest = HIDDEN_EMAIL.sub(" ", text)
    if email := EMAIL.search(rest):
        line.email = email["address"]
        rest = rest[: email.start()] + " " + rest[email.end() :]
    if phone := next(_phones(rest), None):
        line.phone = phone.group().strip(" .-")
        rest = rest[: phone.start()] + " | " + rest[phone.end() :]
    rest = _FIELD_LABELS.sub(" ", rest)
    pieces = [piece.strip(" .-–—") for piece in _SEPARATORS.split(rest)]
    pieces = [piece for piece in pieces if piece]
    if pieces:
        line.name = pieces[0]
        line.role = ", ".join(pieces[1:])
    return line


def looks_like_contact(text):
    """A short line carrying a phone number or an email address (hidden ones included)."""
    return len(text) <= 120 and (bool(EMAIL.search(text) or HIDDEN_EMAIL.search(text)) or any(_phones(text)))


def looks_like_name(text):
    return bool(text) and len(text.split()) <= _MAX_NAME_WORDS and text[0].isalpha() and not text.endswith(".")


class ContactList:
    """Collects contacts line by line: a line with a name and a way to reach them starts a contact,
    a name alone starts one (or is the role of a contact that has only a name so far), and a
    bare phone or email completes the contact being read."""

    def __init__(self):
        self.contacts = []
        self.hidden_email_lines = []

    def add(self, text, number):
        line = read_line(text)
        if line.hid_email:
            self.hidden_email_lines.append(number)
        current = self.contacts[-1] if self.contacts else None
        if line.name and current and not current.phone and not current.email and not line.reaches and not current.role:
            current.role = text
            return
        if line.name or current is None:
            current = ParsedContact(name=line.name, role=line.role)
            self.contacts.append(current)
        elif (line.phone and current.phone) or (line.email and current.email):
            current = ParsedContact(name="")
            self.contacts.append(current)
        current.phone = current.phone or line.phone
        current.email = current.email or line.email
