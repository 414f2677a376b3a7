"""Text staff give in English and, when they wish, in Spanish: an ``<field>_es`` column beside the field.

Rule: a page in Spanish shows the Spanish text when staff filled it in, and the English one when they
left it empty; every other language shows the field itself. Templates read ``InLanguage`` attributes
(``tag.display_name``), which follow the active language (Django's ``get_language()``), so the page's
own language — the reader's, or a release's — decides, and no query is added.
"""

from django.conf import settings
from django.utils.translation import get_language


class InLanguage:
    """The field in the active language: its ``<field>_<language>`` twin when it is filled in, else the field."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = getattr(instance, self.field)
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        translated = getattr(instance, f"{self.field}_{language}", "")
        return translated if translated and translated.strip() else value
