"""What Writers and Publishers may do with the media list, advisories' events and subscriptions.

Writers keep the media list and events; publishers also send embargoes (a rule the embargo
mailing enforces itself, by the publish permission) and look after subscriptions.
"""

from django.db import migrations

WRITER = [
    "add_journalist", "change_journalist", "view_journalist",
    "add_medialist", "change_medialist", "view_medialist",
    "add_advisoryevent", "change_advisoryevent", "delete_advisoryevent", "view_advisoryevent",
]
PUBLISHER = WRITER + [
    "delete_journalist", "delete_medialist", "view_embargosend",
    "view_subscription", "delete_subscription", "view_alert",
]
ROLES = {"Writer": WRITER, "Publisher": PUBLISHER}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="releases", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="releases", codename__in=ROLES[group.name]))


class Migration(migrations.Migration):
    dependencies = [("releases", "0012_reach_journalists"), ("releases", "0004_roles")]

    operations = [migrations.RunPython(grant, revoke)]
