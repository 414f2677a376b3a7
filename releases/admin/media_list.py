"""The media list (journalists and their lists), the embargo mailing of a release, and subscriptions."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import embargo_mailing, workflow
from ..models import AccessLog, Alert, EmbargoSend, Journalist, Language, MediaList, Release, Subscription


class JournalistForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=Journalist._meta.get_field("languages").help_text,
    )

    class Meta:
        model = Journalist
        fields = ["name", "outlet", "email", "languages", "time_zone", "beats", "notes", "is_active"]


@admin.register(Journalist)
class JournalistAdmin(admin.ModelAdmin):
    form = JournalistForm
    list_display = ["name", "outlet", "email", "time_zone", "is_active"]
    list_filter = ["is_active", "lists", "beats"]
    search_fields = ["name", "outlet", "email"]
    autocomplete_fields = ["beats"]


@admin.register(MediaList)
class MediaListAdmin(admin.ModelAdmin):
    list_display = ["name", "size"]
    search_fields = ["name"]
    filter_horizontal = ["journalists"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(journalist_count=Count("journalists"))

    @admin.display(description=_("journalists"), ordering="journalist_count")
    def size(self, media_list):
        return media_list.journalist_count


class AlertInline(admin.TabularInline):
    model = Alert
    fields = ["release", "state", "created_at", "sent_at", "attempts", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Subscribers manage their own choices by their link; staff see them, and may delete one."""

    list_display = ["email", "language", "languages", "requested_at", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter), "language"]
    search_fields = ["email"]
    fields = ["email", "language", "languages", "kinds", "topics", "requested_at", "confirmed_at", "consent"]
    readonly_fields = fields
    inlines = [AlertInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EmbargoMailingForm(forms.Form):
    media_lists = forms.ModelMultipleChoiceField(
        label=_("Lists"), queryset=MediaList.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    journalists = forms.ModelMultipleChoiceField(
        label=_("Journalists"),
        queryset=Journalist.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not data.get("media_lists") and not data.get("journalists"):
            raise ValidationError(_("Choose at least one list or journalist."))
        return data


def embargo_mailing_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(embargo_mailing_view, model_admin=model_admin))
    return [path("<path:object_id>/embargo-mailing/", view, name="releases_release_embargo_mailing")]


def embargo_mailing_view(request, object_id, *, model_admin):
    """Send the release under embargo to chosen journalists and lists; below, what was sent to whom."""
    release = get_object_or_404(Release, pk=object_id)
    if not workflow.can_publish(request.user):
        raise PermissionDenied
    form = EmbargoMailingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sends = embargo_mailing.send_embargo(
                release,
                request.user,
                journalists=form.cleaned_data["journalists"],
                media_lists=form.cleaned_data["media_lists"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = len(sends)
            messages.success(
                request,
                ngettext("%d embargo email queued.", "%d embargo emails queued.", count) % count
                if count
                else _("Everyone chosen already has an open link to this release."),
            )
            return redirect(reverse("admin:releases_release_embargo_mailing", args=[release.pk]))
    log = (
        EmbargoSend.objects.filter(release=release)
        .select_related("journalist", "link")
        .annotate(opened=Exists(AccessLog.objects.filter(link=OuterRef("link"))))
    )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Embargo mailing: “%(headline)s”") % {"headline": release.headline},
        "original": release,
        "release": release,
        "form": form,
        "log": log,
        "can_send": release.is_scheduled(),
    }
    return TemplateResponse(request, "admin/releases/release/embargo_mailing.html", context)
