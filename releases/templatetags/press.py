import json
from datetime import datetime

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..sanitizing import html_to_text

register = template.Library()

# As django.utils.html.json_script escapes them, so the data cannot close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, release, translations=()):
    """schema.org NewsArticle data for a release, as a JSON-LD block (data, not a script), naming the
    original it translates (``translationOfWork``) and its translations (``workTranslation``)."""
    request = context["request"]
    coalition = context.get("coalition")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.headline,
        "description": release.summary or release.subheadline,
        "datePublished": release.released_at,
        "dateModified": release.modified_at,
        "inLanguage": release.language,
        "url": request.build_absolute_uri(release.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(release.get_absolute_url()),
    }
    for version in translations:
        work = {
            "@type": "NewsArticle",
            "headline": version["headline"],
            "inLanguage": version["language"],
            "url": request.build_absolute_uri(version["url"]),
        }
        if version["role"] == "original":
            data["translationOfWork"] = work
        else:
            data.setdefault("workTranslation", []).append(work)
    if coalition:
        data["publisher"] = {
            "@type": "Organization",
            "name": coalition.name,
            "url": request.build_absolute_uri("/"),
        }
        if coalition.logo:
            data["publisher"]["logo"] = {"@type": "ImageObject", "url": request.build_absolute_uri(coalition.logo.url)}
        data["author"] = data["publisher"]
    if release.image_url():
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(release_file_url(context, release)),
            "caption": release.image_alt,
        }
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))


# Rich text as plain paragraphs separated by blank lines, for the wire-format version.
register.filter("wire_text", html_to_text)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def release_file_url(context, release, attachment=None):
    """Where the page's reader can fetch the release's image (or an attachment): through their
    access link on an embargo or preview page, from the release's public address otherwise."""
    link = context.get("access_link")
    if link is not None:
        if attachment is None:
            return reverse("access-link-image", kwargs={"token": link.token})
        return reverse("access-link-file", kwargs={"token": link.token, "pk": attachment.pk})
    if attachment is None:
        return release.image_url()
    return reverse("releases:file", kwargs={"slug": release.slug, "pk": attachment.pk})


@register.filter
def file_url(field):
    """A file field's address, or "" when it holds no file."""
    return field.url if field else ""


@register.filter
def w3c_date(moment):
    """A sitemap's lastmod: the day in the site's zone (YYYY-MM-DD), cheaply, for thousands of URLs."""
    if not moment:
        return ""
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return moment.date().isoformat()
    return moment.isoformat()
