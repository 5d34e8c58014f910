from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from loa.audit.log import record
from loa.units.loading import is_loaded, load_units
from loa.units.models import NATIONAL_CODE, AdminUnit


class Command(BaseCommand):
    help = "Load Vietnam's provinces and communes from the vietnam-provinces package (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Reload even when every unit is already present."
        )

    def handle(self, *args, force: bool = False, verbosity: int = 1, **options):
        if not force and is_loaded():
            if verbosity:
                self.stdout.write(_("Administrative units are already loaded."))
            return
        report = load_units(progress=verbosity > 0)
        record(
            AdminUnit.objects.get(code=NATIONAL_CODE),
            "loa.units.load",
            provinces=report.provinces,
            communes=report.communes,
            data_version=report.data_version,
        )
        if verbosity:
            self.stdout.write(
                _("Loaded %(provinces)d provinces and %(communes)d communes (data of %(version)s).")
                % {
                    "provinces": report.provinces,
                    "communes": report.communes,
                    "version": report.data_version,
                }
            )
