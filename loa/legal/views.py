"""The admin's screens for legal documents, drafts and comments, each narrowed to the user's sites.

Editors and editors-in-chief of a member site manage its documents and drafts and read the comments
on its drafts; nobody else's. Lists show only the user's sites' records, forms offer only the
user's sites, and another site's record asked for by id answers 404 (DESIGN.md: its existence does
not leak). Superusers see every site. Changes go to the audit log with the client's address.
"""

from __future__ import annotations

import django_filters
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from loa.audit.log import record
from loa.portal.membership import sites_edited_by

from .forms import EDITING_ROLES, SiteRecordForm
from .models import Consultation, ConsultationComment, DocumentType, LegalDocument, SubjectArea
from .status import Status


def own_sites(user) -> QuerySet:
    """The member sites whose legal documents, drafts and comments `user` manages."""
    return sites_edited_by(user, EDITING_ROLES)


class OwnSitesPolicy(BasePermissionPolicy):
    """Permissions that come from editing a site, not from Django's model permissions.

    `site_field` is the path from the model to its member site; `actions` are those the screens
    allow at all (comments are never added or changed in the admin).
    """

    def __init__(self, model, site_field: str, actions: tuple[str, ...]):
        super().__init__(model)
        self.site_field = site_field
        self.actions = actions

    def user_has_permission(self, user, action: str) -> bool:
        return action in self.actions and self._edits_a_site(user)

    @staticmethod
    def _edits_a_site(user) -> bool:
        # Asked for every row's buttons: answered once per request's user.
        if not hasattr(user, "_loa_edits_a_site"):
            user._loa_edits_a_site = user.is_active and own_sites(user).exists()
        return user._loa_edits_a_site

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{f"{self.site_field}__in": own_sites(user)})

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class OwnRecordMixin:
    """Answer 404 for a record of a site the user does not edit."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if (
            not policy.instances_user_has_permission_for(self.request.user, "view")
            .filter(pk=instance.pk)
            .exists()
        ):
            raise Http404
        return instance


class OwnIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet:
        site_field = self.permission_policy.site_field
        return (
            super()
            .get_base_queryset()
            .filter(**{f"{site_field}__in": own_sites(self.request.user)})
        )


class AuditedCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save()
        record(instance, "wagtail.create")
        return instance


class AuditedEditView(OwnRecordMixin, generic.EditView):
    def save_instance(self):
        instance = self.form.save()
        self.has_content_changes = self.form.has_changed()
        record(instance, "wagtail.edit")
        return instance


class AuditedDeleteView(OwnRecordMixin, generic.DeleteView):
    def delete_action(self):
        record(self.object, "wagtail.delete")
        self.object.delete()


class OwnHistoryView(OwnRecordMixin, generic.HistoryView):
    pass


class OwnUsageView(OwnRecordMixin, generic.UsageView):
    pass


class OwnInspectView(OwnRecordMixin, generic.InspectView):
    pass


class SiteRecordViewSet(ModelViewSet):
    """The shared shape of the three screens: own sites only, audited, no copying."""

    site_field = "site"
    actions: tuple[str, ...] = ("add", "change", "delete", "view")
    index_view_class = OwnIndexView
    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    delete_view_class = AuditedDeleteView
    history_view_class = OwnHistoryView
    usage_view_class = OwnUsageView
    inspect_view_class = OwnInspectView
    copy_view_enabled = False
    search_backend_name = None  # search the database: the folded text, not Wagtail's index

    @property
    def permission_policy(self):
        return OwnSitesPolicy(self.model, self.site_field, self.actions)


class LegalDocumentFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("Site"), queryset=lambda request: own_sites(request.user)
    )
    document_type = django_filters.ChoiceFilter(label=_("Type"), choices=DocumentType.choices)
    subject_area = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("legal", "Field"), queryset=SubjectArea.objects.all()
    )
    status_override = django_filters.ChoiceFilter(
        label=_("Status set by hand"), choices=Status.choices
    )

    class Meta:
        model = LegalDocument
        fields = ["site", "document_type", "subject_area", "status_override"]


class LegalDocumentViewSet(SiteRecordViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Legal documents")
    list_display = [
        "number",
        "document_type",
        "summary",
        DateColumn("issued_on", label=_("Issue date")),
        "site",
    ]
    filterset_class = LegalDocumentFilterSet
    search_fields = ["number", "issuer", "signer", "summary"]
    ordering = ["-issued_on"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
            FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
            FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
            FieldRowPanel([FieldPanel("expires_on"), FieldPanel("status_override")]),
            FieldPanel("subject_area"),
            FieldPanel("summary"),
            MultiFieldPanel(
                [FieldPanel("new_files"), FieldPanel("remove_files")], heading=_("Files")
            ),
        ],
        base_form_class=SiteRecordForm,
    )


class ConsultationIndexView(OwnIndexView):
    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().annotate(comment_count=Count("comments"))


class ConsultationViewSet(SiteRecordViewSet):
    model = Consultation
    index_view_class = ConsultationIndexView
    icon = "comment"
    menu_label = _("Drafts for comment")
    list_display = [
        "title",
        "drafting_agency",
        "closes_at_display",
        Column("comment_count", label=pgettext_lazy("legal", "Comments")),
        "site",
    ]
    list_filter = ["site"]
    search_fields = ["title", "drafting_agency", "summary"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("title"),
            FieldPanel("drafting_agency"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("summary"),
            FieldPanel("body"),
            MultiFieldPanel(
                [FieldPanel("new_files"), FieldPanel("remove_files")], heading=_("Files")
            ),
        ],
        base_form_class=SiteRecordForm,
    )


class CommentFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("legal", "Draft"),
        queryset=lambda request: Consultation.objects.filter(site__in=own_sites(request.user)),
    )

    class Meta:
        model = ConsultationComment
        fields = ["consultation"]


class ConsultationCommentViewSet(SiteRecordViewSet):
    """The comments received on the user's sites' drafts: read, exported, deleted; never edited."""

    model = ConsultationComment
    site_field = "consultation__site"
    actions = ("delete", "view")
    icon = "comment"
    menu_label = _("Comments on drafts")
    list_display = [
        "name",
        "organization",
        "consultation",
        DateColumn("received_at", label=_("Received at")),
    ]
    list_export = ["consultation", "name", "email", "organization", "content", "received_at"]
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "organization", "content"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation",
        "name",
        "email",
        "organization",
        "content",
        "received_at",
    ]
    form_fields = ["content"]  # never shown: comments are not changed in the admin


class SubjectAreaViewSet(ModelViewSet):
    """The province's list of fields; only superusers hold its model permissions."""

    model = SubjectArea
    icon = "tag"
    menu_label = _("Fields of documents")
    add_to_settings_menu = True
    list_display = ["name"]
    search_fields = ["name"]
    form_fields = ["name"]
    copy_view_enabled = False


class LegalGroup(ModelViewSetGroup):
    menu_label = _("Legal documents")
    menu_icon = "doc-full"
    menu_order = 260
    items = (
        LegalDocumentViewSet("legal_documents"),
        ConsultationViewSet("consultations"),
        ConsultationCommentViewSet("consultation_comments"),
    )
