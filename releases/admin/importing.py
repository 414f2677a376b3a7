"""Import and export in the admin: an upload form for release files (what ``import_releases`` does)
and downloads of the exports, on one page linked from the releases list; and the old addresses.

Importing needs the right to add and change releases (publishing, the right to publish);
exporting, the right to view releases, contacts, spokespeople and organizations, since the
exports hold contacts' phones and emails.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from ..exporting import EXPORTS
from ..importing.files import FileImporter, Source
from ..models import LegacyPath
from ..publishing import can_publish

IMPORT_PERMISSIONS = ["releases.add_release", "releases.change_release"]
EXPORT_PERMISSIONS = [
    "releases.view_release",
    "releases.view_mediacontact",
    "releases.view_spokesperson",
    "members.view_organization",
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Release files"),
        allow_empty_file=True,
        help_text=_(
            "Plain text (.txt), Markdown (.md) or web pages (.html), one release each, or a press-room "
            "export (.json). Importing a file again updates its release."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish them at their own date (a future date schedules them)"),
        required=False,
        help_text=_("Otherwise they are drafts."),
    )
    dry_run = forms.BooleanField(
        label=_("Preview only: show what was understood, write nothing"), required=False, initial=True
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]


@admin.register(LegacyPath)
class LegacyPathAdmin(admin.ModelAdmin):
    list_display = ["old_path", "release"]
    list_select_related = ["release"]
    search_fields = ["old_path", "release__headline"]
    autocomplete_fields = ["release"]

    def has_view_permission(self, request, obj=None):
        """Whoever may see releases may see their old addresses (and reach import and export from there)."""
        return request.user.has_perm("releases.view_release") or super().has_view_permission(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="releases_import"),
            path("export/<str:name>/", view(self.export_view), name="releases_export"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload release files, see what each became; the exports are offered on the same page."""
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        may_publish = can_publish(request.user)
        form = ImportForm(request.POST or None, request.FILES or None, may_publish=may_publish)
        results = None
        if request.method == "POST" and form.is_valid():
            importer = FileImporter(
                publish=form.cleaned_data.get("publish", False),
                dry_run=form.cleaned_data["dry_run"],
                user=request.user,
            )
            results = list(importer.run(Source.from_upload(upload) for upload in form.cleaned_data["files"]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import and export releases"),
            "form": form,
            "results": results,
            "dry_run": form.cleaned_data.get("dry_run") if results is not None else None,
            "exports": sorted(EXPORTS) if request.user.has_perms(EXPORT_PERMISSIONS) else [],
        }
        return TemplateResponse(request, "admin/releases/import_export.html", context)

    def export_view(self, request, name):
        """Download one export, streamed; never cached anywhere."""
        if not request.user.has_perms(EXPORT_PERMISSIONS):
            raise PermissionDenied
        if name not in EXPORTS:
            raise Http404
        content_type, chunks = EXPORTS[name]
        response = StreamingHttpResponse(chunks(), content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        add_never_cache_headers(response)
        return response
