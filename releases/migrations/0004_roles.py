"""The Writer and Publisher groups and their permissions (site administrators are superusers)."""

from django.db import migrations

WRITER = {
    "releases": [
        "add_release", "change_release", "view_release",
        "add_releasecontact", "change_releasecontact", "delete_releasecontact", "view_releasecontact",
        "add_attachment", "change_attachment", "delete_attachment", "view_attachment",
        "add_mediacontact", "change_mediacontact", "view_mediacontact",
        "add_spokesperson", "change_spokesperson", "view_spokesperson",
        "add_tag", "change_tag", "view_tag",
        "view_boilerplate", "view_statuschange", "view_correction",
    ],
    "members": ["view_organization", "view_sociallink"],
}
PUBLISHER_EXTRA = {
    "releases": [
        "publish_release", "delete_release",
        "add_correction", "change_correction", "delete_correction",
        "add_accesslink", "change_accesslink", "view_accesslink", "view_accesslog",
        "add_boilerplate", "change_boilerplate",
        "delete_mediacontact", "delete_spokesperson", "delete_tag",
    ],
    "members": [
        "add_organization", "change_organization",
        "add_sociallink", "change_sociallink", "delete_sociallink",
    ],
}
ROLES = {"Writer": [WRITER], "Publisher": [WRITER, PUBLISHER_EXTRA]}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for grant in grants:
            for app_label, codenames in grant.items():
                group.permissions.add(
                    *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("releases", "0003_publishing_workflow"),
        ("members", "0002_friendlier_slug_message"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
