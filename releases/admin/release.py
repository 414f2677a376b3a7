from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Min
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from ..models import Attachment, Correction, Release, ReleaseContact, StatusChange
from ..workflow import TRANSITIONS, apply_transition, available_transitions, can_publish
from .access import AccessLinkInline
from .csp import RichTextEditorCSPMixin, allow_import_maps
from .import_export import import_export_urls
from .revisions import RevisionDiffMixin

WORKFLOW_FIELDS = ["status", "withdrawn_at", "withdrawal_reason", "answer_gone"]


def in_zone_and_utc(moment):
    """A moment as the coalition's staff and their partners abroad read it: local zone, then UTC."""
    if moment is None:
        return "—"
    local = timezone.localtime(moment)
    utc = moment.astimezone(timezone.UTC)
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.tzname()} · {date_format(utc, 'DATETIME_FORMAT')} UTC"


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        bounds = Release.objects.aggregate(first=Min("released_at"), last=Max("released_at"))
        if not bounds["first"]:
            return []
        return [(str(year), str(year)) for year in range(bounds["last"].year, bounds["first"].year - 1, -1)]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(released_at__year=int(self.value()))
        return queryset


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Release.Status.choices, ("scheduled", _("Scheduled"))]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() in Release.Status.values:
            return queryset.filter(status=self.value())
        return queryset


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ["contact"]
    extra = 0
    verbose_name = _("media contact")
    verbose_name_plural = _("media contacts (in the order they are printed)")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


class CorrectionInline(admin.TabularInline):
    """Dated correction notes, printed on the release; publishers add them to published releases."""

    model = Correction
    extra = 0

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.status == Release.Status.PUBLISHED and can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_publish(request.user)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ["changed_at", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("publishing history")

    def has_add_permission(self, request, obj=None):
        return False


class ReleaseAdminForm(forms.ModelForm):
    """The release form. It refuses a save if someone else saved the release since the form was
    opened (schedule included), and checks a requested transition before anything is saved."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Release
        # The fields ReleaseAdmin.fieldsets lay out; contacts have their own inline, the rest is read-only.
        fields = [
            "kind",
            "language",
            "headline",
            "subheadline",
            "slug",
            "summary",
            "body",
            "boilerplate",
            "spokespeople",
            "cosigners",
            "released_at",
            "timing",
            "dateline",
            "translation_of",
            "same_moment_as_original",
            "tags",
            "image",
            "image_alt",
            "image_credit",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["loaded_version"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        self._check_not_changed_meanwhile()
        transition = self._check_requested_transition()
        if "cosigners" in cleaned_data:
            # Checked as the release will be once the button's transition applies; the status itself
            # changes only in apply_transition(), which records who did it.
            status = self.instance.status
            if transition and transition.target == Release.Status.PUBLISHED:
                self.instance.status = Release.Status.PUBLISHED
            self.instance.kind = cleaned_data.get("kind", self.instance.kind)
            try:
                self.instance.clean_cosigners(cleaned_data["cosigners"])
            except ValidationError as error:
                self.add_error(None, error)
            finally:
                self.instance.status = status
        return cleaned_data

    check_concurrent_edits = True
    requested_transition = None
    user = None

    def _check_requested_transition(self):
        """The publishing button pressed, if this user may press it on this release now."""
        if not self.requested_transition:
            return None
        allowed = {t.name: t for t in available_transitions(self.instance, self.user)}
        if self.requested_transition not in allowed:
            raise ValidationError(
                _("You cannot “%(action)s” this release: it is “%(status)s”, or your role may not do it."),
                params={
                    "action": TRANSITIONS[self.requested_transition].label
                    if self.requested_transition in TRANSITIONS
                    else self.requested_transition,
                    "status": self.instance.display_status if self.instance.pk else Release.Status.DRAFT.label,
                },
            )
        return allowed[self.requested_transition]

    def _check_not_changed_meanwhile(self):
        if not self.instance.pk or not self.check_concurrent_edits:
            return
        current = (
            Release.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values("updated_at", "updated_by__username")
            .first()
        )
        if current and self.cleaned_data.get("loaded_version") != current["updated_at"].isoformat():
            raise ValidationError(
                _(
                    "%(user)s saved this release at %(moment)s, after you opened it. Your text is still in the "
                    "form below: compare with the latest version in “History”, then copy your changes into a "
                    "freshly opened form."
                ),
                code="changed_meanwhile",
                params={
                    "user": current["updated_by__username"] or _("Someone"),
                    "moment": in_zone_and_utc(current["updated_at"]),
                },
            )


@admin.register(Release)
class ReleaseAdmin(RichTextEditorCSPMixin, RevisionDiffMixin, VersionAdmin):
    form = ReleaseAdminForm
    change_form_template = "admin/releases/release/change_form.html"
    change_list_template = "admin/releases/release/change_list.html"
    list_display = ["headline", "kind", "language", "state", "moment", "updated_by"]
    list_filter = [StatusFilter, "kind", "language", YearFilter, "tags"]
    list_select_related = ["updated_by"]
    search_fields = ["headline", "subheadline", "slug"]
    date_hierarchy = "released_at"
    show_full_result_count = False
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["spokespeople", "cosigners", "tags", "boilerplate", "translation_of"]
    readonly_fields = ["state", "moment", "withdrawal", "created_at", "created_by", "updated_at", "updated_by"]
    inlines = [ReleaseContactInline, AttachmentInline, CorrectionInline, AccessLinkInline, StatusChangeInline]
    actions = ["submit_for_review", "publish"]
    save_on_top = True
    fieldsets = [
        (
            _("What"),
            {"fields": ["kind", "language", "headline", "subheadline", "slug", "summary", "body", "boilerplate"]},
        ),
        (_("Who"), {"fields": ["spokespeople", "cosigners"]}),
        (
            _("When"),
            {
                "fields": [
                    "state",
                    "released_at",
                    "moment",
                    "timing",
                    "dateline",
                    "translation_of",
                    "same_moment_as_original",
                    "withdrawal",
                ]
            },
        ),
        (_("Extras"), {"fields": ["tags", "image", "image_alt", "image_credit"]}),
        (_("History"), {"classes": ["collapse"], "fields": ["created_at", "created_by", "updated_at", "updated_by"]}),
    ]

    @admin.display(description=_("status"), ordering="status")
    def state(self, release):
        return release.display_status if release.pk else Release.Status.DRAFT.label

    @admin.display(description=_("release moment (local · UTC)"), ordering="released_at")
    def moment(self, release):
        return in_zone_and_utc(release.released_at)

    @admin.display(description=_("withdrawal"))
    def withdrawal(self, release):
        if not release.is_withdrawn():
            return "—"
        return format_html("{} — {}", in_zone_and_utc(release.withdrawn_at), release.withdrawal_reason)

    # Roles: a writer edits drafts and releases in review; published and withdrawn ones are the publishers'.
    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status in (Release.Status.PUBLISHED, Release.Status.WITHDRAWN):
            if not can_publish(request.user):
                return False
        return super().has_change_permission(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    # A public release is withdrawn before it can be deleted, so feeds and readers learn it left.
    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published():
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        public = queryset.published()
        if public.exists():
            messages.warning(request, _("Public releases were kept: withdraw a public release before deleting it."))
        super().delete_queryset(request, queryset.exclude(pk__in=public))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.requested_transition = request.POST.get("_transition") if request.method == "POST" else None
        form.user = request.user
        # Restoring a version or recovering a deleted release saves an older text on purpose.
        url_name = request.resolver_match.url_name if request.resolver_match else ""
        form.check_concurrent_edits = not url_name.endswith(("_revision", "_recover"))
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        url_name = request.resolver_match.url_name if request.resolver_match else ""
        if url_name.endswith("_recover"):
            # A recovered release comes back as a draft: a publisher decides when it is public again.
            obj.status, obj.withdrawn_at = Release.Status.DRAFT, None
            obj.withdrawal_reason, obj.answer_gone = "", False
        elif url_name.endswith("_revision"):
            # Restoring a version restores its content, not its place in the publishing workflow.
            current = Release.objects.filter(pk=obj.pk).values(*WORKFLOW_FIELDS).first() or {}
            for name, value in getattr(request, "_workflow_before_revert", current).items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Judged on the release as it is now: the old version, once reverted, may be a draft a writer could edit.
        current = self.get_object(request, unquote(object_id))
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied
        request._workflow_before_revert = Release.objects.filter(pk=object_id).values(*WORKFLOW_FIELDS).first() or {}
        return allow_import_maps(super().revision_view(request, object_id, version_id, extra_context))

    def recover_view(self, request, version_id, extra_context=None):
        return allow_import_maps(super().recover_view(request, version_id, extra_context))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        name = request.POST.get("_transition")
        if name:
            try:
                apply_transition(form.instance, name, request.user)
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            else:
                form.instance.refresh_from_db()
                messages.success(request, _("Now “%(status)s”.") % {"status": form.instance.display_status})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Restoring a version or recovering a release only saves; publishing comes after, from the release.
        url_name = request.resolver_match.url_name if request.resolver_match else ""
        restoring = url_name.endswith(("_revision", "_recover"))
        transitions = [] if restoring else available_transitions(obj or Release(), request.user)
        context["transitions"] = [t for t in transitions if t.name != "withdraw"]
        context["can_withdraw"] = obj is not None and any(t.name == "withdraw" for t in transitions)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/withdraw/",
                self.admin_site.admin_view(self.withdraw_view),
                name="releases_release_withdraw",
            ),
            *import_export_urls(self),
            *super().get_urls(),
        ]

    def withdraw_view(self, request, object_id):
        """Withdraw (retract) a published release, with the reason readers will see."""
        release = get_object_or_404(Release, pk=object_id)
        if not can_publish(request.user):
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                apply_transition(
                    release,
                    "withdraw",
                    request.user,
                    reason=form.cleaned_data["reason"],
                    answer_gone=form.cleaned_data["answer_gone"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The release is withdrawn."))
                return redirect(reverse("admin:releases_release_change", args=[release.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Withdraw “%(headline)s”") % {"headline": release.headline},
            "release": release,
            "form": form,
        }
        return TemplateResponse(request, "admin/releases/release/withdraw.html", context)

    @admin.action(description=_("Submit the selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply_to_each(request, queryset, "submit")

    @admin.action(description=_("Publish or schedule the selected releases"), permissions=["publish"])
    def publish(self, request, queryset):
        self._apply_to_each(request, queryset, "publish")

    def _apply_to_each(self, request, queryset, name):
        for release in queryset:
            try:
                apply_transition(release, name, request.user)
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, f"{release}: {' '.join(getattr(error, 'messages', [str(error)]))}")
            else:
                messages.success(request, f"{release}: {release.display_status}")


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, as readers will see it"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    answer_gone = forms.BooleanField(
        label=_("Remove the page (answer “410 Gone”) instead of showing it with the retraction notice"),
        required=False,
    )
