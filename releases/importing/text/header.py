"""The header of a release: everything above the first paragraph of the body.

In it: the release-timing line ("FOR IMMEDIATE RELEASE", "PARA DIFUSIÓN INMEDIATA", "EMBARGOED
UNTIL …"), a kind label ("Media Advisory", "Joint Statement", "Declaración:"), the date, media
contacts (after a "CONTACT:" label, or lines carrying a phone number or an email), the headline
(the first other line, at most 250 characters) and the subheadline (the line right after the
headline, unless it reads like a paragraph: a full stop at its end, more than one sentence or
over 300 characters). The next other line starts the body.
"""

import re

from django.utils.translation import gettext as _

from . import layout
from .contacts import LABEL, ContactList, looks_like_contact, looks_like_name, read_line
from .parsed import ReleaseParseError

HEADLINE_LENGTH = 250
SUBHEADLINE_LENGTH = 400
CONTACT_WORDS = 8


def _contact_ahead(block, i):
    """Whether a phone or email follows within the next lines: "Jane Doe / Director / 312-555-0142"."""
    return any(looks_like_contact(line.text) for line in block[i + 1 : i + 4])


def _few_words_besides_contact(text):
    line = read_line(text)
    return len(f"{line.name} {line.role}".split()) <= CONTACT_WORDS


class Header:
    def __init__(self, warnings):
        self.warnings = warnings
        self.contacts = ContactList()
        self.kind = self.timing = self.embargo = self.date = self.clock = None
        self.headline = self.subheadline = self.dateline = ""

    def read(self, blocks):
        """Read header lines; return the body's blocks, the first one starting where the body does."""
        labelled = subheadline_open = False
        for b, block in enumerate(blocks):
            labelled = labelled and any(looks_like_contact(line.text) for line in block[:2])
            in_contacts = labelled
            i = 0
            while i < len(block):
                line, headline_before = block[i], self.headline
                if match := LABEL.match(line.text):
                    labelled = in_contacts = True
                    if match["rest"]:
                        self.contacts.add(match["rest"], line.number)
                elif self._take_label(line.text, line.number):
                    in_contacts = False
                elif self._is_contact(block, i, in_contacts):
                    in_contacts = True
                    self.contacts.add(line.text, line.number)
                elif not self.headline:
                    i = self._take_headline(block, i)
                    subheadline_open = True
                    continue
                elif subheadline_open and not self.subheadline and self._can_be_subheadline(line):
                    self.subheadline, i = self._joined(block, i)
                    subheadline_open = False
                    continue
                else:
                    return [block[i:], *blocks[b + 1 :]]
                subheadline_open = self.headline != headline_before  # "Media Advisory: <headline>"
                i += 1
        last = blocks[-1][-1].number
        if not self.headline:
            raise ReleaseParseError(_("No headline: every line reads as a date, a contact or a label."), line=last)
        raise ReleaseParseError(_("The release has a headline but no body text."), line=last)

    def _take_label(self, text, number):
        """Take a timing, kind or date line; True if ``text`` was one."""
        if timing := layout.match_timing(text):
            self.timing = self.timing or timing.timing
            if timing.embargo_date:
                self.embargo = self.embargo or timing
                self.check_weekday(timing.embargo_date, number)
            if timing.rest:
                self._take_label(timing.rest, number)
            return True
        if kind := layout.match_kind(text):
            self.kind = self.kind or kind[0]
            if kind[1] and not self._take_label(kind[1], number) and not self.headline:
                self.headline = kind[1]
            return True
        if date_line := layout.match_date_line(text):
            if self.date is None:
                self.date, self.clock = date_line.date, date_line.time
                self.check_weekday(date_line.date, number)
            self.dateline = self.dateline or date_line.city
            return True
        return False

    def _is_contact(self, block, i, in_contacts):
        """A contact line: in a "CONTACT:" block, a short line with a phone or email, or a name right above one."""
        text = block[i].text
        following = block[i + 1].text if i + 1 < len(block) else ""
        if in_contacts and looks_like_contact(text):
            return True
        if in_contacts and looks_like_name(text) and (self._contact_needs_more() or _contact_ahead(block, i)):
            return True
        if looks_like_contact(text) and _few_words_besides_contact(text) and not layout.match_dateline(text):
            return True
        return looks_like_name(text) and looks_like_contact(following) and not read_line(following).name

    def _contact_needs_more(self):
        contacts = self.contacts.contacts
        return bool(contacts) and not contacts[-1].phone and not contacts[-1].email and not contacts[-1].role

    def _joined(self, block, i):
        """The line at ``i`` with the lines that continue it (a wrapped headline); returns (text, next index)."""
        parts = [block[i].text]
        i += 1
        while i < len(block) and block[i].text[:1].islower() and not re.search(r"[.!?:]$", parts[-1]):
            parts.append(block[i].text)
            i += 1
        return " ".join(parts), i

    def _take_headline(self, block, i):
        line = block[i]
        if layout.match_dateline(line.text) or layout.match_section(line.text):
            raise ReleaseParseError(
                _("No headline: the text starts with the body. Put the headline on its own line at the top."),
                line=line.number,
            )
        headline, after = self._joined(block, i)
        if len(headline) > HEADLINE_LENGTH:
            raise ReleaseParseError(
                _(
                    "No headline: the first line of text is %(length)s characters long; a headline is one line "
                    "of at most %(limit)s characters."
                )
                % {"length": len(headline), "limit": HEADLINE_LENGTH},
                line=line.number,
            )
        self.headline = headline
        return after

    def _can_be_subheadline(self, line):
        text = line.text
        if line.level >= 2:
            return True
        return not (
            len(text) > SUBHEADLINE_LENGTH
            or text.endswith(".")
            or layout.reads_like_paragraph(text)
            or layout.match_dateline(text)
            or layout.match_section(text)
            or layout.match_about(text)
            or layout.match_signers(text) is not None
        )

    def check_weekday(self, found, number):
        if not found.weekday_matches:
            self.warnings.append(
                _("Line %(line)s: the weekday does not match %(date)s; the date was kept.")
                % {"line": number, "date": found.value.isoformat()}
            )
