from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from loa.portal.models import MemberSite
from loa.procedures.importing import ImportFileError, import_procedures


class Command(BaseCommand):
    help = (
        "Create or update a member site's administrative procedures from a CSV or Excel (.xlsx)"
        " file. Rows with errors are listed and skipped; the others are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="The member site's host name, such as stp.localhost.")
        parser.add_argument("file", help="The CSV or .xlsx file, with a header row.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, saving nothing."
        )

    def handle(self, *args, hostname: str, file: str, dry_run: bool = False, **options):
        site = MemberSite.objects.filter(site__hostname=hostname).first()
        if site is None:
            raise CommandError(
                _("No member site has the host name %(hostname)s.") % {"hostname": hostname}
            )
        try:
            with open(file, "rb") as stream:
                report = import_procedures(stream, site, dry_run=dry_run)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": file, "error": error.strerror}
            ) from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        self.stdout.write(report.summary())
        for rejected in report.rejected:
            self.stdout.write(
                self.style.ERROR(
                    _("Row %(row)d (%(code)s): %(errors)s")
                    % {
                        "row": rejected.row_number,
                        "code": rejected.code or "—",
                        "errors": "; ".join(rejected.errors),
                    }
                )
            )
