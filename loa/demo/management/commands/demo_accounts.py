from django.core.management.base import BaseCommand

from loa.demo.data import DEMO_PASSWORD, demo_accounts
from loa.orgs.models import Organization


class Command(BaseCommand):
    help = "Print the demo accounts, their roles and the demo password."

    def handle(self, *args, **options):
        names = dict(Organization.objects.values_list("code", "short_name"))
        self.stdout.write("")
        self.stdout.write(f"Tài khoản demo (mật khẩu: {DEMO_PASSWORD}):")
        for account in demo_accounts():
            roles = "; ".join(
                f"{role.label} – {names.get(code, code)}" for code, role in account.roles
            )
            self.stdout.write(f"  {account.username:<26} {roles}")
        self.stdout.write("")
