"""The second step's pages on the admin site: giving a code, and setting up an authenticator from a link."""

from base64 import b32encode

import segno
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import mfa
from .forms import CodeForm, FirstCodeForm


def page(request, site, template, context, status=200):
    """An admin page for someone who has not yet given the second step: no navigation to what they may not see."""
    context = {**site.each_context(request), "available_apps": [], "is_nav_sidebar_enabled": False, **context}
    return TemplateResponse(request, template, context, status=status)


def signed_in_staff(request):
    return request.user.is_authenticated and request.user.is_staff


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def second_step(request, site):
    if not signed_in_staff(request):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    next_url = safe_next(request)
    if not mfa.owes_second_step(request):
        return redirect(next_url)
    has_authenticator = mfa.has_authenticator(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and has_authenticator and form.is_valid():
        if mfa.check_code(request, form.cleaned_data["code"]):
            return redirect(next_url)
        form.add_error(
            "code",
            _(
                "That code did not work. Use the code the app shows now (it changes every 30 seconds), or a "
                "recovery code you have not used. After several wrong codes, wait a little before trying again."
            ),
        )
    context = {"form": form, "has_authenticator": has_authenticator, "next": next_url, "title": _("Second step")}
    return page(request, site, "signin/second_step.html", context)


def enrol(request, site, pk, token):
    if not signed_in_staff(request):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if mfa.has_authenticator(request.user) and not request.user.is_verified():
        # Adding a second phone: first show the one already set up.
        return redirect(f"{reverse('admin:mfa-second-step')}?next={request.path}")
    device = mfa.enrolment_device(request.user, pk, token)
    if device is None:
        return page(
            request, site, "signin/enrolment_link_unusable.html", {"title": _("This link no longer works")}, status=404
        )
    form = FirstCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.confirm(request, device, form.cleaned_data["code"])
        if codes is not None:
            return page(request, site, "signin/recovery_codes.html", {"codes": codes, "title": _("Recovery codes")})
        form.add_error("code", _("That code did not work. Type the six digits the app shows now."))
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "title": _("Set up your authenticator app"),
        "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return page(request, site, "signin/enrol.html", context)
