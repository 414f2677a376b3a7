from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from members.bilingual import InLanguage

from ..sanitizing import RICH_TEXT_EXTENSIONS, sanitize_html
from .visibility import named_by_public_releases


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


class TagQuerySet(models.QuerySet):
    def in_use(self) -> "TagQuerySet":
        """Tags of at least one public release (a tag only drafts use stays private)."""
        return named_by_public_releases(self, apps.get_model("releases", "Release").objects, "tags")


class Tag(models.Model):
    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        error_messages={"unique": _("This tag already exists: pick it instead.")},
    )
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Spanish pages; left empty, they show the English name. The address stays the same."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        error_messages={"unique": _("Another tag already has this address (slug); change it a little.")},
    )

    objects = TagQuerySet.as_manager()
    display_name = InLanguage("name")

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("releases:tag", kwargs={"slug": self.slug})


class Boilerplate(models.Model):
    """The reusable “About …” paragraph that closes a release."""

    title = models.CharField(
        _("title"), max_length=200, help_text=_("For staff, e.g. “About the coalition (Spanish)”.")
    )
    language = models.CharField(_("language"), max_length=5, choices=Language, default=Language.ENGLISH)
    text = ProseEditorField(_("text"), extensions=RICH_TEXT_EXTENSIONS, sanitize=sanitize_html)
    is_default = models.BooleanField(
        _("default for its language"),
        default=False,
        help_text=_("New releases in this language start with this boilerplate."),
    )

    class Meta:
        verbose_name = _("boilerplate")
        verbose_name_plural = _("boilerplates")
        ordering = ["language", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["language"],
                condition=models.Q(is_default=True),
                name="one_default_boilerplate_per_language",
                violation_error_message=_(
                    "Another boilerplate is already the default for this language. Untick “default” on that one first."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text = sanitize_html(self.text)
        super().save(*args, **kwargs)
