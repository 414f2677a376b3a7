from urllib.parse import parse_qs, unquote, urlsplit

from django.db import models
from django.utils.translation import gettext_lazy as _

SHORTLINK_KEYS = ("p", "page_id")


def shortlink(query: str) -> str:
    """ "/?p=123" for a query holding a WordPress shortlink (``p`` or ``page_id``, digits only), else ""."""
    values = parse_qs(query)
    for key in SHORTLINK_KEYS:
        if (found := values.get(key)) and found[0].isdigit():
            return f"/?{key}={int(found[0])}"
    return ""


def normalize_path(address: str) -> str:
    """The path of ``address`` (a full URL or a path) as Django sees a request: decoded, with both slashes.

    A WordPress shortlink ("/?p=123", "/?page_id=7") is kept as such, whatever path it was written on.
    """
    parts = urlsplit(address)
    if found := shortlink(parts.query):
        return found
    path = unquote(parts.path or "/")
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


class LegacyPath(models.Model):
    """An address a release had on the old site; it answers a permanent redirect while the release is public."""

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_(
            "The path on the old site, without the domain, e.g. /2013/01/11/markup-html-tags-and-formatting/, "
            "or a WordPress shortlink such as /?p=1178."
        ),
        error_messages={"unique": _("This old address already leads to another release.")},
    )
    release = models.ForeignKey("Release", models.CASCADE, related_name="legacy_paths", verbose_name=_("release"))

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["old_path"]

    def __str__(self):
        return self.old_path

    def save(self, *args, **kwargs):
        self.old_path = normalize_path(self.old_path)
        super().save(*args, **kwargs)
