from . import access, legacy, library, release  # noqa: F401  (each module registers its ModelAdmins)
