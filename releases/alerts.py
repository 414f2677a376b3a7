"""Alerting subscribers when a release goes public: exactly one email per subscriber and story.

Rules:
- Saving a published release (from the admin, an import or the shell) notes its moment as an
  ``Announcement`` and has the worker wake at that moment (``models/derived.announce_public_moments``).
  Visibility stays the query-time rule:
  when the worker wakes it asks ``Release.objects.published()``, so a release unpublished or
  rescheduled meanwhile is not alerted at the old moment, and nothing is sent before its moment.
- A release became visible at the later of its moment and its publication. One published more
  than a day after its moment (an archive brought in) alerts nobody; a release alerts once, at
  its first moment, however often it is rescheduled later.
- A subscriber gets a story (a release and its translations) that became visible after they
  confirmed and matches their choices, once, in their language when it exists (see ``version_for``).
- The outbox: one ``Alert`` row per subscriber and story, claimed with ``SELECT … FOR UPDATE SKIP
  LOCKED`` (an exclusive transaction on SQLite) and marked sent in the same transaction, right
  after the mail server accepted the message. A worker killed mid-batch holds no row any more;
  its successor, queued before it began, takes up the rest.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.utils import exclusive_transaction

from . import mailing
from .models import Alert, Announcement, Release, ReleaseContact, Subscription
from .models.derived import ARCHIVE_AFTER
from .subscriptions import signup, tokens
from .tasks import enqueue, send_alerts

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
Status = Release.Status


def run():
    """One pass of the worker: write the alerts whose moment has come, then send a batch of what is due."""
    if work_left():
        # Should this pass die (a worker killed), its successor takes up the rest.
        enqueue(send_alerts, run_after=timezone.now() + timezone.timedelta(seconds=settings.ALERT_RETRY_SECONDS))
    signup.forget_expired_requests()
    write_due_alerts()
    if deliver(settings.ALERT_BATCH_SIZE) == settings.ALERT_BATCH_SIZE > 0:
        enqueue(send_alerts)  # more to send: hand over, so other tasks get their turn
        return
    retry = Alert.objects.filter(state=Alert.State.PENDING).aggregate(first=Min("retry_after"))["first"]
    if retry is not None:
        enqueue(send_alerts, run_after=retry)


def work_left():
    now = timezone.now()
    return (
        Announcement.objects.filter(state=Announcement.State.PENDING, moment__lte=now).exists()
        or Alert.objects.due().exists()
    )


def write_due_alerts():
    """Turn each announcement whose moment has come into its alerts (or into a reason why none)."""
    while True:
        with transaction.atomic():
            announcement = (
                Announcement.objects.filter(state=Announcement.State.PENDING, moment__lte=timezone.now())
                .select_for_update(skip_locked=True)
                .select_related("release")
                .first()
            )
            if announcement is None:
                return
            announcement.state = write_alerts(announcement)
            announcement.alerts_written_at = timezone.now()
            announcement.save(update_fields=["state", "alerts_written_at"])


def write_alerts(announcement):
    """Write the announcement's alerts; return its new state."""
    release = announcement.release
    if not Release.objects.published().filter(pk=release.pk, released_at=announcement.moment).exists():
        return Announcement.State.CANCELLED
    if announcement.published_at - announcement.moment > ARCHIVE_AFTER:
        return Announcement.State.ARCHIVE
    if Announcement.objects.filter(release=release, state=Announcement.State.DONE).exists():
        return Announcement.State.DONE  # alerted at an earlier moment already
    story_id = release.translation_of_id or release.pk
    versions = list(Release.objects.published().filter(Q(pk=story_id) | Q(translation_of=story_id)).for_listing())
    tags = Release.tags.through.objects.filter(release__in=versions).values_list("release_id", "tag_id")
    for version in versions:
        version.tag_ids = {tag for release_id, tag in tags if release_id == version.pk}
    subscribers = (
        Subscription.objects.confirmed()
        .filter(confirmed_at__lt=announcement.visible_since)
        .exclude(alerts__story_id=story_id)
        .prefetch_related("topics")
    )
    alerts = []
    for subscription in subscribers.iterator(chunk_size=500):
        if version := version_for(subscription, versions, story_id):
            alerts.append(Alert(subscription=subscription, story_id=story_id, release=version))
    Alert.objects.bulk_create(alerts, batch_size=500, ignore_conflicts=True)
    return Announcement.State.DONE


def version_for(subscription, versions, story_id):
    """The version of the story to send: in the subscriber's own language, else the original, else
    the first they want; None if they want none of them."""
    wanted = [version for version in versions if subscription.wants(version)]
    for preferred in (
        lambda v: v.language == subscription.language,
        lambda v: v.pk == story_id,
        lambda v: True,
    ):
        for version in wanted:
            if preferred(version):
                return version
    return None


def deliver(limit):
    """Send up to ``limit`` due alerts, one claimed row at a time; return how many were handled."""
    handled, pace = 0, mailing.Pace(settings.ALERTS_PER_SECOND)
    connection = mailers.default
    try:
        while handled < limit:
            pace.wait()
            with exclusive_transaction():
                alert = (
                    Alert.objects.due()
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related("subscription")
                    .order_by("pk")
                    .first()
                )
                if alert is None:
                    break
                send_alert(alert, connection)
            handled += 1
    finally:
        connection.close()
    return handled


def send_alert(alert, connection):
    """Send one claimed alert and record what happened, in the claiming transaction."""
    alert.attempts += 1
    release = Release.objects.published().filter(pk=alert.release_id).first()
    if release is None:
        alert.state = Alert.State.SKIPPED  # unpublished or withdrawn since its alerts were written
    else:
        try:
            mailing.send(alert_message(alert, release), connection)
        except (smtplib.SMTPException, OSError, RuntimeError) as error:
            logger.warning("Alert %s not sent: %s", alert.pk, error)
            connection.close()
            alert.error = str(error)[:1000]
            permanent = isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500
            if permanent or isinstance(error, smtplib.SMTPRecipientsRefused) or alert.attempts >= MAX_ATTEMPTS:
                alert.state = Alert.State.FAILED
            else:
                alert.retry_after = timezone.now() + timezone.timedelta(
                    seconds=settings.ALERT_RETRY_SECONDS * alert.attempts
                )
        else:
            alert.state, alert.sent_at, alert.error = Alert.State.SENT, timezone.now(), ""
    alert.save(update_fields=["attempts", "state", "sent_at", "error", "retry_after"])


def alert_message(alert, release):
    subscription = alert.subscription
    leave = tokens.leave_url(subscription)
    contacts = [item.contact for item in ReleaseContact.objects.filter(release=release).select_related("contact")] or [
        item.contact for item in ReleaseContact.objects.filter(release=alert.story_id).select_related("contact")
    ]
    return mailing.build(
        "alert",
        {
            "release": release,
            "release_url": mailing.absolute(release.get_absolute_url()),
            "contacts": contacts,
            "manage_url": tokens.manage_url(subscription),
            "leave_url": leave,
            "subscribe_url": mailing.absolute(reverse("subscriptions:subscribe")),
        },
        to=subscription.email,
        language=subscription.language,
        headers={
            "List-Id": mailing.list_id(),
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
            "Message-ID": mailing.message_id("alert", alert.pk, alert.story_id),
        },
    )
