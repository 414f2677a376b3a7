"""Each visibility rule, read as a query and as a check of one release, gives the same answer for every
state a release can be in, at every moment around its own."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from releases.models import Release
from releases.models.visibility import ON_RECORD, PUBLIC, RETRACTED, SCHEDULED

NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
MOMENTS = [NOW - dt.timedelta(days=1), NOW - dt.timedelta(seconds=1), NOW, NOW + dt.timedelta(seconds=1)]
WITHDRAWALS = [None, NOW - dt.timedelta(days=2), NOW - dt.timedelta(hours=1)]
STATES = list(itertools.product(Release.Status.values, MOMENTS, WITHDRAWALS, [False, True]))
READINGS = {
    "published": (PUBLIC, "is_published"),
    "scheduled": (SCHEDULED, "is_scheduled"),
    "retracted": (RETRACTED, "is_retracted"),
    "on_record": (ON_RECORD, "is_on_record"),
}


@pytest.fixture
def every_state(time_machine, make_release):
    time_machine.move_to(NOW, tick=False)
    return [
        make_release(status=status, released_at=moment, withdrawn_at=withdrawn_at, answer_gone=gone)
        for status, moment, withdrawn_at, gone in STATES
    ]


@pytest.mark.parametrize("name", READINGS)
def test_the_queryset_and_the_instance_agree_in_every_state(every_state, name):
    rule, method = READINGS[name]

    by_query = set(getattr(Release.objects, name)().values_list("pk", flat=True))
    by_instance = {release.pk for release in every_state if getattr(release, method)()}

    assert by_query == by_instance
    assert by_query == {release.pk for release in every_state if rule.holds(release, timezone.now())}


def test_the_rules_say_what_the_press_room_promises(every_state):
    for release in every_state:
        public = release.status == Release.Status.PUBLISHED and release.released_at <= NOW
        retracted = (
            release.status == Release.Status.WITHDRAWN
            and release.released_at <= NOW
            and release.withdrawn_at is not None
            and release.withdrawn_at >= release.released_at
        )
        assert release.is_published() is public
        assert release.is_scheduled() is (release.status == Release.Status.PUBLISHED and release.released_at > NOW)
        assert release.is_retracted() is retracted
        assert release.is_on_record() is (public or (retracted and not release.answer_gone))
