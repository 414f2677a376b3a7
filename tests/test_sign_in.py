"""Staff sign-in: repeated wrong passwords pause signing in for that username from that address (and a
superuser can unlock it); publishers and superusers give a second step, a code from an authenticator app
set up through a one-time link a superuser issues (or a recovery code); the demo account stays one step."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin import mfa

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase for staff"
NOW = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
ADMIN = "/admin/"
RELEASES = "/admin/releases/release/"


@pytest.fixture(autouse=True)
def as_in_production(settings, time_machine):
    settings.REQUIRE_STAFF_MFA = True  # conftest switches it off for the other tests
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def staff(django_user_model):
    def make(username, role=None, **fields):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


def sign_in(client, username, password=PASSWORD, address="203.0.113.5", next_path=ADMIN):
    return client.post(
        f"{reverse('admin:login')}?next={next_path}",
        {"username": username, "password": password, "next": next_path},
        REMOTE_ADDR=address,
        follow=True,
    )


def can_open_the_admin(client):
    return client.get(RELEASES).status_code == 200


def current_code(device, seconds_later=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - seconds_later, digits=device.digits):06d}"


def enrol(client, user, password=PASSWORD):
    """Opens a new enrolment link for ``user``, signs in with the password, confirms it; the device and page."""
    link = mfa.issue_enrolment_link(user)
    assert client.get(link).url.startswith(reverse("admin:login"))  # sent to sign in first
    assert sign_in(client, user.username, password, next_path=link).request["PATH_INFO"] == link
    device = TOTPDevice.objects.get(user=user)
    return device, client.post(link, {"code": current_code(device)})


# Lockout


def test_five_wrong_passwords_pause_signing_in_for_that_username_from_that_address(client, staff):
    staff("ana", "Writer")
    for _ in range(4):
        assert sign_in(client, "ana", "wrong guess").status_code == 200  # the form again, with its error

    locked = sign_in(client, "ana", "wrong guess")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "<h1>Sign-in paused</h1>" in page and "paused for 15 minutes" in page
    assert "ask a site administrator" in page.lower() and 'class="site-header"' in page
    assert locked["Retry-After"] == "900"
    assert sign_in(client, "ana").status_code == 429  # the right password waits too
    assert not can_open_the_admin(client)
    assert can_open_the_admin(sign_in_client := Client()) is False
    assert sign_in(sign_in_client, "ana", address="198.51.100.7").status_code == 200  # elsewhere: unaffected
    assert can_open_the_admin(sign_in_client)


def test_after_the_cool_off_the_right_password_signs_in(client, staff, time_machine):
    staff("ana", "Writer")
    for _ in range(5):
        sign_in(client, "ana", "wrong guess")

    time_machine.move_to(NOW + dt.timedelta(minutes=16), tick=False)

    assert sign_in(client, "ana").status_code == 200
    assert can_open_the_admin(client)


def test_a_superuser_unlocks_a_locked_account_from_the_users_list(client, staff, admin_client, superuser):
    ana = staff("ana", "Writer")
    for _ in range(5):
        sign_in(client, "ana", "wrong guess")
    admin_client.force_login(superuser)
    session = admin_client.session
    # A superuser gives the second step (as RECIPES says: force_login, then the device in the session).
    session["otp_device_id"] = enrol(Client(), superuser, "correct horse battery")[0].persistent_id
    session.save()

    answer = admin_client.post(
        reverse("admin:auth_user_changelist"), {"action": "unlock_sign_in", "_selected_action": [ana.pk]}, follow=True
    )

    assert "Sign-in unlocked for ana: their failed attempts are forgotten." in answer.content.decode()
    assert sign_in(client, "ana").status_code == 200
    assert can_open_the_admin(client)


# The second step


def test_a_publisher_without_an_authenticator_gets_nothing_from_the_password_alone(client, staff, make_release):
    staff("pat", "Publisher")
    draft = make_release(headline="Unpublished plan", status="draft")

    landed = sign_in(client, "pat")

    assert landed.request["PATH_INFO"] == reverse("admin:mfa-second-step")
    assert "none is set up yet" in landed.content.decode()
    assert "Ask a site administrator for a one-time enrolment link" in landed.content.decode()
    assert not can_open_the_admin(client)
    assert client.get(reverse("admin:releases_release_change", args=[draft.pk])).status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 404  # no preview on the public site either
    assert client.post(reverse("admin:mfa-second-step"), {"code": "123456"}).status_code == 200
    assert not can_open_the_admin(client)


def test_the_password_alone_never_sets_up_an_authenticator(client, staff):
    pat = staff("pat", "Publisher")
    sign_in(client, "pat")

    assert client.get("/admin/mfa/enrol/1/guess/").status_code == 404
    assert not TOTPDevice.objects.filter(user=pat).exists()


def test_a_publisher_sets_up_an_authenticator_from_a_one_time_link_and_signs_in_with_codes(staff, time_machine):
    pat = staff("pat", "Publisher")
    first = Client()

    device, answer = enrol(first, pat)

    page = answer.content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10 and "only time they are shown" in page
    assert can_open_the_admin(first)
    device.refresh_from_db()
    assert device.confirmed
    assert first.get(answer.request["PATH_INFO"]).status_code == 404  # the link worked once

    time_machine.move_to(NOW + dt.timedelta(seconds=60), tick=False)
    later = Client()
    assert sign_in(later, "pat").request["PATH_INFO"] == reverse("admin:mfa-second-step")
    wrong = later.post(reverse("admin:mfa-second-step"), {"code": "000000", "next": RELEASES})
    assert "That code did not work" in wrong.content.decode()
    assert not can_open_the_admin(later)
    assert later.post(reverse("admin:mfa-second-step"), {"code": current_code(device)}).status_code == 200
    time_machine.move_to(NOW + dt.timedelta(seconds=62), tick=False)  # after a wrong code, a pause: 1 s, then 2 s…
    assert (
        later.post(reverse("admin:mfa-second-step"), {"code": current_code(device), "next": RELEASES}).url == RELEASES
    )
    assert can_open_the_admin(later)

    time_machine.move_to(NOW + dt.timedelta(minutes=10), tick=False)
    phone_lost = Client()
    sign_in(phone_lost, "pat")
    assert phone_lost.post(reverse("admin:mfa-second-step"), {"code": codes[0].upper()}).status_code == 302
    assert can_open_the_admin(phone_lost)
    again = Client()
    sign_in(again, "pat")
    assert "That code did not work" in again.post(reverse("admin:mfa-second-step"), {"code": codes[0]}).text


def test_the_enrolment_page_shows_a_qr_code_and_the_key_and_refuses_a_wrong_first_code(client, staff):
    pat = staff("pat", "Publisher")
    link = mfa.issue_enrolment_link(pat)
    sign_in(client, "pat", next_path=link)

    page = client.get(link)
    wrong = client.post(link, {"code": "000000"})

    assert page.status_code == 200
    text = page.content.decode()
    assert '<img src="data:image/svg+xml' in text and "Key:" in text
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", text)
    assert "That code did not work" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=pat).confirmed
    assert not can_open_the_admin(client)


def test_an_enrolment_link_opens_only_for_its_own_person_and_only_for_three_days(client, staff, time_machine):
    pat, other = staff("pat", "Publisher"), staff("sam", "Publisher")
    link = mfa.issue_enrolment_link(pat)
    sign_in(client, "sam")
    assert client.get(link).status_code == 404

    time_machine.move_to(NOW + dt.timedelta(hours=73), tick=False)
    mine = Client()
    sign_in(mine, "pat")
    assert mine.get(link).status_code == 404
    assert "no longer sets up an authenticator" in mine.get(link).content.decode()
    assert not TOTPDevice.objects.filter(user=other).exists()


def test_a_newer_link_replaces_the_older_one(client, staff):
    pat = staff("pat", "Publisher")
    old = mfa.issue_enrolment_link(pat)
    new = mfa.issue_enrolment_link(pat)
    sign_in(client, "pat")

    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_superuser_issues_an_enrolment_link_from_the_users_list(staff, superuser, client):
    pat = staff("pat", "Publisher")
    device, _ = enrol(client, superuser, "correct horse battery")

    answer = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "issue_enrolment_links", "_selected_action": [pat.pk]},
        follow=True,
    )

    link = re.search(r"http://testserver(/admin/mfa/enrol/\d+/\w+/)", answer.content.decode()).group(1)
    assert "send it to them privately" in answer.content.decode()
    pats = Client()
    sign_in(pats, "pat", next_path=link)
    assert pats.get(link).status_code == 200
    assert device.user == superuser


def test_a_writer_signs_in_in_one_step(client, staff):
    staff("wren", "Writer")

    sign_in(client, "wren")

    assert can_open_the_admin(client)


def test_a_writer_who_set_up_an_authenticator_gives_the_second_step_too(staff, time_machine):
    wren = staff("wren", "Writer")
    device, _ = enrol(Client(), wren)
    time_machine.move_to(NOW + dt.timedelta(minutes=1), tick=False)
    client = Client()

    sign_in(client, "wren")

    assert not can_open_the_admin(client)
    client.post(reverse("admin:mfa-second-step"), {"code": current_code(device)})
    assert can_open_the_admin(client)


def test_the_second_step_is_not_asked_with_debug_on_or_when_switched_off(client, settings, superuser):
    settings.DEBUG = True  # the demo of `make run`
    sign_in(client, superuser.username, "correct horse battery")
    assert can_open_the_admin(client)

    settings.DEBUG, settings.REQUIRE_STAFF_MFA = False, False
    other = Client()
    sign_in(other, superuser.username, "correct horse battery")
    assert can_open_the_admin(other)


def test_reset_mfa_removes_a_lost_authenticator_and_prints_a_new_link(staff, capsys, time_machine):
    pat = staff("pat", "Publisher")
    enrol(Client(), pat)

    call_command("reset_mfa", "pat", "--site-url", "https://press.example.org")

    output = capsys.readouterr().out
    assert "Removed 2 authenticator(s) and recovery code set(s) of pat." in output
    link = re.search(r"https://press\.example\.org(/admin/mfa/enrol/\d+/\w+/)", output).group(1)
    assert not StaticDevice.objects.filter(user=pat).exists()
    assert not TOTPDevice.objects.filter(user=pat, confirmed=True).exists()
    time_machine.move_to(NOW + dt.timedelta(minutes=1), tick=False)
    client = Client()
    assert sign_in(client, "pat", next_path=link).request["PATH_INFO"] == link
    device = TOTPDevice.objects.get(user=pat)
    assert "only time they are shown" in client.post(link, {"code": current_code(device)}).content.decode()
    assert can_open_the_admin(client)


def test_reset_mfa_refuses_an_unknown_or_non_staff_user(django_user_model):
    django_user_model.objects.create_user("reader", password=PASSWORD)

    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("reset_mfa", "nobody")
    with pytest.raises(CommandError, match="not staff"):
        call_command("reset_mfa", "reader")


def test_the_first_superuser_enrols_with_the_command_link(superuser, capsys, settings):
    settings.ALLOWED_HOSTS = ["press.example.org", "testserver"]
    call_command("reset_mfa", "admin")
    link = re.search(r"https://press\.example\.org(/admin/mfa/enrol/\S+)", capsys.readouterr().out).group(1)
    client = Client()

    sign_in(client, "admin", "correct horse battery", next_path=link)
    client.post(link, {"code": current_code(TOTPDevice.objects.get(user=superuser))})

    assert can_open_the_admin(client)
    assert timezone.now() == NOW
