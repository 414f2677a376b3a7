from django.contrib import admin
from django.urls import include, path

from releases import views as release_views

urlpatterns = [
    path("", release_views.home, name="home"),
    path("releases/", include("releases.urls")),
    path("members/", include("members.urls")),
    path("admin/", admin.site.urls),
]
