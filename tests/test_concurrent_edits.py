"""Two editors, one release: whoever saves second is refused with a clear message, keeps what
they typed, and overwrites nothing, schedule included. Each editor posts the change form as
the admin rendered it to them (its hidden ``loaded_version`` included), as a browser would."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from releases.models import Release


class _FormFields(HTMLParser):
    """What a browser would submit from the form with id ``form_id`` (no button, no file, no disabled field)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.textarea = self.select = None

    def add(self, name, value):
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option" or "disabled" in attrs:
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in ("submit", "button", "file", "image", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.add(attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
            self.fields.setdefault(self.select, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.add(self.textarea[0], self.textarea[1].removeprefix("\n"))
            self.textarea = None
        elif tag == "select":
            self.select = None


def form_fields(html, form_id="release_form"):
    """{name: [values]} of the form, ready for the test client to post back."""
    parser = _FormFields(form_id)
    parser.feed(html)
    return {name: values for name, values in parser.fields.items() if values}


def opened_form(client, release):
    response = client.get(reverse("admin:releases_release_change", args=[release.pk]))
    assert response.status_code == 200
    return form_fields(response.text)


@pytest.fixture
def editors(db, django_user_model):
    """Two signed-in Publishers, Ana and Ben, each with their own browser."""
    clients = []
    for name in ("ana", "ben"):
        user = django_user_model.objects.create_user(name, is_staff=True)
        user.groups.add(Group.objects.get(name="Publisher"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


@pytest.fixture
def release(make_release):
    return make_release(
        headline="Coalition answers the summit", body="<p>The first text.</p>", status=Release.Status.DRAFT
    )


def change(client, release, form):
    return client.post(reverse("admin:releases_release_change", args=[release.pk]), form)


def test_the_form_carries_the_version_it_was_opened_at(admin_client, release):
    assert opened_form(admin_client, release)["loaded_version"] == [release.updated_at.isoformat()]


def test_an_editor_alone_saves_the_form_as_opened(admin_client, release):
    form = opened_form(admin_client, release)
    form["headline"] = ["Coalition answers the summit, at last"]

    response = change(admin_client, release, form)

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.headline == "Coalition answers the summit, at last"


@pytest.mark.parametrize(
    "anas_change",
    [
        {"body": ["<p>Ana's corrected text.</p>"]},
        {"released_at_1": ["23:59:00"]},
    ],
    ids=["text", "schedule only"],
)
def test_the_second_save_is_refused_and_keeps_what_was_typed(editors, release, anas_change):
    ana, ben = editors
    anas_form, bens_form = opened_form(ana, release), opened_form(ben, release)
    anas_form.update(anas_change)
    bens_form["body"] = ["<p>Ben's quote from the spokesperson.</p>"]

    assert change(ana, release, anas_form).status_code == 302
    saved_by_ana = Release.objects.values("body", "released_at").get(pk=release.pk)
    response = change(ben, release, bens_form)

    assert response.status_code == 200
    assert "ana saved this release at" in response.text and "after you opened it" in response.text
    assert "Ben&#x27;s quote from the spokesperson." in response.text
    assert Release.objects.values("body", "released_at").get(pk=release.pk) == saved_by_ana


def test_a_schedule_changed_meanwhile_is_not_overwritten(editors, make_release):
    moment = timezone.localtime() + dt.timedelta(days=2)
    scheduled = make_release(released_at=moment)
    ana, ben = editors
    anas_form, bens_form = opened_form(ana, scheduled), opened_form(ben, scheduled)
    anas_form["released_at_0"] = [(moment + dt.timedelta(days=1)).strftime("%Y-%m-%d")]
    bens_form["headline"] = ["Ben's sharper headline"]

    change(ana, scheduled, anas_form)
    response = change(ben, scheduled, bens_form)

    assert response.status_code == 200
    scheduled.refresh_from_db()
    assert timezone.localtime(scheduled.released_at).date() == (moment + dt.timedelta(days=1)).date()
    assert scheduled.headline != "Ben's sharper headline"
    assert "Ben&#x27;s sharper headline</textarea>" in response.text


def test_a_transition_meanwhile_refuses_the_stale_form(editors, release):
    ana, ben = editors
    bens_form = opened_form(ben, release)
    ana.post(
        reverse("admin:releases_release_changelist"), {"action": "submit_for_review", "_selected_action": [release.pk]}
    )
    bens_form["headline"] = ["Ben's late change"]

    response = change(ben, release, bens_form)

    assert response.status_code == 200
    release.refresh_from_db()
    assert (release.status, release.headline) == (Release.Status.REVIEW, "Coalition answers the summit")


def test_the_refused_editor_can_reopen_and_save(editors, release):
    ana, ben = editors
    anas_form, bens_form = opened_form(ana, release), opened_form(ben, release)
    anas_form["headline"] = ["Ana's headline"]
    change(ana, release, anas_form)
    change(ben, release, bens_form)

    fresh = opened_form(ben, release)
    fresh["body"] = ["<p>Ben's text, on top of Ana's headline.</p>"]

    assert change(ben, release, fresh).status_code == 302
    release.refresh_from_db()
    assert (release.headline, release.body) == ("Ana's headline", "<p>Ben's text, on top of Ana's headline.</p>")
