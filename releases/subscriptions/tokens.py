"""Signed tokens for the links in subscription emails (no account, nothing stored)."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..mailing import absolute
from ..models import Subscription

CONFIRM_SALT = "releases.subscriptions.confirm"
MANAGE_SALT = "releases.subscriptions.manage"


class Expired(Exception):
    """A confirmation link older than SUBSCRIPTION_CONFIRM_DAYS."""


def confirm_url(subscription):
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription.pk))
    return absolute(reverse("subscriptions:confirm", args=[token]))


def manage_url(subscription):
    return absolute(reverse("subscriptions:manage", args=[manage_token(subscription)]))


def leave_url(subscription):
    """The RFC 8058 one-click address: a POST to it unsubscribes; a GET asks first."""
    return absolute(reverse("subscriptions:leave", args=[manage_token(subscription)]))


def manage_token(subscription):
    return signing.Signer(salt=MANAGE_SALT).sign(str(subscription.pk))


def subscription_to_confirm(token):
    """The subscription a confirmation token names; Expired once it is too old, 404 if it is no token."""
    try:
        pk = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=settings.SUBSCRIPTION_CONFIRM_DAYS * 24 * 3600
        )
    except signing.SignatureExpired as error:
        raise Expired from error
    except signing.BadSignature as error:
        raise Http404 from error
    return get_object_or_404(Subscription, pk=pk)


def managed_pk(token):
    """The primary key a preferences token was signed for (the subscription may be gone since); 404 if none."""
    try:
        return int(signing.Signer(salt=MANAGE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise Http404 from error


def subscription_to_manage(token):
    return get_object_or_404(Subscription.objects.confirmed(), pk=managed_pk(token))
