from loa.orgs.importing import import_organizations
from loa.spreadsheets import ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update organizations from a CSV or Excel (.xlsx) file. Rows with errors are"
        " listed and skipped; the others are imported."
    )

    def import_file(self, stream, *, dry_run, **options):
        return import_organizations(stream, dry_run=dry_run)
