"""The real worker (``manage.py db_worker`` processes) sending alerts to a real SMTP server in the
test process: a release published now and one scheduled two seconds ahead reach each subscriber
once, the scheduled one after its moment and never before; a worker killed with SIGKILL mid-batch
and started again, and two workers side by side, still deliver each alert exactly once.
"""

import os
import signal
import time
from collections import Counter

import pytest
from django.utils import timezone

from releases.models import Alert, Release, Subscription
from worker_process import DATABASE_BACKEND, Worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)
Status = Release.Status
SITE = "https://press.example.org"


@pytest.fixture(autouse=True)
def _queue_in_the_database(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.SITE_URL = SITE


@pytest.fixture
def workers(mail_server):
    started = []

    def start(**settings):
        settings.setdefault("ALERT_RETRY_SECONDS", 1)
        settings.setdefault("ALERTS_PER_SECOND", 0)
        settings.setdefault("SITE_URL", SITE)
        started.append(Worker(mail_server.url, **settings))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def subscribers(count):
    confirmed = timezone.now() - timezone.timedelta(days=1)
    Subscription.objects.bulk_create(
        Subscription(email=f"reader{n}@example.org", languages=["en"], confirmed_at=confirmed) for n in range(count)
    )
    return [f"reader{n}@example.org" for n in range(count)]


def publish(make_release, headline, moment):
    release = make_release(headline=headline, status=Status.DRAFT, released_at=moment)
    release.status = Status.PUBLISHED
    release.save()
    return release


def deliveries(mail_server):
    """How many messages each (address, subject) got."""
    with mail_server.inbox.lock:
        return Counter((str(message["To"]), str(message["Subject"])) for message in mail_server.inbox.messages)


def test_a_release_published_now_and_one_scheduled_two_seconds_ahead(mail_server, workers, make_release):
    addresses = subscribers(3)
    arrivals = {}

    def note_arrival(message):
        arrivals.setdefault(str(message["Subject"]), []).append(timezone.now())

    mail_server.inbox.before_reply = note_arrival
    workers()
    publish(make_release, "Published now", timezone.now())
    moment = timezone.now() + timezone.timedelta(seconds=2)
    publish(make_release, "Scheduled two seconds ahead", moment)

    wait_for(lambda: mail_server.inbox.count() >= 6, what="six alerts")
    time.sleep(1.5)  # anything more would come now

    subjects = ("Published now", "Scheduled two seconds ahead")
    assert deliveries(mail_server) == Counter({(address, subject): 1 for address in addresses for subject in subjects})
    assert all(arrival >= moment for arrival in arrivals["Scheduled two seconds ahead"])
    assert Alert.objects.filter(state=Alert.State.SENT).count() == 6


def test_a_worker_killed_mid_batch_and_started_again_delivers_each_alert_once(mail_server, workers, make_release):
    addresses = subscribers(12)
    first = workers(ALERTS_PER_SECOND=50)
    taken = []

    def kill_the_worker_on_the_fifth(message):
        taken.append(message["To"])
        if len(taken) == 5:
            # The worker dies after handing over the message's data, before the server's answer:
            # the server never accepted it, so it keeps nothing (as a mail server does when the
            # connection drops there), and the worker never marked it sent.
            os.kill(first.process.pid, signal.SIGKILL)
            first.process.wait(timeout=10)
            return "451 4.4.2 Connection lost"
        return None

    mail_server.inbox.before_reply = kill_the_worker_on_the_fifth
    publish(make_release, "Killed mid-batch", timezone.now())
    wait_for(lambda: first.process.poll() is not None, what="the worker to be killed")
    assert first.process.returncode == -signal.SIGKILL
    assert mail_server.inbox.count() == 4
    mail_server.inbox.before_reply = None

    workers(ALERTS_PER_SECOND=50)
    wait_for(lambda: mail_server.inbox.count() >= 12, what="the rest of the batch")
    time.sleep(2)  # a successor left by the killed pass runs now, and must find nothing to send

    assert deliveries(mail_server) == Counter({(address, "Killed mid-batch"): 1 for address in addresses})
    assert Alert.objects.filter(state=Alert.State.SENT).count() == 12


def test_two_workers_deliver_each_alert_once(mail_server, workers, make_release):
    addresses = subscribers(40)

    def slow_down(message):
        time.sleep(0.01)  # so both workers are sending at once

    mail_server.inbox.before_reply = slow_down
    workers()
    workers()
    publish(make_release, "Two workers", timezone.now())
    publish(make_release, "Two workers, again", timezone.now())

    wait_for(lambda: mail_server.inbox.count() >= 80, what="eighty alerts")
    time.sleep(1.5)

    assert deliveries(mail_server) == Counter(
        {(address, subject): 1 for address in addresses for subject in ("Two workers", "Two workers, again")}
    )
