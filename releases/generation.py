"""The publication generation: a token that changes whenever anything the public sees may have changed.

Rules:
- It lives in the cache every process shares (``CACHES["default"]``), so a change made by the admin,
  an importer, a shell or another app server is seen by every process at once.
- It changes after the transaction that made the change commits (and at once, for the writer's own
  next read); a lost or expired token simply becomes a new one, so a cached answer keyed by it can be
  too young, never stale.
- Answers cached about publication (the next scheduled moment, page data) are keyed by it and
  expire; nothing cached here is forgotten by a signal in one process only.

This module knows no model: ``releases.models.derived`` calls ``bump()`` on every public-facing change.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

KEY = "releases:publication-generation"
# Long enough that it rarely changes for nothing; short enough that no shared cache keeps it forever.
LIFETIME = 24 * 3600


def current() -> str:
    """The generation now; a new one if the shared cache has none."""
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=LIFETIME)
        token = cache.get(KEY) or uuid.uuid4().hex
    return token


def bump(using=None) -> None:
    """Start a new generation now and again once the current transaction commits."""
    _renew()
    transaction.on_commit(_renew, using=using)


def key(name: str) -> str:
    """A cache key for ``name`` in the current generation."""
    return f"{name}:{current()}"


def _renew():
    cache.set(KEY, uuid.uuid4().hex, timeout=LIFETIME)
