"""Wagtail admin screens for delegated account administration (cấp tài khoản Admin).

A unit administrator lists, creates, enables and disables staff accounts and grants and revokes
roles, inside their own jurisdiction only. The screens decide nothing themselves: the queries come
from `loa.orgs.access` and every change goes through `loa.orgs.administration`, which checks the
rules, writes the audit log and raises `OutOfJurisdiction` (answered here with 404, so an account's
existence does not leak) or `ValidationError` (shown on the form or as a message).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from loa.orgs import access, administration
from loa.orgs.administration import OutOfJurisdiction
from loa.orgs.models import RoleAssignment
from loa.orgs.roles import Role

from .forms import AccountCreateForm, RoleGrantForm


def administers_accounts(user) -> bool:
    """Whether `user` may open the account screens at all: a superuser or a unit administrator.

    The admin menu asks this on every page and the screens ask again, so the answer is kept on the
    user object, which lives for one request.
    """
    if not hasattr(user, "_loa_administers_accounts"):
        user._loa_administers_accounts = user.is_superuser or bool(
            access.acting_units(user, Role.UNIT_ADMIN)
        )
    return user._loa_administers_accounts


class UnitAdminRequiredMixin:
    """Lets in unit administrators only; anyone else gets 404, as for any record out of reach."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not administers_accounts(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class AccountMixin(UnitAdminRequiredMixin):
    """Loads the account named in the URL, from the administrator's jurisdiction only."""

    kwargs: dict[str, Any]

    @cached_property
    def account(self):
        return get_object_or_404(access.manageable_users(self.request.user), pk=self.kwargs["pk"])

    def get_detail_url(self) -> str:
        return reverse("loa_accounts:detail", args=[self.account.pk])


_index_breadcrumb = {"url": reverse_lazy("loa_accounts:index"), "label": _("Staff accounts")}


class RoleAssignmentsColumn(Column):
    """Every organization the account acts for, with its role there, one per line."""

    cell_template_name = "accounts/role_assignments_cell.html"

    def get_value(self, instance) -> list[RoleAssignment]:
        return list(instance.role_assignments.all())


class AccountIndexView(UnitAdminRequiredMixin, BaseListingView):
    """The accounts in the administrator's jurisdiction, searchable and paginated."""

    page_title = _("Staff accounts")
    header_icon = "group"
    paginate_by = 50
    default_ordering = "username"
    index_url_name = "loa_accounts:index"
    index_results_url_name = "loa_accounts:index_results"
    is_searchable = True
    search_fields = ["username", "first_name", "last_name", "email"]
    verbose_name = _("account")
    verbose_name_plural = _("accounts")
    columns = [
        TitleColumn(
            "username", label=_("Username"), url_name="loa_accounts:detail", sort_key="username"
        ),
        Column("full_name", accessor="get_full_name", label=_("Full name")),
        RoleAssignmentsColumn("role_assignments", label=_("Organizations and roles")),
        StatusTagColumn(
            "status",
            accessor=lambda user: _("Active") if user.is_active else _("Disabled"),
            primary=lambda user: user.is_active,
            label=_("Status"),
            sort_key="is_active",
        ),
        DateColumn("last_login", label=_("Last login"), sort_key="last_login"),
    ]

    def get_base_queryset(self) -> QuerySet:
        # One query for all the rows' assignments with their organizations, whatever the page size.
        assignments = RoleAssignment.objects.select_related("organization").order_by(
            "organization__unit__code", "organization__name", "role"
        )
        return access.manageable_users(self.request.user).prefetch_related(
            Prefetch("role_assignments", queryset=assignments)
        )

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        """Match every word somewhere, so "Nguyễn An" finds last name Nguyễn, first name Văn An."""
        for word in self.search_query.split():
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset

    def get_header_buttons(self) -> list[HeaderButton]:
        return [
            HeaderButton(_("Add account"), url=reverse("loa_accounts:create"), icon_name="plus")
        ]


class AccountCreateView(UnitAdminRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Creates an account holding one role, in an organization of the administrator's choosing."""

    form_class = AccountCreateForm
    template_name = "accounts/create.html"
    page_title = _("Add account")
    header_icon = "user"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, _index_breadcrumb, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "admin": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            action_url=reverse("loa_accounts:create"),
            submit_button_label=_("Create account"),
            submit_button_active_label=_("Creating…"),
            **kwargs,
        )

    def form_valid(self, form: AccountCreateForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            account = administration.create_account(
                self.request.user,
                username=data["username"],
                password=data["password"],
                organization=data["organization"],
                role=data["role"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                job_title=data["job_title"],
            )
        except OutOfJurisdiction as error:
            raise Http404 from error
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Account created"))
        return redirect("loa_accounts:detail", account.pk)

    def form_invalid(self, form: AccountCreateForm) -> HttpResponse:
        messages.validation_error(
            self.request, _("The account could not be created due to errors."), form
        )
        return super().form_invalid(form)


class AccountDetailView(AccountMixin, WagtailAdminTemplateMixin, TemplateView):
    """An account, its roles with the actions the administrator may take on each, and its status."""

    template_name = "accounts/detail.html"
    page_title = _("Staff account")
    header_icon = "user"

    def get_page_subtitle(self) -> str:
        return str(self.account)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, _index_breadcrumb, {"url": "", "label": str(self.account)}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        admin = self.request.user
        assignments = self.account.role_assignments.select_related("organization__unit").order_by(
            "organization__unit__code", "organization__name", "role"
        )
        # Revoking is the mirror of granting: allowed exactly where the administrator could grant.
        rows = [
            (assignment, access.can_grant(admin, assignment.organization, assignment.role))
            for assignment in assignments
        ]
        kwargs.setdefault("grant_form", RoleGrantForm(admin=admin))
        return super().get_context_data(
            account=self.account,
            assignment_rows=rows,
            can_manage=access.can_manage_account(admin, self.account),
            **kwargs,
        )


class GrantRoleView(AccountDetailView):
    """Grants a role; on a refusal, shows the detail page again with the errors on the form."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RoleGrantForm(request.POST, admin=request.user)
        if form.is_valid():
            try:
                administration.grant_role(
                    request.user,
                    self.account,
                    form.cleaned_data["organization"],
                    form.cleaned_data["role"],
                )
            except OutOfJurisdiction as error:
                raise Http404 from error
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Role granted"))
                return redirect(self.get_detail_url())
        messages.validation_error(request, _("The role could not be granted due to errors."), form)
        return self.render_to_response(self.get_context_data(grant_form=form))


class AccountActionView(AccountMixin, View):
    """A change to an account from a button: POST only, then back to the account's page.

    A refusal the administrator can understand (their own account, an account shared with another
    province) comes back as an error message; one outside their jurisdiction as 404.
    """

    http_method_names = ["post"]
    success_message: str = ""

    def perform(self) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        try:
            self.perform()
        except OutOfJurisdiction as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.success_message)
        return redirect(self.get_detail_url())


class RevokeRoleView(AccountActionView):
    """Revokes one of the account's role assignments, named in the URL."""

    success_message = _("Role revoked")

    def perform(self) -> None:
        assignment = get_object_or_404(
            self.account.role_assignments.select_related("organization__unit"),
            pk=self.kwargs["assignment_pk"],
        )
        administration.revoke_role(self.request.user, assignment)


class SetAccountActiveView(AccountActionView):
    """Disables or enables an account; the URLconf makes one view of each."""

    active: bool = True

    def perform(self) -> None:
        administration.set_account_active(self.request.user, self.account, self.active)
