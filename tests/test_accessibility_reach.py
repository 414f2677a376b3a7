"""axe-core's WCAG 2.2 AA rules on the pages issue 14 added, in a real browser: the subscription
pages (with a form's errors, and too many requests), closed links, a media advisory with its
event, the embargo page, and the admin's embargo mailing page; the readers' pages in English and at
their Spanish addresses."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.utils.translation import override

from browser_checks import axe_violations, describe_violations
from releases.models import Journalist, MediaList, Release
from test_newsroom_flow import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_new_pages_have_no_serious_accessibility_violations(live_server, page, reach_pages, settings, language):
    failures = {}
    for name, (path, status) in reach_pages.items():
        response = page.goto(live_server.url + translate_url(path, language))
        assert response.status == status, name
        if violations := axe_violations(page):
            failures[name] = violations
    with override(language):
        subscribe, email, too_many = _("Subscribe"), _("Email address"), _("Too many requests")
        page.goto(live_server.url + reverse("subscriptions:subscribe"))
    page.get_by_role("button", name=subscribe).click()
    if violations := axe_violations(page):
        failures["subscribe with errors"] = violations
    settings.SUBSCRIPTION_REQUESTS_PER_HOUR = 0
    with override(language):
        page.goto(live_server.url + reverse("subscriptions:subscribe"))
    page.get_by_role("textbox", name=email).fill("x@example.org")
    page.get_by_role("button", name=subscribe).click()
    page.get_by_role("heading", name=too_many).wait_for()
    if violations := axe_violations(page):
        failures["too many requests"] = violations

    assert not failures, "\n".join(f"{name}:\n{describe_violations(found)}" for name, found in failures.items())


def test_the_embargo_mailing_page_has_no_serious_accessibility_violations(
    live_server, page, make_release, django_user_model
):
    publisher = django_user_model.objects.create_user("pablo", password=PASSWORD, is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publisher"))
    release = make_release(status=Release.Status.PUBLISHED, released_at=Release().released_at.replace(year=2099))
    journalist = Journalist.objects.create(name="Ana Reporter", email="ana@example.org", languages=["en"])
    MediaList.objects.create(name="Immigration desk").journalists.add(journalist)
    sign_in(page, live_server, "pablo", reverse("admin:releases_release_embargo_mailing", args=[release.pk]))

    violations = axe_violations(page)

    assert not violations, describe_violations(violations)
