from .access import AccessLink, AccessLog
from .event import AdvisoryEvent
from .history import Correction, ReleaseRemoval, StatusChange
from .legacy import LegacyPath
from .library import Boilerplate, Language, Tag
from .media_list import EmbargoSend, Journalist, MediaList
from .people import MediaContact, Spokesperson
from .release import Attachment, Release, ReleaseContact, ReleaseQuerySet
from .subscriptions import Alert, Announcement, Subscription

__all__ = [
    "AccessLink",
    "AccessLog",
    "AdvisoryEvent",
    "Alert",
    "Announcement",
    "Attachment",
    "Boilerplate",
    "Correction",
    "EmbargoSend",
    "Journalist",
    "Language",
    "LegacyPath",
    "MediaContact",
    "MediaList",
    "Release",
    "ReleaseContact",
    "ReleaseQuerySet",
    "ReleaseRemoval",
    "Spokesperson",
    "StatusChange",
    "Subscription",
    "Tag",
]
