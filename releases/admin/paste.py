"""Pasting into the rich-text editor: the pasted HTML goes through the sanitizer before it enters the
editor (static/js/prose-paste.js), so a press officer sees at once what will be kept, and Word's and
Google Docs' headings, lists, quotes and tables arrive as the body's own."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from ..sanitizing import sanitize_html

EDITOR_PERMISSIONS = ("releases.change_release", "releases.add_release", "releases.change_boilerplate")


def urls(admin_site):
    return [path("rich-text/paste/", admin_site.admin_view(paste_view), name="rich_text_paste")]


@require_POST
def paste_view(request):
    """The pasted HTML (``html``) as the sanitizer keeps it, for whoever may edit rich text."""
    if not any(request.user.has_perm(permission) for permission in EDITOR_PERMISSIONS):
        raise PermissionDenied
    return HttpResponse(sanitize_html(request.POST.get("html", "")), content_type="text/plain; charset=utf-8")
