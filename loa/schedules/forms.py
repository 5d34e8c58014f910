"""The admin form of a weekly schedule: a site among the editor's own, the week, its entries."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from loa.portal.membership import sites_edited_by

from .weeks import monday_of


class WeeklyScheduleForm(WagtailAdminModelForm):
    """Offers only the sites the editor works for, and keeps every entry inside the chosen week."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self.fields["site"]
        site.queryset = sites_edited_by(self.for_user).select_related("site")
        if self.instance.pk:
            # A week belongs to its site for good: moving it would publish it on another site.
            site.disabled = True
        elif len(site.queryset) == 1:
            site.initial = site.queryset[0].pk

    def clean_week_start(self):
        day = self.cleaned_data["week_start"]
        return monday_of(day) if day else day

    def clean(self):
        cleaned_data = super().clean()
        monday = cleaned_data.get("week_start")
        entries = self.formsets.get("entries")
        if monday is None or entries is None or not entries.is_valid():
            return cleaned_data
        sunday = monday + timedelta(days=6)
        for form in entries.forms:
            day = form.cleaned_data.get("date")
            if day and not form.cleaned_data.get("DELETE") and not monday <= day <= sunday:
                form.add_error(
                    "date",
                    _("This date is outside the week (%(start)s – %(end)s).")
                    % {"start": monday.strftime("%d/%m/%Y"), "end": sunday.strftime("%d/%m/%Y")},
                )
        return cleaned_data
