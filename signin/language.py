"""The language of each staff member's admin: the one they chose (``StaffPreference``), else their browser's.

Rules: ``LocaleMiddleware`` reads the browser's Accept-Language (or a language cookie) first; for a
signed-in staff member on an admin page, their stored choice, if any, wins, on every app server
and after signing in again. Public pages keep their own language whoever reads them.

The database holds the choice; signing in copies it into the session (``SESSION_KEY``), which every
app server shares and every admin page reads anyway, so applying it costs no query.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import StaffPreference

SESSION_KEY = "staff_language"


class StaffLanguageMiddleware:
    """After authentication: the admin in the language a staff member chose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and _is_admin(request):
            if chosen := request.session.get(SESSION_KEY):
                translation.activate(chosen)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="signin-staff-language")
def _remember_choice_in_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        chosen = StaffPreference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
        request.session[SESSION_KEY] = chosen or ""


def _is_admin(request) -> bool:
    return request.path_info.startswith(reverse("admin:index"))


class StaffLanguageForm(forms.ModelForm):
    class Meta:
        model = StaffPreference
        fields = ["language"]
        widgets = {"language": forms.RadioSelect}


def language_view(request, site):
    """The staff member's own choice of the admin's language."""
    preference = StaffPreference.objects.filter(user_id=request.user.pk).first() or StaffPreference(user=request.user)
    form = StaffLanguageForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        request.session[SESSION_KEY] = preference.language
        translation.activate(preference.language or translation.get_language_from_request(request))
        messages.success(request, _("Your language for the admin is saved."))
        return redirect(reverse("admin:staff-language"))
    context = {**site.each_context(request), "title": _("Language of the admin"), "form": form}
    return TemplateResponse(request, "signin/language.html", context)
