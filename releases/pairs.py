"""Translation pairs: a release and its translation (``Release.translation_of``) are one work in two languages.

Rules:
- A work's version in a language is the public release written in it: the original, or the first
  public translation in that language (by id). Drafts and scheduled releases are nobody's version.
- The sitemap lists each work once, with the address of each of its versions (``works``).
- A release's page points to its version in another language in that language's words ("Also
  available in English" on the Spanish page, "También disponible en español" on the English one).
"""

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from .models import Language, Release
from .models.release import PUBLIC_CHANGE

# Each sentence is translated into the language it names, and shown in it.
AVAILABLE_IN = {
    Language.ENGLISH: gettext_noop("Also available in English"),
    Language.SPANISH: gettext_noop("Also available in Spanish"),
}


def version(role, *, slug, language, headline):
    """A release's version in another language as its page shows it; ``role`` is "original" or "translated"."""
    with translation.override(language):
        return {
            "role": role,
            "language": language,
            "headline": headline,
            "url": reverse("releases:detail", kwargs={"slug": slug}),
            "notice": gettext(AVAILABLE_IN[language]),
        }


def works():
    """Public releases that are not the translation of another public one, each annotated with its
    translation's ``translated_slug`` and ``translated_language`` (None without one) and the work's
    ``public_change``, the later of the two versions' (``PUBLIC_CHANGE``)."""
    public = Release.objects.published()
    translation = public.filter(translation_of=OuterRef("pk")).exclude(language=OuterRef("language")).order_by("pk")
    is_a_translation = Exists(
        public.filter(pk=OuterRef("translation_of")).exclude(language=OuterRef("language"))
    ) & ~Exists(
        public.filter(translation_of=OuterRef("translation_of"), language=OuterRef("language"), pk__lt=OuterRef("pk"))
    )
    translation_change = Subquery(translation.annotate(change=PUBLIC_CHANGE).values("change")[:1])
    return public.exclude(is_a_translation).annotate(
        translated_slug=Subquery(translation.values("slug")[:1]),
        translated_language=Subquery(translation.values("language")[:1]),
        public_change=Greatest(PUBLIC_CHANGE, Coalesce(translation_change, PUBLIC_CHANGE)),
    )
