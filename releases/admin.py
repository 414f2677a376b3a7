import base64
import hashlib
import re

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from .models import Attachment, Boilerplate, MediaContact, Release, ReleaseContact, Spokesperson, Tag


_IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.S)


class RichTextEditorCSPMixin:
    """Lets the rich-text editor's import map run under the strict Content-Security-Policy.

    An import map must be inline; rather than allowing inline scripts, the page's policy names
    the hash of exactly the import map it contains.
    """

    def changeform_view(self, *args, **kwargs):
        response = super().changeform_view(*args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        hashes = [
            "'sha256-%s'" % base64.b64encode(hashlib.sha256(match).digest()).decode()
            for match in _IMPORT_MAP.findall(response.content)
        ]
        if hashes:
            policy = dict(settings.SECURE_CSP)
            policy["script-src"] = [*policy.get("script-src", []), *hashes]
            response._csp_config = policy
        return response


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


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ["contact"]
    extra = 0
    verbose_name = _("media contact")
    verbose_name_plural = _("media contacts (in the order they are printed)")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


class ReleaseAdminForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = "__all__"

    def clean(self):
        cleaned_data = super().clean()
        if "cosigners" in cleaned_data:
            # The instance receives the form's values only after clean(): judge the kind and status being saved.
            for name in ("kind", "status"):
                if name in cleaned_data:
                    setattr(self.instance, name, cleaned_data[name])
            try:
                self.instance.clean_cosigners(cleaned_data["cosigners"])
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


@admin.register(Release)
class ReleaseAdmin(RichTextEditorCSPMixin, admin.ModelAdmin):
    form = ReleaseAdminForm
    list_display = ["headline", "kind", "language", "status", "released_at", "is_published", "updated_by"]
    list_filter = ["status", "kind", "language", YearFilter, "tags"]
    list_select_related = ["updated_by"]
    search_fields = ["headline", "subheadline", "slug"]
    date_hierarchy = "released_at"
    show_full_result_count = False
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["spokespeople", "cosigners", "tags", "boilerplate", "translation_of"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    inlines = [ReleaseContactInline, AttachmentInline]
    save_on_top = True
    fieldsets = [
        (_("What"), {"fields": ["kind", "language", "headline", "subheadline", "slug", "summary", "body", "boilerplate"]}),
        (_("Who"), {"fields": ["spokespeople", "cosigners"]}),
        (_("When"), {"fields": ["status", "released_at", "timing", "dateline"]}),
        (_("Extras"), {"fields": ["tags", "image", "image_alt", "image_credit", "translation_of"]}),
        (_("History"), {"classes": ["collapse"], "fields": ["created_at", "created_by", "updated_at", "updated_by"]}),
    ]

    @admin.display(boolean=True, description=_("public now"))
    def is_published(self, obj):
        return obj.is_published()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MediaContact)
class MediaContactAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organization", "phone", "email", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "role", "email", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(Spokesperson)
class SpokespersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization", "languages", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "title", "organization__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Boilerplate)
class BoilerplateAdmin(RichTextEditorCSPMixin, admin.ModelAdmin):
    list_display = ["title", "language", "is_default"]
    list_filter = ["language", "is_default"]
    search_fields = ["title", "text"]
