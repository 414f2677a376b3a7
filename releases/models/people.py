import phonenumbers
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.bilingual import InLanguage
from members.models import Organization

from .visibility import named_by_public_releases


def parse_phone(value: str) -> phonenumbers.PhoneNumber:
    """Parse a phone number as written in a release; raise ValidationError if it is not one."""
    try:
        number = phonenumbers.parse(value, settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("“%(value)s” is not a phone number we can dial. Write it with its country code, e.g. +1 312 555 0142."),
            code="invalid_phone",
            params={"value": value},
        )
    return number


def validate_phone(value: str) -> None:
    parse_phone(value)


class PersonQuerySet(models.QuerySet):
    def active(self) -> "PersonQuerySet":
        return self.filter(is_active=True)

    def quoted(self) -> "PersonQuerySet":
        """Spokespeople quoted in at least one public release."""
        return named_by_public_releases(self, apps.get_model("releases", "Release").objects, "spokespeople")

    def listed(self) -> "PersonQuerySet":
        """Spokespeople with a public page: the active ones, and anyone quoted in a public release."""
        return self.filter(models.Q(is_active=True) | models.Q(pk__in=self.model.objects.quoted()))


class Spokesperson(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        error_messages={"unique": _("Another spokesperson already has this address (slug); change it a little.")},
    )
    title = models.CharField(_("title or role"), max_length=200, blank=True)
    title_es = models.CharField(
        _("title or role in Spanish"),
        max_length=200,
        blank=True,
        help_text=_("Shown on Spanish pages; left empty, they show the English title."),
    )
    organization = models.ForeignKey(
        Organization, models.PROTECT, related_name="spokespeople", verbose_name=_("organization")
    )
    bio = models.TextField(_("bio"), blank=True)
    bio_es = models.TextField(
        _("bio in Spanish"), blank=True, help_text=_("Shown on Spanish pages; left empty, they show the English bio.")
    )
    photo = models.ImageField(_("photo"), upload_to="spokespeople/", blank=True)
    photo_alt = models.CharField(_("photo alt text"), max_length=200, blank=True)
    languages = models.CharField(
        _("interview languages"),
        max_length=200,
        blank=True,
        help_text=_("Separate with commas, e.g. English, Spanish."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=False,
        help_text=_(
            "Active people have a public page and appear on the home page and in feeds and sitemaps, and are "
            "offered for new releases. New people start inactive, so one added for an embargoed release stays "
            "private until you tick this; a public release still names whoever it quotes."
        ),
    )

    objects = PersonQuerySet.as_manager()
    display_title = InLanguage("title")
    display_bio = InLanguage("bio")

    class Meta:
        verbose_name = _("spokesperson")
        verbose_name_plural = _("spokespeople")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""),
                name="spokesperson_photo_needs_alt",
                violation_error_message=_("Describe the photo in its alt text."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("releases:spokesperson", kwargs={"slug": self.slug})

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Describe the photo in its alt text.")})

    @property
    def language_list(self) -> list[str]:
        return [language.strip() for language in self.languages.split(",") if language.strip()]


class MediaContact(models.Model):
    """A press officer (or the general press inbox) listed at the top of releases."""

    name = models.CharField(_("name"), max_length=200, help_text=_("A person, or e.g. “Press office”."))
    role = models.CharField(_("role"), max_length=200, blank=True)
    role_es = models.CharField(
        _("role in Spanish"),
        max_length=200,
        blank=True,
        help_text=_("Shown on Spanish pages; left empty, they show the English role."),
    )
    organization = models.ForeignKey(
        Organization,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="media_contacts",
        verbose_name=_("organization"),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_phone],
        help_text=_("As you would print it, e.g. +1 503 347 23 29 or (773) 875-3314."),
    )
    email = models.EmailField(_("email"), blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True, help_text=_("Separate with commas."))
    is_active = models.BooleanField(
        _("active"),
        default=False,
        help_text=_(
            "Active contacts are listed on the home page and the media contacts page. New contacts start "
            "inactive, so none is public before you tick this; a public release still prints its own contacts."
        ),
    )

    objects = PersonQuerySet.as_manager()
    display_role = InLanguage("role")

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="") | ~models.Q(email=""),
                name="media_contact_reachable",
                violation_error_message=_(
                    "Give a phone number or an email address, so journalists can reach this contact."
                ),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def phone_e164(self) -> str:
        """The phone in E.164 form for tel: links, or "" if there is none."""
        if not self.phone:
            return ""
        try:
            number = parse_phone(self.phone)
        except ValidationError:
            return ""
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
