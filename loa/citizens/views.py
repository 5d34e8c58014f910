"""Wagtail admin screens for what citizens made of the Loa channel, and for keeping it in order.

* the agency's dashboard: its requests, and for published bulletins their views, readers,
  reactions and comments; a page per bulletin with the breakdowns as charts; Excel exports;
* comment moderation for the sending agency (the rules and the audit log are in `moderation`);
* the monthly quota table for the provincial police and unit administrators (seed 000: some
  departments owe a bulletin a month), and the reminder to those behind;
* the block list and the quotas themselves, as model viewsets for superusers.

The screens decide nothing themselves: who sees which request is `reach.reported_requests`, every
number comes from `reach`, and every change goes through `moderation` or `quota`. A request out of
the user's reach answers 404, whatever its id.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from loa.bulletins.models import MonthlyQuota, PublicationRequest, Round, State
from loa.bulletins.queue import PENDING_STATES
from loa.bulletins.quota import QuotaRow, quota_table, remind_laggards
from loa.orgs import access
from loa.orgs.models import KIND_CATEGORY, Organization
from loa.orgs.roles import Role
from loa.workdays.calendar import local_zone

from . import reach
from .models import BlockedWord, BulletinView, Comment, CommentStatus
from .moderation import hide_comment, may_moderate, publish_comment
from .reach import AWAITING_MODERATION, STATUS_ORDER, Dimension, Reach, Series

COMMUNES_CHARTED = 15
COMMENTS_PER_PAGE = 50
# The names the model viewsets are registered under (wagtail_hooks), hence their URL namespaces.
BLOCKED_WORDS_VIEWSET = "loa_blocked_words"
QUOTAS_VIEWSET = "loa_quotas"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Who the screens are for -------------------------------------------------------------------------


class ReachRequiredMixin:
    """Lets in agency authors and heads and superusers; anyone else gets 404."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not reach.reads_reach(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class BulletinMixin(ReachRequiredMixin):
    """Loads the bulletin named in the URL from those the user reports on; any other id is 404."""

    kwargs: dict[str, Any]

    @cached_property
    def bulletin(self) -> PublicationRequest:
        return get_object_or_404(
            reach.reported_requests(self.request.user).select_related("sender", "handler"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def can_moderate(self) -> bool:
        # The moderation rule asks about a comment's bulletin; any comment of this one will do.
        return may_moderate(self.request.user, Comment(request=self.bulletin))


_dashboard_breadcrumb = {"url": reverse_lazy("loa_citizens:index"), "label": _("Channel dashboard")}


# The dashboard -----------------------------------------------------------------------------------


def dashboard_requests(user) -> QuerySet[PublicationRequest]:
    """The user's requests with everything the dashboard shows, in one query."""
    deadline = (
        Round.objects.filter(request=OuterRef("pk")).order_by("-number").values("deadline")[:1]
    )
    readers = (
        BulletinView.objects.filter(request=OuterRef("pk"))
        .order_by()
        .values("request")
        .annotate(n=Count("pk"))
        .values("n")
    )
    awaiting = (
        Comment.objects.filter(request=OuterRef("pk"), status__in=AWAITING_MODERATION)
        .order_by()
        .values("request")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        reach.reported_requests(user)
        .select_related("sender", "handler", "stats")
        .annotate(
            current_deadline=Subquery(deadline),
            reader_count=Coalesce(Subquery(readers), 0),
            awaiting_count=Coalesce(Subquery(awaiting), 0),
        )
    )


def _approved(request: PublicationRequest) -> bool:
    return request.state == State.APPROVED


def _stat(request: PublicationRequest, field: str) -> int | None:
    """A counter of an approved bulletin (0 before the first flush); nothing for the others."""
    if not _approved(request):
        return None
    stats = getattr(request, "stats", None)  # select_related leaves None when there is no row
    return getattr(stats, field, 0) if stats is not None else 0


def _deadline(request: PublicationRequest) -> datetime | None:
    return request.current_deadline if request.state in PENDING_STATES else None


def _short_name(organization: Organization | None) -> str:
    return (organization.short_name or organization.name) if organization else ""


class CountColumn(Column):
    """A number, or a dash where it does not apply."""

    cell_template_name = "citizens/cells/count.html"


class DateColumn(Column):
    cell_template_name = "citizens/cells/date.html"


class StateColumn(Column):
    """The request's state and, once approved, whether it is in its display window now."""

    cell_template_name = "citizens/cells/state.html"


class AwaitingColumn(Column):
    """Comments awaiting a decision, linked to the moderation page."""

    cell_template_name = "citizens/cells/awaiting.html"


class DashboardView(ReachRequiredMixin, BaseListingView):
    page_title = _("Channel dashboard")
    header_icon = "view"
    paginate_by = 50
    default_ordering = "-created_at"
    index_url_name = "loa_citizens:index"
    index_results_url_name = "loa_citizens:index_results"
    is_searchable = True
    search_fields = ["title"]
    search_backend_name = None
    verbose_name = _("bulletin")
    verbose_name_plural = _("bulletins")
    template_name = "citizens/dashboard.html"
    sender_column = Column(
        "sender", label=_("Sending organization"), accessor=lambda r: _short_name(r.sender)
    )
    base_columns = (
        TitleColumn(
            "title",
            label=_("Bulletin"),
            url_name="loa_citizens:detail",
            sort_key="title",
            classname="loa-title",
        ),
        StateColumn("state", label=_("State"), accessor="get_state_display"),
        Column("handler", label=_("Handled by"), accessor=lambda r: _short_name(r.handler)),
        DateColumn(
            "deadline",
            label=_("Appraisal deadline"),
            accessor=_deadline,
            sort_key="current_deadline",
        ),
        CountColumn(
            "views", label=_("Views"), accessor=lambda r: _stat(r, "views"), sort_key="stats__views"
        ),
        CountColumn(
            "readers",
            label=_("Readers"),
            accessor=lambda r: r.reader_count if _approved(r) else None,
            sort_key="reader_count",
        ),
        CountColumn("reactions", label=_("Reactions"), accessor=lambda r: _stat(r, "reactions")),
        CountColumn("comments", label=_("Comments"), accessor=lambda r: _stat(r, "comments")),
        AwaitingColumn("awaiting", label=_("To moderate"), accessor="awaiting_count"),
    )

    @cached_property
    def columns(self) -> list[Column]:
        """The sender's column only for those who report on more than one organization."""
        user = self.request.user
        columns = list(self.base_columns)
        if user.is_superuser or reach.reporting_organizations(user).distinct().count() > 1:
            columns.insert(1, self.sender_column)
        return columns

    def get_base_queryset(self) -> QuerySet:
        return dashboard_requests(self.request.user)

    def get_header_buttons(self) -> list[HeaderButton]:
        return [
            HeaderButton(
                _("Download as Excel"),
                url=reverse("loa_citizens:export_list"),
                icon_name="download",
            )
        ]


# One bulletin's reach ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with its table alternative."""

    slug: str
    title: str
    series: Series
    rows: list | None = None  # readers, reactions and comments per category, when known
    more: int = 0  # categories left out of the chart


def charts_of(result: Reach) -> list[Chart]:
    communes = result.rows(Dimension.COMMUNE)
    return [
        Chart(
            "age",
            _("Readers by age band"),
            result.readers.by_age_band,
            result.rows(Dimension.AGE_BAND),
        ),
        Chart(
            "gender",
            _("Readers by gender"),
            result.readers.by_gender,
            result.rows(Dimension.GENDER),
        ),
        Chart(
            "commune",
            _("Readers by commune (the %(count)d largest)") % {"count": COMMUNES_CHARTED},
            result.readers.by_commune.top(COMMUNES_CHARTED),
            communes[:COMMUNES_CHARTED],
            more=max(len(communes) - COMMUNES_CHARTED, 0),
        ),
        Chart("reactions", _("Reactions by kind"), result.reactions_by_kind),
        Chart("comments", _("Comments by status"), result.comments_by_status),
    ]


class BulletinReachView(BulletinMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "citizens/detail.html"
    page_title = _("Bulletin reach")
    header_icon = "view"

    def get_page_subtitle(self) -> str:
        return self.bulletin.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            _dashboard_breadcrumb,
            {"url": "", "label": self.bulletin.title},
        ]

    def get_header_buttons(self) -> list[HeaderButton]:
        pk = self.bulletin.pk
        return [
            HeaderButton(
                _("Download as Excel"),
                url=reverse("loa_citizens:export", args=[pk]),
                icon_name="download",
            ),
            HeaderButton(
                _("Comments"),
                url=reverse("loa_citizens:comments", args=[pk]),
                icon_name="comment",
            ),
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        result = reach.reach_of(self.bulletin)
        return super().get_context_data(
            bulletin=self.bulletin,
            reach=result,
            charts=charts_of(result),
            live=self.bulletin.is_live(),
            approved=_approved(self.bulletin),
            request_url=_request_url(self.bulletin),
            **kwargs,
        )


def _request_url(bulletin: PublicationRequest) -> str:
    """The request's own page in the channel's screens, when they are installed."""
    try:
        return reverse("loa_bulletins:detail", args=[bulletin.pk])
    except NoReverseMatch:
        return ""


# Excel exports -----------------------------------------------------------------------------------
# A report filed with the province's paperwork: its sheet names and headers are fixed Vietnamese,
# so that formulas and imports that refer to them do not break with the user's admin language.
# The category labels (states, genders, bands) come from the models, in Vietnamese.

SHEET_OVERVIEW = "Tổng quan"
DIMENSION_SHEETS = [
    (Dimension.AGE_BAND, "Độ tuổi", "Độ tuổi"),
    (Dimension.GENDER, "Giới tính", "Giới tính"),
    (Dimension.COMMUNE, "Xã, phường", "Xã, phường, đặc khu"),
]
SHEET_REACTIONS = "Cảm xúc"
SHEET_COMMENTS = "Bình luận"
COUNT_HEADERS = ["Người đọc", "Lượt cảm xúc", "Bình luận"]
OVERVIEW_HEADERS = [
    "Mã",
    "Tiêu đề",
    "Cơ quan gửi",
    "Trạng thái",
    "Đơn vị thẩm định",
    "Hạn thẩm định",
    "Hiển thị từ",
    "Hiển thị đến",
    "Đang hiển thị",
    "Lượt xem",
    "Người đọc",
    "Lượt cảm xúc",
    "Bình luận (tổng)",
    "Bình luận đã đăng",
    "Bình luận chờ duyệt",
]
BOLD = Font(bold=True)
PERCENT = "0.0%"
WHEN = "dd/mm/yyyy hh:mm"


def _local(moment: datetime | None) -> datetime | None:
    """Excel has no time zones: the province's wall-clock time, without its zone."""
    return timezone.localtime(moment, local_zone()).replace(tzinfo=None) if moment else None


def _write(sheet, row: list) -> None:
    sheet.append(row)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            # openpyxl reads a text starting with "=" as a formula: a title must stay a title.
            cell.data_type = "s"
        elif isinstance(cell.value, datetime):
            cell.number_format = WHEN


def _header(sheet, headers: list[str]) -> None:
    _write(sheet, headers)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a coordinate: a cell would add a row


def _fit(sheet) -> None:
    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        width = max((len(str(value)) for value in column if value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)


def _share(part: int, total: int) -> float:
    return part / total if total else 0.0


def _overview_row(request: PublicationRequest, result: Reach) -> list:
    approved = _approved(request)
    return [
        request.pk,
        request.title,
        request.sender.name,
        str(request.get_state_display()),
        request.handler.name if request.handler else "",
        _local(_deadline(request)),
        _local(request.starts_at),
        _local(request.ends_at),
        ("Có" if request.is_live() else "Không") if approved else "",
        result.views,
        result.readers.total,
        result.reactions.total,
        result.comments.total,
        result.published_comments,
        result.awaiting_moderation,
    ]


def build_workbook(requests: list[PublicationRequest], results: dict[int, Reach]) -> Workbook:
    """One row per bulletin in the overview; the breakdowns in long form, one sheet each."""
    single = len(requests) == 1
    workbook = Workbook()
    overview = workbook.active
    overview.title = SHEET_OVERVIEW
    if single:
        request = requests[0]
        for label, value in zip(OVERVIEW_HEADERS, _overview_row(request, results[request.pk])):
            _write(overview, [label, value])
            overview.cell(row=overview.max_row, column=1).font = BOLD
        _write(overview, ["Xuất lúc", _local(timezone.now())])
        overview.cell(row=overview.max_row, column=1).font = BOLD
    else:
        _header(overview, OVERVIEW_HEADERS)
        for request in requests:
            _write(overview, _overview_row(request, results[request.pk]))
    _fit(overview)

    lead = [] if single else ["Mã", "Tiêu đề"]
    for dimension, sheet_name, header in DIMENSION_SHEETS:
        sheet = workbook.create_sheet(sheet_name)
        extra = ["Tỉnh, thành phố"] if dimension == Dimension.COMMUNE else []
        _header(sheet, [*lead, header, *extra, *COUNT_HEADERS, "Tỷ lệ người đọc"])
        for request in requests:
            result = results[request.pk]
            prefix = [] if single else [request.pk, request.title]
            for row in result.rows(dimension):
                notes = [row.note] if extra else []
                _write(
                    sheet,
                    [
                        *prefix,
                        str(row.label),
                        *notes,
                        row.readers,
                        row.reactions,
                        row.comments,
                        _share(row.readers, result.readers.total),
                    ],
                )
                sheet.cell(row=sheet.max_row, column=sheet.max_column).number_format = PERCENT
        _fit(sheet)

    for sheet_name, header, series_of in (
        (SHEET_REACTIONS, "Loại cảm xúc", lambda result: result.reactions_by_kind),
        (SHEET_COMMENTS, "Trạng thái", lambda result: result.comments_by_status),
    ):
        sheet = workbook.create_sheet(sheet_name)
        _header(sheet, [*lead, header, "Số lượng", "Tỷ lệ"])
        for request in requests:
            series = series_of(results[request.pk])
            prefix = [] if single else [request.pk, request.title]
            for bar in series.bars:
                _write(sheet, [*prefix, str(bar.label), bar.count, _share(bar.count, series.total)])
                sheet.cell(row=sheet.max_row, column=sheet.max_column).number_format = PERCENT
        _fit(sheet)
    return workbook


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _filename(*parts: object) -> str:
    stamp = timezone.localtime(timezone.now(), local_zone()).strftime("%Y%m%d")
    name = "-".join(["loa-reach", *map(str, parts), stamp])
    return re.sub(r"[^A-Za-z0-9._-]", "", name) + ".xlsx"


class BulletinExportView(BulletinMixin, View):
    http_method_names = ["get"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override("vi"):
            workbook = build_workbook([self.bulletin], reach.reach_by_request([self.bulletin]))
        return workbook_response(workbook, _filename(self.bulletin.pk))


class DashboardExportView(ReachRequiredMixin, View):
    http_method_names = ["get"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        requests = list(dashboard_requests(request.user).order_by("-created_at"))
        with translation.override("vi"):
            workbook = build_workbook(requests, reach.reach_by_request(requests))
        return workbook_response(workbook, _filename())


# Comment moderation ------------------------------------------------------------------------------


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), widget=forms.Textarea(attrs={"rows": 2}))


def _status_rank() -> Case:
    return Case(
        *(When(status=status, then=Value(rank)) for rank, status in enumerate(STATUS_ORDER)),
        default=Value(len(STATUS_ORDER)),
        output_field=IntegerField(),
    )


class CommentsView(BulletinMixin, WagtailAdminTemplateMixin, TemplateView):
    """The bulletin's comments, those awaiting a decision first, with the moderator's buttons."""

    template_name = "citizens/comments.html"
    page_title = _("Comments")
    header_icon = "comment"

    def get_page_subtitle(self) -> str:
        return self.bulletin.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            _dashboard_breadcrumb,
            {
                "url": reverse("loa_citizens:detail", args=[self.bulletin.pk]),
                "label": self.bulletin.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        comments = (
            Comment.objects.filter(request=self.bulletin)
            .select_related("moderated_by")
            .annotate(rank=_status_rank())
            .order_by("rank", "-created_at", "-pk")
        )
        paginator = Paginator(comments, COMMENTS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        counts = dict(
            Comment.objects.filter(request=self.bulletin)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        return super().get_context_data(
            bulletin=self.bulletin,
            page_obj=page,
            comments=page.object_list,
            elided_page_range=paginator.get_elided_page_range(page.number),
            status_counts=[
                (status, status.label, counts.get(status, 0)) for status in STATUS_ORDER
            ],
            total=sum(counts.values()),
            can_moderate=self.can_moderate,
            hide_form=HideForm(),
            Status=CommentStatus,
            **kwargs,
        )


class CommentActionView(BulletinMixin, View):
    """A moderator's decision from a button: POST only, then back to the list."""

    http_method_names = ["post"]

    def comments_url(self) -> str:
        url = reverse("loa_citizens:comments", args=[self.bulletin.pk])
        page = self.request.POST.get("p", "")
        return f"{url}?p={page}" if page.isdigit() else url

    def comment(self) -> Comment:
        return get_object_or_404(
            Comment.objects.select_related("request__sender"),
            pk=self.kwargs["comment_pk"],
            request=self.bulletin,
        )

    def perform(self) -> str:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        try:
            message = self.perform()
        except PermissionDenied as error:
            # Outsiders must not learn that the bulletin, or the comment, exists.
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(self.comments_url())


class PublishCommentView(CommentActionView):
    def perform(self) -> str:
        publish_comment(self.request.user, self.comment())
        return _("Comment published")


class HideCommentView(CommentActionView):
    def perform(self) -> str:
        hide_comment(self.request.user, self.comment(), self.request.POST.get("reason", ""))
        return _("Comment hidden")


class PublishSelectedView(CommentActionView):
    def perform(self) -> str:
        if not self.can_moderate:
            raise PermissionDenied
        ids = [value for value in self.request.POST.getlist("comment") if value.isdigit()]
        chosen = (
            Comment.objects.filter(request=self.bulletin, pk__in=ids)
            .exclude(status=CommentStatus.PUBLISHED)
            .select_related("request__sender")
        )
        published = 0
        for comment in chosen:  # each decision is its own audit entry
            publish_comment(self.request.user, comment)
            published += 1
        if not published:
            raise ValidationError(_("Select the comments to publish."))
        return ngettext(
            "%(count)d comment published", "%(count)d comments published", published
        ) % {"count": published}


# Monthly quotas ----------------------------------------------------------------------------------
# Seed 000 gives the provincial police the follow-up of the agencies' work on the channel, and
# unit administrators run their organizations; both see the quotas of the organizations in their
# jurisdiction. Reminders go to every organization behind, so only a superuser sends them.

QUOTA_ROLES = (Role.POLICE_LEADER, Role.UNIT_ADMIN)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def follows_quotas(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_loa_follows_quotas"):
        user._loa_follows_quotas = user.is_superuser or any(
            access.acting_units(user, role) for role in QUOTA_ROLES
        )
    return user._loa_follows_quotas


def quota_rows(user, month: date) -> list[QuotaRow]:
    """The quota table of `month`, cut to the organizations in `user`'s jurisdiction."""
    rows = quota_table(month)
    if user.is_superuser:
        return rows
    allowed: set[int] = set()
    for role in QUOTA_ROLES:
        allowed |= set(
            access.organizations_within(user, role)
            .filter(quota__isnull=False)
            .values_list("pk", flat=True)
        )
    return [row for row in rows if row.organization.pk in allowed]


def this_month() -> date:
    return timezone.localtime(timezone.now(), local_zone()).date().replace(day=1)


def shift_month(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        error_messages={"invalid": _("Enter a month as YYYY-MM, for example 2026-03.")},
        widget=forms.DateInput(format="%Y-%m", attrs={"type": "month"}),
    )

    def clean_month(self) -> date:
        month = self.cleaned_data["month"] or this_month()
        if not FIRST_YEAR <= month.year <= LAST_YEAR:
            raise ValidationError(
                _("Choose a month between %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return month.replace(day=1)


def parse_month(data) -> tuple[date, MonthForm]:
    """The month asked for, or this month when none or a wrong one is given (then with errors)."""
    if not data.get("month"):
        current = this_month()
        return current, MonthForm(initial={"month": current})
    form = MonthForm(data)
    return (form.cleaned_data["month"] if form.is_valid() else this_month()), form


class QuotaView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "citizens/quota.html"
    page_title = _("Monthly quotas")
    header_icon = "calendar-check"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not follows_quotas(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_header_buttons(self) -> list[HeaderButton]:
        if not self.request.user.is_superuser:
            return []
        return [
            HeaderButton(
                _("Set quotas"),
                url=reverse(f"{QUOTAS_VIEWSET}:index"),
                icon_name="edit",
            )
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        month, form = parse_month(self.request.GET)
        rows = quota_rows(self.request.user, month)
        return super().get_context_data(
            month=month,
            month_value=month.strftime("%Y-%m"),
            previous_month=shift_month(month, -1),
            next_month=shift_month(month, 1),
            show_previous=shift_month(month, -1).year >= FIRST_YEAR,
            show_next=shift_month(month, 1).year <= LAST_YEAR,
            form=form,
            rows=rows,
            behind=sum(1 for row in rows if not row.met),
            can_remind=self.request.user.is_superuser,
            **kwargs,
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_superuser:
            raise PermissionDenied
        form = MonthForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("month", [])))
            return redirect("loa_citizens:quota")
        month = form.cleaned_data["month"]
        reminded = remind_laggards(month)
        messages.success(
            request,
            ngettext(
                "Reminded %(count)d organization behind in %(month)s.",
                "Reminded %(count)d organizations behind in %(month)s.",
                reminded,
            )
            % {"count": reminded, "month": month.strftime("%m/%Y")},
        )
        return redirect(f"{reverse('loa_citizens:quota')}?month={month:%Y-%m}")


# The superusers' model screens -------------------------------------------------------------------


class BlockedWordCreateView(CreateView):
    def save_instance(self) -> BlockedWord:
        """Keep who added the word on the row itself, where the listing shows it."""
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class BlockedWordViewSet(ModelViewSet):
    """Words that hold a comment for a moderator. Only superusers hold the model permissions."""

    model = BlockedWord
    icon = "warning"
    menu_label = _("Blocked words")
    menu_name = "blocked-words"
    menu_order = 258
    add_to_admin_menu = True
    form_fields = ["word"]
    list_display = ["word", "created_by", "created_at"]
    search_fields = ["word"]
    search_backend_name = None
    copy_view_enabled = False
    add_view_class = BlockedWordCreateView
    url_prefix = "loa-reach/blocked-words"


class MonthlyQuotaIndexView(IndexView):
    queryset = MonthlyQuota.objects.select_related("organization")


class MonthlyQuotaViewSet(ModelViewSet):
    """How many bulletins an organization owes each month. Superusers only (model permissions)."""

    model = MonthlyQuota
    icon = "calendar-check"
    menu_label = _("Bulletin quotas")
    add_to_settings_menu = True
    form_fields = ["organization", "bulletins_per_month"]
    list_display = ["organization", "bulletins_per_month"]
    search_fields = ["organization__name", "organization__short_name"]
    search_backend_name = None
    copy_view_enabled = False
    url_prefix = "loa-reach/quotas"
    index_view_class = MonthlyQuotaIndexView

    def formfield_for_dbfield(self, db_field, **kwargs):
        field = super().formfield_for_dbfield(db_field, **kwargs)
        if db_field.name == "organization":
            # Quotas are for the agencies that write, not for police units or editorial boards.
            field.queryset = (
                Organization.objects.filter(is_active=True)
                .exclude(kind__in=list(KIND_CATEGORY))
                .order_by("unit__code", "name")
            )
        return field
