"""Admin URLs of proposals, mounted at /admin/syndication/ (namespace syndication)."""

from django.urls import path

from . import views

app_name = "syndication"

urlpatterns = [
    path("", views.ProposalIndexView.as_view(), name="index"),
    path("results/", views.ProposalIndexView.as_view(results_only=True), name="index_results"),
    path("propose/<int:page_id>/", views.ProposeView.as_view(), name="propose"),
    path("<int:pk>/", views.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/accept/", views.AcceptView.as_view(), name="accept"),
    path("<int:pk>/refuse/", views.RefuseView.as_view(), name="refuse"),
    path("<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
]
