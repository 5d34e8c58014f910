from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from loa.orgs.models import Organization
from loa.portal.provisioning import provision_member_site


class Command(BaseCommand):
    help = (
        "Provision a member site for an organization: home page, standard sections, host name,"
        " editorial board, collection, editorial groups and workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("organization", help="The organization's code, such as DNI-STP.")
        parser.add_argument("hostname", help="Such as stp.dongnai.gov.vn, or stp.localhost.")
        parser.add_argument("--port", type=int, default=80, help="The port in the site's links (80).")
        parser.add_argument(
            "--default",
            action="store_true",
            help="Make it the site that answers for host names no site claims (the province's portal).",
        )

    def handle(self, *args, organization, hostname, port, default, **options):
        try:
            owner = Organization.objects.get(code=organization)
        except Organization.DoesNotExist as error:
            raise CommandError(
                _("No organization has the code “%(code)s”.") % {"code": organization}
            ) from error
        try:
            home = provision_member_site(owner, hostname, port=port, default=default)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        site = home.get_site()
        self.stdout.write(f"{home.title}: {site.root_url}/ (trang {home.pk})")
