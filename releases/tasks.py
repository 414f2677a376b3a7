"""The background work, as Django tasks: run by ``manage.py db_worker`` (see the README).

Every task reads its state from the database and may run more than once, or beside another
worker: what it sends is decided by the rows it claims, never by the task itself.
"""

from django.db import transaction
from django.tasks import task
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone
from django_tasks_db import DatabaseBackend

# Backends whose queue lives in the caller's database transaction: a task queued in it is
# committed, or rolled back, together with the rows it will read.
TRANSACTIONAL_BACKENDS = (DatabaseBackend, ImmediateBackend)


def enqueue(task, *args, run_after=None):
    """Queue ``task``, to run at ``run_after`` (or now); other backends are told after the commit.

    A backend that cannot wait (the immediate one, in tests) is not given work for later: the
    tests run the pass themselves when the clock says so.
    """
    backend = task.get_backend()
    if run_after is not None and run_after > timezone.now():
        if not backend.supports_defer:
            return
        task = task.using(run_after=run_after)
    if isinstance(backend, TRANSACTIONAL_BACKENDS):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))


@task
def send_alerts():
    """Write the alerts of releases whose moment has come, and send what is due."""
    from . import alerts

    alerts.run()


@task
def send_subscription_email(subscription_id, purpose):
    from .subscriptions import signup

    signup.send_email(subscription_id, purpose)


@task
def send_embargo_emails(release_id):
    from . import embargo_mailing

    embargo_mailing.deliver(release_id)
