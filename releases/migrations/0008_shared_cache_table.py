"""The default cache is a table in the database, shared by every app-server process and worker:
``migrate`` creates it (``createcachetable`` creates only what the configured caches need, and
nothing when CACHE_URL names another backend)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("releases", "0007_release_removal")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
