"""The press room's admin site: Django's, with the second step of staff sign-in (signin/mfa.py), and
each staff member's own choice of its language (signin/language.py), "Import or export" as an entry of
its own in the navigation and on the home page, for the roles that may
use it (releases/admin/import_export.py), and the rich-text editor's paste cleaning (releases/admin/paste.py).

Extend this class (and only this one) for anything else the whole admin needs.
"""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from signin import language, mfa, views


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
        # Imported here: this module is loaded while the releases' ModelAdmins register with the site.
        from releases.admin import import_export, paste

        return [
            path("mfa/", never_cache(csrf_protect(self.second_step_view)), name="mfa-second-step"),
            path("mfa/enrol/<int:pk>/<str:token>/", never_cache(csrf_protect(self.enrol_view)), name="mfa-enrol"),
            path("language/", self.admin_view(self.language_view), name="staff-language"),
            *import_export.urls(self),
            *paste.urls(self),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        from releases.admin import import_export

        app_list = super().get_app_list(request, app_label)
        entry = import_export.navigation_entry(request)
        for app in app_list:
            if entry and app["app_label"] == "releases":
                app["models"] = sorted([*app["models"], entry], key=lambda model: str(model["name"]))
        return app_list

    def language_view(self, request):
        return language.language_view(request, self)

    def second_step_view(self, request):
        return views.second_step(request, self)

    def enrol_view(self, request, pk, token):
        return views.enrol(request, self, pk, token)
