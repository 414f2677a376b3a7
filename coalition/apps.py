from django.contrib.admin.apps import AdminConfig


class PressRoomAdminConfig(AdminConfig):
    """Django's admin, with the press room's site (coalition/admin.py) as ``admin.site``."""

    default_site = "coalition.admin.PressRoomAdminSite"
