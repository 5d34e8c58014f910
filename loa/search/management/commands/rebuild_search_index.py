"""Fill the search index again from every public page and registered record."""

from django.core.management.base import BaseCommand

from loa.search.index import rebuild


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options) -> None:
        written = rebuild()
        if options["verbosity"]:
            self.stdout.write(f"{written} search entries written.")
