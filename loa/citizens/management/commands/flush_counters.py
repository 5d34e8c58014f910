from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from loa.citizens.counters import flush_counters


class Command(BaseCommand):
    help = "Move buffered view counts and changed reaction and comment counts into the statistics."

    def handle(self, *args, **options) -> None:
        changed = flush_counters()
        self.stdout.write(
            ngettext(
                "Counters flushed for %(n)s bulletin.",
                "Counters flushed for %(n)s bulletins.",
                changed,
            )
            % {"n": changed}
        )
