"""Import and export in the admin: an upload form for release files (what ``import_releases`` does)
and downloads of the exports, on one page linked from the releases list and the old addresses.

Importing needs the right to add and change releases (publishing, the right to publish);
exporting, the right to view releases, contacts, spokespeople and organizations, since the
exports hold contacts' phones and emails.
"""

from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from ..exporting import EXPORTS
from ..importing.file_importer import FileImporter, Source
from ..workflow import can_publish

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
    overwrite = forms.BooleanField(
        label=_("Also replace releases changed here since their last import"),
        required=False,
        help_text=_("Otherwise a release someone edited, published or unpublished here is kept as it is."),
    )
    dry_run = forms.BooleanField(
        label=_("Preview only: show what was understood, write nothing"), required=False, initial=True
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]


def import_export_urls(model_admin):
    """The import page and the export downloads, as URLs of the releases' admin."""
    view = model_admin.admin_site.admin_view
    return [
        path("import/", view(partial(import_view, model_admin=model_admin)), name="releases_import"),
        path("export/<str:name>/", view(export_view), name="releases_export"),
    ]


def import_view(request, *, model_admin):
    """Upload release files, see what each became; the exports are offered on the same page."""
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, may_publish=can_publish(request.user))
    results = None
    if request.method == "POST" and form.is_valid():
        importer = FileImporter(
            publish=form.cleaned_data.get("publish", False),
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
            overwrite=form.cleaned_data["overwrite"],
        )
        results = list(importer.run(Source.from_upload(upload) for upload in form.cleaned_data["files"]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Import and export releases"),
        "form": form,
        "results": results,
        "dry_run": form.cleaned_data.get("dry_run") if results is not None else None,
        "exports": sorted(EXPORTS) if request.user.has_perms(EXPORT_PERMISSIONS) else [],
    }
    return TemplateResponse(request, "admin/releases/import_export.html", context)


def export_view(request, name):
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
