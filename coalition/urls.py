from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from coalition.views import favicon
from members.sitemaps import OrganizationSitemap
from releases import embargo
from releases import views as release_views
from releases.formats.views import contact_vcf
from releases.sitemaps import NewsSitemap, PageSitemap, ReleaseSitemap, SpokespersonSitemap, TagSitemap

sitemaps = {
    "pages": PageSitemap,
    "releases": ReleaseSitemap,
    "tags": TagSitemap,
    "spokespeople": SpokespersonSitemap,
    "members": OrganizationSitemap,
}

# The reader's pages in each language: English at the addresses it always had, Spanish under /es/.
# What is not a page for reading stays at one address: the sitemaps (they list both languages),
# robots.txt, the icon, access links (a release is read in its own language there), the admin
# (staff choose their own language), uploads and static files.
urlpatterns = i18n_patterns(
    path("", release_views.home, name="home"),
    path("releases/", include("releases.urls")),
    path("media-contacts/", release_views.media_contacts, name="media-contacts"),
    path("media-contacts/<int:pk>/vcard/", contact_vcf, name="contact-vcard"),
    path("members/", include("members.urls")),
    path("subscribe/", include("releases.subscriptions.urls")),
    # The member page lists what the organization co-signed, so the releases app serves it.
    path("members/<slug:slug>/", release_views.MemberView.as_view(), name="member"),
    path("feeds/", include("releases.feed_urls")),
    prefix_default_language=False,
)
urlpatterns += [
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap-section"),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="news-sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    path("favicon.ico", favicon, name="favicon"),
    path("access/<str:token>/", embargo.AccessLinkView.as_view(), name="access-link"),
    path("access/<str:token>/image/", embargo.access_link_file, name="access-link-image"),
    path("access/<str:token>/files/<int:pk>/", embargo.access_link_file, name="access-link-file"),
    path("admin/", admin.site.urls),
]
# Public uploads (logos, portraits) in local development; in production the web server or object storage serves them.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A missing page that was a release's address on the old site redirects to it (releases/redirects.py).
handler404 = "releases.redirects.page_not_found"
# With the database out of reach, a 503 page that says so (coalition/outages.py); otherwise the 500 page.
handler500 = "coalition.outages.server_error"
