"""The header of a release: everything above the first paragraph of the body.

Each line of it is one of: site chrome (see ``chrome``), a release-timing line ("FOR IMMEDIATE
RELEASE", "EMBARGOED UNTIL …"), a kind label ("MEDIA ADVISORY", "Comunicado 14/2024"), a date
(on its own line, in the timing line, beside a kind label or a contact, a wire's time stamp, or
"Posted on …"), a media contact, a letterhead line (address, phone, web site), or a candidate
for the headline. The body starts at the first paragraph that reads like prose, or that opens
with a dateline or an advisory's "WHAT:".

The headline is not simply the first candidate: mastheads, blog titles and taglines come first
on many pages. Each candidate is scored (markup level, length, whether it names an organization
or reads like a tagline, whether it shares the first block with the letterhead), the best one is
the headline, and the next candidate after it, if any, the subheadline. When another candidate
came close, a warning says which line was taken and which was not.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import chrome, layout
from .contacts import ContactList, looks_like_contact, looks_like_name, match_label, person_like, read_line
from .dates import FoundDate, find_date, find_numeric_date, find_time
from .parsed import ReleaseParseError

HEADLINE_LENGTH = 250
SUBHEADLINE_LENGTH = 400
MIN_HEADLINE_WORDS = 6
SHORT_HEADLINE_WORDS = 3
CLOSE_SCORE = 1
ORGANIZATION_WORDS = (
    r"coalition|coalici[óo]n|alliance|alianza|network|red|union|uni[óo]n|sindicato|local|center|centre|centro|council"
    r"|consejo|project|proyecto|institute|instituto|fund|fondo|foundation|fundaci[óo]n|association|asociaci[óo]n"
    r"|federation|federaci[óo]n|committee|comit[ée]|collaborative|colectivo|collective|observatory|observatorio|frente"
    r"|front|movement|movimiento|organization|organizaci[óo]n|campaign|campaña|society|sociedad|church|iglesia|parish"
    r"|parroquia|ministry|clinic|cl[íi]nica|hotline|watch|wire|newswire|caucus|league|liga|workers|trabajadores|a\.c\."
)
_ORGANIZATION_WORD = re.compile(rf"\b(?:{ORGANIZATION_WORDS})(?!\w)", re.I)
_NAME_CONNECTORS = set("of for the and & de del la las los el y por en para al a on in · – — - |".split())
_TAGLINE = re.compile(
    r"^(?:news(?:\s+and\s+\w+)?\s+from|a\s+(?:blog|project|program|publication|newsletter|member|service|site|program)"
    r"\s+of|affiliated\s+with|a\s+member\s+of|member\s+of|part\s+of|un\s+(?:proyecto|programa|blog)\s+de|bit[áa]cora"
    r"\s+de|noticias\s+(?:de|desde)|the\s+(?:blog|newsletter|newsroom)\s+of)\b",
    re.I,
)
_PROSE_END = re.compile(r"[.!?:…][”\"’)»]*$")
_QUOTE_START = re.compile(r"^[“\"«‘']")


def looks_like_organization(text):
    """A line that only names an organization: "Puentes Network", "SOUTH TEXAS HEALTH ACCESS COALITION",
    "Red Hondureña de Acompañamiento al Retorno – REHAR", "LAUNDRY AND LINEN WORKERS UNION, LOCAL 88",
    "Georgia Coalition for Immigrant Dignity". A headline such as "Coalition Welcomes New Protections" is not one:
    an English name ends with its keyword or continues it with "of"/"for"; a Spanish one starts with it."""
    if re.search(r"[?!:]|\.$", text.rstrip(")")):
        return False
    return any(_names_organization(segment) for segment in re.split(r"\s+[·|–—]\s+", text))


def _names_organization(segment):
    words = re.sub(r"[,()]", " ", segment).split()
    if not words or len(words) > 10 or not _ORGANIZATION_WORD.search(segment):
        return False
    if not all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_CONNECTORS for word in words):
        return False
    while len(words) > 1 and (words[-1].isdigit() or _ACRONYM.fullmatch(words[-1]) and len(words) > 2):
        if not (_ORGANIZATION_WORD.fullmatch(words[-2]) or words[-1].isdigit() or words[-1].isupper()):
            break
        words = words[:-1]  # "LOCAL 417", "(GFGTW)", "A.C."
        if _ORGANIZATION_WORD.fullmatch(words[-1]):
            break
    if _ORGANIZATION_WORD.fullmatch(words[-1]):
        return True
    for position, word in enumerate(words[:-1]):
        following = words[position + 1].lower()
        if _ORGANIZATION_WORD.fullmatch(word):
            if following in _LINKS or (position == 0 and _SPANISH_ORGANIZATION_WORD.fullmatch(word)):
                return True
    return False


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]{1,9}")
_LINKS = {"of", "for", "de", "del", "por", "para", "en", "on"}
_SPANISH_ORGANIZATION_WORD = re.compile(
    r"coalici[óo]n|alianza|red|uni[óo]n|sindicato|centro|consejo|proyecto|instituto|fondo|fundaci[óo]n|asociaci[óo]n"
    r"|federaci[óo]n|comit[ée]|colectivo|observatorio|frente|movimiento|organizaci[óo]n|campaña|sociedad|iglesia"
    r"|parroquia|cl[íi]nica|liga",
    re.I,
)


def reads_like_prose(text):
    """A body paragraph: several sentences, or one long one that ends like a sentence, or a continuation."""
    return (
        layout.reads_like_paragraph(text)
        or (len(text) >= 80 and bool(_PROSE_END.search(text)))
        or text[:1].islower()
        or (bool(_QUOTE_START.match(text)) and len(text) >= 80 and bool(_PROSE_END.search(text)))
    )


@dataclass
class Candidate:
    text: str
    number: int
    block: int
    level: int = 0
    kind: str | None = None
    furniture_block: bool = False
    score: int = 0
    indent: int = 0
    glued: bool = False


@dataclass
class FoundWhen:
    """A date the header gives, with its time and how much it is trusted (lower wins)."""

    priority: int
    date: FoundDate
    time: object
    number: int
    text: str


EMBARGO, HEADER, DATELINE, POSTED = 0, 1, 2, 3


@dataclass
class Header:
    warnings: list
    contacts: ContactList = field(default_factory=ContactList)
    kind: str | None = None
    kind_number: int = 0
    timing: str | None = None
    timing_number: int = 0
    dates: list = field(default_factory=list)
    headline: str = ""
    headline_number: int = 0
    subheadline: str = ""
    subheadline_number: int = 0
    candidates: list = field(default_factory=list)
    uncertain: list = field(default_factory=list)
    contact_numbers: list = field(default_factory=list)

    def read(self, blocks):
        """Read the header; return the index of the block where the body starts."""
        in_contacts, skip_next = False, False
        block_has_furniture = {}
        for b, block in enumerate(blocks):
            if self.candidates and self._body_starts(block):
                self._choose(block_has_furniture)
                return b
            if not self.candidates and self._body_starts(block, strict=True):
                self._choose(block_has_furniture)
                return b
            in_contacts = in_contacts and self._continues_contacts(block)
            self._block = b
            for i, line in enumerate(block):
                text = line.text
                if skip_next:
                    skip_next = False
                    if len(text.split()) <= 8 and not find_date(text):
                        continue
                kind = chrome.classify(text)
                if kind == chrome.PROVIDER:
                    skip_next = not chrome._PROVIDER_RE.match(text)["rest"].strip()
                    block_has_furniture[b] = True
                    continue
                if kind in (chrome.HARD_END, chrome.END_MARK):
                    self._choose(block_has_furniture)
                    return len(blocks) if kind == chrome.HARD_END else b + 1 if i == len(block) - 1 else b
                if kind is not None:
                    if chrome.is_posted(text):
                        self._take_date(chrome.posted_date_text(text), line.number, POSTED)
                    block_has_furniture[b] = True
                    continue
                taken = self._take(text, line.number, in_contacts, block, i)
                if taken == "contact":
                    in_contacts = True
                    block_has_furniture[b] = True
                elif taken == "label":
                    block_has_furniture[b] = True
                elif taken == "contact-label":
                    in_contacts = True
                    block_has_furniture[b] = True
                else:
                    in_contacts = False
                    self._add_candidate(line, b, taken)
        self._choose(block_has_furniture)
        return self._body_after_headline(len(blocks))

    def _body_after_headline(self, default):
        """No block read like prose: the body is the first candidate after the headline and subheadline."""
        if not self.headline:
            return default
        last = self._chosen[-1]
        after = self.candidates[self.candidates.index(last) + 1 :]
        if not after:
            return default
        self.candidates = self.candidates[: self.candidates.index(after[0])]
        return after[0].block

    # Lines

    def _take(self, text, number, in_contacts, block, i):
        """What the line is: "label" (timing, kind, date, letterhead), "contact(-label)", or a kind for a candidate."""
        if label := match_label(text):
            self.contact_numbers.append(number)
            rest = label[1]
            if (found := find_date(rest)) and not looks_like_contact(rest[found.start : found.end]):
                # "Contact: Ana Ruiz, (303) 555-0142 | March 1, 2021"
                self.dates.append(FoundWhen(HEADER, found, find_time(rest[found.end :]), number, text))
                rest = (rest[: found.start] + rest[found.end :]).strip(" ,|·–—-")
            if rest:
                self._take_contact_text(rest, number)
                return "contact"
            return "contact-label"
        if timing := layout.match_timing(text):
            if self.timing is None:
                self.timing, self.timing_number = timing.timing, number
            if timing.embargo_date:
                self.dates.append(FoundWhen(EMBARGO, timing.embargo_date, timing.embargo_time, number, text))
            elif timing.rest:
                self._take(timing.rest, number, in_contacts, block, i)
            return "label"
        if kind := layout.match_kind(text):
            if self.kind is None:
                self.kind, self.kind_number = kind[0], number
            rest = kind[1]
            if not rest:
                return "label"
            if self._take(rest, number, in_contacts, block, i) != "candidate":
                return "label"
            return kind[0]
        if date_line := layout.match_date_line(text):
            self.dates.append(FoundWhen(HEADER, date_line.date, date_line.time, number, text))
            return "label"
        if (numeric := find_numeric_date(text)) and numeric.value is None and len(text.split()) <= 4:
            self.warnings.append(
                _("Line %(line)s: “%(date)s” could be read two ways; write the month's name. It was not used.")
                % {"line": number, "date": numeric.written}
            )
            return "label"
        if in_contacts and (looks_like_contact(text) or (looks_like_name(text) and self._contact_near(block, i))):
            self._take_contact_text(text, number)
            return "contact"
        if in_contacts and self._contact_near(block, i) and not reads_like_prose(text) and len(text.split()) <= 14:
            self._take_contact_text(text, number)  # the role of the contact being read
            return "contact"
        if looks_like_contact(text) and self._unlabelled_contact(text):
            self._take_contact_text(text, number)
            return "contact"
        if looks_like_name(text) and person_like(text) and self._contact_near(block, i) and not in_contacts:
            self._take_contact_text(text, number)
            return "contact"
        if chrome.is_address(text) or chrome.is_web_address(text):
            return "label"
        if looks_like_contact(text) and not read_line(text).name:
            return "label"
        found = find_date(text)
        if found and (looks_like_contact(text) or match_label(text[found.end :].strip(" ,|·–—-"))):
            # "jueves, 15 de septiembre de 2022 Contacto: Rigoberto Salas (509) 555-0121"
            self.dates.append(FoundWhen(HEADER, found, find_time(text[found.end :]), number, text))
            rest = text[found.end :].strip(" ,|·–—-")
            return self._take(rest, number, in_contacts, block, i) if rest else "label"
        return "candidate"

    def _take_contact_text(self, text, number):
        new_block = getattr(self, "_last_contact_block", None) not in (None, self._block)
        self._last_contact_block = self._block
        self.contacts.add(text, number, new_block=new_block)

    def _take_date(self, text, number, priority):
        if found := find_date(text):
            self.dates.append(FoundWhen(priority, found, find_time(text), number, text))

    def _unlabelled_contact(self, text):
        """ "Daniela Ocampo | +1 312 555 0148 | [email protected]": a person's name and a way to reach them."""
        line = read_line(text)
        return bool(line.name) and person_like(line.name)

    def _contact_near(self, block, i):
        """Whether a phone or email follows within the next lines: "Jane Doe / Director / 312-555-0142"."""
        return any(looks_like_contact(line.text) for line in block[i + 1 : i + 4])

    def _contact_needs_more(self):
        contacts = self.contacts.contacts
        return bool(contacts) and not contacts[-1].phone and not contacts[-1].email

    def _continues_contacts(self, block):
        """A block after a contact block is more contacts when a phone or email comes within its first lines."""
        return any(looks_like_contact(line.text) for line in block[:4]) or self._contact_needs_more()

    # Candidates

    def _add_candidate(self, line, b, kind):
        previous = self.candidates[-1] if self.candidates else None
        if previous is not None and previous.block == b and previous.number < line.number and _wrapped(previous, line):
            previous.text = f"{previous.text}{'' if previous.glued else ' '}{line.text}"
            previous.indent, previous.glued = line.indent, line.glued
            return
        candidate = Candidate(line.text, line.number, b, level=line.level, kind=None if kind == "candidate" else kind)
        candidate.indent, candidate.glued = line.indent, line.glued
        self.candidates.append(candidate)

    def _body_starts(self, block, *, strict=False):
        first = block[0].text
        for line in block[:3]:
            text = line.text
            if chrome.classify(text) is not None or match_label(text) or layout.match_timing(text):
                return False
            if layout.match_kind(text) or layout.match_date_line(text) or looks_like_contact(text) and len(text) < 120:
                return False
            if chrome.is_address(text) or chrome.is_web_address(text):
                return False
        joined = " ".join(line.text for line in block)
        if layout.match_dateline(first) and len(joined) > 20:
            return True
        if not strict and layout.match_section(first):
            return True
        return reads_like_prose(joined) and not (len(block) > 1 and all(looks_like_name(line.text) for line in block))

    def _choose(self, block_has_furniture):
        """Score the candidates: the best is the headline, the next after it the subheadline."""
        if self.headline or not self.candidates:
            return
        first_block = self.candidates[0].block
        per_block = {}
        for candidate in self.candidates:
            per_block[candidate.block] = per_block.get(candidate.block, 0) + 1
        for candidate in self.candidates:
            candidate.furniture_block = candidate.block == first_block and (
                block_has_furniture.get(candidate.block, False) or per_block[candidate.block] > 1
            )
            candidate.score = _score(candidate)
        usable = [c for c in self.candidates if _can_be_headline(c.text)]
        if not usable:
            return
        best = max(usable, key=lambda c: (c.score, -self.candidates.index(c)))
        self.headline, self.headline_number = best.text, best.number
        self._chosen = [best]
        if best.kind and self.kind is None:
            self.kind = best.kind
        after = self.candidates[self.candidates.index(best) + 1 :]
        if after and _can_be_subheadline(after[0], paired=after[0].block == best.block):
            self.subheadline, self.subheadline_number = after[0].text, after[0].number
            self._chosen.append(after[0])
        rivals = [
            c for c in usable if c is not best and c.score >= best.score - CLOSE_SCORE and c.number < best.number
        ]
        for rival in rivals[:1]:
            self.uncertain.append(
                _(
                    "Line %(line)s was taken for the headline (“%(headline)s”); line %(other)s could also be it "
                    "(“%(text)s”)."
                )
                % {"line": best.number, "headline": best.text, "other": rival.number, "text": rival.text}
            )

    def check_weekday(self, found, number):
        if not found.weekday_matches:
            self.warnings.append(
                _("Line %(line)s: the weekday does not match %(date)s; the date was kept.")
                % {"line": number, "date": found.value.isoformat()}
            )


def _wrapped(previous, line):
    """Whether ``line`` continues the candidate above it in the same block (a headline wrapped over two lines)."""
    if re.search(r"[.!?:;]$", previous.text):
        return False
    if line.text[:1].islower() or previous.glued:
        return True
    return previous.indent >= 4 and line.indent >= 4 and len(previous.text) >= 40


def _score(candidate):
    text, words = candidate.text, len(candidate.text.split())
    score = 3 if candidate.level in (1, 2) else 1 if candidate.level == 3 else 0
    score += 2 if words >= MIN_HEADLINE_WORDS else 0 if words > SHORT_HEADLINE_WORDS else -3
    if looks_like_organization(text):
        score -= 3
    if _TAGLINE.match(text):
        score -= 3
    if candidate.furniture_block:
        score -= 2
    if text.isupper() and words < 9:
        score -= 1
    return score


def _can_be_headline(text):
    return (
        len(text) <= HEADLINE_LENGTH
        and not text[:1].islower()
        and not reads_like_prose(text)
        and not text.endswith(".")
        and not layout.match_section(text)
    )


def _can_be_subheadline(candidate, *, paired=False):
    """``paired``: it shares the headline's block, so the block is no masthead."""
    text = candidate.text
    return (
        len(text) <= SUBHEADLINE_LENGTH
        and (paired or not candidate.furniture_block)
        and len(text.split()) >= 4
        and not looks_like_organization(text)
        and not _TAGLINE.match(text)
        and not layout.reads_like_paragraph(text)
        and not text.endswith(".")
        and not layout.match_dateline(text)
        and not layout.match_section(text)
    )


def refuse_without_headline(blocks, start):
    line = blocks[start][0] if start < len(blocks) else blocks[-1][-1]
    raise ReleaseParseError(
        _(
            "No headline: the text starts with “%(text)s”, which reads as the body. Put the headline on its own line "
            "at the top."
        )
        % {"text": line.text[:80]},
        line=line.number,
    )
