"""Every public HTML page type is valid HTML by the W3C Nu checker (errors only; warnings are allowed)."""

import pytest

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
