"""A readable diff between a release's saved versions, linked from its history page."""

import datetime
import difflib
import re

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reversion.models import Version

from ..sanitizing import html_to_text

COMPARED_FIELDS = [
    "headline",
    "subheadline",
    "slug",
    "kind",
    "language",
    "summary",
    "body",
    "released_at",
    "timing",
    "dateline",
    "boilerplate",
    "translation_of",
    "image",
    "image_alt",
    "image_credit",
    "tags",
    "spokespeople",
    "cosigners",
]
_WORDS = re.compile(r"\S+|\s+")


def readable(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        # Versions keep moments in the zone they were saved in: compare them in the coalition's zone.
        return date_format(timezone.localtime(value), "Y-m-d H:i:s T")
    return html_to_text("" if value is None else str(value))


def word_diff(old, new):
    """[(kind, text)] with kind "same", "removed" or "added", word by word."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    pieces = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(("removed", "".join(before[a1:a2])))
        if b2 > b1:
            pieces.append(("added", "".join(after[b1:b2])))
    return pieces


class RevisionDiffMixin:
    object_history_template = "admin/releases/release/object_history.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/<int:version_id>/changes/",
                self.admin_site.admin_view(self.revision_changes_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revision_changes",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        current = self.get_object(request, unquote(object_id))
        context = {
            "versions": versions.select_related("revision__user"),
            "object_id": object_id,
            # Restoring is changing: a role that may not change the release is not offered it.
            "may_restore": current is not None and self.has_change_permission(request, current),
        }
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    def revision_changes_view(self, request, object_id, version_id):
        """What a saved version changed compared with the version saved before it."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = Version.objects.get_for_object_reference(self.model, object_id).select_related("revision__user")
        version = get_object_or_404(versions, pk=version_id)
        previous = versions.filter(revision__date_created__lt=version.revision.date_created).first()
        labels = {
            field.name: field.verbose_name for field in self.model._meta.get_fields() if hasattr(field, "verbose_name")
        }
        changes = []
        for name in COMPARED_FIELDS:
            old = readable(self._display_value(previous, name)) if previous else ""
            new = readable(self._display_value(version, name))
            if old != new:
                changes.append({"label": labels.get(name, name), "pieces": word_diff(old, new)})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("What changed on %(date)s")
            % {"date": date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")},
            "version": version,
            "previous": previous,
            "changes": changes,
            "object_id": object_id,
        }
        return TemplateResponse(request, "admin/releases/release/revision_changes.html", context)

    def _display_value(self, version, name):
        value = version.field_dict.get(name if name in version.field_dict else f"{name}_id")
        field = self.model._meta.get_field(name)
        if field.is_relation and value:
            related = field.related_model._default_manager
            ids = value if isinstance(value, list) else [value]
            names = [str(item) for item in related.filter(pk__in=ids)]
            return names if isinstance(value, list) else (names[0] if names else value)
        return value
