from django.contrib import admin

from ..models import Boilerplate, MediaContact, Spokesperson, Tag
from .csp import RichTextEditorCSPMixin


@admin.register(MediaContact)
class MediaContactAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organization", "phone", "email", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    # Accents aside (members.accents): "pena" finds "Peña".
    search_fields = ["name__unaccent", "role__unaccent", "role_es__unaccent", "email", "organization__name__unaccent"]
    autocomplete_fields = ["organization"]
    fields = ["name", ("role", "role_es"), "organization", "phone", "email", "languages", "is_active"]


@admin.register(Spokesperson)
class SpokespersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization", "languages", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name__unaccent", "title__unaccent", "title_es__unaccent", "organization__name__unaccent"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    fields = [
        "name",
        "slug",
        ("title", "title_es"),
        "organization",
        "bio",
        "bio_es",
        "photo",
        "photo_alt",
        "languages",
        "is_active",
    ]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "slug"]
    search_fields = ["name__unaccent", "name_es__unaccent"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "name_es", "slug"]


@admin.register(Boilerplate)
class BoilerplateAdmin(RichTextEditorCSPMixin, admin.ModelAdmin):
    list_display = ["title", "language", "is_default"]
    list_filter = ["language", "is_default"]
    search_fields = ["title", "text"]
