"""The admin form that provisions a member site."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from loa.orgs.models import Kind, Organization

# Police units take part in the Loa channel, not in the portal; editorial boards run sites.
NON_OWNERS = {
    Kind.EDITORIAL_BOARD,
    Kind.MINISTRY_POLICE,
    Kind.PROVINCIAL_POLICE,
    Kind.POLICE_DIVISION,
    Kind.DISTRICT_POLICE,
    Kind.COMMUNE_POLICE,
}


class MemberSiteForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        help_text=_("Organizations that already have a site are not listed."),
    )
    hostname = forms.CharField(
        label=_("Host name"),
        max_length=253,
        help_text=_(
            "The address the site answers at, such as “tranbien.dongnai.gov.vn”; on this computer,"
            " a name ending in “.localhost”."
        ),
    )
    default = forms.BooleanField(
        label=_("Default site"),
        required=False,
        help_text=_("Answer requests for host names that no site claims (the province's portal)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            Organization.objects.filter(is_active=True, member_site__isnull=True)
            .exclude(kind__in=NON_OWNERS)
            .select_related("unit")
            .order_by("unit__code", "name")
        )
