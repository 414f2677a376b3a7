"""The page in each of the press room's languages: the language switch, hreflang alternates and og:locale.

Rules:
- A page's versions are the page at its address in each language (Django's ``translate_url``; the
  address without its query, which is the reader's own: a search, a filter, an old shortlink),
  unless its view names them in ``language_versions`` (language → address), as a release's page
  does: its versions are itself and its public translation, nothing else.
- The switch leads to the page's version in the other language, or to that language's home page
  when the page has none (a release never translated, a link to an unpublished release, a page not found).
- A page with more than one version names every one in hreflang, itself included, and x-default:
  its version in the default language (``LANGUAGE_CODE``), else the first.
- og:locale is language_TERRITORY; the territory is the coalition's country (``PHONE_DEFAULT_REGION``).
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

register = template.Library()


@dataclass(frozen=True)
class Version:
    code: str
    name: str  # The language's name in itself: "English", "Español".
    path: str
    url: str  # Absolute, for hreflang.
    locale: str  # For og:locale.


@dataclass(frozen=True)
class PageLanguages:
    current: Version
    versions: list[Version]  # Every version of the page, the current one included.
    switch: list[Version]  # Where the switch to each other language leads.
    x_default: str


def _addresses(context, request):
    named = context.get("language_versions")
    if named is not None:
        return dict(named)
    # Django draws its 500 and 400 pages without the request, and gives the 404 page ``request_path``: an
    # address that names no page has no versions, and its switch leads home (the same answer for any address).
    if request is None or "request_path" in context:
        return {}
    path = request.path
    addresses = {}
    for code, _name in settings.LANGUAGES:
        address = translate_url(path, code)
        if address != path or code == translation.get_language():
            addresses[code] = address
    return addresses


@register.simple_tag(takes_context=True)
def page_languages(context):
    request = context.get("request")
    current = translation.get_language()
    addresses = _addresses(context, request)
    addresses.setdefault(current, request.path if request and "request_path" not in context else "")

    def version(code, path):
        info = translation.get_language_info(code)
        return Version(
            code=code,
            name=info["name_local"][:1].upper() + info["name_local"][1:],
            path=path,
            url=request.build_absolute_uri(path) if request else path,
            locale=f"{code}_{settings.PHONE_DEFAULT_REGION}",
        )

    def home(code):
        with translation.override(code):
            return reverse("home")

    ordered = [code for code, _name in settings.LANGUAGES if code in addresses]
    versions = [version(code, addresses[code]) for code in ordered]
    default = addresses.get(settings.LANGUAGE_CODE) or addresses[ordered[0]]
    return PageLanguages(
        current=version(current, addresses[current]),
        versions=versions if len(versions) > 1 else [],
        switch=[
            version(code, addresses.get(code) or home(code)) for code, _name in settings.LANGUAGES if code != current
        ],
        x_default=request.build_absolute_uri(default) if request else default,
    )
