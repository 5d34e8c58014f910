from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from loa.reading.counting import flush_page_views


class Command(BaseCommand):
    help = "Move the buffered views of articles into the daily page view counts."

    def handle(self, *args, **options) -> None:
        changed = flush_page_views()
        self.stdout.write(
            ngettext(
                "Views flushed for %(n)s page and day.",
                "Views flushed for %(n)s pages and days.",
                changed,
            )
            % {"n": changed}
        )
