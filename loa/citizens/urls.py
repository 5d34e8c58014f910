"""Admin URLs of the channel's reach screens, mounted at /admin/loa-reach/ by wagtail_hooks
(namespace loa_citizens)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="index"),
    path("results/", views.DashboardView.as_view(results_only=True), name="index_results"),
    path("export.xlsx", views.DashboardExportView.as_view(), name="export_list"),
    path("quota/", views.QuotaView.as_view(), name="quota"),
    path("<int:pk>/", views.BulletinReachView.as_view(), name="detail"),
    path("<int:pk>/export.xlsx", views.BulletinExportView.as_view(), name="export"),
    path("<int:pk>/comments/", views.CommentsView.as_view(), name="comments"),
    path(
        "<int:pk>/comments/publish/",
        views.PublishSelectedView.as_view(),
        name="publish_selected",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/publish/",
        views.PublishCommentView.as_view(),
        name="publish_comment",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/hide/",
        views.HideCommentView.as_view(),
        name="hide_comment",
    ),
]
