"""Reads a press release written as plain text, Markdown or HTML into a ``ParsedRelease``.

How a file is read, top to bottom, the way a careful press officer reads it:

1. ``lines`` turns the file into blocks of lines (PDF pages, columns and web markup settled);
   "Tags:"/"Etiquetas:" lines give the tags.
2. ``header`` reads everything above the body: timing, kind, dates, contacts and the headline
   and subheadline, chosen among the candidate lines (site chrome and mastheads skipped).
3. The body runs until its end: an end mark (``###``, ``-30-``, ``END``, ``FIN``…), a contact
   block, an "About …"/"Acerca de …"/"Sobre …" heading, a list of signers ("Signed,",
   "Signatories:", "Firmantes:"), the signature under a statement, or the page's leftovers
   ("SOURCE …", "Leave a Reply", "Related posts"). After it, only a boilerplate, contacts and
   signers are read; the rest is left out. Media-advisory sections (WHAT/WHO/WHEN/WHERE,
   QUÉ/QUIÉN/CUÁNDO/DÓNDE) become <h2>. A closing paragraph that describes the issuing
   organization ("Alianza Americas is the premier …") is the boilerplate.
4. The first paragraph gives its dateline ("CHICAGO –", "TORONTO, Oct. 1, 2019 /CNW/ -").
5. The date is the embargo's moment, else the header's date, else the dateline's, else a
   "Posted on" date.

A file is refused (``ReleaseParseError``) only when it has no headline or no body. Whatever the
reader guessed or dropped that an editor should check is in ``warnings``; guesses that make the
release uncertain (no date, a headline that could have been another line) are in ``uncertain``
too, and such a release is imported as a draft.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ...models import Language, Release
from ...models.people import parse_phone
from . import chrome, layout
from .contacts import HIDDEN_EMAIL, clean_name, looks_like_contact, looks_like_name, match_label, person_like
from .dates import moment
from .header import (
    DATELINE,
    HEADER,
    FoundWhen,
    Header,
    looks_like_organization,
    reads_like_prose,
    refuse_without_headline,
)
from .language import detect_language
from .lines import MAX_BYTES, read_document
from .markup import drop_text_prefix, render, settle_breaks
from .parsed import ParsedRelease, ParsedSpokesperson, ReleaseParseError
from .spokespeople import find_spokespeople, fold

TIMING_LENGTH = 100
MIN_ADVISORY_SECTIONS = 2
MAX_SIGNATURE_LINES = 4
# The name of a contact given only as an address; content in the release's language, not the reader's.
PRESS_OFFICE = {Language.ENGLISH: "Press office", Language.SPANISH: "Oficina de prensa"}
BODY, SIGNERS, BOILERPLATE, CONTACTS = "body", "signers", "boilerplate", "contacts"
_NOT_FOUND = re.compile(
    r"\b(?:page\s+not\s+found|not\s+found|error\s+404|404|p[áa]gina\s+no\s+encontrada|no\s+se\s+encontr[óo]"
    r"|p[áa]gina\s+no\s+existe)\b",
    re.I,
)


def parse_release(text, *, filename="x.txt"):
    """Read one release; ``text`` is a str (or bytes, UTF-8 or else Windows-1252) and ``filename`` picks the format."""
    warnings = []
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise ReleaseParseError(_("The file is larger than 2 MB; a press release is much shorter."), line=1)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = text.decode("cp1252", errors="replace")
            warnings.append(_("The file is not UTF-8; it was read as Windows-1252. Check accented letters."))
    document = read_document(text, filename)
    if _NOT_FOUND.search(document.title):
        raise ReleaseParseError(
            _("No headline: this is a web site's “page not found” page (“%(title)s”), not a release.")
            % {"title": document.title},
            line=1,
        )
    return _Reader(document.blocks, warnings).read()


class _Reader:
    def __init__(self, blocks, warnings):
        self.blocks = blocks
        self.warnings = warnings
        self.header = Header(warnings)
        self.items, self.boilerplate, self.signers, self.tags = [], [], [], []
        self.signature_people = []
        self.sections = 0
        self.dateline = ""
        self.origins = {}

    def read(self):
        self._take_tags()
        if not self.blocks:
            raise ReleaseParseError(_("No headline: the file holds no text besides web-page leftovers."), line=1)
        start = self.header.read(self.blocks)
        if not self.header.headline:
            refuse_without_headline(self.blocks, start)
        self._read_body(self.blocks[start:])
        if not self.items:
            last = self.blocks[-1][-1].number
            raise ReleaseParseError(
                _("The release has a headline (“%(headline)s”) but no body text.")
                % {"headline": self.header.headline},
                line=last,
            )
        return self._result()

    def _take_tags(self):
        """ "Tags:" and "Etiquetas:" lines give the tags, wherever they stand; they are not text."""
        blocks = []
        for block in self.blocks:
            kept = []
            for line in block:
                if (tags := layout.match_tags(line.text)) is None:
                    kept.append(line)
                else:
                    self.tags.extend(tag for tag in tags if tag not in self.tags)
            if kept:
                blocks.append(kept)
        self.blocks = blocks

    # Body

    def _read_body(self, blocks):
        self.mode, self.ended = BODY, False
        for block in blocks:
            segment = []
            for line in block:
                kind = chrome.classify(line.text, body=True)
                if kind is None:
                    segment.append(line)
                    continue
                if segment:
                    self._read_block(segment)
                    segment = []
                if kind == chrome.HARD_END:
                    return
                if kind == chrome.END_MARK or (kind == chrome.SOFT_END and self.items):
                    self.ended = True
                    if self.mode == BOILERPLATE:
                        self.mode = BODY
            if segment:
                self._read_block(segment)
        self._trailing_boilerplate()

    def _read_block(self, block):
        block = settle_breaks(block)
        first = block[0].text
        if layout.match_section(first) and not self.ended:
            self.mode = BODY
            self._add_body_block(block)
        elif match_label(first) or (self.mode == CONTACTS and self._contact_block(block)):
            self._add_contacts(block)
        elif (rest := layout.match_signers(first)) is not None:
            self.mode, self.ended = SIGNERS, True
            self._add_signers(rest, block[1:], block[0].number)
        elif about := layout.match_about(first):
            self.mode, self.ended = BOILERPLATE, True
            self._add_about(about, block)
        elif self.mode == SIGNERS and not any(reads_like_prose(line.text) for line in block):
            self._add_signers("", block, block[0].number)
        elif self.mode == BOILERPLATE and not self._contact_block(block):
            self.boilerplate.append(("p", block))
        elif self.ended:
            self._read_after_end(block)
        elif self._is_signature(block):
            self.ended = True
        else:
            self.mode = BODY
            self._warn_hidden_emails(block)
            self._add_body_block(block)

    def _read_after_end(self, block):
        first = block[0].text
        if self._contact_block(block):
            self._add_contacts(block)
        elif (subject := layout.describes_organization(first, after_end=True)) and self._is_issuer(subject["subject"]):
            self.mode = BOILERPLATE
            self.boilerplate.append(("p", block))
        elif not all(len(line.text) < 40 for line in block):
            self.warnings.append(
                _("Line %(line)s: text after the end of the release was left out: “%(text)s”.")
                % {"line": block[0].number, "text": first[:80]}
            )

    def _contact_block(self, block):
        return any(looks_like_contact(line.text) for line in block[:5]) and not any(
            reads_like_prose(line.text) and not looks_like_contact(line.text) for line in block
        )

    def _add_contacts(self, block):
        self.mode, self.ended = CONTACTS, True
        for position, line in enumerate(block):
            text = line.text
            if label := match_label(text):
                text = label[1]
            if text:
                self.header.contacts.add(text, line.number, new_block=position == 0)
                self.header.contact_numbers.append(line.number)

    def _is_issuer(self, subject):
        """Whether the organization a closing paragraph describes is the one the release speaks for."""
        name = re.sub(r"^(?:the|la|el|los|las)\s+", "", subject.strip(), flags=re.I)
        paragraphs = [_plain(lines) for tag, lines in self.items if tag != "h2"]
        text = fold(" ".join([self.header.headline, *paragraphs]))
        return bool(name) and fold(name) in text

    def _is_signature(self, block):
        """The name, title and organization under a statement: not body, and its author is quoted."""
        if not self.items or not 2 <= len(block) <= MAX_SIGNATURE_LINES or self.sections:
            return False
        if any(
            line.bullet or not (looks_like_name(line.text) or looks_like_organization(line.text)) for line in block
        ):
            return False
        if not person_like(block[0].text):
            return False
        title = block[1].text if len(block) > 1 else ""
        organization = block[2].text if len(block) > 2 else ""
        self.signature_people.append(ParsedSpokesperson(clean_name(block[0].text), title, organization))
        return True

    def _warn_hidden_emails(self, block):
        for line in block:
            if HIDDEN_EMAIL.search(line.text):
                self.warnings.append(_hidden_email_warning(line.number))
                line.text = HIDDEN_EMAIL.sub("", line.text)

    def _add_signers(self, rest, lines, number):
        self.origins.setdefault("cosigners", number)
        names = _split_outside_parentheses(rest) if rest else []
        for line in lines:
            names.append(re.sub(r"\s*\([^)]*\)\s*$", "", line.text).split(",")[0])
        for name in names:
            name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip(" .;,")
            if name:
                self.signers.append(name)

    def _add_about(self, about, block):
        heading, rest = about
        self.origins.setdefault("boilerplate", block[0].number)
        self.boilerplate.append(("h2", heading))
        if rest:
            _drop_start(block[0], len(block[0].text) - len(rest))
            self.boilerplate.append(("p", block))
        elif block[1:]:
            self.boilerplate.append(("p", block[1:]))

    def _add_body_block(self, block):
        first = block[0]
        if not self.items and (dateline := layout.match_dateline(first.text)):
            self.dateline = dateline.city
            self.origins["dateline"] = first.number
            if dateline.date:
                self.header.dates.append(FoundWhen(DATELINE, dateline.date, None, first.number, first.text))
            _drop_start(first, dateline.length)
        if section := layout.match_section(first.text):
            self.sections += 1
            self.items.append(("h2", section[0]))
            if section[1]:
                _drop_start(first, len(first.text) - len(section[1]))
            else:
                block = block[1:]
        elif first.level:
            self.items.append(("h2" if first.level <= 2 else "h3", first.text))
            block = block[1:]
        if block:
            self.items.append(("ul" if all(line.bullet for line in block) else "p", block))

    def _trailing_boilerplate(self):
        """Without an "About" heading, closing paragraphs that describe an organization are the boilerplate."""
        if any(tag == "h2" for tag, _content in self.boilerplate) or self.boilerplate:
            return
        while (
            len(self.items) > 1
            and self.items[-1][0] == "p"
            and layout.describes_organization(self.items[-1][1][0].text)
        ):
            self.boilerplate.insert(0, self.items.pop())

    # Result

    def _result(self):
        header = self.header
        released_on, clock, zone = self._when()
        paragraphs = [_plain(lines) for tag, lines in self.items if tag in {"p", "ul"}]
        boilerplate = [_plain(lines) for tag, lines in self.boilerplate if tag == "p"]
        language, mixed = detect_language(" ".join([header.headline, header.subheadline, *paragraphs]))
        if mixed:
            self.warnings.append(_("The text mixes English and Spanish; the language was set by the larger share."))
        if header.timing and len(header.timing) > TIMING_LENGTH:
            self.warnings.append(
                _("The release-timing line is longer than %(limit)s characters.") % {"limit": TIMING_LENGTH}
            )
        kind = self._kind()
        people = find_spokespeople(
            paragraphs, headline=header.headline, kind=kind, context=" ".join([*paragraphs, *boilerplate])
        )
        for person in self.signature_people:
            if all(fold(person.name) != fold(known.name) for known in people):
                people.append(person)
        self.warnings.extend(header.uncertain)
        contacts = self._contacts(language)
        origins = {
            "headline": header.headline_number,
            "subheadline": header.subheadline_number,
            "timing": header.timing_number,
            "kind": header.kind_number,
            **self.origins,
        }
        return ParsedRelease(
            kind=str(kind),
            language=language,
            timing=header.timing or "",
            headline=header.headline,
            subheadline=header.subheadline,
            released_on=released_on,
            released_at=moment(released_on, clock) if clock and released_on else None,
            time_zone=zone,
            dateline=self.dateline,
            contacts=contacts,
            spokespeople=people,
            signers=self.signers,
            body_html=render(self.items),
            boilerplate_html=render(self._boilerplate_items()),
            tags=self.tags,
            warnings=self.warnings,
            uncertain=list(header.uncertain),
            origins={name: number for name, number in origins.items() if number},
        )

    def _when(self):
        """(date, time, zone) of the release: the best-trusted date found, with the time written beside it."""
        header = self.header
        if not header.dates:
            message = _(
                "No release date was found (e.g. “June 10, 2022” or “15 de septiembre de 2022” under the headline, "
                "line %(line)s): it is imported as a draft; set its date before publishing."
            ) % {"line": header.headline_number}
            header.uncertain.append(message)
            return None, None, ""
        best = min(header.dates, key=lambda found: found.priority)
        header.check_weekday(best.date, best.number)
        self.origins["date"] = best.number
        for other in header.dates:
            if best.priority == HEADER and other.priority == DATELINE and other.date.value != best.date.value:
                self.warnings.append(
                    _("Line %(line)s: the dateline gives another date than the header; the header's was kept.")
                    % {"line": other.number}
                )
        clock = best.time
        return best.date.value, clock, (clock.zone if clock else "")

    def _kind(self):
        kind = self.header.kind
        if kind in (None, Release.Kind.PRESS_RELEASE):
            # "Comunicado 14/2024" over "Declaración del SITRAHO ante …": the headline names the kind.
            kind = layout.kind_of_headline(self.header.headline) or kind
        if self.signers and kind in {None, Release.Kind.PRESS_RELEASE, Release.Kind.STATEMENT}:
            kind = Release.Kind.JOINT_STATEMENT
        if kind is None and self.sections >= MIN_ADVISORY_SECTIONS:
            kind = Release.Kind.MEDIA_ADVISORY
        return kind or Release.Kind.PRESS_RELEASE

    def _contacts(self, language):
        contacts = self.header.contacts
        if contacts.numbers:
            self.origins["contacts"] = contacts.numbers[0]
        for number in contacts.hidden_email_lines:
            self.warnings.append(_hidden_email_warning(number))
        kept = []
        for contact in contacts.contacts:
            contact.name = contact.name or PRESS_OFFICE[language]
            if not contact.phone and not contact.email:
                if contacts.hid_email(contact):
                    kept.append(contact)
                    continue
                self.warnings.append(
                    _("The contact “%(name)s” has no phone number or email address.") % {"name": contact.name}
                )
            elif contact.phone:
                try:
                    parse_phone(contact.phone)
                except ValidationError:
                    self.warnings.append(
                        _("“%(phone)s” (%(name)s) is not a phone number we can dial; check it.")
                        % {"phone": contact.phone, "name": contact.name}
                    )
            kept.append(contact)
        return kept

    def _boilerplate_items(self):
        """One "About" section is just its paragraphs; several keep their headings apart."""
        if sum(tag == "h2" for tag, _content in self.boilerplate) > 1:
            return self.boilerplate
        return [item for item in self.boilerplate if item[0] != "h2"]


def _split_outside_parentheses(text):
    names, depth, current = [], 0, []
    for character in text:
        depth += character == "("
        depth -= character == ")"
        if character in ",;" and depth <= 0:
            names.append("".join(current))
            current = []
        else:
            current.append(character)
    names.append("".join(current))
    return [name for name in names if name.strip()]


def _hidden_email_warning(number):
    return _("Line %(line)s: “[email protected]” is a web page's hidden address, not an email; it was left out.") % {
        "line": number
    }


def _drop_start(line, length):
    line.html = drop_text_prefix(line.html, line.text[:length])
    line.text = line.text[length:]


def _plain(lines):
    return "".join(line.text + ("" if line.glued else " ") for line in lines).strip()
