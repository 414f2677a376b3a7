from . import access, event, legacy, library, media_list, release  # noqa: F401  (each module registers its ModelAdmins)
