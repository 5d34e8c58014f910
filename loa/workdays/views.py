"""The administrators' screens for the working-day calendar's exceptions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import CreateView

from .models import CalendarDay


class CalendarDayCreateView(CreateView):
    def save_instance(self) -> CalendarDay:
        """Keep who declared the day on the row itself, where the listing shows it."""
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class CalendarDayViewSet(ModelViewSet):
    """Days off and make-up working days. Only superusers hold the model permissions it checks.

    Every change is written to the audit log by the model's signal receivers (`signals.py`), so
    that a change made outside these screens is logged as well.
    """

    model = CalendarDay
    icon = "date"
    menu_label = _("Working-day calendar")
    add_to_admin_menu = True
    form_fields = ["date", "kind", "reason"]
    list_display = ["date", "kind", "reason", "created_by"]
    list_filter = ["kind"]
    add_view_class = CalendarDayCreateView
