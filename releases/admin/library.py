from django.contrib import admin

from ..models import Boilerplate, MediaContact, Spokesperson, Tag
from .csp import RichTextEditorCSPMixin


@admin.register(MediaContact)
class MediaContactAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organization", "phone", "email", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "role", "email", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(Spokesperson)
class SpokespersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization", "languages", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "title", "organization__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Boilerplate)
class BoilerplateAdmin(RichTextEditorCSPMixin, admin.ModelAdmin):
    list_display = ["title", "language", "is_default"]
    list_filter = ["language", "is_default"]
    search_fields = ["title", "text"]
