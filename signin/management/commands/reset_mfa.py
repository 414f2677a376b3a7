from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from signin import mfa


class Command(BaseCommand):
    help = (
        "For a staff member who lost their phone (or never set one up): removes their authenticator and recovery "
        "codes and prints a one-time link to set up a new one. The first superuser enrols with it too."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--site-url",
            help=_("The press room's address, e.g. https://press.example.org (default: from ALLOWED_HOSTS)"),
        )

    def handle(self, username, site_url=None, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(_("No user is called '%(username)s'.") % {"username": username}) from None
        if not user.is_staff:
            raise CommandError(
                _("%(username)s is not staff: only staff sign in to the admin.") % {"username": username}
            )
        removed, path = mfa.reset(user)
        link = (site_url or default_site_url()).rstrip("/") + path
        self.stdout.write(
            _("Removed %(count)s authenticator(s) and recovery code set(s) of %(username)s.")
            % {"count": removed, "username": username}
        )
        self.stdout.write(
            ngettext(
                "One-time enrolment link, good for %(hours)s hour:",
                "One-time enrolment link, good for %(hours)s hours:",
                mfa.ENROLMENT_LINK_HOURS,
            )
            % {"hours": mfa.ENROLMENT_LINK_HOURS}
        )
        self.stdout.write(link)
        self.stdout.write(
            _(
                "Send it to them privately: they open it, sign in with their password, scan the code with an "
                "authenticator app and keep their recovery codes."
            )
        )


def default_site_url():
    host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")), "127.0.0.1:8000")
    return f"{'http' if settings.DEBUG else 'https'}://{host}"
