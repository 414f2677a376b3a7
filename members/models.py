from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .bilingual import InLanguage

COALITION_CACHE_KEY = "members:coalition"


class OrganizationQuerySet(models.QuerySet):
    def active(self) -> "OrganizationQuerySet":
        return self.filter(is_active=True)

    def coalition(self) -> "Organization | None":
        return self.filter(role=Organization.Role.COALITION).first()

    def directory(self) -> "OrganizationQuerySet":
        """The organizations the public directory lists: active members and affiliates."""
        return self.active().exclude(role=Organization.Role.COALITION)


class Organization(models.Model):
    class Role(models.TextChoices):
        COALITION = "coalition", _("Coalition")
        MEMBER = "member", _("Member organization")
        AFFILIATE = "affiliate", _("Affiliated program")
        PARTNER = "partner", _("Partner")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("How the press often names it, e.g. “Alianza”.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Part of the page address."),
        error_messages={"unique": _("Another organization already has this address (slug); change it a little.")},
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("state or region"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, default="United States")
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    logo_alt = models.CharField(
        _("logo alt text"), max_length=200, blank=True, help_text=_("Describes the logo for screen readers.")
    )
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(
        _("description in Spanish"),
        blank=True,
        help_text=_("Shown on Spanish pages; left empty, they show the English description."),
    )
    joined_on = models.DateField(_("date joined"), null=True, blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=False,
        help_text=_(
            "Active organizations are listed in the member directory, have a public page, and appear in feeds "
            "and sitemaps. New organizations start inactive, so none is public before you tick this; a public "
            "release still names its co-signers."
        ),
    )
    press_email = models.EmailField(
        _("press inbox"), blank=True, help_text=_("Where journalists write to the press office.")
    )

    objects = OrganizationQuerySet.as_manager()
    display_description = InLanguage("description")

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(role="coalition"),
                name="one_coalition_profile",
                violation_error_message=_("There is already a coalition profile; edit that one instead."),
            ),
            models.CheckConstraint(
                condition=models.Q(logo="") | ~models.Q(logo_alt=""),
                name="organization_logo_needs_alt",
                violation_error_message=_("Describe the logo in its alt text."),
            ),
        ]
        indexes = [models.Index(fields=["is_active", "country", "region", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        if self.role == self.Role.COALITION:
            return reverse("home")
        return reverse("member", kwargs={"slug": self.slug})

    def clean(self):
        if self.logo and not self.logo_alt.strip():
            raise ValidationError({"logo_alt": _("Describe the logo in its alt text.")})

    @property
    def location(self) -> str:
        return ", ".join(part for part in (self.city, self.region, self.country) if part)


class SocialLink(models.Model):
    organization = models.ForeignKey(Organization, models.CASCADE, related_name="social_links")
    label = models.CharField(_("network"), max_length=50, help_text=_("e.g. Bluesky, Instagram, YouTube."))
    url = models.URLField(_("address"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


def coalition_profile() -> Organization | None:
    """The coalition's own profile (or None); cached, and forgotten whenever an organization changes."""
    return cache.get_or_set(COALITION_CACHE_KEY, Organization.objects.coalition, timeout=3600)


@receiver(post_save, sender=Organization)
@receiver(post_delete, sender=Organization)
def _forget_cached_coalition(**kwargs):
    # Now, and once the change is committed: another process may have cached the old row meanwhile.
    cache.delete(COALITION_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(COALITION_CACHE_KEY))
