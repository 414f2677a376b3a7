"""Media-contact lines in the shapes coalitions print them, before or after the body.

A contact block starts at a label ("Media contact:", "Press contacts:", "For further information:",
"Contact person:", "Contacto de prensa:", "En español:", "For Spanish-language interviews:" — any
short label ending in a colon before a name and a phone or email) or at an unlabelled line that
carries a name and a way to reach them ("Name | phone | email", "Name, org, phone, email",
"Name · phone · email"). One line may hold a whole contact, several separated by ";", or one
piece of it, as in a block of name, role, phone and email lines. Text left beside the name is
the contact's role. The name loses courtesy titles ("Rev.", "Dr.") and notes in parentheses
("(Spanish)"); the first phone number counts. "[email protected]" is what a web page shows for a
Cloudflare-hidden address: it is no email.
"""

import re
from dataclasses import dataclass

from .parsed import ParsedContact

_KNOWN_LABEL = (
    r"(?:(?:media|press|news)\s+(?:inquiries\s+)?contacts?(?:\s+person)?|contacts?(?:\s+person)?|contact\s+information"
    r"|(?:media|press)\s+inquiries(?:\s+contacts?)?|for\s+(?:further|more)\s+information(?:\s+in\s+\w+)?(?:,?\s+(?:please"
    r"\s+)?contact)?|contactos?(?:\s+(?:de\s+prensa|para\s+(?:los\s+)?medios|de\s+medios))?|persona\s+de\s+contacto"
    r"|para\s+m[áa]s\s+informaci[óo]n(?:,?\s+contact(?:e|ar)(?:\s+a)?)?|informes|prensa"
    r"|for\s+\w+(?:-language)?\s+(?:interviews|media|inquiries)|(?:\w+-language|\w+)\s+media"
    r"|para\s+(?:entrevistas|medios)\s+en\s+\w+|en\s+(?:español|inglés|english|spanish)|in\s+(?:english|spanish)"
    r"|media)"
)
LABEL = re.compile(rf"^(?P<label>{_KNOWN_LABEL})\s*(?::\s*(?P<rest>.*))?$", re.I)
_ANY_LABEL = re.compile(r"^(?P<label>[^\W\d][^:|@]{1,40}?)\s*:\s*(?P<rest>\S.*)$")
EMAIL = re.compile(r"(?:mailto:)?(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
HIDDEN_EMAIL = re.compile(r"\[\s*email\s*protected\s*\]", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+\s?)?\(?\d[\d\s().-]{5,}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\w])", re.I)
_FIELD_LABELS = re.compile(
    r"\b(?:tel|phone|cell|mobile|office|fax|e-?mail|correo(?:\s+electrónico)?|tel[eé]fono|cel(?:ular)?|whatsapp"
    r"|m[óo]vil|oficina)\b\.?\s*:?",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:\||·|•|\s[-–—]\s|[–—]|[,;/:])\s*")
_NOTE = re.compile(r"\s*\((?=[^)]*[^\d\s().+-])[^)]*\)")
HONORIFIC = re.compile(
    r"^(?:(?:dr|dra|rev|mr|mrs|ms|mx|sr|sra|srta|lic|ing|prof|hon|fr|msgr|pbro)\.?\s+|(?:reverend|father|sister"
    r"|brother|pastor|rabbi|imam|fray|padre|hermana|madre|doctor|doctora)\s+)+",
    re.I,
)
POSTNOMINAL = re.compile(r",?\s+(?:RN|MD|PhD|Ph\.D\.|Esq\.?|MPH|LCSW|JD|Jr\.|Sr\.)(?=$|[,\s])")
MAX_NAME_WORDS = 6
MAX_CONTACT_LINE = 200


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
        digits = re.sub(r"\D", "", re.split(r"ext|x", match.group(), flags=re.I)[0])
        if 7 <= len(digits) <= 15:
            yield match


def clean_name(text):
    """A person's name as it goes in the record: no courtesy title, post-nominal or note in parentheses."""
    text = _NOTE.sub("", text)
    text = POSTNOMINAL.sub("", text)
    return HONORIFIC.sub("", text.strip(" .,*")).strip(" .,*")


def read_line(text):
    """Split one line into name, role, phone and email."""
    line = ContactLine(hid_email=bool(HIDDEN_EMAIL.search(text)))
    rest = HIDDEN_EMAIL.sub(" ", text)
    if email := EMAIL.search(rest):
        line.email = email["address"]
        rest = rest[: email.start()] + " | " + rest[email.end() :]
    if phone := next(_phones(rest), None):
        line.phone = phone.group().strip(" .-")
        rest = rest[: phone.start()] + " | " + rest[phone.end() :]
        rest = PHONE.sub(" | ", rest)  # a second number is not the contact's
    rest = _NOTE.sub(" ", _FIELD_LABELS.sub(" | ", rest))
    pieces = [piece.strip(" .-–—*") for piece in _SEPARATORS.split(rest)]
    pieces = [piece for piece in pieces if piece]
    if pieces:
        line.name = clean_name(pieces[0])
        line.role = ", ".join(pieces[1:])
    return line


def looks_like_contact(text):
    """A short line carrying a phone number or an email address (hidden ones included), not a sentence."""
    if len(text) > MAX_CONTACT_LINE or re.search(r"[a-z]{3,}[.!?]\s+[A-Z]", text):
        return False
    return bool(EMAIL.search(text) or HIDDEN_EMAIL.search(text)) or any(_phones(text))


def looks_like_name(text):
    """A short line that could be a person's name or role: a few words, no sentence, no number."""
    text = _NOTE.sub("", text).strip()
    return (
        bool(text)
        and len(text.split()) <= MAX_NAME_WORDS
        and text[0].isalpha()
        and not re.search(r"[.!?]$", text.removesuffix(".").rstrip(".") if text.endswith("Jr.") else text)
        and not re.search(r"\d", text)
    )


def match_label(text):
    """(label, rest) for a contact label line, known ("Media contact:") or any short "Label: Name, phone"."""
    if match := LABEL.match(text):
        return match["label"], (match["rest"] or "").strip()
    match = _ANY_LABEL.match(text)
    if match and looks_like_contact(match["rest"]) and person_like(read_line(match["rest"]).name):
        return match["label"], match["rest"].strip()
    return None


class ContactList:
    """Collects contacts line by line: a line with a name and a way to reach them starts a contact,
    a name alone starts one (or is the role of a contact that has only a name so far), and a
    bare phone or email completes the contact being read."""

    def __init__(self):
        self.contacts = []
        self.hidden_email_lines = []
        self.numbers = []
        self._hidden = set()

    def hid_email(self, contact):
        """Whether the contact's email was a web page's hidden address."""
        return id(contact) in self._hidden

    def add(self, text, number, *, new_block=False):
        """Read one line; ``new_block``: it opens a block of its own, so a name there is a new contact."""
        parts = [part for part in text.split(";") if part.strip()]
        if len(parts) > 1 and all(looks_like_contact(part) for part in parts):
            for part in parts:
                self._add(part, number, new=True)
        elif not (text.rstrip().endswith(":") and not looks_like_contact(text)):
            self._add(text, number, new=new_block and _person_like(read_line(text).name))

    def _add(self, text, number, *, new=False):
        line = read_line(text)
        if line.hid_email:
            self.hidden_email_lines.append(number)
        self.numbers.append(number)
        current = None if new or not self.contacts else self.contacts[-1]
        complete = current is not None and (current.phone or current.email or id(current) in self._hidden)
        if not line.reaches:
            if not line.name:
                return
            if current is not None and not complete:
                if current.name:
                    current.role = ", ".join(filter(None, [current.role, text.strip()]))
                else:
                    current.name, current.role = line.name, line.role
                return
            self.contacts.append(ParsedContact(name=line.name, role=line.role))
            return
        if line.name and current is not None and not complete and current.name and not _person_like(line.name):
            # "Carmen Solís" and then "Communications, (202) 555-0171": her role and number.
            current.role = ", ".join(filter(None, [current.role, line.name, line.role]))
        elif line.name and (current is None or complete or current.name):
            current = ParsedContact(name=line.name, role=line.role)
            self.contacts.append(current)
        elif current is None or (line.phone and current.phone) or (line.email and current.email):
            current = ParsedContact(name=line.name, role=line.role)
            self.contacts.append(current)
        elif line.name:
            current.name, current.role = line.name, line.role
        current.phone = current.phone or line.phone
        current.email = current.email or line.email
        if line.hid_email:
            self._hidden.add(id(current))


_NOT_PERSON = re.compile(
    r"\b(?:office|oficina|press|prensa|communications?|comunicaci[óo]n|director|directora|manager|coordinator"
    r"|coordinadora?|secretar[íi]a|department|departamento|desk|media|medios|coalition|coalici[óo]n|alliance|alianza"
    r"|network|red|union|uni[óo]n|sindicato|local|center|centre|centro|council|consejo|project|proyecto|institute"
    r"|instituto|fund|foundation|fundaci[óo]n|association|asociaci[óo]n|federation|committee|comit[ée]|colectivo"
    r"|collaborative|observatorio|frente|organization|organizaci[óo]n|church|iglesia|news|noticias)\b",
    re.I,
)


def _person_like(name):
    """A name rather than a role or an office: two to five capitalized words."""
    words = name.split()
    if name.isupper():
        return False
    return (
        2 <= len(words) <= 5
        and all(word[:1].isupper() or word.lower() in _PARTICLES for word in words)
        and not (_NOT_PERSON.search(name))
    )


_PARTICLES = {"de", "del", "la", "las", "los", "y", "van", "von", "da", "dos", "di", "e"}


def person_like(name):
    return _person_like(clean_name(name))
