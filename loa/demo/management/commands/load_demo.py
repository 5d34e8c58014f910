from django.core.management.base import BaseCommand

from loa.demo.channel import load_channel_demo
from loa.demo.data import load_demo
from loa.legal.demo import load_legal_demo
from loa.portal.demo import load_portal_demo
from loa.procedures.demo import load_procedures_demo
from loa.questions.demo import load_questions_demo
from loa.reading.demo import load_reading_demo
from loa.schedules.demo import load_schedules_demo
from loa.syndication.demo import load_syndication_demo


class Command(BaseCommand):
    help = (
        "Load the demo province (Đồng Nai): organizations, police units, staff accounts, sample"
        " bulletins of the Loa channel, and the portal with two member sites and their legal"
        " documents, procedures, schedules, questions and proposals to the province portal."
    )

    def handle(self, *args, **options):
        organizations, accounts = load_demo()
        bulletins = load_channel_demo()
        load_portal_demo()
        # Each fills the sites that the portal demo made.
        for load in (
            load_legal_demo,
            load_procedures_demo,
            load_schedules_demo,
            load_questions_demo,
            load_syndication_demo,
            load_reading_demo,
        ):
            load()
        if options["verbosity"]:
            self.stdout.write(
                f"Demo: {organizations} tổ chức, {accounts} tài khoản, {bulletins} bài viết mới."
            )
