"""Asking for, confirming and leaving a subscription; the emails that go with them."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import mailing
from ..models import Subscription
from ..tasks import enqueue, send_subscription_email
from . import tokens

# One email per address in this many seconds, however often it is entered.
EMAIL_INTERVAL_SECONDS = 15 * 60
HOUR = 3600


def allowed(key, limit, seconds):
    """Count one more use of ``key`` in the shared cache; False once it passes ``limit`` in ``seconds``."""
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= limit


def request_allowed(network_address):
    return allowed(f"subscriptions:requests:{network_address}", settings.SUBSCRIPTION_REQUESTS_PER_HOUR, HOUR)


def request_subscription(email, *, languages, kinds, topics, consent):
    """Record the request (or, for a subscribed address, leave it be) and email the address.

    The caller answers the same in every case; what differs goes only to the address's owner.
    """
    email = email.strip().lower()
    subscription = Subscription.objects.filter(email=email).first()
    if subscription is not None and subscription.is_confirmed():
        purpose = "already-subscribed"
    else:
        subscription = subscription or Subscription(email=email)
        subscription.language = translation.get_language() or settings.LANGUAGE_CODE
        subscription.languages, subscription.kinds = list(languages), list(kinds)
        subscription.requested_at, subscription.consent = timezone.now(), str(consent)
        subscription.save()
        subscription.topics.set(topics)
        purpose = "confirm"
    digest = hashlib.sha256(email.encode()).hexdigest()
    if cache.add(f"subscriptions:emailed:{digest}", 1, timeout=EMAIL_INTERVAL_SECONDS):
        enqueue(send_subscription_email, subscription.pk, purpose)


def confirm(subscription):
    """Confirm once; the consent record says what was agreed, to which choices, and when."""
    if subscription.is_confirmed():
        return
    subscription.confirmed_at = timezone.now()
    with translation.override(subscription.language):
        subscription.consent = _(
            "%(consent)s\nReleases in: %(languages)s. Kinds: %(kinds)s. Topics: %(topics)s.\n"
            "Confirmed by following the link emailed to %(email)s, at %(moment)s (UTC)."
        ) % {
            "consent": subscription.consent,
            "languages": ", ".join(subscription.languages),
            "kinds": ", ".join(subscription.kinds) or _("all"),
            "topics": ", ".join(topic.name for topic in subscription.topics.all()) or _("all"),
            "email": subscription.email,
            "moment": subscription.confirmed_at.astimezone(timezone.UTC).strftime("%Y-%m-%d %H:%M:%S"),
        }
    subscription.save(update_fields=["confirmed_at", "consent"])


def forget_expired_requests():
    Subscription.objects.expired().delete()


def send_email(subscription_id, purpose):
    """The confirmation email, or for a subscribed address the reminder of its preferences link."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return
    if purpose == "confirm" and not subscription.is_confirmed():
        template, context = "subscription_confirm", {"confirm_url": tokens.confirm_url(subscription)}
    elif subscription.is_confirmed():
        template, context = "subscription_reminder", {"manage_url": tokens.manage_url(subscription)}
    else:
        return
    context["days"] = settings.SUBSCRIPTION_CONFIRM_DAYS
    mailing.send(mailing.build(template, context, to=subscription.email, language=subscription.language))
