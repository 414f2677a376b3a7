"""The pages issue 14 added (subscriptions, closed links, a media advisory's event, the embargo
page) are valid HTML by the W3C checker, answer in a fixed number of queries, are cacheable
where they can be and private where they must be. axe-core runs on them in
test_accessibility_reach.py. The readers' pages are checked at their English and Spanish addresses."""

import pytest
from django.urls import reverse, translate_url

from browser_checks import describe_vnu_errors, vnu_errors

pytestmark = pytest.mark.django_db
PRIVATE = {"confirm", "confirm-expired", "manage", "leave", "embargo-link", "revoked-link", "unknown-link"}


def post_pages(client, settings, reach_pages):
    """The pages that answer a form: its errors, saved choices, having left, too many requests."""
    manage, leave = reach_pages["manage"][0], reach_pages["leave"][0]
    pages = {
        "subscribe-errors": client.post(reverse("subscriptions:subscribe"), {"email": "not an address"}),
        "manage-saved": client.post(manage, {"language": "en", "languages": ["en"]}),
        "left": client.post(leave),
    }
    settings.SUBSCRIPTION_REQUESTS_PER_HOUR = 0
    pages["too-many"] = client.post(reverse("subscriptions:subscribe"), {"email": "x@example.org"})
    return pages


def test_the_new_pages_are_valid_html(client, settings, reach_pages, tmp_path):
    files = []
    for name, (path, status) in reach_pages.items():
        for language in ("en", "es"):
            response = client.get(translate_url(path, language), follow=True)
            assert response.status_code == status, (name, language)
            files.append(tmp_path / f"{name}-{language}.html")
            files[-1].write_bytes(response.content)
    for name, response in post_pages(client, settings, reach_pages).items():
        assert response.status_code in (200, 429), name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    errors = vnu_errors(files)

    assert not any(errors.values()), "\n" + describe_vnu_errors(errors)


def test_the_new_public_pages_run_a_fixed_number_of_queries(client, reach_pages, django_assert_max_num_queries):
    budgets = {"subscribe": 4, "requested": 2, "advisory": 16, "unknown-link": 4, "revoked-link": 4}
    for name, budget in budgets.items():
        with django_assert_max_num_queries(budget):
            assert client.get(reach_pages[name][0]).status_code == reach_pages[name][1], name


def test_pages_without_a_form_or_a_personal_token_are_cacheable(client, reach_pages):
    for name, (path, _status) in reach_pages.items():
        cache_control = client.get(path)["Cache-Control"]
        if name in PRIVATE or name == "subscribe":
            assert "private" in cache_control, name
        else:
            assert cache_control.startswith("public"), name
