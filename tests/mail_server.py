"""A real SMTP server in the test process (aiosmtpd), and what tests read from the messages it took."""

import email
import email.policy
import re
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: keeps every message the server accepted (answered 250 to), parsed.

    ``before_reply``, if set, is called with the message before the server answers; returning a
    reply string (e.g. "451 …") answers that instead, and the message is not kept.
    """

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.before_reply = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        if self.before_reply is not None and (reply := self.before_reply(message)):
            return reply
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        with self.lock:
            return [message for message in self.messages if address in message["To"]]

    def count(self):
        with self.lock:
            return len(self.messages)


class MailServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def mailer(self):
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": self.port},
        }

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def links_in(message):
    return re.findall(r"https?://[^\s<>\"]+", text_of(message))


def path_of(url, site_url):
    assert url.startswith(site_url), f"{url} is not under {site_url}"
    return url[len(site_url) :]
