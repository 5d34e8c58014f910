"""The register of member sites, and the standard sections every new site starts with.

Page types live in `pages.py`; they are imported here so that Django finds them.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from loa.legal.pages import LegalDocumentIndexPage
from loa.orgs.models import Kind, Organization
from loa.orgs.roles import Role
from loa.procedures.pages import ProcedureIndexPage
from loa.questions.pages import QuestionIndexPage
from loa.schedules.pages import WorkSchedulePage

from .pages import (  # noqa: F401
    ArticlePage,
    ArticlePageTag,
    ArticleRelatedLink,
    ContactPage,
    GalleryPage,
    GalleryPhoto,
    OrganizationLeader,
    OrganizationPage,
    PortalHomePage,
    SectionPage,
    TopicFeaturedArticle,
    TopicPage,
)


class PageKind(models.TextChoices):
    """Which page type a standard section is created as."""

    SECTION = "section", _("Section")
    ORGANIZATION = "organization", _("Organization page")
    CONTACT = "contact", _("Contact page")
    LEGAL_DOCUMENTS = "legal_documents", _("Legal documents")
    PROCEDURES = "procedures", _("Administrative procedures")
    QUESTIONS = "questions", _("Questions and answers")
    SCHEDULES = "schedules", _("Work schedule")


PAGE_MODELS: dict[str, type] = {
    PageKind.SECTION: SectionPage,
    PageKind.ORGANIZATION: OrganizationPage,
    PageKind.CONTACT: ContactPage,
    PageKind.LEGAL_DOCUMENTS: LegalDocumentIndexPage,
    PageKind.PROCEDURES: ProcedureIndexPage,
    PageKind.QUESTIONS: QuestionIndexPage,
    PageKind.SCHEDULES: WorkSchedulePage,
}


class StandardSectionForm(WagtailAdminModelForm):
    for_kinds = forms.MultipleChoiceField(
        label=_("for kinds of organization"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for every site."),
    )


class StandardSection(models.Model):
    """A section that provisioning creates on every new site, or on the sites of some kinds.

    Decree 224/2026 (Article 9) lists the content a portal must carry; the list is data so that a
    province can follow the text that binds it, add its own sections and reorder them. Changing it
    shapes the sites provisioned afterwards, not the existing ones.
    """

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The last part of the section's address.")
    )
    page_kind = models.CharField(
        _("page type"), max_length=20, choices=PageKind.choices, default=PageKind.SECTION
    )
    for_kinds = models.JSONField(_("for kinds of organization"), default=list, blank=True)
    show_in_menus = models.BooleanField(
        _("show in the main menu"),
        default=True,
        help_text=_("Sections not in the main menu are linked from the home page and the footer."),
    )
    required_by = models.TextField(
        _("required by"), blank=True, help_text=_("The legal text that requires this content.")
    )
    sort_order = models.IntegerField(_("order"), default=0, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("page_kind"),
        FieldPanel("for_kinds"),
        FieldPanel("show_in_menus"),
        FieldPanel("required_by"),
    ]
    base_form_class = StandardSectionForm

    class Meta:
        verbose_name = _("standard section")
        verbose_name_plural = _("standard sections")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self._state.adding and not self.sort_order:
            last = StandardSection.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = (last or 0) + 10
        super().save(*args, **kwargs)

    @admin.display(description=_("for kinds of organization"))
    def kinds_display(self) -> str:
        if not self.for_kinds:
            return gettext("All")
        labels = dict(Kind.choices)
        return ", ".join(str(labels.get(kind, kind)) for kind in self.for_kinds)

    def applies_to(self, organization: Organization) -> bool:
        return not self.for_kinds or organization.kind in self.for_kinds

    @classmethod
    def for_organization(cls, organization: Organization) -> list[StandardSection]:
        # The list is short and SQLite cannot search inside JSON lists: filter here.
        return [section for section in cls.objects.all() if section.applies_to(organization)]


# The editorial group each portal role joins on a site of its board.
ROLE_GROUPS: dict[str, str] = {
    Role.PORTAL_REPORTER: "reporters",
    Role.PORTAL_EDITOR: "editors",
    Role.EDITOR_IN_CHIEF: "chiefs",
}


class MemberSite(models.Model):
    """A Wagtail site provisioned for an organization, and what was made with it.

    Editors' access comes from the groups recorded here, joined and left as role assignments at
    the editorial board are granted and revoked (see `membership`), so that the role assignment
    stays the one record of who may do what.
    """

    organization = models.OneToOneField(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="member_site"
    )
    editorial_board = models.ForeignKey(
        Organization, verbose_name=_("editorial board"), on_delete=models.PROTECT, related_name="board_sites"
    )
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="member_site"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+"
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow", verbose_name=_("workflow"), on_delete=models.PROTECT, related_name="+"
    )
    reporters = models.OneToOneField(
        Group, verbose_name=_("reporters"), on_delete=models.PROTECT, related_name="site_as_reporters"
    )
    editors = models.OneToOneField(
        Group, verbose_name=_("editors"), on_delete=models.PROTECT, related_name="site_as_editors"
    )
    chiefs = models.OneToOneField(
        Group, verbose_name=_("editors-in-chief"), on_delete=models.PROTECT, related_name="site_as_chiefs"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("member site")
        verbose_name_plural = _("member sites")
        ordering = ["organization__name"]

    def __str__(self) -> str:
        return self.site.site_name or self.site.hostname

    @property
    def groups(self) -> list[Group]:
        return [self.reporters, self.editors, self.chiefs]

    def group_for(self, role: Role | str) -> Group:
        return getattr(self, ROLE_GROUPS[role])
