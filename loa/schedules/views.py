"""The work schedules in the Wagtail admin: each site's weeks, their entries, publishing.

Every screen is narrowed to the sites the user edits (`access`): another site's week, asked for by
its id, answers 404. Every change goes into the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from loa.audit.log import record
from loa.portal.site_records import (
    PUBLISH,
    OwnSiteHistoryMixin,
    OwnSiteIndexMixin,
    OwnSiteObjectMixin,
    SiteRecordPolicy,
)

from .forms import WeeklyScheduleForm
from .models import WeeklySchedule

VIEWSET = "schedules"
POLICY = SiteRecordPolicy(WeeklySchedule)


class IndexView(OwnSiteIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site__site")


class CreateView(generic.CreateView):
    def save_instance(self) -> WeeklySchedule:
        schedule = self.form.save()
        record(schedule, "loa.schedule.create", week=schedule.week_label)
        return schedule


class EditView(OwnSiteObjectMixin, generic.EditView):
    def save_instance(self) -> WeeklySchedule:
        if self.object.is_published and self.form.has_changed():
            # Readers of a published week are told that it changed, and when.
            self.form.instance.amended_at = timezone.now()
        schedule = self.form.save()
        record(
            schedule, "loa.schedule.change", week=schedule.week_label, published=schedule.is_published
        )
        return schedule

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if POLICY.user_has_permission_for_instance(self.request.user, PUBLISH, self.object):
            action = UnpublishView if self.object.is_published else PublishView
            buttons.append(action.button_for(self.object))
        buttons.append(CopyView.button_for(self.object))
        return buttons


class DeleteView(OwnSiteObjectMixin, generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            record(self.object, "loa.schedule.delete", week=self.object.week_label)
            self.object.delete()


class HistoryView(OwnSiteHistoryMixin, history.HistoryView):
    pass


class UsageView(OwnSiteHistoryMixin, usage.UsageView):
    pass


class ScheduleActionView(OwnSiteObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm an action on a week (GET), then performs it (POST), logs it, and goes back
    to the week's edit screen."""

    model = WeeklySchedule
    permission_policy = POLICY
    template_name = "schedules/admin/confirm_action.html"
    header_icon = "calendar"
    url_name = ""
    icon = ""
    permission = "change"
    label = ""
    question = ""

    @classmethod
    def button_for(cls, schedule: WeeklySchedule) -> Button:
        url = reverse(f"{VIEWSET}:{cls.url_name}", args=[schedule.pk])
        return Button(cls.label, url=url, icon_name=cls.icon, priority=30)

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.object = self.get_queryset().select_related("site__site").filter(pk=pk).first()
        if self.object is None:
            raise Http404
        if not self.permission_policy.user_has_permission_for_instance(request.user, self.permission, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.label

    def get_page_subtitle(self):
        return f"{self.object} – {self.object.site}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question,
            label=self.label,
            cancel_url=reverse(f"{VIEWSET}:edit", args=[self.object.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            target = self.act()
        return redirect(reverse(f"{VIEWSET}:edit", args=[target.pk]))

    def act(self) -> WeeklySchedule:
        """Do the action; return the week to show next."""
        raise NotImplementedError


class PublishView(ScheduleActionView):
    url_name = "publish"
    icon = "upload"
    permission = PUBLISH
    label = _("Publish")
    question = _("Publish this week's schedule on the site? Readers will see it at once.")

    def act(self) -> WeeklySchedule:
        self.object.publish(self.request.user)
        record(self.object, "loa.schedule.publish", week=self.object.week_label)
        message = _("The schedule of week %(week)s is published.")
        messages.success(self.request, message % {"week": self.object.week_label})
        return self.object


class UnpublishView(ScheduleActionView):
    url_name = "unpublish"
    icon = "download"
    permission = PUBLISH
    label = _("Unpublish")
    question = _("Withdraw this week's schedule from the site? It becomes a draft again.")

    def act(self) -> WeeklySchedule:
        self.object.unpublish()
        record(self.object, "loa.schedule.unpublish", week=self.object.week_label)
        message = _("The schedule of week %(week)s is withdrawn.")
        messages.success(self.request, message % {"week": self.object.week_label})
        return self.object


class CopyView(ScheduleActionView):
    url_name = "copy"
    icon = "copy"
    permission = "add"
    label = _("Copy to next week")
    question = _(
        "Make a draft of the following week with the same entries, each a week later? You can then"
        " correct it before publishing."
    )

    def act(self) -> WeeklySchedule:
        try:
            with transaction.atomic():
                copy = self.object.copy_to_next_week()
        except IntegrityError:
            messages.error(self.request, _("The following week already has a schedule."))
            return self.object
        record(copy, "loa.schedule.create", week=copy.week_label, copied_from=self.object.pk)
        message = _("Draft created for week %(week)s.")
        messages.success(self.request, message % {"week": copy.week_label})
        return copy


class WeeklyScheduleViewSet(ModelViewSet):
    """Each member site's weekly schedules, for the people who edit the site."""

    model = WeeklySchedule
    permission_policy = POLICY
    icon = "calendar"
    menu_label = _("Work schedules")
    menu_name = "work-schedules"
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "__str__",
        "site",
        StatusTagColumn(
            "state",
            accessor="get_state_display",
            label=_("State"),
            primary=lambda schedule: schedule.is_published,
        ),
        DateColumn("published_at", label=_("Published at")),
        DateColumn("amended_at", label=_("Amended at")),
    ]
    list_filter = ["state"]
    ordering = ["-week_start"]
    edit_handler = ObjectList(WeeklySchedule.panels, base_form_class=WeeklyScheduleForm)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{view.url_name}/<int:pk>/", view.as_view(), name=view.url_name)
            for view in (PublishView, UnpublishView, CopyView)
        ]
