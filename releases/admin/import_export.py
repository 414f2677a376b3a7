"""Import and export in the admin: an upload form for release files (what ``import_releases`` does),
one for a WordPress export (what ``import_wordpress`` does), and downloads of the exports, on one
page of its own ("Import or export" in the admin's navigation and on its home page, see
``coalition/admin.py``; also linked from the releases list).

Importing needs the right to add and change releases (publishing, the right to publish); a
WordPress export keeps its posts' status, so importing one is for publishers (anyone who may
import can preview it). Exporting needs the right to view releases, contacts, spokespeople and
organizations, since the exports hold contacts' phones and emails. The page shows each to whoever
may do it, and the navigation entry to whoever may do either.

A WordPress export may be large: it is streamed to a temporary file as it is uploaded, read as a
stream, and the page that answers is itself streamed, showing the reading's progress as it goes
and then what each post became (or would become, for a preview).
"""

import os
import tempfile
from collections import Counter
from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..exporting import EXPORTS
from ..importing.errors import ImportFileError
from ..importing.file_importer import FileImporter, Source
from ..importing.wordpress.importer import WordPressImporter
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


class WordPressForm(forms.Form):
    export = forms.FileField(
        label=_("WordPress export (.xml)"),
        help_text=_("From WordPress: Tools › Export › Posts. Posts keep their status; their old addresses redirect."),
    )
    categories = forms.CharField(
        label=_("Only these categories or tags"),
        required=False,
        help_text=_("Separate with commas; leave empty for every post."),
    )
    overwrite = forms.BooleanField(
        label=_("Also replace releases changed here since their last import"), required=False
    )
    dry_run = forms.BooleanField(
        label=_("Preview only: show what each post would become, write nothing"), required=False, initial=True
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("A WordPress export is an .xml file (Tools › Export in WordPress)."))
        return upload


PROGRESS_STEP = 10
RESULTS_MARK = "<!-- wordpress results -->"


def may_import(user) -> bool:
    return user.has_perms(IMPORT_PERMISSIONS)


def may_export(user) -> bool:
    return user.has_perms(EXPORT_PERMISSIONS)


def urls(admin_site):
    """The import and export page and the export downloads, as URLs of the admin site."""
    view = admin_site.admin_view
    return [
        path("import-export/", view(partial(import_view, admin_site=admin_site)), name="releases_import"),
        path(
            "import-export/wordpress/",
            view(partial(wordpress_view, admin_site=admin_site)),
            name="releases_import_wordpress",
        ),
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
            overwrite=form.cleaned_data["overwrite"],
        )
        results = list(importer.run(Source.from_upload(upload) for upload in form.cleaned_data["files"]))
    context = {
        **admin_site.each_context(request),
        "title": _("Import or export releases"),
        "form": form,
        "wordpress_form": WordPressForm() if importing else None,
        "results": results,
        "dry_run": form.cleaned_data.get("dry_run") if results is not None else None,
        "exports": sorted(EXPORTS) if exporting else [],
    }
    return TemplateResponse(request, "admin/releases/import_export.html", context)


def wordpress_view(request, *, admin_site):
    """Upload a WordPress export: the answer streams the reading's progress, then what each post became."""
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    form = WordPressForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        context = {
            **admin_site.each_context(request),
            "title": _("Import a WordPress export"),
            "wordpress_form": form,
        }
        return TemplateResponse(request, "admin/releases/wordpress_import.html", context)
    dry_run = form.cleaned_data["dry_run"]
    if not dry_run and not can_publish(request.user):
        raise PermissionDenied(_("Only a publisher can import a WordPress export: its posts keep their status."))
    with tempfile.NamedTemporaryFile(prefix="wordpress-", suffix=".xml", delete=False) as copy:
        for chunk in form.cleaned_data["export"].chunks():
            copy.write(chunk)
    names = [name.strip() for name in form.cleaned_data["categories"].split(",") if name.strip()]
    importer = WordPressImporter(
        copy.name,
        categories=names,
        tags=names,
        user=request.user,
        dry_run=dry_run,
        overwrite=form.cleaned_data["overwrite"],
    )
    context = {
        **admin_site.each_context(request),
        "title": _("Preview of a WordPress import") if dry_run else _("Importing a WordPress export"),
        "streaming": True,
        "results_mark": RESULTS_MARK,
    }
    page = render_to_string("admin/releases/wordpress_import.html", context, request=request)
    top, bottom = page.split(RESULTS_MARK)
    response = StreamingHttpResponse(_wordpress_stream(importer, copy.name, top, bottom, dry_run))
    response["X-Accel-Buffering"] = "no"  # let a proxy pass the progress on as it comes
    add_never_cache_headers(response)
    return response


def _wordpress_stream(importer, path, top, bottom, dry_run):
    progress, shown = [], set()

    def report(label, done):
        percent = int(done * 100) // PROGRESS_STEP * PROGRESS_STEP
        if (label, percent) not in shown:
            shown.add((label, percent))
            progress.append(format_html("<li>{} {}%</li>", label, percent))

    importer.progress = report
    try:
        yield top + '<ol class="import-progress">'
        try:
            for done in importer.check_steps():
                report(_("Checking"), done)
                yield from _drain(progress)
            results, counts = [], Counter()
            for result in importer.run():
                results.append(result)
                counts[_outcome(result)] += 1
                yield from _drain(progress)
        except ImportFileError as error:
            yield from _drain(progress)
            yield format_html('</ol><p class="errornote">{} {}</p>', _("Nothing was imported:"), str(error)) + bottom
            return
        yield "</ol>" + _summary(counts, dry_run) + _results_table(results) + bottom
    finally:
        os.unlink(path)


def _drain(progress):
    while progress:
        yield progress.pop(0)


def _outcome(result):
    return "skipped" if result.skipped else "failed" if result.error else result.saved.outcome


def _summary(counts, dry_run):
    labels = [
        ("created", _("created")),
        ("updated", _("updated")),
        ("unchanged", _("unchanged")),
        ("kept", _("changed here since the last import: kept")),
        ("skipped", _("skipped")),
        ("failed", _("not imported")),
    ]
    heading = _("Preview: nothing was written") if dry_run else _("Imported")
    return format_html(
        "<h2>{}</h2><p>{}</p>",
        heading,
        format_html_join(", ", "{} {}", ((counts[key], label) for key, label in labels)),
    )


def _results_table(results):
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                result.title or result.post_id,
                result.skipped or result.error or result.saved.outcome_label,
                result.saved.release.display_status if result.saved else "",
                " ".join(result.saved.warnings) if result.saved else "",
            )
            for result in results
        ),
    )
    return format_html(
        '<table class="import-results"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
        '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
        _("Post"),
        _("Outcome"),
        _("Status here"),
        _("Notes"),
        rows,
    )


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
