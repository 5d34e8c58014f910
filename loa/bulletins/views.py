"""Wagtail admin screens of the Loa channel: requests, their appraisal and the appraisal queue.

The screens decide nothing themselves. Who sees a request is `workflow.visible_requests` (anything
else answers 404, whatever its id); who may act is the workflow's predicates; every change of a
request goes through a workflow function, whose ValidationErrors come back on the form fields they
name or as an error message. Every change is a POST; pages shown by GET change nothing.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, Table, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.images import get_image_model
from wagtail.models import Collection

from loa.orgs.models import RoleAssignment
from loa.orgs.roles import Role, roles_implying
from loa.workdays.calendar import declared_exceptions, working_days_left

from . import letters, workflow
from .diff import changes_between
from .forms import (
    AppraisalForm,
    PublicationRequestForm,
    RefusalForm,
    RequestFilterSet,
    WithdrawalForm,
    authoring_organizations,
    suggested_notice_number,
)
from .models import (
    CHECKLIST,
    Attachment,
    Decision,
    Gender,
    PublicationRequest,
    RejectionNotice,
    Round,
    State,
)
from .queue import PENDING_STATES, appraisal_queue

# Who the channel's screens are for -------------------------------------------------------------

AUTHOR_ROLES = roles_implying(Role.AGENCY_AUTHOR)
POLICE_ROLES = roles_implying(Role.POLICE_APPRAISER)


def channel_roles(user) -> frozenset[str]:
    """The roles `user` holds in active organizations; asked by the menu on every admin page, so
    read once and kept on the user object, which lives for one request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_loa_channel_roles"):
        user._loa_channel_roles = frozenset(
            RoleAssignment.objects.filter(user=user, organization__is_active=True)
            .values_list("role", flat=True)
            .distinct()
        )
    return user._loa_channel_roles


def is_author(user) -> bool:
    return bool(channel_roles(user) & AUTHOR_ROLES)


def is_police(user) -> bool:
    return user.is_active and (user.is_superuser or bool(channel_roles(user) & POLICE_ROLES))


def in_channel(user) -> bool:
    """Agency authors and heads, police appraisers and leaders, and superusers."""
    return user.is_active and (user.is_superuser or is_author(user) or is_police(user))


class ChannelRequiredMixin:
    """Lets in those with a role in the channel; anyone else gets 404, as for a record out of
    reach."""

    request: HttpRequest

    def allowed(self, user) -> bool:
        return in_channel(user)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.allowed(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RequestMixin(ChannelRequiredMixin):
    """Loads the request named in the URL from those the user may see; any other id is 404."""

    kwargs: dict[str, Any]

    @cached_property
    def publication_request(self) -> PublicationRequest:
        requests = workflow.visible_requests(self.request.user).select_related(
            "sender__unit", "handler", "image", "created_by"
        )
        return get_object_or_404(requests, pk=self.kwargs["pk"])

    def get_detail_url(self) -> str:
        return reverse("loa_bulletins:detail", args=[self.publication_request.pk])


_index_breadcrumb = {"url": reverse_lazy("loa_bulletins:index"), "label": _("Publication requests")}


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# The list ----------------------------------------------------------------------------------------


def _exceptions_for(deadlines: list, now) -> dict:
    """The declared working-day exceptions covering today and `deadlines`, in one query."""
    today = timezone.localtime(now).date()
    days = [today, *(timezone.localtime(d).date() for d in deadlines)]
    # Past the last date only a run of days off can be walked; two months covers any Tết.
    return declared_exceptions(min(days), max(days) + timedelta(days=60))


class DeadlineColumn(Column):
    """The current round's deadline, with the working days left while the police must act."""

    cell_template_name = "bulletins/cells/deadline.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        days_left = getattr(instance, "days_left", None)
        context["days_left"] = days_left
        context["overdue_days"] = -days_left if days_left is not None else None
        return context


def _sender_name(request: PublicationRequest) -> str:
    return request.sender.short_name or request.sender.name


def _handler_name(request: PublicationRequest) -> str:
    if request.handler is None:
        return ""
    return request.handler.short_name or request.handler.name


class RequestIndexView(ChannelRequiredMixin, BaseListingView):
    """The requests the user may see: their organization's own, and those routed to their unit."""

    model = PublicationRequest
    page_title = _("Publication requests")
    header_icon = "mail"
    paginate_by = 30
    default_ordering = "-updated_at"
    index_url_name = "loa_bulletins:index"
    index_results_url_name = "loa_bulletins:index_results"
    template_name = "bulletins/index.html"
    filterset_class = RequestFilterSet
    is_searchable = True
    search_fields = ["title"]
    verbose_name = _("publication request")
    verbose_name_plural = _("publication requests")
    columns = [
        TitleColumn(
            "title", label=capfirst(_("title")), url_name="loa_bulletins:detail", sort_key="title"
        ),
        Column("sender", label=capfirst(_("sending organization")), accessor=_sender_name),
        StatusTagColumn(
            "state",
            label=capfirst(_("state")),
            accessor="get_state_display",
            primary=lambda request: request.state == State.APPROVED,
            sort_key="state",
        ),
        Column("handler", label=capfirst(_("handled by")), accessor=_handler_name),
        DeadlineColumn(
            "current_deadline", label=capfirst(_("appraisal deadline")), sort_key="current_deadline"
        ),
        DateColumn("updated_at", label=capfirst(_("updated at")), sort_key="updated_at"),
    ]

    def get_base_queryset(self) -> QuerySet[PublicationRequest]:
        latest = (
            Round.objects.filter(request=OuterRef("pk")).order_by("-number").values("deadline")[:1]
        )
        return (
            workflow.visible_requests(self.request.user)
            .select_related("sender", "handler")
            .annotate(current_deadline=Subquery(latest))
        )

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        """Every word of the query must occur in the title."""
        for word in self.search_query.split():
            queryset = queryset.filter(title__icontains=word)
        return queryset

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(object_list)
        pending = [r for r in rows if r.state in PENDING_STATES and r.current_deadline]
        if pending:
            now = timezone.now()
            exceptions = _exceptions_for([r.current_deadline for r in pending], now)
            for row in pending:
                row.days_left = working_days_left(row.current_deadline, now, exceptions)
        page.object_list = rows
        return paginator, page, rows, is_paginated

    def get_header_buttons(self) -> list[HeaderButton]:
        if not is_author(self.request.user):
            return []
        return [
            HeaderButton(_("New request"), url=reverse("loa_bulletins:create"), icon_name="plus")
        ]


# Preparing a request -----------------------------------------------------------------------------


def _delete_stored(files) -> None:
    for stored in files:
        if stored and stored.name and getattr(stored, "_committed", False):
            stored.storage.delete(stored.name)


def save_request(form: PublicationRequestForm, user) -> PublicationRequest:
    """Store the form's request as a draft: the new image, the attachments and the areas with it.

    All or nothing: if the workflow refuses, the image row and the stored files are undone too.
    """
    stored = []
    new_attachments: list[Attachment] = []
    image_before = form.instance.image
    try:
        with transaction.atomic():
            request = form.save(commit=False)  # the areas are set on the cluster, in memory
            if request.pk is None:
                request.sender = form.cleaned_data["sender"]
            upload = form.cleaned_data.get("image_file")
            if upload:
                image = get_image_model()(
                    title=(request.title or os.path.basename(upload.name))[:255],
                    file=upload,
                    collection=Collection.get_first_root_node(),
                    uploaded_by_user=user,
                )
                image._set_image_file_metadata()
                image.save()
                stored.append(image.file)
                request.image = image
            removed = {a.pk for a in form.cleaned_data.get("remove_attachments") or []}
            kept = [a for a in request.attachments.all() if a.pk not in removed]
            new_attachments = [
                Attachment(file=upload, name=os.path.basename(upload.name)[:255], size=upload.size)
                for upload in form.cleaned_data.get("new_attachments") or []
            ]
            request.attachments = kept + new_attachments
            workflow.save_draft(user, request)
    except BaseException:
        _delete_stored([*stored, *(a.file for a in new_attachments)])
        form.instance.image = image_before  # the form is shown again; the new image is gone
        raise
    return request


class RequestFormMixin:
    form_class = PublicationRequestForm
    template_name = "bulletins/request_form.html"
    header_icon = "mail"
    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["media"] = context["form"].media
        return context

    def form_valid(self, form: PublicationRequestForm) -> HttpResponse:
        try:
            request = save_request(form, self.request.user)
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message % {"title": request.title})
        return redirect("loa_bulletins:detail", request.pk)

    def form_invalid(self, form: PublicationRequestForm) -> HttpResponse:
        messages.validation_error(
            self.request, _("The request could not be saved due to errors."), form
        )
        return super().form_invalid(form)


class RequestCreateView(
    RequestFormMixin, ChannelRequiredMixin, WagtailAdminTemplateMixin, FormView
):
    """A new request, prepared by an author of the sending organization."""

    page_title = _("New publication request")
    success_message = _("Request “%(title)s” saved as a draft.")

    def allowed(self, user) -> bool:
        return is_author(user)

    @cached_property
    def senders(self):
        return authoring_organizations(self.request.user)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and is_author(request.user) and not self.senders.exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, _index_breadcrumb, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user, "senders": self.senders}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            action_url=reverse("loa_bulletins:create"),
            submit_button_label=_("Save draft"),
            submit_button_active_label=_("Saving…"),
            **kwargs,
        )


class RequestEditView(RequestFormMixin, RequestMixin, WagtailAdminTemplateMixin, FormView):
    """Changes to a draft or returned request, by an author of the sending organization."""

    page_title = _("Edit publication request")
    success_message = _("Request “%(title)s” saved.")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not in_channel(request.user):
            raise Http404
        publication_request = self.publication_request  # 404 before anything else
        if not workflow.can_edit(request.user, publication_request):
            messages.error(request, gettext("This request cannot be changed now."))
            return redirect(self.get_detail_url())
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.publication_request.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            _index_breadcrumb,
            {"url": self.get_detail_url(), "label": self.publication_request.title},
            {"url": "", "label": _("Edit")},
        ]

    def get_form_kwargs(self) -> dict[str, Any]:
        # A fresh copy: a failed save must not leave the cached request half-changed.
        instance = PublicationRequest.objects.select_related("sender__unit", "image").get(
            pk=self.publication_request.pk
        )
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            action_url=reverse("loa_bulletins:edit", args=[self.publication_request.pk]),
            submit_button_label=_("Save draft"),
            submit_button_active_label=_("Saving…"),
            publication_request=self.publication_request,
            **kwargs,
        )


# The request and its history ---------------------------------------------------------------------


class RoundView:
    """One round as the detail page shows it: its deadline, appraisal, decisions and changes."""

    def __init__(self, round_: Round, *, current: bool, days_left: int | None, changes):
        self.round = round_
        self.current = current
        self.days_left = days_left
        self.changes = changes
        # A missing reverse one-to-one raises a subclass of AttributeError.
        appraisal = getattr(round_, "appraisal", None)
        self.appraisal = appraisal
        self.checklist = (
            [(label, getattr(appraisal, name)) for name, label in CHECKLIST.items()]
            if appraisal
            else []
        )
        self.decisions = list(round_.decisions.all())

    @property
    def overdue_days(self) -> int | None:
        return -self.days_left if self.days_left is not None else None


class RequestDetailView(RequestMixin, WagtailAdminTemplateMixin, TemplateView):
    """The bulletin as it will appear, the request letter, its reach, and the rounds so far."""

    template_name = "bulletins/detail.html"
    page_title = _("Publication request")
    header_icon = "mail"

    def get_page_subtitle(self) -> str:
        return self.publication_request.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            _index_breadcrumb,
            {"url": "", "label": self.publication_request.title},
        ]

    def get_header_buttons(self) -> list[HeaderButton]:
        buttons = []
        if workflow.can_edit(self.request.user, self.publication_request):
            buttons.append(
                HeaderButton(
                    _("Edit"),
                    url=reverse("loa_bulletins:edit", args=[self.publication_request.pk]),
                    icon_name="edit",
                )
            )
        return buttons

    def rounds(self) -> list[RoundView]:
        request = self.publication_request
        decisions = Decision.objects.select_related("leader", "notice").order_by("decided_at")
        rounds = list(
            request.rounds.select_related(
                "handler", "submitted_by", "revision", "appraisal__appraiser"
            )
            .prefetch_related(Prefetch("decisions", queryset=decisions))
            .order_by("number")
        )
        views = []
        previous = None
        for round_ in rounds:
            current = round_ is rounds[-1]
            days_left = None
            if current and request.state in PENDING_STATES:
                days_left = working_days_left(round_.deadline)
            changes = None
            if previous is not None and previous.revision and round_.revision:
                changes = changes_between(previous.revision.content, round_.revision.content)
            views.append(RoundView(round_, current=current, days_left=days_left, changes=changes))
            previous = round_
        return views

    def unsubmitted_changes(self, rounds: list[RoundView]):
        """After a refusal: what the agency has changed since the last round, before resubmitting."""
        request = self.publication_request
        if not rounds or request.state not in workflow.EDITABLE_STATES:
            return None
        last = rounds[-1].round
        latest = request.latest_revision
        if last.revision is None or latest is None or latest.pk == last.revision_id:
            return None
        return changes_between(last.revision.content, latest.content)

    def action_forms(self, **bound) -> dict[str, Any]:
        user, request = self.request.user, self.publication_request
        forms: dict[str, Any] = {
            "can_submit": workflow.can_submit(user, request),
            "can_appraise": workflow.can_appraise(user, request),
            "can_decide": workflow.can_decide(user, request),
            "can_withdraw": workflow.can_withdraw(user, request),
        }
        if forms["can_appraise"]:
            forms["appraisal_form"] = bound.get("appraisal_form") or AppraisalForm()
        if forms["can_decide"]:
            forms["refusal_form"] = bound.get("refusal_form") or RefusalForm(
                initial=refusal_defaults(user, request)
            )
            current = request.current_round
            forms["goes_to_ministry"] = bool(
                current and current.ministry_approval and request.state == State.AWAITING_APPROVAL
            )
        if forms["can_withdraw"]:
            forms["withdrawal_form"] = bound.get("withdrawal_form") or WithdrawalForm()
        forms["has_actions"] = any(
            forms[key] for key in ("can_submit", "can_appraise", "can_decide", "can_withdraw")
        )
        return forms

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        request = self.publication_request
        rounds = self.rounds()
        bound = {key: kwargs.pop(key) for key in list(kwargs) if key.endswith("_form")}
        media = None
        for form in (bound.get("appraisal_form"), bound.get("refusal_form")):
            if form is not None:
                media = form.media if media is None else media + form.media
        return super().get_context_data(
            publication_request=request,
            scope_units=list(request.scope_units.order_by("name")),
            attachments=list(request.attachments.order_by("pk")),
            rounds=list(reversed(rounds)),
            unsubmitted_changes=self.unsubmitted_changes(rounds),
            pending=request.state in PENDING_STATES,
            genders=[label for code, label in Gender.choices if code in (request.genders or [])],
            **self.action_forms(**bound),
            **kwargs,
        )


def refusal_defaults(user, request: PublicationRequest) -> dict[str, str]:
    """What a leader's notice most often says: the next number, their name and title, the sender."""
    issuer = workflow.notice_issuer(user, request)
    current = request.current_round
    appraisal = getattr(current, "appraisal", None) if current else None
    return {
        "reasons": appraisal.remarks if appraisal else "",
        "notice_number": suggested_notice_number(issuer),
        "signer_name": user.get_full_name(),
        "signer_title": getattr(user, "job_title", ""),
        "recipients": request.sender.name,
    }


# Actions -----------------------------------------------------------------------------------------


class RequestActionView(RequestDetailView):
    """A step of the workflow from a button or a form on the detail page; POST only.

    Shown only when its predicate allows it; if the request moved on meanwhile, or the workflow
    refuses, the user reads why: on the form's fields, or as a message above the request.
    """

    http_method_names = ["post"]
    form_class = None
    form_name = ""
    success_message = ""

    def permitted(self) -> bool:
        raise NotImplementedError

    def perform(self, form) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.permitted():
            messages.error(request, gettext("This action is not available for this request now."))
            return redirect(self.get_detail_url())
        form = self.form_class(request.POST) if self.form_class else None
        if form is None or form.is_valid():
            try:
                self.perform(form)
            except ValidationError as error:
                if form is None or not hasattr(error, "error_dict"):
                    messages.error(request, _error_text(error))
                    return redirect(self.get_detail_url())
                form.add_service_error(error)
            else:
                messages.success(request, self.get_success_message())
                return redirect(self.get_detail_url())
        messages.validation_error(
            request, gettext("The action could not be completed due to errors."), form
        )
        # The request may have moved on; show it as it is now, with the form and its errors.
        self.__dict__.pop("publication_request", None)
        return self.render_to_response(self.get_context_data(**{self.form_name: form}))

    def get_success_message(self) -> str:
        return str(self.success_message)


class SubmitView(RequestActionView):
    def permitted(self) -> bool:
        return workflow.can_submit(self.request.user, self.publication_request)

    def perform(self, form) -> None:
        self.new_round = workflow.submit(self.request.user, self.publication_request)

    def get_success_message(self) -> str:
        return gettext("Request submitted to %(unit)s; appraisal deadline %(deadline)s.") % {
            "unit": self.new_round.handler.name,
            "deadline": timezone.localtime(self.new_round.deadline).strftime("%d/%m/%Y"),
        }


class AppraiseView(RequestActionView):
    form_class = AppraisalForm
    form_name = "appraisal_form"
    success_message = _("Appraisal recorded; the leader decides next.")

    def permitted(self) -> bool:
        return workflow.can_appraise(self.request.user, self.publication_request)

    def perform(self, form: AppraisalForm) -> None:
        workflow.appraise(
            self.request.user,
            self.publication_request,
            form.checklist(),
            form.cleaned_data["conclusion"],
            form.cleaned_data["remarks"],
        )


class ApproveView(RequestActionView):
    def permitted(self) -> bool:
        return workflow.can_decide(self.request.user, self.publication_request)

    def perform(self, form) -> None:
        workflow.approve(self.request.user, self.publication_request)

    def get_success_message(self) -> str:
        if self.publication_request.state == State.AWAITING_MINISTRY:
            return gettext("Approved; the request now goes to the Ministry (C06) for approval.")
        return gettext("Approved; the bulletin will be shown in its display window.")


class RefuseView(RequestActionView):
    form_class = RefusalForm
    form_name = "refusal_form"
    success_message = _("Refused; the rejection notice is ready to download.")

    def permitted(self) -> bool:
        return workflow.can_decide(self.request.user, self.publication_request)

    def perform(self, form: RefusalForm) -> None:
        workflow.refuse(self.request.user, self.publication_request, **form.cleaned_data)


class WithdrawView(RequestActionView):
    form_class = WithdrawalForm
    form_name = "withdrawal_form"
    success_message = _("The bulletin was withdrawn from the feed.")

    def permitted(self) -> bool:
        return workflow.can_withdraw(self.request.user, self.publication_request)

    def perform(self, form: WithdrawalForm) -> None:
        workflow.withdraw(self.request.user, self.publication_request, form.cleaned_data["reason"])


# Files -------------------------------------------------------------------------------------------

NOTICE_FORMATS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda notice: letters.render_docx(notice),
    ),
    "pdf": ("application/pdf", lambda notice: letters.render_pdf(notice)),
}


class NoticeDownloadView(ChannelRequiredMixin, View):
    """A rejection notice as a DOCX (to edit before signing) or a PDF; 404 unless its request is
    visible to the user."""

    http_method_names = ["get", "head"]
    extension = "pdf"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        notices = RejectionNotice.objects.filter(
            decision__round__request__in=workflow.visible_requests(request.user)
        ).select_related("issuer__unit", "issuer__parent", "decision__round__request__sender")
        notice = get_object_or_404(notices, pk=pk)
        content_type, render = NOTICE_FORMATS[self.extension]
        response = HttpResponse(render(notice), content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=letters.notice_filename(notice, self.extension)
        )
        response["Cache-Control"] = "private, no-store"
        return response


class AttachmentDownloadView(ChannelRequiredMixin, View):
    """An attachment of a request the user may see; files are not served from public media."""

    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        attachments = Attachment.objects.filter(request__in=workflow.visible_requests(request.user))
        attachment = get_object_or_404(attachments, pk=pk)
        response = FileResponse(
            attachment.file.open("rb"), as_attachment=True, filename=attachment.name
        )
        response["Cache-Control"] = "private, no-store"
        return response


# The appraisal queue -----------------------------------------------------------------------------


class DaysLeftColumn(Column):
    cell_template_name = "bulletins/cells/days_left.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        days_left = context["raw_value"]
        context["overdue_days"] = -days_left if days_left is not None else None
        return context


class DateTimeColumn(Column):
    cell_template_name = "bulletins/cells/datetime.html"


class DayColumn(Column):
    cell_template_name = "bulletins/cells/date.html"


class AppraisalQueueView(ChannelRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the user's police units must act on, the earliest deadline first."""

    template_name = "bulletins/queue.html"
    page_title = _("Appraisal queue")
    header_icon = "time"

    def allowed(self, user) -> bool:
        return is_police(user)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        items = appraisal_queue(self.request.user)
        table = Table(
            [
                TitleColumn(
                    "title",
                    label=capfirst(_("title")),
                    accessor="request.title",
                    get_url=lambda item: reverse("loa_bulletins:detail", args=[item.request.pk]),
                ),
                Column(
                    "sender",
                    label=capfirst(_("sending organization")),
                    accessor=lambda item: _sender_name(item.request),
                ),
                StatusTagColumn(
                    "state", label=capfirst(_("state")), accessor="request.get_state_display"
                ),
                DateTimeColumn(
                    "received", label=capfirst(_("received at")), accessor="round.received_at"
                ),
                DayColumn(
                    "deadline", label=capfirst(_("appraisal deadline")), accessor="round.deadline"
                ),
                DaysLeftColumn("days_left", label=_("Working days left"), accessor="days_left"),
            ],
            items,
        )
        return super().get_context_data(table=table, items=items, media=table.media, **kwargs)
