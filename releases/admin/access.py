from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import AccessLink, AccessLog
from ..workflow import EDIT_PERMISSION, can_publish

DEFAULT_LIFETIME = timezone.timedelta(days=7)


class AccessLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(label=_("revoke"), required=False, help_text=_("Closes the link at once."))

    class Meta:
        model = AccessLink
        fields = ["purpose", "name", "email", "outlet", "expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("expires_at", timezone.now() + DEFAULT_LIFETIME)
        self.fields["expires_at"].help_text = _("Shown in the coalition's time zone.")

    def clean(self):
        cleaned_data = super().clean()
        if self.has_changed() and cleaned_data.get("purpose") == AccessLink.Purpose.EMBARGO:
            if not can_publish(self.user):
                raise forms.ValidationError(_("Only publishers can give journalists embargoed early access."))
        return cleaned_data

    def save(self, commit=True):
        link = super().save(commit=False)
        if not link.pk:
            link.created_by = self.user
        if self.cleaned_data.get("revoke") and link.revoked_at is None:
            link.revoked_at = timezone.now()
        if commit:
            link.save()
        return link


class AccessLinkColumnsMixin:
    """What the link's own admin and the release's inline both show of a link: its address, its
    state and how often it was opened. Links are revoked, never deleted: the log of who saw what stays."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(view_total=Count("views"))

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("link to send"))
    def address(self, link):
        if not link.pk:
            return "—"
        url = self.request.build_absolute_uri(link.get_absolute_url())
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

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.user = request.user
        self.request = request
        return formset

    # Whoever may edit the release may give preview links from its form; the form lets only
    # publishers grant or change embargo links.
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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        self.request = request
        return form

    def get_fields(self, request, obj=None):
        return ["release", *AccessLinkForm.Meta.fields, "address", "state", "revoke"]

    def get_readonly_fields(self, request, obj=None):
        return ["address", "state"] + (["release"] if obj else [])

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, ngettext("%d link revoked.", "%d links revoked.", count) % count)
