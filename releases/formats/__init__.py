"""The files journalists use, for public releases and people only: a media advisory's event as
iCalendar (.ics), media contacts and spokespeople as vCards, each release as a PDF.

Rules: every output starts from the same public querysets as the pages (``published()``, the
listed people), and carries only what those pages show: no staff-only data, no journalists.
"""
