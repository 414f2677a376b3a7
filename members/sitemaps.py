from django.contrib.sitemaps import Sitemap

from .models import Organization


class OrganizationSitemap(Sitemap):
    """The directory's organizations, each of which has a public page."""

    def items(self):
        return Organization.objects.directory()
