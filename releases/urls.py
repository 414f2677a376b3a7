from django.urls import path

from . import serving, views
from .formats import views as formats

app_name = "releases"
urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="list"),
    path("<int:year>/", views.ReleaseListView.as_view(), name="archive-year"),
    path("<int:year>/<int:month>/", views.ReleaseListView.as_view(), name="archive-month"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("spokespeople/<slug:slug>/", views.SpokespersonView.as_view(), name="spokesperson"),
    path("spokespeople/<slug:slug>/vcard/", formats.spokesperson_vcf, name="spokesperson-vcard"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="detail"),
    path("<slug:slug>/text/", views.ReleaseTextView.as_view(), name="detail-text"),
    path("<slug:slug>/pdf/", formats.ReleasePDFView.as_view(), name="detail-pdf"),
    path("<slug:slug>/event.ics", formats.event_ics, name="event-ics"),
    path("<slug:slug>/image/", serving.release_file, name="image"),
    path("<slug:slug>/files/<int:pk>/", serving.release_file, name="file"),
]
