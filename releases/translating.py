"""Starting the translation of a release: a linked draft in the other language, ready to translate.

Rules:
- A release has at most one translation per language; asked again, ``start_translation`` hands back
  the one there is (and a translation's counterpart is its original).
- The draft belongs to the original (``translation_of``), in the other language, and starts with
  what does not need translating: its kind, people quoted, media contacts in their order, co-signers,
  tags, dateline, image and a media advisory's event; and its text, to be written over.
- The pair goes public at one moment: the draft shares the original's moment
  (``same_moment_as_original``, kept by ``models/derived.py``); staff may untick it, and a translation
  is then still never public before its original (``Release.clean``, ``workflow.apply_transition``).
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import AdvisoryEvent, Language, Release, ReleaseContact

# The default release-timing line, as each language prints it.
IMMEDIATE_RELEASE = {Language.ENGLISH: "FOR IMMEDIATE RELEASE", Language.SPANISH: "PARA PUBLICACIÓN INMEDIATA"}

# The release form's buttons: start the translation into a language, or open the version in it.
TRANSLATE_LABELS = {Language.ENGLISH: _("Translate into English"), Language.SPANISH: _("Translate into Spanish")}
VERSION_LABELS = {Language.ENGLISH: _("English version"), Language.SPANISH: _("Spanish version")}


def other_language(language: str) -> str:
    return next(code for code in Language.values if code != language)


def counterpart(release: Release) -> Release | None:
    """The same release in the other language, if there is one: its original, or its translation."""
    if release.translation_of_id:
        original = release.translation_of
        return original if original.language != release.language else None
    return release.translations.filter(language=other_language(release.language)).order_by("pk").first()


@transaction.atomic
def start_translation(release: Release, user) -> tuple[Release, bool]:
    """The translation of ``release`` into the other language, and whether it was made now."""
    original = Release.objects.select_for_update().get(pk=release.pk)
    if existing := counterpart(original):
        return existing, False
    language = other_language(original.language)
    timing = original.timing
    if timing.strip().upper() == IMMEDIATE_RELEASE.get(original.language):
        timing = IMMEDIATE_RELEASE[language]
    draft = Release.objects.create(
        kind=original.kind,
        language=language,
        headline=original.headline,
        subheadline=original.subheadline,
        slug=_free_slug(f"{original.slug}-{language}"),
        summary=original.summary,
        body=original.body,
        translation_of=original,
        same_moment_as_original=True,
        released_at=original.released_at,
        timing=timing,
        dateline=original.dateline,
        image=original.image.name,
        image_alt=original.image_alt,
        image_credit=original.image_credit,
        created_by=user,
        updated_by=user,
    )
    draft.spokespeople.set(original.spokespeople.all())
    draft.cosigners.set(original.cosigners.all())
    draft.tags.set(original.tags.all())
    ReleaseContact.objects.bulk_create(
        ReleaseContact(release=draft, contact_id=link.contact_id, position=link.position)
        for link in original.releasecontact_set.all()
    )
    if event := AdvisoryEvent.objects.filter(release=original).first():
        event.pk, event.release = None, draft
        event.save()
    return draft, True


def _free_slug(wanted: str) -> str:
    max_length = Release._meta.get_field("slug").max_length
    base = slugify(wanted)[:max_length].strip("-")
    taken = set(Release.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1].rstrip('-')}-{n}"
    return slug
