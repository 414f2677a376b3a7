from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Organization, SocialLink


class SocialLinkInline(admin.TabularInline):
    model = SocialLink
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "city", "region", "country", "is_active"]
    list_filter = ["role", "is_active", "country", "region"]
    # Accents aside (members.accents): "raices" finds "Raíces".
    search_fields = [
        "name__unaccent",
        "short_name__unaccent",
        "city__unaccent",
        "region__unaccent",
        "country__unaccent",
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SocialLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "role", "is_active", "joined_on"]}),
        (_("Where"), {"fields": ["city", "region", "country"]}),
        (
            _("Presentation"),
            {"fields": ["description", "description_es", "website", "press_email", "logo", "logo_alt"]},
        ),
    ]
