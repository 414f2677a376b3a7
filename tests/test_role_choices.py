"""Each role's forms offer only what the server accepts from that role: every choice a form shows,
made and saved, is accepted; every choice it does not show is refused when posted anyway.

Checked for a Writer, a Publisher and a site administrator, on the forms they open: the access
links of the release form, its publishing buttons and the release list's actions."""

import datetime as dt
from html.parser import HTMLParser

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from releases.models import AccessLink, Release
from releases.workflow import TRANSITIONS
from test_concurrent_edits import opened_form

Status = Release.Status
Purpose = AccessLink.Purpose
ROLES = ["Writer", "Publisher", "site administrator"]
# What each role is meant to be offered; the tests check the server accepts exactly that.
PURPOSES = {
    "Writer": {Purpose.PREVIEW},
    "Publisher": {Purpose.EMBARGO, Purpose.PREVIEW},
    "site administrator": {Purpose.EMBARGO, Purpose.PREVIEW},
}
NEW_LINK = "access_links-__prefix__-purpose"


class _Choices(HTMLParser):
    """The options of each <select> and the values of each submit button named ``_transition``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.options, self.selected, self.buttons, self.select = {}, {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.select = attrs.get("name")
            self.options[self.select] = []
        elif tag == "option" and self.select:
            self.options[self.select].append(attrs.get("value", ""))
            if "selected" in attrs:
                self.selected[self.select] = attrs.get("value", "")
        elif tag == "button" and attrs.get("name") == "_transition":
            self.buttons.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def choices(html):
    parser = _Choices()
    parser.feed(html)
    return parser


@pytest.fixture(params=ROLES)
def role(request):
    return request.param


@pytest.fixture
def staff(role, signed_in, superuser):
    if role == "site administrator":
        client = Client()
        client.force_login(superuser)
        client.user = superuser
        return client
    return signed_in(role)


def change_url(release):
    return reverse("admin:releases_release_change", args=[release.pk])


def new_link(purpose, name="Reviewer"):
    moment = timezone.localtime() + dt.timedelta(days=2)
    return {
        "access_links-TOTAL_FORMS": ["1"],
        "access_links-0-purpose": [purpose],
        "access_links-0-name": [name],
        "access_links-0-expires_at_0": [moment.strftime("%Y-%m-%d")],
        "access_links-0-expires_at_1": ["09:00:00"],
    }


def test_the_access_link_form_offers_each_role_the_purposes_it_may_give_and_preselects_one(staff, role, make_release):
    page = choices(staff.get(change_url(make_release(status=Status.DRAFT))).text)

    assert set(page.options[NEW_LINK]) == PURPOSES[role]
    assert page.selected[NEW_LINK] in PURPOSES[role]


@pytest.mark.parametrize("purpose", Purpose.values)
def test_a_link_of_an_offered_purpose_is_saved_and_any_other_is_refused(staff, role, make_release, purpose):
    draft = make_release(status=Status.DRAFT)
    form = opened_form(staff, draft)
    form.update(new_link(purpose))

    response = staff.post(change_url(draft), form)

    if purpose in PURPOSES[role]:
        assert response.status_code == 302
        link = AccessLink.objects.get()
        assert (link.purpose, link.created_by) == (purpose, staff.user)
    else:
        assert response.status_code == 200
        assert "Select a valid choice." in response.text
        assert not AccessLink.objects.exists()


def test_a_writer_sees_a_publishers_embargo_link_but_cannot_change_or_revoke_it(signed_in, make_release):
    draft = make_release(status=Status.DRAFT)
    link = AccessLink.objects.create(
        release=draft, purpose=Purpose.EMBARGO, name="Ana Reporter", expires_at=timezone.now() + dt.timedelta(days=3)
    )
    writer = signed_in("Writer")

    page = writer.get(change_url(draft)).text
    form = opened_form(writer, draft)
    form.update({"access_links-0-name": ["Someone else"], "access_links-0-purpose": ["preview"]})
    form["access_links-0-revoke"] = ["on"]
    response = writer.post(change_url(draft), form)

    assert "Ana Reporter" in page
    assert choices(page).options["access_links-0-purpose"] == [Purpose.EMBARGO]
    assert "access_links-0-name" not in opened_form(writer, draft)  # Disabled: a browser sends none of it.
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.name, link.purpose, link.revoked_at) == ("Ana Reporter", Purpose.EMBARGO, None)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_every_publishing_button_a_role_is_shown_is_accepted_and_every_other_refused(
    staff, make_release, release_form_data, status
):
    offered = choices(staff.get(change_url(make_release(status=status))).text).buttons
    assert offered, "every role may move a draft or a release in review somewhere"

    for name, transition in TRANSITIONS.items():
        release = make_release(status=status, released_at=timezone.now() - dt.timedelta(minutes=5))
        data = release_form_data(release=release, headline=release.headline, slug=release.slug, _transition=name)
        response = staff.post(change_url(release), data)
        release.refresh_from_db()
        if name in offered:
            assert response.status_code == 302, name
            assert release.status == transition.target, name
        else:
            assert release.status == status, name


def test_every_list_action_a_role_is_shown_is_accepted(staff, make_release):
    offered = [
        action
        for action in choices(staff.get(reverse("admin:releases_release_changelist")).text).options["action"]
        if action
    ]

    for action in offered:
        release = make_release(status=Status.DRAFT, released_at=timezone.now() - dt.timedelta(minutes=5))
        data = {"action": action, "_selected_action": [release.pk]}
        if action == "delete_selected":
            data["post"] = "yes"  # The confirmation page's answer.
        staff.post(reverse("admin:releases_release_changelist"), data)
        if action == "delete_selected":
            assert not Release.objects.filter(pk=release.pk).exists()
        else:
            release.refresh_from_db()
            assert release.status != Status.DRAFT, action


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PUBLISHED])
def test_the_history_offers_restoring_a_version_only_where_the_role_may_restore_it(staff, role, make_release, status):
    release = make_release(status=status)
    with reversion.create_revision():
        release.save()
    version = Version.objects.get_for_object(release).get()
    restore_url = reverse("admin:releases_release_revision", args=[release.pk, version.pk])

    history = staff.get(reverse("admin:releases_release_history", args=[release.pk])).text

    offered = f'href="{restore_url}"' in history
    assert offered == (role != "Writer" or status == Status.DRAFT)
    assert staff.get(restore_url).status_code == (200 if offered else 403)
