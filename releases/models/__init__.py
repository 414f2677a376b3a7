from .library import Boilerplate, Language, Tag
from .people import MediaContact, Spokesperson
from .release import Attachment, Release, ReleaseContact, ReleaseQuerySet

__all__ = [
    "Attachment",
    "Boilerplate",
    "Language",
    "MediaContact",
    "Release",
    "ReleaseContact",
    "ReleaseQuerySet",
    "Spokesperson",
    "Tag",
]
