from django.urls import path

from . import views

app_name = "releases"
urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="list"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("spokespeople/<slug:slug>/", views.SpokespersonView.as_view(), name="spokesperson"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="detail"),
]
