from django.contrib.sitemaps import Sitemap

from .models import Organization


class OrganizationSitemap(Sitemap):
    """The directory's organizations, each of which has a public page in every language."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Organization.objects.directory()
