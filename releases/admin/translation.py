"""The "Translate" button of the release form: starts the translation as a linked draft, or opens the one there is."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import translating, workflow
from ..models import Release


def translation_urls(model_admin):
    view = model_admin.admin_site.admin_view(require_POST(partial(translate_view, model_admin=model_admin)))
    return [path("<path:object_id>/translate/", view, name="releases_release_translate")]


def translate_view(request, object_id, *, model_admin):
    release = get_object_or_404(Release, pk=object_id)
    if not workflow.may_translate(release, request.user):
        raise PermissionDenied
    translation, created = translating.start_translation(release, request.user)
    if created:
        model_admin.log_addition(request, translation, [{"added": {}}])
        messages.success(
            request,
            _(
                "The draft translation is ready, with the people, contacts, co-signers and tags of “%(headline)s”. "
                "Write its text over the original's; it goes public at the original's moment."
            )
            % {"headline": release.headline},
        )
    return redirect(reverse("admin:releases_release_change", args=[translation.pk]))
