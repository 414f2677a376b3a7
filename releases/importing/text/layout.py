"""The labelled lines of a release layout: timing, kind, datelines, sections, boilerplate, signers, tags.

Each ``match_…`` function reads one line of plain text and returns what it means, or None.
"""

import re
from dataclasses import dataclass

from ...models import Release
from .dates import FoundDate, FoundTime, find_date, find_time

Kind = Release.Kind

_TIMING = re.compile(
    r"^(?P<timing>(?:for\s+)?immediate\s+release|para\s+(?:su\s+)?(?:difusión|publicación|divulgación)\s+inmediata"
    r"|(?:embargoed|under\s+embargo|embargo)\s+(?:until|till|to|for)\b.*|(?:embargad[oa]|bajo\s+embargo)\s+hasta\b.*"
    r"|for\s+release\s+(?:on|at)\b.*)\b[\s:|–—.-]*(?P<rest>.*)$",
    re.I,
)
_KIND = re.compile(
    r"^(?P<label>joint\s+(?:press\s+)?statement|declaración\s+conjunta|comunicado\s+conjunto|pronunciamiento\s+conjunto"
    r"|(?:media|press)\s+advisory|advisory|aviso\s+(?:de\s+prensa|a\s+(?:los\s+)?medios)"
    r"|convocatoria\s+(?:de\s+prensa|a\s+(?:los\s+)?medios)"
    r"|(?:press\s+)?statement|declaración|pronunciamiento|posicionamiento"
    r"|(?:press|news)\s+release|comunicado(?:\s+de\s+prensa)?|nota\s+de\s+prensa|boletín(?:\s+de\s+prensa)?)"
    r"(?:\s*$|\s*[:|–—-]\s*(?P<rest>.*)$)",
    re.I,
)
_HEADLINE_KIND = re.compile(
    r"\b(?:joint\s+statement|statement)\b|^(?:declaración\s+conjunta|declaración|pronunciamiento)\b", re.I
)
_DATE_LABEL = re.compile(r"^\s*(?:date|dated|released|fecha|publicado)\s*:?", re.I)
_UPPER = "A-ZÁÉÍÓÚÑÜ"
_PLACE = rf"[{_UPPER}][\w.'’-]*(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)*[{_UPPER}][\w.'’-]*){{0,3}}"
_CITY = re.compile(rf"(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z]{{2}}|[A-Z]\.\s?[A-Z]\.|{_PLACE}))?")
_DASH = re.compile(r"\s*[–—]+\s*|\s+-{1,2}\s+|\s*--\s*|\.[-–—]\s*")
_DATELINE_REACH = 90
_SECTION = re.compile(
    r"^(?P<label>what|who|when|where|why|visuals?|rsvp|qué|que|quién(?:es)?|quien(?:es)?|cuándo|cuando|dónde|donde"
    r"|por\s+qu[ée])\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
_ABOUT = re.compile(
    r"^(?P<heading>(?:about|acerca\s+de|sobre)\s+(?:(?:the|la|el|los|las)\s+)?(?P<subject>[^\W\d_](?:[^.:!?]|\.(?=\S)){0,79}?))"
    r"\s*(?:[:–—]\s*(?P<rest>.*))?$",
    re.I,
)
_SIGNERS = re.compile(
    r"^(?:signed\s+by|signatories|signers|co-?signed\s+by|endorsed\s+by|signing\s+organizations|firmantes|firman"
    r"|organizaciones\s+firmantes|suscriben|firmado\s+por)"
    r"(?:\s+(?:the\s+following(?:\s+organizations)?|las\s+siguientes\s+organizaciones))?\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
_TAGS = re.compile(r"^(?:tags|etiquetas|tagged(?:\s+with)?)\s*:\s*(?P<tags>.*)$", re.I)
_ORGANIZATION_DESCRIPTION = re.compile(
    r"^(?:(?:Founded|Established|Fundad[oa]|Cread[oa])\s+(?:in|en)\s+\d{4},\s+)?"
    rf"(?:(?:The|La|El|Los|Las)\s+)?[{_UPPER}0-9][\w&.'’-]*"
    rf"(?:\s+(?:(?:of|for|and|the|on|in|de|del|la|las|los|para|y|en|&)\s+)*[{_UPPER}0-9(][\w&.'’()-]*){{0,9}},?"
    r"\s+(?:is|are|was|es|son|fue)\s+(?:the|a|an|one\s+of|la|el|una|un|uno\s+de|una\s+de)\s"
)
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]?\s+[“\"¿¡]?[A-ZÁÉÍÓÚÑ]")
PARAGRAPH_LENGTH = 300


@dataclass
class Timing:
    timing: str
    rest: str
    embargo_date: FoundDate | None = None
    embargo_time: FoundTime | None = None


def match_timing(text):
    if not (match := _TIMING.match(text)):
        return None
    timing = match["timing"].strip(" :|–—-")
    found = Timing(timing, match["rest"])
    if re.match(r"(?:embarg|under|bajo|for\s+release)", timing, re.I):
        found.embargo_date, found.embargo_time = find_date(timing), find_time(timing)
    return found


def match_kind(text):
    """(kind, rest of the line) for a label line such as "MEDIA ADVISORY" or "Declaración: …"."""
    if not (match := _KIND.match(text)):
        return None
    label = match["label"].lower()
    if re.search(r"joint|conjunt", label):
        kind = Kind.JOINT_STATEMENT
    elif re.search(r"advisory|aviso|convocatoria", label):
        kind = Kind.MEDIA_ADVISORY
    elif re.search(r"statement|declaración|pronunciamiento|posicionamiento", label):
        kind = Kind.STATEMENT
    else:
        kind = Kind.PRESS_RELEASE
    return kind, (match["rest"] or "").strip()


def kind_of_headline(headline):
    """A headline with "statement" in it, or opening with "Declaración", names its kind."""
    if match := _HEADLINE_KIND.search(headline):
        return Kind.JOINT_STATEMENT if re.search(r"joint|conjunta", match.group(), re.I) else Kind.STATEMENT
    return None


def _blank(text, start, end):
    return text[:start] + " " * (end - start) + text[end:]


@dataclass
class DateLine:
    date: FoundDate
    time: FoundTime | None
    city: str


def match_date_line(text):
    """A line that is only a date, maybe with a weekday, a time, a "Date:" label or a city before it."""
    if not (found := find_date(text)):
        return None
    rest = _blank(text, found.start, found.end)
    clock = find_time(rest)
    if clock:
        rest = _blank(rest, clock.start, clock.end)
    before, after = rest[: found.start], rest[found.end :]
    strip = " ,.:;|–—-()"
    if after.strip(strip):
        return None
    city = _DATE_LABEL.sub("", before).strip(strip)
    if city and not _CITY.fullmatch(city):
        return None
    return DateLine(found, clock, city)


@dataclass
class Dateline:
    city: str
    date: FoundDate | None
    length: int
    """How many characters of the paragraph the dateline takes, dash and spaces included."""


def match_dateline(text):
    """ "CHICAGO –", "Chicago, IL -", "LOS ANGELES, June 10, 2022 —", "WASHINGTON, D.C. —" or
    "San Salvador, 15 de septiembre de 2022.-" opening a paragraph.

    A place in title case needs a region or a date after it, so "Today – …" is not a dateline.
    """
    dash = _DASH.search(text, 0, _DATELINE_REACH)
    if not dash or dash.start() == 0 or dash.end() == len(text):
        return None
    prefix = text[: dash.start()]
    found = find_date(prefix)
    if found and not prefix[found.end :].strip(" ,()"):
        city = prefix[: found.start].strip(" ,(")
    else:
        city, found = prefix.strip(), None
    place = _CITY.fullmatch(city)
    if not place or not (city.upper() == city or place["region"] or found):
        return None
    return Dateline(city, found, dash.end())


def match_section(text):
    """(label, rest) for a media-advisory section line: "WHAT: …", "Cuándo:", or "WHERE" alone in capitals."""
    match = _SECTION.match(text)
    if not match or (match["rest"] is None and not match["label"].isupper()):
        return None
    return match["label"], (match["rest"] or "").strip()


def match_about(text):
    """(heading, rest) for "About Alianza Americas", "Acerca de la Red:" or "About X: X is …"."""
    match = _ABOUT.match(text)
    if not match or not (match["subject"][0].isupper() or match["subject"].lower() in {"us", "nosotros", "nosotras"}):
        return None
    return match["heading"].strip(), (match["rest"] or "").strip()


def match_signers(text):
    """The rest of a "Signed by:" / "Firmantes:" line ("" when the names follow on their own lines)."""
    match = _SIGNERS.match(text)
    return None if match is None else (match["rest"] or "").strip()


def match_tags(text):
    if match := _TAGS.match(text):
        return [tag.strip(" .#") for tag in re.split(r"[,;]", match["tags"]) if tag.strip(" .#")]
    return None


def describes_organization(text):
    """The opening of an "About" paragraph without its heading: "Alianza Americas is the premier …"."""
    return bool(_ORGANIZATION_DESCRIPTION.match(text))


def reads_like_paragraph(text):
    """Longer than a subheadline, or more than one sentence."""
    return len(text) > PARAGRAPH_LENGTH or bool(_SENTENCE_BREAK.search(text))
