""" "Import or export" is an entry of its own in the admin: on the home page and in the navigation
beside every admin page, for each role that may import or export, and for no one else. The page
shows each what they may do: the upload form to whoever may import, the downloads to whoever may export."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from releases.admin.import_export import EXPORT_PERMISSIONS

IMPORT_EXPORT = reverse("admin:releases_import")
ENTRY = re.compile(rf'<a href="{re.escape(IMPORT_EXPORT)}"(?: aria-current="page")?>Import or export</a>')


@pytest.fixture(params=["Writer", "Publisher", "site administrator"])
def staff(request, signed_in, superuser):
    if request.param == "site administrator":
        client = Client()
        client.force_login(superuser)
        return client
    return signed_in(request.param)


def staff_with(django_user_model, *permissions):
    user = django_user_model.objects.create_user("clerk", is_staff=True)
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    client = Client()
    client.force_login(user)
    return client


def test_every_role_finds_import_or_export_on_the_admin_home_and_in_the_navigation(staff):
    home = staff.get(reverse("admin:index")).text
    tags_list = staff.get(reverse("admin:releases_tag_changelist")).text  # Any page with the navigation.
    page = staff.get(IMPORT_EXPORT)

    assert ENTRY.search(home)
    assert 'id="nav-sidebar"' in tags_list and ENTRY.search(tags_list)
    assert page.status_code == 200
    assert "Import releases" in page.text and "Export everything" in page.text


def test_on_its_own_page_the_entry_is_the_current_one_and_releases_is_not(staff):
    page = staff.get(IMPORT_EXPORT).text

    assert f'<a href="{IMPORT_EXPORT}" aria-current="page">Import or export</a>' in page
    assert page.count('aria-current="page"') == 1


def test_staff_who_may_neither_import_nor_export_see_no_entry_and_are_refused(django_user_model):
    clerk = staff_with(django_user_model, "releases.view_tag")

    home = clerk.get(reverse("admin:index")).text

    assert "Import or export" not in home
    assert clerk.get(IMPORT_EXPORT).status_code == 403


def test_staff_who_may_only_export_find_the_downloads_but_no_upload_form(django_user_model):
    clerk = staff_with(django_user_model, *EXPORT_PERMISSIONS)

    home = clerk.get(reverse("admin:index")).text
    page = clerk.get(IMPORT_EXPORT).text

    assert ENTRY.search(home)
    assert reverse("admin:releases_export", args=["releases.csv"]) in page
    assert 'type="file"' not in page and "Import releases" not in page
    assert clerk.post(IMPORT_EXPORT, {}).status_code == 403


def test_the_release_list_links_to_import_or_export_and_the_old_addresses_list_no_longer_needs_to(admin_client):
    releases = admin_client.get(reverse("admin:releases_release_changelist")).text
    old_addresses = admin_client.get(reverse("admin:releases_legacypath_changelist")).text

    assert f'<li><a href="{IMPORT_EXPORT}">Import or export</a></li>' in releases
    assert f'<li><a href="{IMPORT_EXPORT}">' not in old_addresses
