"""Who may see a release, written once: each rule is data, read both as a query and as a check of one release.

Rules (judged against the clock when asked, never stored):
- public: published, and its moment has come. ``Release.objects.published()`` and
  ``release.is_published()`` are this one rule; every public surface goes through it.
- scheduled: published, its moment still to come.
- retracted: withdrawn after it had gone public; its page keeps a retraction notice (or answers
  410 when staff chose to remove it), and feeds keep the notice where the release was.
- on record: what the public record shows of a release: public ones and retraction notices.

Every other question about publication (when the next release goes public, when one last left)
is answered from these rules here, so it cannot drift from them. ``tests/test_visibility_rules.py``
checks every state against both readings.
"""

import operator
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


NOW = object()  # Stands for the moment a rule is judged at.
_COMPARE = {"exact": operator.eq, "lte": operator.le, "gt": operator.gt, "gte": operator.ge}


@dataclass(frozen=True)
class Rule:
    """All of ``conditions`` hold; each is (field, comparison, value), value a constant, ``NOW`` or ``F(field)``."""

    conditions: tuple

    def q(self, now: datetime) -> Q:
        return Q(**{f"{field}__{op}": self._query_value(value, now) for field, op, value in self.conditions})

    def holds(self, release, now: datetime) -> bool:
        for field, op, value in self.conditions:
            left, right = getattr(release, field), self._instance_value(release, value, now)
            if left is None or right is None or not _COMPARE[op](left, right):
                return False
        return True

    def __and__(self, other: "Rule") -> "Rule":
        return Rule(self.conditions + other.conditions)

    @staticmethod
    def _query_value(value, now):
        return now if value is NOW else value

    @staticmethod
    def _instance_value(release, value, now):
        if value is NOW:
            return now
        if isinstance(value, F):
            return getattr(release, value.name)
        return value


@dataclass(frozen=True)
class AnyOf:
    """One of ``rules`` holds."""

    rules: tuple

    def q(self, now: datetime) -> Q:
        query = Q(pk__in=[])
        for rule in self.rules:
            query |= rule.q(now)
        return query

    def holds(self, release, now: datetime) -> bool:
        return any(rule.holds(release, now) for rule in self.rules)


PUBLIC = Rule((("status", "exact", Status.PUBLISHED), ("released_at", "lte", NOW)))
SCHEDULED = Rule((("status", "exact", Status.PUBLISHED), ("released_at", "gt", NOW)))
RETRACTED = Rule(
    (("status", "exact", Status.WITHDRAWN), ("released_at", "lte", NOW), ("withdrawn_at", "gte", F("released_at")))
)
RETRACTION_NOTICE = RETRACTED & Rule((("answer_gone", "exact", False),))
ON_RECORD = AnyOf((PUBLIC, RETRACTION_NOTICE))


class VisibilityQuerySet(models.QuerySet):
    """The rules above as querysets, judged now."""

    def published(self) -> "VisibilityQuerySet":
        """What the public may see: published releases whose moment has come. Every public surface goes through it."""
        return self.filter(PUBLIC.q(timezone.now()))

    def scheduled(self) -> "VisibilityQuerySet":
        """Published releases whose moment is still to come."""
        return self.filter(SCHEDULED.q(timezone.now()))

    def retracted(self) -> "VisibilityQuerySet":
        """Withdrawn releases that had gone public: their page stays, with the retraction notice (or 410)."""
        return self.filter(RETRACTED.q(timezone.now()))

    def on_record(self) -> "VisibilityQuerySet":
        """Public releases and the retraction notices of withdrawn ones: what feeds list."""
        return self.filter(ON_RECORD.q(timezone.now()))


class Visible(models.Model):
    """The same rules, asked of one release."""

    class Meta:
        abstract = True

    def is_published(self) -> bool:
        """The per-instance mirror of ``published()``."""
        return PUBLIC.holds(self, timezone.now())

    def is_scheduled(self) -> bool:
        return SCHEDULED.holds(self, timezone.now())

    def is_retracted(self) -> bool:
        return RETRACTED.holds(self, timezone.now())

    def is_on_record(self) -> bool:
        return ON_RECORD.holds(self, timezone.now())

    def is_withdrawn(self) -> bool:
        return self.status == Status.WITHDRAWN


def named_by_public_releases(rows: models.QuerySet, releases: VisibilityQuerySet, relation: str) -> models.QuerySet:
    """Those of ``rows`` that at least one public release names through ``relation`` (e.g. "tags").

    Asked row by row, for the first such release only: one index lookup each, however many
    releases name it (an EXISTS would be planned as a scan of every release's links).
    """
    first = releases.published().filter(**{relation: OuterRef("pk")}).order_by().values("pk")[:1]
    return rows.alias(first_public_release=Subquery(first)).filter(first_public_release__isnull=False)


def next_public_moment(releases: VisibilityQuerySet, since: datetime) -> datetime | None:
    """The first moment after ``since`` at which one of ``releases`` goes public (or went public, when
    ``since`` is past: a page begun then missed it), or None."""
    future = releases.filter(SCHEDULED.q(since) | (PUBLIC.q(timezone.now()) & Q(released_at__gt=since)))
    return future.order_by("released_at").values_list("released_at", flat=True).first()


def last_public_removal(removals: models.QuerySet) -> datetime | None:
    """When a release last left the public record (``removals``: the ReleaseRemoval rows), or None."""
    return removals.aggregate(latest=Max("removed_at"))["latest"]
