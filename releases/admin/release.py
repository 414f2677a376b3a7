from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .. import translating, workflow
from ..models import AccessLink, Attachment, Correction, Release, ReleaseContact, StatusChange
from .access import AccessLinkInline
from .csp import RichTextEditorCSPMixin, allow_import_maps
from .event import AdvisoryEventInline
from .import_export import navigation_entry
from .media_list import embargo_mailing_urls
from .revisions import RevisionDiffMixin
from .translation import translation_urls
from .withdrawal import withdrawal_urls


def local_and_utc(moment):
    """A moment as the coalition's staff and their partners abroad read it: (in the local zone, in UTC)."""
    local = timezone.localtime(moment)
    utc = moment.astimezone(timezone.UTC)
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.tzname()}", f"{date_format(utc, 'DATETIME_FORMAT')} UTC"


def in_zone_and_utc(moment):
    return "—" if moment is None else " · ".join(local_and_utc(moment))


def one_line(text):
    """Text typed in a box that wraps, as the one line it is: a pressed Enter is a space."""
    return " ".join(text.split())


def ignored_visibly(request, list_filter, queryset):
    """The list unfiltered by a value the filter does not know, with a message saying so."""
    if list_filter.value() is not None:
        messages.warning(
            request,
            _("The “%(filter)s” filter does not know “%(value)s”: it was left out, and all releases are listed.")
            % {"filter": list_filter.title, "value": list_filter.value()},
        )
    return queryset


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
        return ignored_visibly(request, self, queryset)


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
        return ignored_visibly(request, self, queryset)


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
        return workflow.may_add_corrections(obj, request.user)

    def has_change_permission(self, request, obj=None):
        return workflow.can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_publish(request.user)


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
    opened (schedule included), and checks the publishing button pressed (``_transition``) against
    the release's state and the user's role before anything is saved."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    user = None  # Who fills the form in: see for_user().

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
        # Read whole while typed: they wrap (and grow) instead of scrolling sideways in a one-line input.
        widgets = {
            "headline": forms.Textarea(attrs={"rows": 2}),
            "subheadline": forms.Textarea(attrs={"rows": 2}),
        }

    @classmethod
    def for_user(cls, user):
        """The form as this user fills it in: which publishing buttons they may press depends on their role."""
        return type(cls.__name__, (cls,), {"user": user})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["loaded_version"] = self.instance.updated_at.isoformat()

    def clean_headline(self):
        return one_line(self.cleaned_data["headline"])

    def clean_subheadline(self):
        return one_line(self.cleaned_data["subheadline"])

    def clean(self):
        cleaned_data = super().clean()
        self._check_not_changed_meanwhile()
        status = self.instance.status
        if name := self.data.get("_transition"):
            status = workflow.requested_transition(self.instance, name, self.user).target
        if "cosigners" in cleaned_data:
            # Checked as the release will be once the button's transition applies.
            try:
                self.instance.clean_cosigners(cleaned_data["cosigners"], kind=cleaned_data.get("kind"), status=status)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data

    def _check_not_changed_meanwhile(self):
        if not self.instance.pk:
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
    """Releases, with the publishing workflow's buttons; ``releases.workflow`` decides what each role may do."""

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
    inlines = [
        ReleaseContactInline,
        AdvisoryEventInline,
        AttachmentInline,
        CorrectionInline,
        AccessLinkInline,
        StatusChangeInline,
    ]
    actions = ["submit_for_review", "publish"]
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

    class Media:
        css = {"all": ["css/admin-releases.css"]}

    @admin.display(description=_("status"), ordering="status")
    def state(self, release):
        return release.display_status if release.pk else Release.Status.DRAFT.label

    @admin.display(description=_("release moment (local · UTC)"), ordering="released_at")
    def moment(self, release):
        if release.released_at is None:
            return "—"
        local, utc = timezone.localtime(release.released_at), release.released_at.astimezone(timezone.UTC)
        # The UTC line repeats the date only when it is another day there.
        utc_format = "TIME_FORMAT" if utc.date() == local.date() else "DATETIME_FORMAT"
        return format_html(
            '{} {} <span class="utc">{} UTC</span>',
            date_format(local, "DATETIME_FORMAT"),
            local.tzname(),
            date_format(utc, utc_format),
        )

    @admin.display(description=_("withdrawal"))
    def withdrawal(self, release):
        if not release.is_withdrawn():
            return "—"
        return format_html("{} — {}", in_zone_and_utc(release.withdrawn_at), release.withdrawal_reason)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_edit(obj, request.user))

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or workflow.may_delete(obj))

    def delete_queryset(self, request, queryset):
        public = queryset.published()
        if public.exists():
            messages.warning(request, _("Public releases were kept: withdraw a public release before deleting it."))
        super().delete_queryset(request, queryset.exclude(pk__in=public))

    def get_form(self, request, obj=None, change=False, **kwargs):
        return super().get_form(request, obj, change=change, **{"form": self.form.for_user(request.user), **kwargs})

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is AccessLink:
            for link_form in formset.extra_forms:
                link_form.instance.created_by = request.user
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        """Then the button pressed, if any: its transition applies to the saved release."""
        super().save_related(request, form, formsets, change)
        if name := form.data.get("_transition"):
            ((release, refusal),) = workflow.apply_to_each([form.instance], name, request.user)
            if refusal:
                messages.error(request, refusal)
            else:
                release.refresh_from_db()
                messages.success(request, _("Now “%(status)s”.") % {"status": release.display_status})

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"import_export": navigation_entry(request), **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        restoring = context.get("restoring", False)
        context["buttons"] = workflow.buttons(obj, request.user, restoring=restoring)
        if obj is not None and not restoring:
            counterpart = translating.counterpart(obj)
            context["counterpart"] = counterpart
            context["may_translate"] = workflow.may_translate(obj, request.user)
            other = counterpart.language if counterpart else translating.other_language(obj.language)
            context["counterpart_label"] = translating.VERSION_LABELS[other]
            context["translate_label"] = translating.TRANSLATE_LABELS[other]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version's content; the release keeps its place in the workflow."""
        # Judged on the release as it is now: the old version, once reverted, may be a draft a writer could edit.
        current = self.get_object(request, unquote(object_id))
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied
        if "_transition" in request.POST:
            raise BadRequest("Restoring a version does not publish it.")
        # One transaction around reversion's own: nobody ever sees the old version's state.
        with transaction.atomic():
            state = workflow.workflow_state(unquote(object_id))
            response = super().revision_view(
                request, object_id, version_id, {**(extra_context or {}), "restoring": True}
            )
            workflow.put_back_workflow_state(unquote(object_id), state)
        return allow_import_maps(response)

    def recover_view(self, request, version_id, extra_context=None):
        """Bring a deleted release back, as a draft."""
        if "_transition" in request.POST:
            raise BadRequest("Recovering a release does not publish it.")
        with transaction.atomic():
            response = super().recover_view(request, version_id, {**(extra_context or {}), "restoring": True})
            workflow.recovered_as_draft(get_object_or_404(Version, pk=version_id).object_id)
        return allow_import_maps(response)

    def get_urls(self):
        return [
            *withdrawal_urls(self),
            *translation_urls(self),
            *embargo_mailing_urls(self),
            *super().get_urls(),
        ]

    @admin.action(description=_("Submit the selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._report(request, workflow.apply_to_each(queryset, "submit", request.user))

    @admin.action(description=_("Publish or schedule the selected releases"), permissions=["publish"])
    def publish(self, request, queryset):
        self._report(request, workflow.apply_to_each(queryset, "publish", request.user))

    def _report(self, request, outcomes):
        for release, refusal in outcomes:
            if refusal:
                messages.error(request, f"{release}: {refusal}")
            else:
                messages.success(request, f"{release}: {release.display_status}")
