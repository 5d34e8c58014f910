"""Page types of questions and answers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from loa.audit.middleware import client_address
from loa.portal.pages import PortalPage

QUESTIONS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100


class QuestionIndexPage(RoutablePageMixin, PortalPage):
    """The questions and answers section (Hỏi đáp): citizens ask, the agency answers in public.

    Its address lists the answered questions, newest answer first, searchable; each has its own
    address (`<id>/`); `dat-cau-hoi/` is the form to ask one.
    """

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "questions/index_page.html"

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    @cached_property
    def member_site(self):
        """The member site this section belongs to, which owns its questions."""
        from loa.portal.models import MemberSite  # the sites' register imports the page types

        return MemberSite.objects.filter(site__root_page__in=Page.objects.ancestor_of(self)).first()

    def questions(self):
        from .models import Question  # the models module imports this one

        return Question.objects.published().filter(site=self.member_site)

    @path("")
    def index(self, request):
        query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
        questions = self.questions().order_by("-answered_at", "-pk")
        if query:
            questions = questions.matching(query)
        paginator = Paginator(questions, QUESTIONS_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"questions": page, "query": query})

    @path("<int:pk>/", name="question")
    def question(self, request, pk: int):
        question = self.questions().filter(pk=pk).first()
        if question is None:
            raise Http404
        return self.render(
            request, template="questions/question_page.html", context_overrides={"question": question}
        )

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        from .forms import AskQuestionForm, within_rate_limit

        if self.member_site is None:
            raise Http404
        form = AskQuestionForm(request.POST or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            thanks = redirect(self.get_url(request) + self.reverse_subpage("thanks"))
            if form.is_from_robot:
                return thanks  # told nothing, so that it does not learn to leave the trap empty
            if within_rate_limit(self.member_site.pk, client_address(request)):
                form.instance.site = self.member_site
                form.save()
                return thanks
            form.add_error(
                None, _("You have sent many questions in a short time. Please try again in an hour.")
            )
            status = 429
        response = self.render(
            request, template="questions/ask_page.html", context_overrides={"form": form}
        )
        response.status_code = status
        return response

    @path("dat-cau-hoi/da-gui/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="questions/thanks_page.html")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        section_url = self.get_url(request)
        context.update(section_url=section_url, ask_url=section_url + self.reverse_subpage("ask"))
        return context
