from . import access, library, release  # noqa: F401  (each module registers its ModelAdmins)
