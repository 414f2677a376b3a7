from django.core.exceptions import ValidationError

from .text.parsed import ReleaseParseError


class ImportFileError(ReleaseParseError):
    """A file the importers refuse as a whole (too large, binary, malformed); nothing of it is written."""


def describe_error(error):
    """One line for an importer's report, whatever went wrong with a file."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
