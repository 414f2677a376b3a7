"""Dates and times as coalitions print them, in English and Spanish.

A date needs a month name (full or abbreviated, "Sept." included), a day and a four-digit
year, with or without a weekday: "June 10, 2022", "Thursday, August 25, 2016", "Sept. 5, 2023",
"10 June 2022", "15 de septiembre de 2022", "jueves, 15 de septiembre de 2022", "19 sept. 2023";
or ISO "2022-06-10". Numeric dates ("24 04 2009", "07/18/2025", "22.08.2023") are read by
``find_numeric_date`` only where a date is expected, and only when unambiguous: one of the first
two numbers is above 12, or both are the same.
A time is "10 a.m.", "2:30 PM EDT", "14:00" or "9:00 horas"; a zone written after it (ET, CT, MT,
PT with S or D, "Eastern Daylight Time", "hora del Este", "hora del centro de México") names its
zone, otherwise the site's TIME_ZONE applies.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

MONTHS = {
    "january": 1,
    "jan": 1,
    "enero": 1,
    "ene": 1,
    "february": 2,
    "feb": 2,
    "febrero": 2,
    "march": 3,
    "mar": 3,
    "marzo": 3,
    "april": 4,
    "apr": 4,
    "abril": 4,
    "abr": 4,
    "may": 5,
    "mayo": 5,
    "june": 6,
    "jun": 6,
    "junio": 6,
    "july": 7,
    "jul": 7,
    "julio": 7,
    "august": 8,
    "aug": 8,
    "agosto": 8,
    "ago": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "septiembre": 9,
    "setiembre": 9,
    "set": 9,
    "october": 10,
    "oct": 10,
    "octubre": 10,
    "november": 11,
    "nov": 11,
    "noviembre": 11,
    "december": 12,
    "dec": 12,
    "diciembre": 12,
    "dic": 12,
}
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "lunes": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "martes": 1,
    "wednesday": 2,
    "wed": 2,
    "miércoles": 2,
    "miercoles": 2,
    "thursday": 3,
    "thu": 3,
    "thurs": 3,
    "jueves": 3,
    "friday": 4,
    "fri": 4,
    "viernes": 4,
    "saturday": 5,
    "sat": 5,
    "sábado": 5,
    "sabado": 5,
    "sunday": 6,
    "sun": 6,
    "domingo": 6,
}
ZONES = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "UTC": "UTC",
    "GMT": "UTC",
    "EASTERN": "America/New_York",
    "CENTRAL": "America/Chicago",
    "MOUNTAIN": "America/Denver",
    "PACIFIC": "America/Los_Angeles",
    "ESTE": "America/New_York",
    "CENTRO": "America/Chicago",
    "CENTRO DE MEXICO": "America/Mexico_City",
    "CENTRO DE MÉXICO": "America/Mexico_City",
    "PACIFICO": "America/Los_Angeles",
    "PACÍFICO": "America/Los_Angeles",
    "MONTAÑA": "America/Denver",
    "MONTANA": "America/Denver",
}


def _alternation(words):
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?:(?P<weekday>{_alternation(WEEKDAYS)})\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_WEEKDAY}(?:el\s+)?{_DAY}(?:\s+de)?\s+{_MONTH},?(?:\s+del?)?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_ZONE = (
    r"(?:,?\s*\(?(?:(?P<zone>[ECMP][SD]?T|UTC|GMT)|(?P<long_zone>eastern|central|mountain|pacific)(?:\s+(?:standard"
    r"|daylight))?(?:\s+time)?|(?:hora|horario|tiempo)\s+(?:del?\s+(?:la\s+)?)?(?P<spanish_zone>centro\s+de\s+m[ée]xico|este"
    r"|centro|pac[íi]fico|monta[ñn]a))\)?(?![A-Za-z]))?"
)
_TIME = re.compile(
    r"(?<![\d:+])(?:(?P<hour12>1[0-2]|0?[1-9])(?::(?P<minute12>[0-5]\d))?\s*(?P<meridiem>[ap])\.?\s?m\b\.?"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?:\s*(?:h|hrs|horas)\b\.?)?)" + _ZONE,
    re.I,
)


@dataclass
class FoundDate:
    value: date
    start: int
    end: int
    weekday_written: int | None = None

    @property
    def weekday_matches(self):
        return self.weekday_written is None or self.weekday_written == self.value.weekday()


def find_date(text):
    """The first date in ``text`` (the earliest of the written forms), or None."""
    found = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            month = match["month"]
            month = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                value = date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
            weekday = match.groupdict().get("weekday")
            found.append(FoundDate(value, match.start(), match.end(), WEEKDAYS.get((weekday or "").lower())))
            break
    return min(found, key=lambda candidate: candidate.start, default=None)


@dataclass
class FoundTime:
    value: time
    zone: str
    start: int
    end: int


def find_time(text):
    """The first clock time in ``text`` ("10 a.m. ET", "14:00"), or None."""
    match = _TIME.search(text)
    if match is None:
        return None
    if match["meridiem"]:
        hour = int(match["hour12"]) % 12 + (12 if match["meridiem"].lower() == "p" else 0)
        minute = int(match["minute12"] or 0)
    else:
        hour, minute = int(match["hour24"]), int(match["minute24"])
    written = match["zone"] or match["long_zone"] or match["spanish_zone"] or ""
    zone = ZONES.get(" ".join(written.upper().split()), "")
    return FoundTime(time(hour, minute), zone, match.start(), match.end())


_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<first>[0-3]?\d)(?P<sep>[/. -])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/])"
)


@dataclass
class NumericDate:
    value: date | None
    start: int
    end: int
    written: str


def find_numeric_date(text):
    """The first numeric date in ``text``: a ``NumericDate`` whose ``value`` is None when it is ambiguous."""
    match = _NUMERIC.search(text)
    if match is None:
        return None
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    elif first == second:
        day = month = first
    else:
        return NumericDate(None, match.start(), match.end(), match.group())
    try:
        return NumericDate(date(year, month, day), match.start(), match.end(), match.group())
    except ValueError:
        return None


def moment(day, found_time):
    """``day`` at ``found_time`` as an aware datetime, in the written zone or the site's."""
    zone = ZoneInfo(found_time.zone) if found_time.zone else timezone.get_default_timezone()
    return datetime.combine(day, found_time.value, tzinfo=zone)
