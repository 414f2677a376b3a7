from urllib.parse import urljoin

from django import forms
from django.contrib import admin, messages
from django.db.models import CharField, Count, Value
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import AccessLink, AccessLog
from ..workflow import EDIT_PERMISSION, access_purposes

DEFAULT_LIFETIME = timezone.timedelta(days=7)


class AccessLinkForm(forms.ModelForm):
    """An access link as staff give or change it. The purposes it offers are those the user's role may
    give (``AccessLinkColumnsMixin.formfield_for_choice_field``): any other is refused. A link of a
    purpose it does not offer (an embargo link, to a writer) is shown as it is and cannot be changed."""

    revoke = forms.BooleanField(label=_("revoke"), required=False, help_text=_("Closes the link at once."))

    class Meta:
        model = AccessLink
        fields = ["purpose", "name", "email", "outlet", "expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("expires_at", timezone.now() + DEFAULT_LIFETIME)
        self.fields["expires_at"].help_text = _("Shown in the coalition's time zone.")
        purpose = self.fields["purpose"]
        if self.instance.pk and self.instance.purpose not in dict(purpose.choices):
            # Disabled fields keep their stored values whatever is posted: the link stays as it is.
            purpose.choices = [(self.instance.purpose, self.instance.get_purpose_display())]
            for field in self.fields.values():
                field.disabled = True

    def save(self, commit=True):
        link = super().save(commit=False)
        if self.cleaned_data.get("revoke") and link.revoked_at is None:
            link.revoked_at = timezone.now()
        if commit:
            link.save()
        return link


class AccessLinkColumnsMixin:
    """What the link's own admin and the release's inline both show of a link: its address, its
    state and how often it was opened. Links are revoked, never deleted: the log of who saw what stays."""

    def get_queryset(self, request):
        # Each link carries the site's address as this request reaches it, for the link to send.
        origin = Value(request.build_absolute_uri("/"), output_field=CharField())
        return super().get_queryset(request).annotate(view_total=Count("views"), origin=origin)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "purpose":
            allowed = access_purposes(request.user)
            kwargs["choices"] = [(value, label) for value, label in AccessLink.Purpose.choices if value in allowed]
            if allowed and db_field.default not in allowed:
                kwargs["initial"] = allowed[0]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("link to send"))
    def address(self, link):
        if not link.pk or not getattr(link, "origin", None):
            return "—"
        url = urljoin(link.origin, link.get_absolute_url())
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("state"))
    def state(self, link):
        if not link.pk:
            return "—"
        if link.revoked_at:
            return _("revoked")
        if link.expires_at <= timezone.now():
            return _("expired")
        return _("open")

    @admin.display(description=_("views"), ordering="view_total")
    def view_count(self, link):
        return getattr(link, "view_total", 0)


class AccessLinkInline(AccessLinkColumnsMixin, admin.StackedInline):
    """Personal links to the release before it is public; each opening is logged."""

    model = AccessLink
    form = AccessLinkForm
    extra = 0
    fields = ["purpose", "name", "email", "outlet", "expires_at", "address", "state", "view_count", "revoke"]
    readonly_fields = ["address", "state", "view_count"]
    verbose_name_plural = _("access links (embargoed early access and previews)")

    # Whoever may edit the release may give preview links from its form; the form offers
    # embargo links, and lets them be changed, to publishers only.
    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(EDIT_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(EDIT_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(EDIT_PERMISSION)


class AccessLogInline(admin.TabularInline):
    model = AccessLog
    fields = ["viewed_at", "path", "user_agent"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AccessLink)
class AccessLinkAdmin(AccessLinkColumnsMixin, admin.ModelAdmin):
    form = AccessLinkForm
    list_display = ["name", "outlet", "purpose", "release", "expires_at", "state", "view_count"]
    list_filter = ["purpose", "expires_at"]
    list_select_related = ["release"]
    search_fields = ["name", "email", "outlet", "release__headline"]
    autocomplete_fields = ["release"]
    inlines = [AccessLogInline]
    actions = ["revoke"]
    date_hierarchy = "created_at"

    def get_fields(self, request, obj=None):
        return ["release", *AccessLinkForm.Meta.fields, "address", "state", "revoke"]

    def get_readonly_fields(self, request, obj=None):
        return ["address", "state"] + (["release"] if obj else [])

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, ngettext("%d link revoked.", "%d links revoked.", count) % count)
