"""Spanish versions of what staff write about people and tags, and SQLite's unaccented search text.

``search_text`` is filled here for the releases there are, on SQLite only (PostgreSQL searches its
vectors), as ``releases.search.folded_text`` wrote it when this migration was made (frozen here).
"""

import html
import re
import unicodedata

from django.db import migrations, models


def _fold(text):
    def character(c):
        base = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
        return base if len(base) == 1 else c

    return text if text.isascii() else "".join(character(c) for c in text)


def fill_search_text(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        return
    Release = apps.get_model("releases", "Release")
    releases = Release.objects.using(schema_editor.connection.alias)
    for release in releases.only("headline", "subheadline", "summary", "body").iterator(chunk_size=500):
        body = html.unescape(re.sub("<[^>]*>", " ", release.body))
        text = " ".join(" ".join([release.headline, release.subheadline, release.summary, body]).split())
        releases.filter(pk=release.pk).update(search_text=_fold(text).lower())


class Migration(migrations.Migration):

    dependencies = [
        ('releases', '0015_legacy_path_shortlinks'),
    ]

    operations = [
        migrations.AddField(
            model_name='mediacontact',
            name='role_es',
            field=models.CharField(blank=True, help_text='Shown on Spanish pages; left empty, they show the English role.', max_length=200, verbose_name='role in Spanish'),
        ),
        migrations.AddField(
            model_name='release',
            name='search_text',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='spokesperson',
            name='bio_es',
            field=models.TextField(blank=True, help_text='Shown on Spanish pages; left empty, they show the English bio.', verbose_name='bio in Spanish'),
        ),
        migrations.AddField(
            model_name='spokesperson',
            name='title_es',
            field=models.CharField(blank=True, help_text='Shown on Spanish pages; left empty, they show the English title.', max_length=200, verbose_name='title or role in Spanish'),
        ),
        migrations.AddField(
            model_name='tag',
            name='name_es',
            field=models.CharField(blank=True, help_text='Shown on Spanish pages; left empty, they show the English name. The address stays the same.', max_length=100, verbose_name='name in Spanish'),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
