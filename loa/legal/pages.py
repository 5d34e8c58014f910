"""Page types of legal documents."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from loa.portal.pages import PortalPage

DOCUMENTS_PER_PAGE = 20
CONSULTATIONS_PER_PAGE = 10


class LegalDocumentIndexPage(RoutablePageMixin, PortalPage):
    """The legal documents section (Văn bản): the site's documents with filters and search, and its drafts open for comment.

    The documents and drafts are records of the site (`LegalDocument`, `Consultation`), kept in
    the admin's own screens, not pages: this page lists them and shows each one at its own address.
    """

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "legal/index_page.html"

    class Meta:
        verbose_name = _("legal document index")
        verbose_name_plural = _("legal document indexes")

    # The records are imported when used: `models` imports this module to register the page type.

    def _site_id(self, context) -> int | None:
        from loa.portal.models import MemberSite

        frame = context.get("frame")
        if frame is None:
            return None
        return (
            MemberSite.objects.filter(site__root_page_id=frame.home.pk)
            .values_list("pk", flat=True)
            .first()
        )

    @path("")
    def documents(self, request):
        from .forms import DocumentFilterForm
        from .models import LegalDocument
        from .queries import documents_matching

        context = self.get_context(request)
        site_documents = LegalDocument.objects.filter(site_id=self._site_id(context))
        form = DocumentFilterForm(
            request.GET,
            years=[day.year for day in site_documents.dates("issued_on", "year", order="DESC")],
            issuers=list(
                site_documents.order_by("issuer").values_list("issuer", flat=True).distinct()
            ),
        )
        filters = form.filters()
        found = documents_matching(site_documents, filters, timezone.localdate())
        paginator = Paginator(found.select_related("subject_area"), DOCUMENTS_PER_PAGE)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            documents=paginator.get_page(request.GET.get("page")),
            filtered=bool(filters),
            query_string=query.urlencode(),
            tab="documents",
        )
        return TemplateResponse(request, "legal/index_page.html", context)

    @path("<int:pk>/")
    def document(self, request, pk: int):
        from .models import LegalDocument

        context = self.get_context(request)
        try:
            document = (
                LegalDocument.objects.select_related("subject_area")
                .prefetch_related("files")
                .get(pk=pk, site_id=self._site_id(context))
            )
        except LegalDocument.DoesNotExist:
            raise Http404 from None
        context.update(document=document, tab="documents")
        return TemplateResponse(request, "legal/document_page.html", context)

    @path("du-thao/")
    def consultations(self, request):
        from .models import Consultation

        context = self.get_context(request)
        now = timezone.now()
        drafts = (
            Consultation.objects.filter(site_id=self._site_id(context), opens_at__lte=now)
            .annotate(
                closed=Case(
                    When(closes_at__lte=now, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            .order_by("closed", "closes_at", "-pk")
        )
        paginator = Paginator(drafts, CONSULTATIONS_PER_PAGE)
        context.update(
            consultations=paginator.get_page(request.GET.get("page")), tab="consultations"
        )
        return TemplateResponse(request, "legal/consultations_page.html", context)

    @path("du-thao/<int:pk>/")
    def consultation(self, request, pk: int):
        from .comments import may_comment, receive_comment
        from .forms import CommentForm
        from .models import Consultation

        context = self.get_context(request)
        now = timezone.now()
        try:
            draft = Consultation.objects.prefetch_related("files").get(
                pk=pk, site_id=self._site_id(context), opens_at__lte=now
            )
        except Consultation.DoesNotExist:
            raise Http404 from None
        status = 200
        form = CommentForm(request.POST or None)
        if request.method == "POST":
            if not draft.is_open(now):
                messages.error(
                    request,
                    gettext("Comments on this draft closed on %(date)s.")
                    % {"date": timezone.localtime(draft.closes_at).strftime("%d/%m/%Y %H:%M")},
                )
                form = CommentForm()
            elif form.is_robot:
                # Robots are told it worked and nothing is kept.
                messages.success(
                    request,
                    gettext("Thank you: your comment has been sent to the drafting agency."),
                )
                return HttpResponseRedirect(request.path)
            elif not may_comment(request):
                messages.error(
                    request,
                    gettext(
                        "Too many comments have been sent from your connection. Please try again later."
                    ),
                )
                status = 429
            elif form.is_valid():
                if receive_comment(draft, form.save(commit=False), request):
                    messages.success(
                        request,
                        gettext("Thank you: your comment has been sent to the drafting agency."),
                    )
                    return HttpResponseRedirect(request.path)
        context.update(
            consultation=draft, form=form, is_open=draft.is_open(now), tab="consultations"
        )
        return TemplateResponse(request, "legal/consultation_page.html", context, status=status)
