"""A public release as a PDF, in the print design: its page, laid out by the print stylesheet.

WeasyPrint fetches nothing from the network: stylesheets come from the static files, the
featured image from the release's own storage, and any other address is skipped.
"""

import mimetypes
from urllib.parse import urlsplit

import weasyprint.urls
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

BASE_URL = "https://pdf.invalid/"


class PressRoomFetcher(weasyprint.urls.URLFetcher):
    """Serves the page's own files; refuses every other address."""

    def __init__(self, release):
        super().__init__(allowed_protocols=["https"])
        self.release = release

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
            raise ValueError(f"Not fetched for a PDF: {url}")
        path = parts.path
        if path.startswith(settings.STATIC_URL) and (found := finders.find(path.removeprefix(settings.STATIC_URL))):
            with open(found, "rb") as file:
                return self.respond(url, file.read())
        if path == self.release.image_url() and self.release.image:
            with self.release.image.open("rb") as file:
                return self.respond(url, file.read())
        if path.startswith(settings.MEDIA_URL) and default_storage.exists(
            name := path.removeprefix(settings.MEDIA_URL)
        ):
            with default_storage.open(name, "rb") as file:
                return self.respond(url, file.read())
        raise ValueError(f"Not fetched for a PDF: {url}")

    @staticmethod
    def respond(url, body):
        mime_type = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
        return weasyprint.urls.URLFetcherResponse(url, body, {"Content-Type": mime_type})


def release_pdf(release, html):
    """``html`` (the release's page) as PDF bytes."""
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=PressRoomFetcher(release))
    return document.write_pdf()
