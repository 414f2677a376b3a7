"""Release images and attachments live in private storage and are served through these views,
so a file of an unpublished release is never reachable by guessing its address."""

import mimetypes
import posixpath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .caching import private
from .models import Release
from .workflow import can_preview


def serve_release_file(release, pk=None):
    """The release's attachment ``pk``, or its featured image when ``pk`` is None."""
    field = release.image if pk is None else get_object_or_404(release.attachments.all(), pk=pk).file
    if not field:
        raise Http404
    try:
        handle = field.storage.open(field.name, "rb")
    except OSError as error:
        raise Http404 from error
    name = posixpath.basename(field.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, content_type=content_type, filename=name, as_attachment=pk is not None)


def release_file(request, slug, pk=None):
    """Files of public releases; staff who may view releases also get those of unpublished ones."""
    if can_preview(request.user):
        return private(serve_release_file(get_object_or_404(Release.objects.all(), slug=slug), pk))
    return serve_release_file(get_object_or_404(Release.objects.published(), slug=slug), pk)
