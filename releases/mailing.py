"""Emails the press room sends: built from templates, plain text with an HTML alternative.

Rules: links are the press room's own addresses, written out whole (SITE_URL): no trackers, no
pixels, no rewritten links. Alerts carry ``List-Id`` and RFC 8058 one-click unsubscribe headers.
A message's Message-ID is derived from the row it is sent for, so a receiver can tell a repeat.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.utils import translation

from members.models import coalition_profile


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def site_host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def list_id():
    """The List-Id of release alerts (RFC 2919): a name, and an identifier under the site's host."""
    coalition = coalition_profile()
    name = coalition.name if coalition else "Press room"
    return f'"{name}" <releases.{site_host()}>'


def message_id(kind, *parts):
    return f"<{kind}-{'.'.join(str(part) for part in parts)}@{site_host()}>"


def build(template, context, *, to, language, headers=None):
    """An email from ``templates/emails/<template>.txt`` and ``.html``; the subject is the text's first line."""
    with translation.override(language):
        context = {"coalition": coalition_profile(), "site_url": settings.SITE_URL, **context}
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    subject, _, body = text.partition("\n")
    message = EmailMultiAlternatives(
        subject.strip(),
        body.lstrip("\n"),
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def send(message, connection=None):
    """Hand ``message`` to the mail server; raises unless the server accepted it."""
    if connection is None:
        with mailers.default as connection:
            return send(message, connection)
    connection.open()  # a batch keeps one connection open; a no-op when it is open already
    if connection.send_messages([message]) != 1:
        raise RuntimeError("The mail server did not take the message.")


class Pace:
    """Keeps a loop of sends at or under ``per_second`` (0: as fast as the server takes them)."""

    def __init__(self, per_second):
        self.interval = 1 / per_second if per_second > 0 else 0
        self.last = None

    def wait(self):
        if self.interval and self.last is not None:
            time.sleep(max(0, self.last + self.interval - time.monotonic()))
        self.last = time.monotonic()
