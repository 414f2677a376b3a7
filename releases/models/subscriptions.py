"""Email subscriptions to releases, and the outbox of alerts sent to subscribers.

Rules:
- A subscription counts only once confirmed (double opt-in); an unconfirmed request expires.
- A subscriber gets a release that went public after they confirmed, if it matches their choices:
  one of their languages, one of their kinds (none chosen: all), one of their topics (none: all).
- A release going public is an ``Announcement`` (one per release and moment); when its moment
  comes, it becomes one ``Alert`` per subscriber and story (a release with its translations), the
  outbox row the worker sends exactly once.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .library import Language


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired(self):
        """Requests never confirmed within SUBSCRIPTION_CONFIRM_DAYS: deleted, never sent anything."""
        limit = timezone.now() - timezone.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
        return self.filter(confirmed_at__isnull=True, requested_at__lt=limit)


class Subscription(models.Model):
    """A reader's email address and what they want to hear about. Leaving deletes it."""

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(
        _("language of the emails"),
        max_length=5,
        choices=Language,
        default=Language.ENGLISH,
        help_text=_("Also the version of a release sent when it exists in several of the chosen languages."),
    )
    languages = models.JSONField(_("releases in"), default=list, help_text=_("Language codes, e.g. [“en”, “es”]."))
    kinds = models.JSONField(_("kinds"), default=list, blank=True, help_text=_("None chosen: every kind."))
    topics = models.ManyToManyField(
        "releases.Tag", blank=True, related_name="+", verbose_name=_("topics"), help_text=_("None chosen: all.")
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    consent = models.TextField(
        _("consent"), blank=True, help_text=_("What the subscriber agreed to, in the words they were shown.")
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-requested_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def is_confirmed(self):
        return self.confirmed_at is not None

    def wants(self, release):
        """Whether this release is for this subscriber (``release.tag_ids``: its topics' primary keys)."""
        return (
            release.language in self.languages
            and (not self.kinds or release.kind in self.kinds)
            and (not self.topic_ids or bool(self.topic_ids & release.tag_ids))
        )

    @property
    def topic_ids(self):
        return {topic.pk for topic in self.topics.all()}


class Announcement(models.Model):
    """A release set to go public at a moment: when it comes, subscribers are alerted, once.

    ``published_at`` is when the release was published with this moment: the release became
    visible at the later of the two. One published more than a day after its moment (an
    archive brought in) is not announced.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for its moment")
        DONE = "done", _("Alerts written")
        ARCHIVE = "archive", _("Not announced: its moment was long past when it was published")
        CANCELLED = "cancelled", _("Not announced: unpublished or rescheduled before its moment")

    release = models.ForeignKey("releases.Release", models.CASCADE, related_name="announcements")
    moment = models.DateTimeField(_("release moment"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    alerts_written_at = models.DateTimeField(_("alerts written"), null=True, blank=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["moment"]
        constraints = [models.UniqueConstraint(fields=["release", "moment"], name="one_announcement_per_moment")]
        indexes = [models.Index(fields=["state", "moment"], name="announcement_due")]

    def __str__(self):
        return f"{self.release_id} @ {self.moment:%Y-%m-%d %H:%M:%S}"

    @property
    def visible_since(self):
        return max(self.moment, self.published_at)


class AlertQuerySet(models.QuerySet):
    def due(self):
        """Alerts to send now: pending, and not waiting to retry."""
        return self.filter(state=Alert.State.PENDING, retry_after__lte=timezone.now())


class Alert(models.Model):
    """One subscriber's email for one story (a release and its translations): sent at most once.

    ``story`` is the original release, the key of "once"; ``release`` the version sent, in one of
    the subscriber's languages. The row is marked sent only after the mail server accepted it.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: the release was no longer public")

    subscription = models.ForeignKey(Subscription, models.CASCADE, related_name="alerts")
    story = models.ForeignKey("releases.Release", models.CASCADE, related_name="+")
    release = models.ForeignKey("releases.Release", models.CASCADE, related_name="alerts")
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    retry_after = models.DateTimeField(_("not before"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["subscription", "story"], name="one_alert_per_story")]
        indexes = [models.Index(fields=["state", "retry_after"], name="alert_due")]

    def __str__(self):
        return f"{self.subscription} · {self.release_id}"
