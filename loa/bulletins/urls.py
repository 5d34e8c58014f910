"""Admin URLs of the Loa channel, mounted at /admin/loa/ by wagtail_hooks (namespace loa_bulletins)."""

from django.urls import path

from . import views

urlpatterns = [
    path("requests/", views.RequestIndexView.as_view(), name="index"),
    path(
        "requests/results/", views.RequestIndexView.as_view(results_only=True), name="index_results"
    ),
    path("requests/new/", views.RequestCreateView.as_view(), name="create"),
    path("requests/<int:pk>/", views.RequestDetailView.as_view(), name="detail"),
    path("requests/<int:pk>/edit/", views.RequestEditView.as_view(), name="edit"),
    path("requests/<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("requests/<int:pk>/appraise/", views.AppraiseView.as_view(), name="appraise"),
    path("requests/<int:pk>/approve/", views.ApproveView.as_view(), name="approve"),
    path("requests/<int:pk>/refuse/", views.RefuseView.as_view(), name="refuse"),
    path("requests/<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("attachments/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path(
        "notices/<int:pk>.docx",
        views.NoticeDownloadView.as_view(extension="docx"),
        name="notice_docx",
    ),
    path(
        "notices/<int:pk>.pdf", views.NoticeDownloadView.as_view(extension="pdf"), name="notice_pdf"
    ),
    path("queue/", views.AppraisalQueueView.as_view(), name="queue"),
]
