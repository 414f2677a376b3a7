from .legacy import LegacyPath
from .library import Boilerplate, Language, Tag
from .people import MediaContact, Spokesperson
from .publishing import AccessLink, AccessLog, Correction, StatusChange
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
    "Spokesperson",
    "StatusChange",
    "Tag",
]
