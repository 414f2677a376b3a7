"""Sending a scheduled release, under embargo, to journalists of the media list.

Rules:
- Only publishers send, and only a release scheduled for later (checked here, whatever the form says).
- Each journalist gets a personal access link of their own (an ``AccessLink``), never a shared
  one; the email gives the embargo time in their language and time zone, and the media contacts.
- A journalist who already has an open link to the release is not sent another.
- ``EmbargoSend`` is the log: queued, delivered to the mail server or failed, and whether the
  link was opened (from the access log). No pixels, no rewritten links.
"""

import logging
import smtplib
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import mailers
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks_db.utils import exclusive_transaction

from . import mailing
from .models import AccessLink, EmbargoSend, Journalist, Release, ReleaseContact
from .tasks import enqueue, send_embargo_emails
from .workflow import can_publish

logger = logging.getLogger(__name__)
LINK_LIFETIME_AFTER_THE_MOMENT = timezone.timedelta(days=7)


def recipients(journalists=(), media_lists=()):
    """The active journalists chosen, and those of the chosen lists, each once."""
    return (
        Journalist.objects.active()
        .filter(pk__in=[j.pk for j in journalists] + [j.pk for m in media_lists for j in m.journalists.all()])
        .order_by("name", "pk")
    )


@transaction.atomic
def send_embargo(release, user, *, journalists=(), media_lists=()):
    """Queue one email and one personal link per journalist; return the new ``EmbargoSend`` rows."""
    if not can_publish(user):
        raise PermissionDenied(_("Only publishers can send a release under embargo."))
    release = Release.objects.select_for_update().get(pk=release.pk)
    if not release.is_scheduled():
        raise ValidationError(_("Only a release scheduled for later can be sent under embargo."))
    has_link = set(
        AccessLink.objects.usable()
        .filter(release=release, purpose=AccessLink.Purpose.EMBARGO, embargo_send__isnull=False)
        .values_list("embargo_send__journalist_id", flat=True)
    )
    sends = []
    for journalist in recipients(journalists, media_lists).exclude(pk__in=has_link):
        link = AccessLink.objects.create(
            release=release,
            purpose=AccessLink.Purpose.EMBARGO,
            name=journalist.name,
            email=journalist.email,
            outlet=journalist.outlet,
            expires_at=release.released_at + LINK_LIFETIME_AFTER_THE_MOMENT,
            created_by=user,
        )
        sends.append(
            EmbargoSend.objects.create(
                release=release, journalist=journalist, link=link, email=journalist.email, created_by=user
            )
        )
    if sends:
        enqueue(send_embargo_emails, release.pk)
    return sends


def deliver(release_id):
    """Send the release's queued embargo emails, each claimed alone and marked after the server took it."""
    connection = mailers.default
    try:
        while True:
            with exclusive_transaction():
                send = (
                    EmbargoSend.objects.filter(release_id=release_id, state=EmbargoSend.State.PENDING)
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related("release", "journalist", "link")
                    .order_by("pk")
                    .first()
                )
                if send is None:
                    return
                deliver_one(send, connection)
    finally:
        connection.close()


def deliver_one(send, connection):
    release = Release.objects.get(pk=send.release_id)
    if not (release.is_scheduled() or release.is_published()):
        send.state, send.error = EmbargoSend.State.FAILED, _("The release was unpublished before the email went.")
    else:
        try:
            mailing.send(embargo_message(send, release), connection)
        except (smtplib.SMTPException, OSError, RuntimeError) as error:
            logger.warning("Embargo email %s not sent: %s", send.pk, error)
            connection.close()
            send.state, send.error = EmbargoSend.State.FAILED, str(error)[:1000]
        else:
            send.state, send.sent_at, send.error = EmbargoSend.State.SENT, timezone.now(), ""
    send.save(update_fields=["state", "sent_at", "error"])


def embargo_message(send, release):
    journalist = send.journalist
    language = journalist.language_for(release) if journalist else release.language
    zone = zoneinfo.ZoneInfo(journalist.time_zone) if journalist else timezone.get_default_timezone()
    contacts = [item.contact for item in ReleaseContact.objects.filter(release=release).select_related("contact")]
    with timezone.override(zone), translation.override(language):
        return mailing.build(
            "embargo",
            {
                "release": release,
                "name": send.link.name,
                "link_url": mailing.absolute(send.link.get_absolute_url()),
                "moment": timezone.localtime(release.released_at, zone),
                "zone": zone.key,
                "contacts": contacts,
            },
            to=send.email,
            language=language,
            headers={"Message-ID": mailing.message_id("embargo", send.pk, release.pk)},
        )
