from django.urls import path

from . import serving, views

app_name = "releases"
urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="list"),
    path("<int:year>/", views.ReleaseListView.as_view(), name="archive-year"),
    path("<int:year>/<int:month>/", views.ReleaseListView.as_view(), name="archive-month"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("spokespeople/<slug:slug>/", views.SpokespersonView.as_view(), name="spokesperson"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="detail"),
    path("<slug:slug>/text/", views.ReleaseTextView.as_view(), name="detail-text"),
    path("<slug:slug>/image/", serving.release_file, name="image"),
    path("<slug:slug>/files/<int:pk>/", serving.release_file, name="file"),
]
