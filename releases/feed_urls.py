"""Feed addresses: each feed in RSS 2.0 (``…/rss/``) and Atom (``…/atom/``)."""

from django.urls import path

from .feeds import (
    KindFeed,
    LanguageFeed,
    LatestReleasesFeed,
    MemberFeed,
    ReleaseAtomFeed,
    ReleaseRssFeed,
    SpokespersonFeed,
    TagFeed,
)

app_name = "feeds"
urlpatterns = [
    path("rss/", LatestReleasesFeed.as_view(ReleaseRssFeed), name="rss"),
    path("atom/", LatestReleasesFeed.as_view(ReleaseAtomFeed), name="atom"),
    path("tags/<slug:slug>/rss/", TagFeed.as_view(ReleaseRssFeed), name="tag-rss"),
    path("tags/<slug:slug>/atom/", TagFeed.as_view(ReleaseAtomFeed), name="tag-atom"),
    path("kinds/<slug:kind>/rss/", KindFeed.as_view(ReleaseRssFeed), name="kind-rss"),
    path("kinds/<slug:kind>/atom/", KindFeed.as_view(ReleaseAtomFeed), name="kind-atom"),
    path("spokespeople/<slug:slug>/rss/", SpokespersonFeed.as_view(ReleaseRssFeed), name="spokesperson-rss"),
    path("spokespeople/<slug:slug>/atom/", SpokespersonFeed.as_view(ReleaseAtomFeed), name="spokesperson-atom"),
    path("members/<slug:slug>/rss/", MemberFeed.as_view(ReleaseRssFeed), name="member-rss"),
    path("members/<slug:slug>/atom/", MemberFeed.as_view(ReleaseAtomFeed), name="member-atom"),
    path("languages/<slug:code>/rss/", LanguageFeed.as_view(ReleaseRssFeed), name="language-rss"),
    path("languages/<slug:code>/atom/", LanguageFeed.as_view(ReleaseAtomFeed), name="language-atom"),
]
