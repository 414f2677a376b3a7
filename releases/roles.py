"""The Writer and Publisher roles: the groups of permissions staff are given.

Migrations 0004 and 0013 created them. A database emptied by ``flush`` (a transactional test's
teardown, a site starting over) loses them, so after every ``migrate`` and ``flush`` the missing
ones are made again, as django.contrib.sites keeps its default site. A role that exists is left as
the site's administrators keep it.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

WRITER = {
    "releases": """
        add_release change_release view_release
        add_releasecontact change_releasecontact delete_releasecontact view_releasecontact
        add_attachment change_attachment delete_attachment view_attachment
        add_mediacontact change_mediacontact view_mediacontact
        add_spokesperson change_spokesperson view_spokesperson
        add_tag change_tag view_tag
        view_boilerplate view_statuschange view_correction
        add_journalist change_journalist view_journalist
        add_medialist change_medialist view_medialist
        add_advisoryevent change_advisoryevent delete_advisoryevent view_advisoryevent
    """.split(),
    "members": ["view_organization", "view_sociallink"],
}
PUBLISHER = {
    "releases": WRITER["releases"]
    + """
        publish_release delete_release
        add_correction change_correction delete_correction
        add_accesslink change_accesslink view_accesslink view_accesslog
        add_boilerplate change_boilerplate
        delete_mediacontact delete_spokesperson delete_tag
        delete_journalist delete_medialist view_embargosend
        view_subscription delete_subscription view_alert
    """.split(),
    "members": WRITER["members"]
    + "add_organization change_organization add_sociallink change_sociallink delete_sociallink".split(),
}
ROLES = {"Writer": WRITER, "Publisher": PUBLISHER}


def create_missing_roles(app_config, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    """Make the roles that are not there, with their permissions (a post_migrate receiver)."""
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        apps.get_model("releases", "Release")
    except LookupError:  # migrated back before the press room's tables
        return
    existing = set(Group.objects.using(using).filter(name__in=ROLES).values_list("name", flat=True))
    for name, grants in ROLES.items():
        if name in existing:
            continue
        group = Group.objects.using(using).create(name=name)
        for app_label, codenames in grants.items():
            group.permissions.add(
                *Permission.objects.using(using).filter(content_type__app_label=app_label, codename__in=codenames)
            )
