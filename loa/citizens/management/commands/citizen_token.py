import re
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from loa.bulletins.models import Gender
from loa.citizens.tokens import dev_key_path, ensure_dev_key, issue_dev_token


class Command(BaseCommand):
    help = (
        "Print a citizen identity token signed by the development key, for demos and tests. "
        "Production tokens come from the identity provider."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sub", required=True, help="12-digit personal identification number.")
        parser.add_argument("--birthdate", required=True, help="YYYY-MM-DD.")
        parser.add_argument("--gender", required=True, choices=Gender.values)
        parser.add_argument(
            "--residence",
            required=True,
            help="Commune codes, comma-separated: permanent residence first, then temporary.",
        )
        parser.add_argument("--expires-in", type=int, default=3600, help="Seconds (default 3600).")

    def handle(self, *args, sub, birthdate, gender, residence, expires_in, **options):
        if not re.fullmatch(r"[0-9]{12}", sub):
            raise CommandError(_("The identity number must be exactly 12 digits."))
        try:
            date.fromisoformat(birthdate)
        except ValueError as exc:
            raise CommandError(_("The date of birth must be written YYYY-MM-DD.")) from exc
        codes = [code.strip() for code in residence.split(",") if code.strip()]
        if not codes:
            raise CommandError(_("Give at least one commune code of residence."))
        if expires_in <= 0:
            raise CommandError(_("The lifetime must be a positive number of seconds."))
        if settings.LOA_CITIZEN_JWKS:
            if not dev_key_path().exists():
                raise CommandError(
                    _(
                        "LOA_CITIZEN_JWKS names the identity provider's keys and there is no "
                        "development key to sign with: real tokens come from the provider."
                    )
                )
        else:
            ensure_dev_key()
        self.stdout.write(
            issue_dev_token(
                sub=sub, birthdate=birthdate, gender=gender, residence=codes, expires_in=expires_in
            )
        )
