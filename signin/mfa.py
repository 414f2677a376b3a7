"""Staff sign-in's second step: who owes one, and the one-time links that set up an authenticator.

Rules:
- A signed-in staff member owes a second step (a code from an authenticator app, or one recovery code)
  when they have a confirmed authenticator, or when one is required of them: publishers and superusers,
  while REQUIRE_STAFF_MFA is on (the default) and DEBUG is off. Until it is given, the admin grants
  nothing and the public site treats them as a reader (no previews of unpublished releases).
- An authenticator is set up only through a one-time enrolment link that a superuser issues (the users
  list's action, or ``manage.py reset_mfa USERNAME``), opened within ENROLMENT_LINK_HOURS by the person
  it was issued for, signed in with their password. A password alone never sets one up: whoever guessed
  or found a password must not be able to enrol their own phone.
- Confirming the authenticator with its first code gives ten recovery codes, each good once, shown once.
- Resetting (a lost phone) removes every authenticator and recovery code of the person and issues a new
  link; issuing a link replaces any earlier unused one.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ENROLMENT_LINK_HOURS = 72
RECOVERY_CODES = 10
REQUIRED_FOR_GROUPS = ("Publisher",)
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
# The admin's own pages a person owing a second step may still open: signing in and out, the second step.
SECOND_STEP_VIEWS = {"admin:login", "admin:logout", "admin:mfa-second-step", "admin:mfa-enrol"}


def required_for(user) -> bool:
    return (
        settings.REQUIRE_STAFF_MFA
        and not settings.DEBUG
        and (user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists())
    )


def has_authenticator(user) -> bool:
    """Whether ``user`` has set up an authenticator app (their recovery codes come with it)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def owes_second_step(request) -> bool:
    """Whether the person signed in with a password but has not yet given the second step; answered once
    per request (the admin asks several times)."""
    if not hasattr(request, "owes_second_step"):
        user = request.user
        request.owes_second_step = (
            user.is_authenticated
            and user.is_staff
            and not user.is_verified()
            and (has_authenticator(user) or required_for(user))
        )
    return request.owes_second_step


def check_code(request, code: str):
    """Signs the second step in with ``code`` (authenticator or recovery code); returns the device or None."""
    device = match_token(request.user, "".join(code.split()).lower())
    if device is not None:
        sign_in_second_step(request, device)
    return device


def sign_in_second_step(request, device):
    request.session.cycle_key()  # A session that gained a right gets a new key.
    otp_login(request, device)
    request.owes_second_step = False


def enrolment_token(device: TOTPDevice) -> str:
    return salted_hmac("signin.mfa.enrolment", f"{device.pk}:{device.key}", algorithm="sha256").hexdigest()[:40]


@transaction.atomic
def issue_enrolment_link(user) -> str:
    """The path of a new one-time enrolment link for ``user``; any earlier unused link stops working."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return reverse("admin:mfa-enrol", kwargs={"pk": device.pk, "token": enrolment_token(device)})


@transaction.atomic
def reset(user) -> tuple[int, str]:
    """Removes every authenticator and recovery code of ``user`` (a lost phone); returns how many
    there were and the path of a new enrolment link."""
    removed = len(list(devices_for_user(user, confirmed=True)))
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return removed, issue_enrolment_link(user)


def enrolment_device(user, pk: int, token: str) -> TOTPDevice | None:
    """The unconfirmed authenticator the link sets up, if it is ``user``'s, unused and not expired."""
    device = TOTPDevice.objects.filter(
        pk=pk,
        user=user,
        confirmed=False,
        created_at__gte=timezone.now() - timedelta(hours=ENROLMENT_LINK_HOURS),
    ).first()
    if device is not None and constant_time_compare(token, enrolment_token(device)):
        return device
    return None


@transaction.atomic
def confirm(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the authenticator with its first code and signs the second step in; returns the new
    recovery codes, or None when the code is wrong."""
    if not device.verify_token("".join(code.split())):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    sign_in_second_step(request, device)
    return codes


class SecondStepMiddleware:
    """Until the second step is given, the person is a reader everywhere but the sign-in pages.

    Sits after django_otp's OTPMiddleware (which tells whether this session gave the second step).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name not in SECOND_STEP_VIEWS and owes_second_step(request):
            request.user = AnonymousUser()
        return None
