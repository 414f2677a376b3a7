"""Every public page type fits a phone and a desktop screen, and runs under the Content-Security-Policy.

In English and in Spanish (``/es/…``). Full-page screenshots go to test-artifacts/screenshots/<page>-<width>.png
and <page>-es-<width>.png (gitignored), for people to look at.
"""

import pytest

from browser_checks import save_screenshot, serve_media

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"phone": (390, 844), "desktop": (1280, 900)}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_public_page_type_fits_phone_and_desktop_screens_without_script_errors(
    live_server, page, public_pages, spanish_public_pages, language
):
    pages = spanish_public_pages if language == "es" else public_pages
    serve_media(page)
    problems = []
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and problems.append(f"{page.url}: {message.text}"),
    )
    for width, height in SCREENS.values():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.evaluate("() => document.fonts.ready")
            save_screenshot(page, f"{name}-{width}" if language == "en" else f"{name}-{language}-{width}")
            if (extra := page.evaluate(OVERFLOW)) > 0:
                problems.append(f"{name} is {extra}px wider than a {width}px screen")

    assert not problems, "\n".join(problems)
