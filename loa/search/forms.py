"""The search form: what people type and pick, checked before anything is searched."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from .registry import kinds

MAX_QUERY_LENGTH = 200
WHOLE_PORTAL = "tat-ca"
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]  # what <input type="date"> sends, and what people type

# The addresses speak Vietnamese, like /tim-kiem/ itself: ?q=...&pham-vi=tat-ca&loai=article...
BAD_DATE = pgettext_lazy("search", "Enter a date such as 25/11/2026.")

PARAMETERS = {"scope": "pham-vi", "kind": "loai", "since": "tu-ngay", "until": "den-ngay"}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=pgettext_lazy("search", "Search for"), max_length=MAX_QUERY_LENGTH, required=False
    )
    scope = forms.ChoiceField(
        label=pgettext_lazy("search", "Search in"),
        choices=[
            ("", pgettext_lazy("search", "This site")),
            (WHOLE_PORTAL, pgettext_lazy("search", "The whole portal")),
        ],
        required=False,
    )
    kind = forms.ChoiceField(label=pgettext_lazy("search", "Type"), required=False)
    since = forms.DateField(
        label=pgettext_lazy("search", "Published from"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": BAD_DATE},
    )
    until = forms.DateField(
        label=pgettext_lazy("search", "Published until"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": BAD_DATE},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", pgettext_lazy("search", "All types"))] + [
            (kind.code, kind.label) for kind in kinds()
        ]

    def add_prefix(self, field_name: str) -> str:
        return PARAMETERS.get(field_name, field_name)

    def _clean_date(self, name: str) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ValidationError(
                pgettext_lazy("search", "Enter a date between 1900 and 2999."), code="out_of_range"
            )
        return value

    def clean_since(self) -> date | None:
        return self._clean_date("since")

    def clean_until(self) -> date | None:
        return self._clean_date("until")

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error(
                "until", pgettext_lazy("search", "The end date comes before the start date.")
            )
        return cleaned

    @property
    def whole_portal(self) -> bool:
        return self.cleaned_data.get("scope") == WHOLE_PORTAL

    def time_range(self) -> tuple[datetime | None, datetime | None]:
        """The publication times asked for, from the start of the first day to the end of the
        last, in the portal's time zone: (inclusive start, exclusive end)."""
        since, until = self.cleaned_data.get("since"), self.cleaned_data.get("until")
        start = _start_of(since) if since else None
        end = _start_of(until + timedelta(days=1)) if until else None
        return start, end
