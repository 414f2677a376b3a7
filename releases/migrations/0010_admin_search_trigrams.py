"""Trigram indexes for the admin's release search on PostgreSQL (``icontains`` on the headline,
subheadline and slug: Django writes ``UPPER(column::text) LIKE UPPER(…)``, which these serve), so
it stays quick at 100,000 releases. Other databases get nothing: SQLite has no such index."""

from django.db import migrations

FIELDS = ["headline", "subheadline", "slug"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS release_{field}_trigram ON releases_release "
            f"USING gin (UPPER({field}::text) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS release_{field}_trigram")


class Migration(migrations.Migration):
    dependencies = [("releases", "0009_new_people_start_hidden")]

    operations = [migrations.RunPython(create, drop)]
