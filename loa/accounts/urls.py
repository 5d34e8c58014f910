"""Admin URLs of delegated account administration, mounted at /admin/accounts/ by wagtail_hooks."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("", views.AccountIndexView.as_view(), name="index"),
    path("results/", views.AccountIndexView.as_view(results_only=True), name="index_results"),
    path("new/", views.AccountCreateView.as_view(), name="create"),
    path("<int:pk>/", views.AccountDetailView.as_view(), name="detail"),
    path("<int:pk>/roles/", views.GrantRoleView.as_view(), name="grant_role"),
    path(
        "<int:pk>/roles/<int:assignment_pk>/revoke/",
        views.RevokeRoleView.as_view(),
        name="revoke_role",
    ),
    path(
        "<int:pk>/disable/",
        views.SetAccountActiveView.as_view(active=False, success_message=_("Account disabled")),
        name="disable",
    ),
    path(
        "<int:pk>/enable/",
        views.SetAccountActiveView.as_view(active=True, success_message=_("Account enabled")),
        name="enable",
    ),
]
