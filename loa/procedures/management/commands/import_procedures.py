from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from loa.portal.models import MemberSite
from loa.procedures.importing import import_procedures
from loa.spreadsheets import ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update a member site's administrative procedures from a CSV or Excel (.xlsx)"
        " file. Rows with errors are listed and skipped; the others are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="The member site's host name, such as stp.localhost.")
        super().add_arguments(parser)

    def handle(self, *args, hostname: str, **options):
        site = MemberSite.objects.filter(site__hostname=hostname).first()
        if site is None:
            raise CommandError(
                _("No member site has the host name %(hostname)s.") % {"hostname": hostname}
            )
        super().handle(*args, site=site, **options)

    def import_file(self, stream, *, dry_run, site, **options):
        return import_procedures(stream, site, dry_run=dry_run)
