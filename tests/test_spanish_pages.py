"""Every public page type in Spanish says `<html lang="es">` and shows none of the labels its English page shows.

The labels are read off the rendered English page, not listed by hand: every text node and label-like
attribute (aria-label, title, placeholder, alt, button values, the page's description and title) that is
not content. Content is what staff typed, read from the database (headlines, bodies, names, bios, places…);
text marked as another language (an element's `lang`) is not a label of the page; and a label the catalog's
translator marks as written the same in Spanish ("slug") or a brand name may stay. Any other English label found on the
Spanish page fails the test, with the page and the label.

A release's page is framed in the release's language, so its Spanish page type is a Spanish release's page:
each release-bound page is compared with a Spanish twin that has all the same parts.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import path, translate_url
from django.utils import timezone

from coalition import urls as site_urls
from releases.models import AccessLink, Attachment, Release, ReleaseContact, ReleaseRemoval
from test_catalog import CATALOG, SAME_IN_SPANISH

# Names of services and formats, the same in every language.
BRANDS = {"Bluesky", "Facebook", "LinkedIn", "WhatsApp", "X", "RSS", "Atom", "PDF", "vCard", "UTC"}
LABEL_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-copied-label")
DESCRIBING_META = {"description", "og:title", "og:description", "og:image:alt", "twitter:title"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LETTER = re.compile(r"[^\W\d_]")


class PageTexts(HTMLParser):
    """The page's visible texts and label attributes, each with the language of the element holding it."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.open, self.texts, self.language = [], [], None
        self.feed(html)

    def _language(self, attrs):
        return attrs.get("lang") or (self.open[-1][1] if self.open else None)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = self._language(attrs)
        if tag == "html":
            self.language = language
        for name in LABEL_ATTRIBUTES:
            self._add(attrs.get(name), language)
        if tag == "meta" and (attrs.get("name") in DESCRIBING_META or attrs.get("property") in DESCRIBING_META):
            self._add(attrs.get("content"), language)
        if tag in ("input", "button") and attrs.get("type") in ("submit", "button", "reset"):
            self._add(attrs.get("value"), language)
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, language))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open.pop()

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.open and self.open[-1][0] in ("script", "style"):
            return
        self._add(data, self.open[-1][1] if self.open else None)

    def _add(self, text, language):
        text = " ".join((text or "").split())
        if LETTER.search(text):
            self.texts.append((text, language))

    def in_language(self, language):
        return {text for text, found in self.texts if found == language}


def content_values():
    """Everything staff typed into the press room's rows (choices are codes, not text), as readers see it."""
    values = set()
    for model in [*apps.get_app_config("releases").get_models(), *apps.get_app_config("members").get_models()]:
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices
        ]
        for row in model.objects.values_list(*fields):
            for value in row:
                if isinstance(value, str):
                    values.update(text for text, _language in PageTexts(value).texts)
    return sorted(values, key=len, reverse=True)


def same_in_both_languages():
    catalog = polib.pofile(str(CATALOG))
    return BRANDS | {entry.msgid for entry in catalog if SAME_IN_SPANISH in (entry.tcomment or "")}


def english_labels(page, content):
    """The English page's texts that are not made only of content."""
    labels = set()
    for text in page.in_language("en"):
        rest = text
        for value in content:
            rest = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", rest)
        if LETTER.search(rest):
            labels.add(text)
    return labels - same_in_both_languages()


def fetch(path, language):
    """The page as a reader of ``language`` asks for it: at its address in that language (``/es/…``)."""
    address = translate_url(path, language)
    client = Client(raise_request_exception=False)
    response = client.get(address, follow=True)
    return response.status_code, response.content.decode()


def english_labels_left_on_spanish_pages(pairs):
    """For each (name, English path, Spanish path, status): the English labels its Spanish page still shows."""
    content = content_values()
    left = {}
    for name, english_path, spanish_path, status in pairs:
        english_status, english_html = fetch(english_path, "en")
        spanish_status, spanish_html = fetch(spanish_path, "es")
        assert (english_status, spanish_status) == (status, status), f"{name}: {english_status}, {spanish_status}"
        english, spanish = PageTexts(english_html), PageTexts(spanish_html)
        assert english.language == "en" and '<html lang="en">' in english_html, name
        assert spanish.language == "es" and '<html lang="es">' in spanish_html, f"{name} is not in Spanish"
        labels = english_labels(english, content)
        assert labels, f"{name}: no labels read off the English page"
        if found := sorted(labels & spanish.in_language("es")):
            left[name] = found
    return left


def explain(left):
    return "English labels on Spanish pages:\n" + "\n".join(f"  {name}: {labels}" for name, labels in left.items())


def release_at(page_path):
    return Release.objects.get(slug=page_path.rstrip("/").rsplit("/", 1)[-1])


def give_the_same_parts(spanish, english, **text):
    """The Spanish release gets every part the English one shows: people, co-signers, tags, files, image."""
    for field in ("kind", "image", "boilerplate_id"):
        setattr(spanish, field, getattr(english, field))
    for field, value in text.items():
        setattr(spanish, field, value)
    spanish.save()
    for item in english.releasecontact_set.all():
        ReleaseContact.objects.create(release=spanish, contact=item.contact, position=item.position)
    spanish.spokespeople.set(english.spokespeople.all())
    spanish.cosigners.set(english.cosigners.all())
    spanish.tags.set(english.tags.all())
    if english.attachments.exists():
        Attachment.objects.create(
            release=spanish,
            title="Declaración completa (PDF)",
            file=SimpleUploadedFile("declaracion.pdf", b"%PDF-1.4\n%%EOF\n"),
        )
    if hasattr(english, "event"):
        event = english.event
        event.pk, event.release = None, spanish
        event.place_name = "Escalinata del Edificio Federal"
        event.save()
    return spanish


def spanish_twin(english, headline, slug, body, **text):
    """A published Spanish translation of ``english``, at its moment, with every part it has."""
    spanish = Release.objects.create(
        headline=headline,
        slug=slug,
        body=body,
        language="es",
        translation_of=english,
        status=Release.Status.PUBLISHED,
        released_at=english.released_at,
    )
    return give_the_same_parts(spanish, english, **text)


@pytest.mark.django_db
def test_every_public_page_type_in_spanish_shows_none_of_its_english_labels(public_pages, make_boilerplate):
    english = release_at(public_pages["release"])
    spanish = give_the_same_parts(
        release_at(public_pages["translation"]),
        english,
        subheadline="Los líderes prometieron protección y entregaron detención",
        summary="Cuarenta organizaciones dicen que la declaración se queda corta.",
        dateline="LOS ÁNGELES",
        image_alt="Manifestantes frente a la sede de la cumbre",
        image_credit="Foto: Ana Ruiz",
    )
    spanish.boilerplate = make_boilerplate(
        language="es", title="Acerca de", text="<p>La coalición une a 40 grupos.</p>"
    )
    spanish.save()
    pairs = [
        (name, page_path, public_pages["translation"] if name == "release" else page_path, status)
        for name, page_path in public_pages.items()
        if name != "translation"
        for status in [404 if name == "not-found" else 200]
    ]

    left = english_labels_left_on_spanish_pages(pairs)

    assert not left, explain(left)


@pytest.mark.django_db
def test_the_pages_journalists_and_subscribers_reach_in_spanish_show_none_of_their_english_labels(reach_pages):
    advisory = release_at(reach_pages["advisory"][0])
    spanish_advisory = spanish_twin(
        advisory,
        headline="Vigilia frente al centro de detención",
        slug="vigilia-frente-al-centro",
        body="<p>Familias y líderes religiosos se reúnen.</p>",
        summary="Familias y líderes religiosos realizan una vigilia.",
    )
    embargoed = AccessLink.objects.get(token=reach_pages["embargo-link"][0].rstrip("/").rsplit("/", 1)[-1]).release
    spanish_embargoed = spanish_twin(
        embargoed,
        headline="Demanda bajo embargo",
        slug="demanda-bajo-embargo",
        body="<p>La coalición presenta una demanda.</p>",
    )
    spanish_link = AccessLink.objects.create(
        release=spanish_embargoed, name="Ana Reporter", expires_at=timezone.now() + timezone.timedelta(days=2)
    )
    spanish_revoked = AccessLink.objects.create(
        release=spanish_embargoed,
        name="Ben",
        expires_at=timezone.now() + timezone.timedelta(days=2),
        revoked_at=timezone.now(),
    )
    twins = {
        "advisory": spanish_advisory.get_absolute_url(),
        "embargo-link": spanish_link.get_absolute_url(),
        "revoked-link": spanish_revoked.get_absolute_url(),
    }
    # A token that never was names no release, so no language: its page is at one address, in English.
    pairs = [
        (name, page_path, twins.get(name, page_path), status)
        for name, (page_path, status) in reach_pages.items()
        if name != "unknown-link"
    ]

    left = english_labels_left_on_spanish_pages(pairs)

    assert not left, explain(left)


def explode(request):
    raise RuntimeError("A fault no reader should see the details of.")


# The press room's addresses, and one that fails, for the 500 page (in each language, as the site's are).
urlpatterns = [
    *i18n_patterns(path("explode/", explode, name="explode"), prefix_default_language=False),
    *site_urls.urlpatterns,
]
handler404, handler500 = site_urls.handler404, site_urls.handler500


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_404_410_and_500_pages_in_spanish_show_none_of_their_english_labels(coalition):
    ReleaseRemoval.objects.create(slug="removed-release", headline="A release taken down")

    left = english_labels_left_on_spanish_pages(
        [
            ("404", "/releases/no-such-release/", "/releases/no-such-release/", 404),
            ("404 outside every pattern", "/no/such/page/", "/es/no/such/page/", 404),
            ("410", "/releases/removed-release/", "/releases/removed-release/", 410),
            ("500", "/explode/", "/explode/", 500),
        ]
    )

    assert not left, explain(left)
