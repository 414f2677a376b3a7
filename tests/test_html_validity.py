"""Every public HTML page type is valid HTML by the W3C Nu checker (errors only; warnings are allowed)."""

import pytest
from django.urls import reverse

from browser_checks import describe_vnu_errors, vnu_errors

pytestmark = pytest.mark.django_db


def test_every_public_page_type_is_valid_html(client, public_pages, tmp_path):
    files = []
    for name, path in public_pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), f"{name} answered {response.status_code}"
        assert response["Content-Type"].startswith("text/html")
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    errors = vnu_errors(files)

    assert set(errors) == {file.name for file in files}
    assert not any(errors.values()), "\n" + describe_vnu_errors(errors)


def test_the_release_admin_form_is_valid_html(admin_client, make_release, tmp_path):
    release = make_release(body="<table><tr><th>State</th></tr><tr><td>Texas</td></tr></table>")
    files = []
    for name, url in {
        "admin-add": reverse("admin:releases_release_add"),
        "admin-change": reverse("admin:releases_release_change", args=[release.pk]),
    }.items():
        response = admin_client.get(url)
        assert response.status_code == 200
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    errors = {
        name: [message for message in messages if not is_djangos_autocomplete_placeholder(message)]
        for name, messages in vnu_errors(files).items()
    }

    assert not any(errors.values()), "\n" + describe_vnu_errors(errors)


def is_djangos_autocomplete_placeholder(message):
    """Django's AutocompleteSelect always writes an empty <option value=""></option> for Select2's placeholder
    (django/contrib/admin/widgets.py): the one error in the admin's own markup, not the press room's."""
    return message["message"].startswith("Element “option” without attribute “label” must not be empty") and (
        'value=""></option>' in message.get("extract", "")
    )
