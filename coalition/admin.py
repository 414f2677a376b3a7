"""The press room's admin site: Django's, with the second step of staff sign-in (signin/mfa.py).

Extend this class (and only this one) for anything else the whole admin needs.
"""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from signin import mfa, views


class PressRoomAdminSite(admin.AdminSite):
    site_header = _("Press room administration")
    site_title = _("Press room")

    def has_permission(self, request):
        return super().has_permission(request) and not mfa.owes_second_step(request)

    def login(self, request, extra_context=None):
        """Signed in with the password but owing the second step: on to it, keeping where they were going."""
        if request.method == "GET" and mfa.owes_second_step(request):
            query = urlencode({"next": request.GET.get("next", reverse("admin:index"))})
            return redirect(f"{reverse('admin:mfa-second-step')}?{query}")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path("mfa/", never_cache(csrf_protect(self.second_step_view)), name="mfa-second-step"),
            path("mfa/enrol/<int:pk>/<str:token>/", never_cache(csrf_protect(self.enrol_view)), name="mfa-enrol"),
            *super().get_urls(),
        ]

    def second_step_view(self, request):
        return views.second_step(request, self)

    def enrol_view(self, request, pk, token):
        return views.enrol(request, self, pk, token)
