"""Old addresses: the paths releases had on a previous site, each answering a redirect to its release."""

from django.contrib import admin

from ..models import LegacyPath


@admin.register(LegacyPath)
class LegacyPathAdmin(admin.ModelAdmin):
    list_display = ["old_path", "release"]
    list_select_related = ["release"]
    search_fields = ["old_path", "release__headline"]
    autocomplete_fields = ["release"]

    def has_view_permission(self, request, obj=None):
        """Whoever may see releases may see their old addresses."""
        return request.user.has_perm("releases.view_release") or super().has_view_permission(request, obj)
