"""Import and export in the admin: an upload form for release files (what ``import_releases`` does)
and downloads of the exports, on one page of its own ("Import or export" in the admin's navigation
and on its home page, see ``coalition/admin.py``; also linked from the releases list).

Importing needs the right to add and change releases (publishing, the right to publish);
exporting, the right to view releases, contacts, spokespeople and organizations, since the
exports hold contacts' phones and emails. The page shows each to whoever may do it, and the
navigation entry to whoever may do either.
"""

from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
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
    dry_run = forms.BooleanField(
        label=_("Preview only: show what was understood, write nothing"), required=False, initial=True
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]


def may_import(user) -> bool:
    return user.has_perms(IMPORT_PERMISSIONS)


def may_export(user) -> bool:
    return user.has_perms(EXPORT_PERMISSIONS)


def urls(admin_site):
    """The import and export page and the export downloads, as URLs of the admin site."""
    view = admin_site.admin_view
    return [
        path("import-export/", view(partial(import_view, admin_site=admin_site)), name="releases_import"),
        path("import-export/<str:name>/", view(export_view), name="releases_export"),
    ]


def navigation_entry(request) -> dict | None:
    """The page as an entry of the admin's app list (navigation and home page), or None for whoever may not use it."""
    if not (may_import(request.user) or may_export(request.user)):
        return None
    return {
        "model": None,
        "name": _("Import or export"),
        "object_name": "ImportExport",
        "perms": {"add": False, "change": may_import(request.user), "delete": False, "view": True},
        "admin_url": reverse("admin:releases_import"),
        "add_url": None,
        "view_only": not may_import(request.user),
    }


def import_view(request, *, admin_site):
    """Upload release files, see what each became; the exports are offered on the same page."""
    importing, exporting = may_import(request.user), may_export(request.user)
    if not (importing or exporting) or (request.method == "POST" and not importing):
        raise PermissionDenied
    form = results = None
    if importing:
        form = ImportForm(request.POST or None, request.FILES or None, may_publish=can_publish(request.user))
    if request.method == "POST" and form.is_valid():
        importer = FileImporter(
            publish=form.cleaned_data.get("publish", False),
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
        )
        results = list(importer.run(Source.from_upload(upload) for upload in form.cleaned_data["files"]))
    context = {
        **admin_site.each_context(request),
        "title": _("Import or export releases"),
        "form": form,
        "results": results,
        "dry_run": form.cleaned_data.get("dry_run") if results is not None else None,
        "exports": sorted(EXPORTS) if exporting else [],
    }
    return TemplateResponse(request, "admin/releases/import_export.html", context)


def export_view(request, name):
    """Download one export, streamed; never cached anywhere."""
    if not may_export(request.user):
        raise PermissionDenied
    if name not in EXPORTS:
        raise Http404
    content_type, chunks = EXPORTS[name]
    response = StreamingHttpResponse(chunks(), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    add_never_cache_headers(response)
    return response
