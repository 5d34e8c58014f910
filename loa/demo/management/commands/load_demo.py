from django.core.management.base import BaseCommand

from loa.demo.channel import load_channel_demo
from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo


class Command(BaseCommand):
    help = (
        "Load the demo province (Đồng Nai): organizations, police units, staff accounts, sample"
        " bulletins of the Loa channel and the portal with two member sites."
    )

    def handle(self, *args, **options):
        organizations, accounts = load_demo()
        bulletins = load_channel_demo()
        load_portal_demo()
        if options["verbosity"]:
            self.stdout.write(
                f"Demo: {organizations} tổ chức, {accounts} tài khoản, {bulletins} bài viết mới."
            )
