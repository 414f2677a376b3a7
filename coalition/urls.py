from django.contrib import admin
from django.urls import include, path

from releases import views as release_views

urlpatterns = [
    path("", release_views.home, name="home"),
    path("releases/", include("releases.urls")),
    path("media-contacts/", release_views.media_contacts, name="media-contacts"),
    path("members/", include("members.urls")),
    # The member page lists what the organization co-signed, so the releases app serves it.
    path("members/<slug:slug>/", release_views.MemberView.as_view(), name="member"),
    path("admin/", admin.site.urls),
]
