"""A newcomer who runs the demo reaches every page type by following links from the home page."""

import re
from collections import deque
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.urls import resolve
from django.utils import translation

LINK = re.compile(r'<a [^>]*href="(/[^"#]*)"')
SEARCH_FORM = re.compile(
    r'<form [^>]*action="(/[^"]*)"[^>]*role="search"|<form [^>]*role="search"[^>]*action="(/[^"]*)"'
)
PAGE_TYPES = {
    "home",
    "releases:list",
    "releases:archive-year",
    "releases:detail",
    "releases:detail-text",
    "releases:tag",
    "releases:spokesperson",
    "member",
    "members:directory",
    "media-contacts",
    "feeds:rss",
    "feeds:atom",
    "releases:search",
}


def test_every_page_type_is_reachable_from_the_home_page(client, db):
    call_command("load_demo", verbosity=0)
    seen, reached, queue = set(), {}, deque(["/"])
    while queue and len(seen) < 400:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        path = urlsplit(url).path
        # An address resolves in its own language only (/es/… while Spanish is active).
        with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
            name = resolve(path).view_name
        reached.setdefault(name, url)
        if "html" not in response["Content-Type"]:
            continue
        page = response.content.decode()
        for match in SEARCH_FORM.finditer(page):
            queue.append((match.group(1) or match.group(2)) + "?q=asylum")
        for href in LINK.findall(page):
            if not href.startswith(("/admin/", "/static/", "/media/")):
                queue.append(href.replace("&amp;", "&"))

    assert PAGE_TYPES <= set(reached), PAGE_TYPES - set(reached)
