from django.core.management.base import BaseCommand

from loa.demo.channel import load_channel_demo
from loa.demo.data import load_demo


class Command(BaseCommand):
    help = "Load the demo province (Đồng Nai): organizations, police units and staff accounts."

    def handle(self, *args, **options):
        organizations, accounts = load_demo()
        bulletins = load_channel_demo()
        if options["verbosity"]:
            self.stdout.write(
                f"Demo: {organizations} tổ chức, {accounts} tài khoản, {bulletins} bài viết mới."
            )
