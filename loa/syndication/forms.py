"""Forms of the proposal screens: they collect input; the rules stay in `workflow`."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from loa.portal.pages import PortalHomePage, SectionPage

from .models import Proposal, State
from .workflow import portal_sections

REASON_MAX_LENGTH = 2000


class AcceptForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("Portal section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("No particular section"),
        help_text=_(
            "Where on the portal the article belongs; it appears on the home page either way."
        ),
    )

    def __init__(self, *args, portal: PortalHomePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = portal_sections(portal)
        self.fields["section"].label_from_instance = lambda section: section.title


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The member site's editors read it with the decision."),
        error_messages={"required": _("State the reason for refusal.")},
    )


class ProposalFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=capfirst(_("state")), choices=State.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Proposal
        fields = ["state"]
