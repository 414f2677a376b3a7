from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


def language_choices():
    """The site's languages, each named in itself ("English", "Español"), as language choosers do."""
    return [
        ("", _("The one my browser asks for")),
        *[(code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES],
    ]


class StaffPreference(models.Model):
    """What a staff member chose for their own admin. Kept in the database, so it follows them to every app
    server and through signing out and in again (``signin.language``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="staff_preference"
    )
    language = models.CharField(
        _("language of the admin"),
        max_length=10,
        blank=True,
        choices=language_choices,
        help_text=_("Pages for the public keep their own language."),
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.user)
