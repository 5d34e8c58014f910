from django.core.management.base import BaseCommand
from wagtail.models import Locale

from loa.portal.models import MemberSite
from loa.portal.provisioning import add_translated_home


class Command(BaseCommand):
    help = (
        "Give every member site its home page in every other language (unpublished copies with the"
        " site's permissions and workflow), so that its editors can translate its pages. Safe to"
        " run again; needed once for sites provisioned before a language was added."
    )

    def handle(self, *args, **options):
        locales = list(Locale.objects.exclude(language_code=Locale.get_default().language_code))
        members = list(MemberSite.objects.select_related("site", "reporters", "editors", "chiefs"))
        for member in members:
            for locale in locales:
                add_translated_home(member, locale)
        if options["verbosity"]:
            self.stdout.write(f"{len(members)} trang thành viên, {len(locales)} ngôn ngữ khác.")
