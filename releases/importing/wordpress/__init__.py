"""Reading a WordPress export: ``wxr`` streams the XML safely, ``content`` turns post HTML into the
press room's markup, ``importer`` makes each post a release."""
