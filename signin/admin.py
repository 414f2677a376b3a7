from axes.utils import reset as reset_attempts
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from . import mfa

User = get_user_model()


@admin.action(description=_("Issue a one-time link to set up an authenticator"), permissions=["superuser"])
def issue_enrolment_links(modeladmin, request, queryset):
    for user in queryset:
        link = request.build_absolute_uri(mfa.issue_enrolment_link(user))
        modeladmin.message_user(
            request,
            _(
                "Enrolment link for %(username)s, good once within %(hours)s hours: %(link)s — send it to them "
                "privately; they open it, sign in with their password and scan the code."
            )
            % {"username": user.get_username(), "hours": mfa.ENROLMENT_LINK_HOURS, "link": link},
            messages.SUCCESS,
        )


@admin.action(description=_("Unlock sign-in after failed attempts"), permissions=["superuser"])
def unlock_sign_in(modeladmin, request, queryset):
    names = [user.get_username() for user in queryset]
    for name in names:
        reset_attempts(username=name)
    modeladmin.message_user(
        request,
        _("Sign-in unlocked for %(names)s: their failed attempts are forgotten.") % {"names": ", ".join(names)},
        messages.SUCCESS,
    )


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, with the superuser's sign-in actions and whether an authenticator is set up."""

    actions = [issue_enrolment_links, unlock_sign_in]
    list_display = [*UserAdmin.list_display, "has_authenticator"]

    @admin.display(boolean=True, description=_("authenticator"))
    def has_authenticator(self, user):
        return mfa.has_authenticator(user)

    def has_superuser_permission(self, request):
        return request.user.is_superuser
