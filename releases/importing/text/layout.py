"""The labelled lines of a release layout: timing, kind, dates, datelines, sections, boilerplate, signers, tags.

Each ``match_…`` function reads one line of plain text and returns what it means, or None.
"""

import re
from dataclasses import dataclass

from ...models import Release
from .dates import FoundDate, FoundTime, find_date, find_numeric_date, find_time

Kind = Release.Kind

_TIMING = re.compile(
    r"^(?P<timing>(?:for\s+)?immediate\s+release|para\s+(?:su\s+)?(?:difusi[óo]n|publicaci[óo]n|divulgaci[óo]n"
    r"|distribuci[óo]n)\s+inmediata|(?:hold\s+for\s+release|embargoed|under\s+embargo)(?:\s+(?:until|till|to|for))?"
    r"|embargo(?=\s*:)|(?:embargad[oa]|bajo\s+embargo)(?:\s+hasta)?|for\s+release(?:\s+(?:on|at))?(?=\s*:|\s+\w+\.?\s+\d)"
    r"|release\s+date(?=\s*:))\b[\s:|–—·.-]*(?P<rest>.*)$",
    re.I,
)
_EMBARGO = re.compile(r"^(?:embarg|under|bajo|hold|for\s+release|release\s+date)", re.I)
_KIND_LABEL = (
    r"joint\s+(?:press\s+)?statement|declaraci[óo]n\s+conjunta|comunicado\s+conjunto|pronunciamiento\s+conjunto"
    r"|(?:media|press)\s+advisory|advisory|aviso\s+(?:de\s+prensa|a\s+(?:los\s+)?medios)|convocatoria\s+(?:de\s+prensa"
    r"|a\s+(?:los\s+)?medios)|(?:press\s+)?statement|declaraci[óo]n|pronunciamiento|posicionamiento"
    r"|(?:press|news)\s+release|comunicado(?:\s+de\s+prensa)?|nota\s+de\s+prensa|bolet[íi]n(?:\s+de\s+prensa)?"
)
_KIND = re.compile(
    rf"^[*\s]*(?P<label>{_KIND_LABEL})[*\s]*(?:$|\s*(?P<sep>[:|–—·-])\s*(?P<rest>.*)$|\s+(?P<number>(?:n[o.º°]?\s*)?\d+"
    r"(?:\s*/\s*\d+)?)$)",
    re.I,
)
_HEADLINE_KIND = re.compile(
    r"\b(?:joint\s+statement|statement)\b|^(?:declaraci[óo]n\s+conjunta|declaraci[óo]n|pronunciamiento)\b"
    r"|^(?:media\s+advisory|aviso\s+a\s+(?:los\s+)?medios)\b",
    re.I,
)
_DATE_LABEL = re.compile(r"^\s*(?:date|dated|released|fecha|publicado)\s*:?", re.I)
_SOURCE_SUFFIX = re.compile(r"\s*[|·]\s*(?:source|fuente)\s*:.*$", re.I)
UPPER = "A-ZÁÉÍÓÚÑÜ"
LOWER = "a-záéíóúñü"
_WORD = rf"[{UPPER}][{UPPER}{LOWER}]*(?:['’.-][{UPPER}{LOWER}]+)*\.?"
_CONNECTOR = r"(?:de|del|la|las|los|el|y|DE|DEL|LA|LAS|LOS|EL|Y)"
_PLACE = rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_WORD}){{0,3}}"
_CITY = re.compile(rf"(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z]{{2}}|[A-Z]\.\s?[A-Z]\.|{_PLACE}))?")
_REGION = re.compile(
    rf",\s*(?P<region>(?:[A-Z]\.\s?){{2,3}}|[{UPPER}][{LOWER}]{{1,4}}\.|[{UPPER}]{{3,}}(?:\s+[{UPPER}]{{2,}})?(?![{LOWER}])"
    rf"|[A-Z]{{2}}(?![\w])|[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+)?)"
)
_PLACE_START = re.compile(_PLACE)
_ABBREVIATION = re.compile(rf"(?:[A-Z]\.\s?){{2,3}}|[{UPPER}][{LOWER}]{{1,4}}\.")
_WIRE = re.compile(
    r"\s*(?:--+|[–—])?\s*(?:/[A-Za-z][\w .&-]{1,40}/|\((?:[A-Za-z][\w .&'-]{0,40}\s)?(?:wire|newswire|ap|reuters|efe"
    r"|afp|ips|prensa\s+latina)\)|\((?:business|globe|marketwired|accesswire)\s+\w+\))",
    re.I,
)
_DATELINE_DASH = re.compile(r"\s*(?:--+|[–—]+|\.[-–—]|-(?=\s))\s*")
_DATELINE_REACH = 110
_SECTION = re.compile(
    r"^(?P<label>what|who|when|where|why|visuals?|rsvp|livestream|live\s+stream|parking|interviews|qu[ée]|qui[ée]n(?:es)?"
    r"|cu[áa]ndo|d[óo]nde|por\s+qu[ée]|visuales|transmisi[óo]n\s+en\s+vivo|estacionamiento|entrevistas)"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
_ABOUT = re.compile(
    r"^(?P<heading>(?:about|acerca\s+del?|sobre)\s+(?:(?:the|la|el|los|las)\s+)?(?P<subject>[^\W\d_](?:[^.:!?]|\.(?=\S))"
    r"{0,79}?))\s*(?:[:–—]\s*(?P<rest>.*))?$",
    re.I,
)
_SIGNERS = re.compile(
    r"^(?:signed\s+by|signed|signatories|signers|co-?signed\s+by|endorsed\s+by|signing\s+organizations|firmantes|firman"
    r"|(?:las\s+)?organizaciones\s+firmantes|suscriben|firmado\s+por|firmada\s+por)"
    r"(?:\s+(?:the\s+following(?:\s+organizations)?|las\s+siguientes\s+organizaciones))?\s*(?:[,:]\s*(?P<rest>.*))?$",
    re.I,
)
_TAGS = re.compile(r"^(?:tags|etiquetas|tagged(?:\s+with)?)\s*:\s*(?P<tags>.*)$", re.I)
_ORGANIZATION_SUBJECT = (
    r"(?:(?:Founded|Established|Fundad[oa]|Cread[oa])\s+(?:in|en)\s+\d{4},\s+)?"
    rf"(?P<subject>(?:(?:The|La|El|Los|Las)\s+)?[{UPPER}0-9][\w&.'’-]*"
    rf"(?:,?\s+(?:(?:of|for|and|the|on|in|de|del|la|las|los|para|y|en|por|al|&)\s+)*[{UPPER}0-9(][\w&.'’()-]*){{0,11}})"
)
_ORGANIZATION_DESCRIPTION = re.compile(
    rf"^{_ORGANIZATION_SUBJECT},?\s+(?:is|are|was|es|son|fue)\s+(?:the|a|an|one\s+of|la|el|una|un|uno\s+de|una\s+de)\s"
)
_ORGANIZATION_DESCRIPTION_AFTER_END = re.compile(
    rf"^{_ORGANIZATION_SUBJECT},?\s+(?:is|are|was|es|son|fue|represents|brings\s+together|unites|organizes|works|has"
    r"|serves|helps|agrupa|re[úu]ne|representa|trabaja|organiza|acompaña|defiende|promueve)\s"
)
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Za-z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bvs)(?<!\bNo)(?<!\bMrs)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<!\bSra)(?<!\bDra)(?<!\bLic)(?<!\bInc)(?<!\bJr)(?<!\bSr)(?<!\bAv)(?<!\bCol)(?<!\bTel)(?<!\bRev)(?<!\bFr)"
    r"(?<!\bProf)(?<!\bHon)(?<!\bGen)(?<!\bCapt)(?<!\bMt)(?<!\bFt)(?<!\bMsgr)(?<!\bPbro)(?<!\bIng)(?<!\bSrta)(?<!\bMtra)"
    r"[.!?][”\"’)]?\s+[“\"¿¡]?[A-ZÁÉÍÓÚÑ]"
)
PARAGRAPH_LENGTH = 300


@dataclass
class Timing:
    timing: str
    rest: str
    embargo_date: FoundDate | None = None
    embargo_time: FoundTime | None = None


def match_timing(text):
    """The release-timing line: its label as printed ("EMBARGOED UNTIL") and, for an embargo, its moment."""
    if not (match := _TIMING.match(text.strip("* "))):
        return None
    timing = " ".join(match["timing"].strip(" :|–—-").split())
    found = Timing(timing, match["rest"].strip(" *"))
    if _EMBARGO.match(timing):
        found.embargo_date, found.embargo_time = find_date(found.rest), find_time(found.rest)
    return found


def _kind_of_label(label):
    label = label.lower()
    if re.search(r"joint|conjunt", label):
        return Kind.JOINT_STATEMENT
    if re.search(r"advisory|aviso|convocatoria", label):
        return Kind.MEDIA_ADVISORY
    if re.search(r"statement|declaraci|pronunciamiento|posicionamiento", label):
        return Kind.STATEMENT
    return Kind.PRESS_RELEASE


def match_kind(text):
    """(kind, rest of the line) for a label line such as "MEDIA ADVISORY", "Comunicado 14/2024" or
    "STATEMENT | April 17, 2023"; the rest is "" when the line is only labels and numbers."""
    if not (match := _KIND.match(text.strip())):
        return None
    kind, rest = _kind_of_label(match["label"]), (match["rest"] or "").strip(" *")
    if rest and (other := _KIND.match(rest)) and not other["rest"]:
        rest = ""  # "AVISO A MEDIOS · MEDIA ADVISORY"
    if match["sep"] in ("–", "—", "-") and rest and rest[:1].islower():
        return None
    return kind, rest


def kind_of_headline(headline):
    """A headline with "statement" in it, or opening with "Declaración" or "Media advisory", names its kind."""
    if match := _HEADLINE_KIND.search(headline):
        return _kind_of_label(match.group())
    return None


def _blank(text, start, end):
    return text[:start] + " " * (end - start) + text[end:]


@dataclass
class DateLine:
    date: FoundDate
    time: FoundTime | None
    city: str


def match_date_line(text):
    """A line that is only a date, maybe with a weekday, a time, a "Date:" label, a place before it, or a
    wire's "| Source: …" after it: "Thursday, August 25, 2016", "Mar 03, 2025, 10:15 ET", "24 04 2009"."""
    text = _SOURCE_SUFFIX.sub("", text).strip(" *")
    found = find_date(text)
    if found is None and (numeric := find_numeric_date(text)) and numeric.value:
        found = FoundDate(numeric.value, numeric.start, numeric.end)
    if found is None:
        return None
    rest = _blank(text, found.start, found.end)
    clock = find_time(rest)
    if clock:
        rest = _blank(rest, clock.start, clock.end)
    before, after = rest[: found.start], rest[found.end :]
    strip = " ,.:;|–—-()·"
    if after.strip(strip) and not re.fullmatch(r"[\s,]*(?:at|a\s+las)?[\s,]*", after.strip(strip)):
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
    """The place (and date, and wire) opening the body: "CHICAGO –", "Chicago, IL -", "WASHINGTON, D.C. —",
    "LOS ANGELES, June 10, 2022 —", "TORONTO, Oct. 1, 2019 /CNW/ -", "SAN DIEGO--(BUSINESS WIRE)--",
    "EL PASO, Texas (Frontera Wire) —", "CHICAGO (Aug. 11, 2022) –", "NOGALES, SONORA.-", "OAXACA, Oax.-",
    "SAN SALVADOR, 3 de octubre de 2023. La…".

    A place in title case needs a region, a date or a wire after it, so "Today – …" is not a dateline;
    a timing or kind label ("PARA PUBLICACION INMEDIATA") is never a place.
    """
    place = _PLACE_START.match(text)
    if not place:
        return None
    position, city, region, found, wire = place.end(), place.group(), "", None, False
    if city.endswith(".") and not re.search(rf"(?:^|\s)[{UPPER}][{LOWER}]{{1,4}}\.$|[A-Z]\.[A-Z]\.$", city):
        city, position = city[:-1], position - 1
    found, position = _date_at(text, position)
    if found is None and (match := _REGION.match(text, position)):
        region_text = match["region"].rstrip()
        if region_text.endswith(".") and not _ABBREVIATION.fullmatch(region_text):
            region_text = region_text[:-1]
        region, position = region_text, match.start("region") + len(region_text)
        found, position = _date_at(text, position)
    if match := _WIRE.match(text, position):
        wire, position = True, match.end()
    if match := _DATELINE_DASH.match(text, position):
        end = match.end()
    elif found is not None and (match := re.compile(rf"\.\s+(?=[{UPPER}“\"¿¡])").match(text, position)):
        end = match.end()
    else:
        return None
    if end > _DATELINE_REACH or end >= len(text):
        return None
    if not (city.upper() == city or region or found or wire) or match_timing(city) or match_kind(city):
        return None
    return Dateline(f"{city}, {region}" if region else city, found, end)


def _date_at(text, position):
    """A date written right at ``position`` (", June 10, 2022" or " (3 de marzo de 2025)"), and where it ends."""
    match = re.compile(r",\s*|\s*\(").match(text, position)
    if not match:
        return None, position
    found = find_date(text[match.end() : match.end() + 45])
    if found is None or found.start != 0:
        return None, position
    end = match.end() + found.end
    if text[match.end() - 1 : match.end()] == "(":
        if not (close := re.compile(r"\s*\)").match(text, end)):
            return None, position
        end = close.end()
    return found, end


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
    if not match["rest"] and len(text.split()) > 14:
        return None
    return match["heading"].strip(), (match["rest"] or "").strip()


def match_signers(text):
    """The rest of a "Signed by:" / "Firmantes:" line ("" when the names follow on their own lines)."""
    match = _SIGNERS.match(text)
    return None if match is None else (match["rest"] or "").strip()


def match_tags(text):
    if match := _TAGS.match(text.strip("*_ ")):
        return [tag.strip(" .#*_") for tag in re.split(r"[,;]", match["tags"]) if tag.strip(" .#*_")]
    return None


def describes_organization(text, *, after_end=False):
    """The opening of an "About" paragraph without its heading: "Alianza Americas is the premier …".

    After the end mark, other verbs describe it too ("Local 88 represents 2,100 workers").
    """
    pattern = _ORGANIZATION_DESCRIPTION_AFTER_END if after_end else _ORGANIZATION_DESCRIPTION
    return pattern.match(text.strip("*_ "))


def reads_like_paragraph(text):
    """Longer than a subheadline, or more than one sentence."""
    return len(text) > PARAGRAPH_LENGTH or bool(_SENTENCE_BREAK.search(text))
