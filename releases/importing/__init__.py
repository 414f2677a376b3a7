"""Importers that turn press releases written elsewhere into rows of the press room, in three stages:

- reading: ``text`` reads a .txt, .md or .html release into a ``ParsedRelease`` (plain data, no
  database); ``wordpress`` reads a WordPress export (WXR) post by post; ``press_room_export``
  reads this press room's own export back;
- matching: ``matching`` finds the people, organizations, tags and boilerplates a release names;
- writing: ``writing`` validates and writes releases with the rows they name, through the
  model's own save (or its batched ``bulk_create``), and decides when a release imported before
  is left as it is (unchanged, or changed here since); ``press_room_export.restore_the_rest``
  restores what an export holds besides releases (files, rows on no release, history).

``file_importer`` runs the stages over release files and exports (the ``import_releases``
command, the admin's upload, ``load_demo``), ``wordpress.importer`` over a WordPress export.
"""
