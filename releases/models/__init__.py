from .access import AccessLink, AccessLog
from .history import Correction, ReleaseRemoval, StatusChange
from .legacy import LegacyPath
from .library import Boilerplate, Language, Tag
from .people import MediaContact, Spokesperson
from .release import Attachment, Release, ReleaseContact, ReleaseQuerySet

__all__ = [
    "AccessLink",
    "AccessLog",
    "Attachment",
    "Boilerplate",
    "Correction",
    "Language",
    "LegacyPath",
    "MediaContact",
    "Release",
    "ReleaseContact",
    "ReleaseQuerySet",
    "ReleaseRemoval",
    "Spokesperson",
    "StatusChange",
    "Tag",
]
