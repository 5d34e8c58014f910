"""Admin screens of proposals: propose an article, the list of proposals, one proposal and its
decision.

The screens decide nothing themselves. Who sees a proposal is `workflow.visible_proposals` (any
other id answers 404); who may act is the workflow's predicates; every change goes through a
workflow function, whose errors come back on the form fields they name or as a message. Every
change is a POST; pages shown by GET change nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from loa.portal.pages import ArticlePage

from . import workflow
from .forms import AcceptForm, ProposalFilterSet, RefuseForm
from .models import Proposal, State


def works_with_portal(user) -> bool:
    """Whether the proposal screens concern `user`: an editor of some site (or a superuser).

    Asked by the menu on every admin page, so answered once per request and kept on the user.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_loa_syndication_editor"):
        user._loa_syndication_editor = workflow.edited_sites(user).exists()
    return user._loa_syndication_editor


def edited_roots(user) -> tuple[str, ...]:
    """Tree paths of the home pages of the member sites (not portals) `user` edits, kept on the user
    for the request, so that the page listing can offer "propose" on each row without a query per
    row."""
    if not hasattr(user, "_loa_syndication_roots"):
        user._loa_syndication_roots = tuple(
            workflow.edited_sites(user)
            .exclude(workflow.PROVINCIAL_PORTAL)
            .values_list("site__root_page__path", flat=True)
        )
    return user._loa_syndication_roots


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class EditorRequiredMixin:
    """Lets in editors of some site; anyone else gets 404, as for a record out of reach."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not works_with_portal(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


# Proposing ---------------------------------------------------------------------------------------


class ProposeView(EditorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm, then proposes an article of one of the user's sites to its province's
    portal (or proposes it again after a refusal or a withdrawal)."""

    template_name = "syndication/propose.html"
    page_title = _("Propose to the province portal")
    header_icon = "site"

    @cached_property
    def article(self) -> ArticlePage:
        article = get_object_or_404(ArticlePage, pk=self.kwargs["page_id"])
        site = workflow.source_site(article)
        if site is None or not workflow.edited_sites(self.request.user).filter(pk=site.pk).exists():
            raise Http404
        return article

    def get_page_subtitle(self) -> str:
        return self.article.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("syndication:index"),
                "label": capfirst(Proposal._meta.verbose_name_plural),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        site = workflow.source_site(self.article)
        portal = workflow.portal_for(site)
        existing = (
            Proposal.objects.filter(article=self.article, portal=portal).first() if portal else None
        )
        return super().get_context_data(
            article=self.article,
            portal=portal,
            existing=existing,
            can_propose=workflow.can_propose(self.request.user, self.article),
            **kwargs,
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            proposal = workflow.propose(request.user, self.article)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect(request.path)
        messages.success(
            request,
            gettext("“%(title)s” was proposed to %(portal)s.")
            % {"title": self.article.title, "portal": proposal.portal.title},
        )
        return redirect("syndication:detail", proposal.pk)


# The list of proposals ---------------------------------------------------------------------------


def _source_name(proposal: Proposal) -> str:
    organization = proposal.source.organization
    return organization.short_name or organization.name


class ProposalIndexView(EditorRequiredMixin, BaseListingView):
    """Proposals of the user's sites, and those received by the portal they edit."""

    model = Proposal
    page_title = _("Proposals to the province portal")
    header_icon = "site"
    paginate_by = 30
    default_ordering = "-proposed_at"
    index_url_name = "syndication:index"
    index_results_url_name = "syndication:index_results"
    template_name = "wagtailadmin/generic/index.html"
    filterset_class = ProposalFilterSet
    is_searchable = True
    verbose_name = _("proposal")
    verbose_name_plural = _("proposals")
    columns = [
        TitleColumn(
            "title",
            label=capfirst(_("article")),
            accessor="article.title",
            url_name="syndication:detail",
        ),
        Column("source", label=capfirst(_("source site")), accessor=_source_name),
        StatusTagColumn(
            "state",
            label=capfirst(_("state")),
            accessor="get_state_display",
            primary=lambda proposal: proposal.state == State.PROPOSED,
            sort_key="state",
        ),
        DateColumn("proposed_at", label=capfirst(_("proposed at")), sort_key="proposed_at"),
        DateColumn("decided_at", label=capfirst(_("decided at")), sort_key="decided_at"),
    ]

    def get_base_queryset(self) -> QuerySet[Proposal]:
        return (
            workflow.visible_proposals(self.request.user)
            .select_related("article", "source__organization")
            .defer("article__body")
        )

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        """Every word of the query must occur in the article's title."""
        for word in self.search_query.split():
            queryset = queryset.filter(article__title__icontains=word)
        return queryset


# One proposal and its decision -------------------------------------------------------------------


class ProposalDetailView(EditorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A proposal: where it came from, where it went, each step with who and when, and the actions
    the user may take now."""

    template_name = "syndication/detail.html"
    page_title = _("Proposal")
    header_icon = "site"

    @cached_property
    def proposal(self) -> Proposal:
        proposals = workflow.visible_proposals(self.request.user).select_related(
            "article",
            "source__organization",
            "source__site",
            "portal",
            "section",
            "proposed_by",
            "decided_by",
            "withdrawn_by",
        )
        return get_object_or_404(proposals, pk=self.kwargs["pk"])

    def get_page_subtitle(self) -> str:
        return self.proposal.article.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("syndication:index"),
                "label": capfirst(Proposal._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user, proposal = self.request.user, self.proposal
        can_decide = workflow.can_decide(user, proposal)
        if can_decide:
            kwargs.setdefault("accept_form", AcceptForm(portal=proposal.portal))
            kwargs.setdefault("refuse_form", RefuseForm())
        return super().get_context_data(
            proposal=proposal,
            article_url=proposal.article.get_full_url(self.request),
            can_decide=can_decide,
            can_withdraw=workflow.can_withdraw(user, proposal),
            can_propose_again=proposal.state in workflow.REOPENABLE
            and workflow.can_propose(user, proposal.article),
            **kwargs,
        )


class ProposalActionView(ProposalDetailView):
    """A step of the workflow from a form on the detail page; POST only. If the proposal moved on
    meanwhile, or the workflow refuses, the user reads why."""

    http_method_names = ["post"]
    form_name = ""
    success_message = ""

    def make_form(self):
        return None

    def perform(self, form) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form()
        if form is None or form.is_valid():
            try:
                self.perform(form)
            except ValidationError as error:
                if form is None or not hasattr(error, "error_dict"):
                    messages.error(request, _error_text(error))
                    return redirect("syndication:detail", self.proposal.pk)
                form.add_error(None, error)
            else:
                messages.success(request, str(self.success_message))
                return redirect("syndication:detail", self.proposal.pk)
        messages.validation_error(
            request, gettext("The action could not be completed due to errors."), form
        )
        # The proposal may have moved on; show it as it is now, with the form and its errors.
        self.__dict__.pop("proposal", None)
        return self.render_to_response(self.get_context_data(**{self.form_name: form}))


class AcceptView(ProposalActionView):
    form_name = "accept_form"
    success_message = _("Accepted: the article now appears on the portal.")

    def make_form(self) -> AcceptForm:
        return AcceptForm(self.request.POST, portal=self.proposal.portal)

    def perform(self, form: AcceptForm) -> None:
        workflow.accept(self.request.user, self.proposal, form.cleaned_data["section"])


class RefuseView(ProposalActionView):
    form_name = "refuse_form"
    success_message = _("Refused: the member site will read your reason.")

    def make_form(self) -> RefuseForm:
        return RefuseForm(self.request.POST)

    def perform(self, form: RefuseForm) -> None:
        workflow.refuse(self.request.user, self.proposal, form.cleaned_data["reason"])


class WithdrawView(ProposalActionView):
    success_message = _("Withdrawn: the article is no longer offered to the portal.")

    def perform(self, form) -> None:
        workflow.withdraw(self.request.user, self.proposal)
