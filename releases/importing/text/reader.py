"""Reads a press release written as plain text, Markdown or HTML into a ``ParsedRelease``.

How a file is read, top to bottom:

1. Web-page and wire-copy leftovers are dropped and "Tags :"/"Etiquetas :" lines give the tags.
2. The header (see ``header``) gives timing, kind, date, contacts, headline and subheadline.
3. In the body, "Contact:" blocks add contacts, a "Signed by:"/"Firmantes:" list names the
   signers (the release is then a joint statement), media-advisory sections (WHAT/WHO/WHEN/WHERE,
   QUÉ/QUIÉN/CUÁNDO/DÓNDE) become <h2>, and "About …"/"Acerca de …"/"Sobre …" starts the
   boilerplate. Without such a heading, the closing paragraphs that describe an organization
   ("Alianza Americas is the premier …") are the boilerplate.
4. The first paragraph gives its dateline ("CHICAGO –") to ``dateline``, and its date when the
   header has none.

A file without a headline or a date is refused with ``ReleaseParseError``; whatever the reader
guessed or dropped that an editor should check is listed in ``warnings``.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ...models import Language, Release
from ...models.people import parse_phone
from . import layout
from .contacts import HIDDEN_EMAIL, LABEL
from .dates import moment
from .header import Header
from .language import detect_language
from .lines import MAX_BYTES, read_blocks
from .markup import drop_text_prefix, render, settle_breaks
from .parsed import ParsedRelease, ReleaseParseError
from .spokespeople import find_spokespeople

TIMING_LENGTH = 100
MIN_ADVISORY_SECTIONS = 2
# The name of a contact given only as an address; content in the release's language, not the reader's.
PRESS_OFFICE = {Language.ENGLISH: "Press office", Language.SPANISH: "Oficina de prensa"}


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
    return _Reader(read_blocks(text, filename), warnings).read()


class _Reader:
    def __init__(self, blocks, warnings):
        self.blocks = blocks
        self.warnings = warnings
        self.header = Header(warnings)
        self.items, self.boilerplate, self.signers, self.tags = [], [], [], []
        self.sections = 0

    def read(self):
        self._take_tags()
        if not self.blocks:
            raise ReleaseParseError(_("The file holds no text besides web-page leftovers."), line=1)
        body = self.header.read(self.blocks)
        self._read_body(body)
        return self._result(first_body_line=body[0][0].number)

    def _take_tags(self):
        blocks = []
        for block in self.blocks:
            kept = []
            for line in block:
                tags = layout.match_tags(line.text)
                if tags is None:
                    kept.append(line)
                else:
                    self.tags.extend(tag for tag in tags if tag not in self.tags)
            if kept:
                blocks.append(kept)
        self.blocks = blocks

    # Body

    def _read_body(self, blocks):
        mode = "body"
        for block in map(settle_breaks, blocks):
            self._warn_hidden_emails(block)
            first = block[0].text
            if match := LABEL.match(first):
                for text, number in [
                    (match["rest"], block[0].number),
                    *((line.text, line.number) for line in block[1:]),
                ]:
                    if text:
                        self.header.contacts.add(text, number)
            elif (rest := layout.match_signers(first)) is not None:
                mode = "signers"
                self._add_signers(rest, block[1:])
            elif about := layout.match_about(first):
                mode = "boilerplate"
                self._add_about(about, block)
            elif mode == "signers" and not layout.reads_like_paragraph(first):
                self._add_signers("", block)
            elif mode == "boilerplate":
                self.boilerplate.append(("p", block))
            else:
                mode = "body"
                self._add_body_block(block)
        if not any(tag == "h2" for tag, _content in self.boilerplate):
            while (
                len(self.items) > 1
                and self.items[-1][0] == "p"
                and layout.describes_organization(self.items[-1][1][0].text)
            ):
                self.boilerplate.insert(0, self.items.pop())

    def _warn_hidden_emails(self, block):
        for line in block:
            if HIDDEN_EMAIL.search(line.text) and not LABEL.match(block[0].text):
                self.warnings.append(_hidden_email_warning(line.number))
                line.text = HIDDEN_EMAIL.sub("", line.text)

    def _add_signers(self, rest, lines):
        names = re.split(r"\s*[,;]\s*", rest) if rest else []
        names += [line.text for line in lines]
        self.signers += [name.strip(" .;,") for name in names if name.strip(" .;,")]

    def _add_about(self, about, block):
        heading, rest = about
        self.boilerplate.append(("h2", heading))
        if rest:
            _drop_start(block[0], len(block[0].text) - len(rest))
            self.boilerplate.append(("p", block))
        elif block[1:]:
            self.boilerplate.append(("p", block[1:]))

    def _add_body_block(self, block):
        first = block[0]
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

    # Result

    def _result(self, first_body_line):
        header = self.header
        self._take_dateline()
        if header.embargo:
            released_on, clock = header.embargo.embargo_date.value, header.embargo.embargo_time
        elif header.date:
            released_on, clock = header.date.value, header.clock
        else:
            raise ReleaseParseError(
                _(
                    "No release date: write it (e.g. “June 10, 2022” or “15 de septiembre de 2022”) on its own "
                    "line under the headline, or in the dateline."
                ),
                line=first_body_line,
            )
        paragraphs = [_plain(lines) for tag, lines in self.items if tag in {"p", "ul"}]
        boilerplate = [_plain(lines) for tag, lines in self.boilerplate if tag == "p"]
        language, mixed = detect_language(" ".join([header.headline, header.subheadline, *paragraphs, *boilerplate]))
        if mixed:
            self.warnings.append(_("The text mixes English and Spanish; the language was set by the larger share."))
        if header.timing and len(header.timing) > TIMING_LENGTH:
            self.warnings.append(
                _("The release-timing line is longer than %(limit)s characters.") % {"limit": TIMING_LENGTH}
            )
        return ParsedRelease(
            kind=str(self._kind()),
            language=language,
            timing=header.timing or "",
            headline=header.headline,
            subheadline=header.subheadline,
            released_on=released_on,
            released_at=moment(released_on, clock) if clock else None,
            dateline=header.dateline,
            contacts=self._contacts(language),
            spokespeople=find_spokespeople(paragraphs),
            signers=self.signers,
            body_html=render(self.items),
            boilerplate_html=render(self._boilerplate_items()),
            tags=self.tags,
            warnings=self.warnings,
        )

    def _take_dateline(self):
        if not self.items or self.items[0][0] != "p":
            return
        line = self.items[0][1][0]
        if not (dateline := layout.match_dateline(line.text)):
            return
        header = self.header
        header.dateline = dateline.city
        if dateline.date:
            header.check_weekday(dateline.date, line.number)
            if header.date is None:
                header.date = dateline.date
            elif header.date.value != dateline.date.value:
                self.warnings.append(
                    _("Line %(line)s: the dateline gives another date than the header; the header's was kept.")
                    % {"line": line.number}
                )
        _drop_start(line, dateline.length)

    def _kind(self):
        kind = self.header.kind or layout.kind_of_headline(self.header.headline)
        if self.signers and kind in {None, Release.Kind.PRESS_RELEASE, Release.Kind.STATEMENT}:
            kind = Release.Kind.JOINT_STATEMENT
        if kind is None and self.sections >= MIN_ADVISORY_SECTIONS:
            kind = Release.Kind.MEDIA_ADVISORY
        return kind or Release.Kind.PRESS_RELEASE

    def _contacts(self, language):
        contacts = self.header.contacts
        for number in contacts.hidden_email_lines:
            self.warnings.append(_hidden_email_warning(number))
        for contact in contacts.contacts:
            contact.name = contact.name or PRESS_OFFICE[language]
            if not contact.phone and not contact.email:
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
        return contacts.contacts

    def _boilerplate_items(self):
        """One "About" section is just its paragraphs; several keep their headings apart."""
        if sum(tag == "h2" for tag, _content in self.boilerplate) > 1:
            return self.boilerplate
        return [item for item in self.boilerplate if item[0] != "h2"]


def _hidden_email_warning(number):
    return _("Line %(line)s: “[email protected]” is a web page's hidden address, not an email; it was left out.") % {
        "line": number
    }


def _drop_start(line, length):
    line.html = drop_text_prefix(line.html, line.text[:length])
    line.text = line.text[length:]


def _plain(lines):
    return " ".join(line.text for line in lines)
