"""Questions and answers in the Wagtail admin: each site's questions, answering, publishing, hiding.

Every screen is narrowed to the sites the user edits: another site's question, asked for by its id,
answers 404. Every change goes into the audit log. Publishing an answer tells the asker by e-mail.
"""

from __future__ import annotations

import logging
import smtplib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from loa.audit.log import record
from loa.portal.membership import sites_edited_by
from loa.portal.site_records import (
    PUBLISH,
    OwnSiteHistoryMixin,
    OwnSiteIndexMixin,
    OwnSiteObjectMixin,
    SiteRecordPolicy,
)

from .models import Question
from .pages import QuestionIndexPage

logger = logging.getLogger(__name__)

VIEWSET = "questions"
POLICY = SiteRecordPolicy(Question)


def public_url(question: Question) -> str | None:
    """The address of the question on its site, or None when the site has no live Q&A section."""
    section = QuestionIndexPage.objects.live().descendant_of(question.site.site.root_page).first()
    if section is None:
        return None
    return section.get_full_url() + section.reverse_subpage("question", kwargs={"pk": question.pk})


def notify_asker(question: Question) -> bool:
    """E-mail the asker that the answer is published, with its address. False when the mail failed:
    the answer stays published and the editor is told."""
    subject = gettext("Your question has been answered: %(title)s") % {"title": question.title}
    body = gettext(
        "Dear %(name)s,\n\n%(agency)s has answered your question “%(title)s”. You can read the"
        " answer at:\n%(url)s\n\nThis message was sent automatically; please do not reply to it."
    ) % {
        "name": question.asker_name,
        "agency": question.answerer or question.site.organization.name,
        "title": question.title,
        "url": public_url(question) or question.site.site.root_url,
    }
    try:
        send_mail(subject, body, None, [question.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not tell the asker of question %s", question.pk)
        return False
    return True


class QuestionForm(WagtailAdminModelForm):
    """Offers only the sites the editor works for; a question stays with the site it was put to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self.fields["site"]
        site.queryset = sites_edited_by(self.for_user).select_related("site")
        if self.instance.pk:
            site.disabled = True
        elif len(site.queryset) == 1:
            site.initial = site.queryset[0].pk


class IndexView(OwnSiteIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site__site")

    def search_queryset(self, queryset):
        # The same folded search as the site's, so that "ho tich" finds "hộ tịch" here too.
        return queryset.matching(self.search_query) if self.search_query else queryset


class CreateView(generic.CreateView):
    def save_instance(self) -> Question:
        question = self.form.save()
        record(question, "loa.question.create")
        return question


class EditView(OwnSiteObjectMixin, generic.EditView):
    def save_instance(self) -> Question:
        question = self.form.save()
        record(question, "loa.question.change", changed=sorted(self.form.changed_data))
        return question

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if POLICY.user_has_permission_for_instance(self.request.user, PUBLISH, self.object):
            buttons.append(PublishView.button_for(self.object))
            if self.object.state != Question.State.HIDDEN:
                buttons.append(HideView.button_for(self.object))
        return buttons


class DeleteView(OwnSiteObjectMixin, generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            record(self.object, "loa.question.delete")
            self.object.delete()


class HistoryView(OwnSiteHistoryMixin, history.HistoryView):
    pass


class UsageView(OwnSiteHistoryMixin, usage.UsageView):
    pass


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept in the log, not published: out of the agency's remit, abusive, a duplicate..."
        ),
    )


class QuestionActionView(OwnSiteObjectMixin, WagtailAdminTemplateMixin, FormView):
    """Asks to confirm an action on a question (GET), performs it (POST), logs it, and goes back to
    the question's edit screen."""

    model = Question
    permission_policy = POLICY
    template_name = "questions/admin/confirm_action.html"
    header_icon = "help"
    form_class = forms.Form
    url_name = ""
    icon = ""
    label = ""
    question = ""

    @classmethod
    def button_for(cls, question: Question) -> Button:
        url = reverse(f"{VIEWSET}:{cls.url_name}", args=[question.pk])
        return Button(cls.label, url=url, icon_name=cls.icon, priority=30)

    def dispatch(self, request, *args, pk: int, **kwargs):
        questions = self.get_queryset().select_related("site__site", "site__organization")
        self.object = questions.filter(pk=pk).first()
        if self.object is None:
            raise Http404
        if not self.permission_policy.user_has_permission_for_instance(request.user, PUBLISH, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.label

    def get_page_subtitle(self):
        return self.object.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question,
            label=self.label,
            cancel_url=reverse(f"{VIEWSET}:edit", args=[self.object.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        with transaction.atomic():
            self.act(form)
        return redirect(reverse(f"{VIEWSET}:edit", args=[self.object.pk]))

    def act(self, form) -> None:
        raise NotImplementedError


class PublishView(QuestionActionView):
    url_name = "publish"
    icon = "upload"
    label = _("Publish the answer")
    question = _("Publish this question and its answer on the site? The asker is told by e-mail.")

    def get(self, request, *args, **kwargs):
        if not self.object.has_answer:
            messages.error(request, _("Write the answer and save it before publishing."))
            return redirect(reverse(f"{VIEWSET}:edit", args=[self.object.pk]))
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.object.has_answer:
            messages.error(self.request, _("Write the answer and save it before publishing."))
            return redirect(reverse(f"{VIEWSET}:edit", args=[self.object.pk]))
        response = super().form_valid(form)
        if notify_asker(self.object):
            messages.success(
                self.request, _("The answer is published and the asker has been told by e-mail.")
            )
        else:
            messages.warning(
                self.request,
                _("The answer is published, but the e-mail to the asker could not be sent."),
            )
        return response

    def act(self, form) -> None:
        self.object.publish(self.request.user)
        record(self.object, "loa.question.publish")


class HideView(QuestionActionView):
    url_name = "hide"
    icon = "no-view"
    label = _("Hide or refuse")
    question = _(
        "Hide this question? It is taken off the site if it was published, and is not answered there."
    )
    form_class = HideForm

    def act(self, form) -> None:
        self.object.hide(form.cleaned_data["reason"])
        record(self.object, "loa.question.hide", reason=form.cleaned_data["reason"])
        messages.success(self.request, _("The question is hidden."))


class QuestionViewSet(ModelViewSet):
    """Each member site's questions, for the people who edit the site."""

    model = Question
    permission_policy = POLICY
    icon = "help"
    menu_label = _("Questions and answers")
    menu_name = "questions"
    menu_order = 231
    add_to_admin_menu = True
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["title"]  # searched through the folded text by IndexView.search_queryset
    search_backend_name = None
    list_display = [
        "title",
        "site",
        "field",
        StatusTagColumn(
            "state",
            accessor="get_state_display",
            label=_("State"),
            primary=lambda question: question.is_published,
        ),
        DateColumn("submitted_at", label=_("Submitted at")),
        DateColumn("answered_at", label=_("Answered at")),
    ]
    list_filter = ["state"]
    ordering = ["-submitted_at"]
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionForm)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{view.url_name}/<int:pk>/", view.as_view(), name=view.url_name)
            for view in (PublishView, HideView)
        ]
