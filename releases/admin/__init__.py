from . import access, importing, library, release  # noqa: F401  (each module registers its ModelAdmins)
