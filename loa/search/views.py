"""The public search page, at /tim-kiem/ on every site."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from wagtail.models import Site

from loa.portal.models import MemberSite
from loa.portal.pages import PortalHomePage, SiteFrame

from .forms import PARAMETERS, WHOLE_PORTAL, SearchForm
from .query import highlight, page_of_results, search
from .registry import kinds

RESULTS_PER_PAGE = 20


def portal_site_ids(home: PortalHomePage | None, site: Site) -> list[int]:
    """The sites searched for "the whole portal": every member site of the site's province."""
    if home is None:
        return [site.pk]
    province_id = home.organization.unit.province_id
    return list(
        MemberSite.objects.filter(organization__unit__province_id=province_id).values_list(
            "site_id", flat=True
        )
    )


def results(request: HttpRequest) -> TemplateResponse:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    home = (
        PortalHomePage.objects.select_related("organization__unit").filter(pk=site.root_page_id).first()
    )
    form = SearchForm(request.GET or None)
    context = {"frame": SiteFrame.for_page(home) if home else None, "form": form}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"]
        site_ids = portal_site_ids(home, site) if form.whole_portal else [site.pk]
        since, before = form.time_range()
        kind = form.cleaned_data["kind"]
        entries = search(query, site_ids, kind=kind, since=since, before=before)
        found = page_of_results(entries, request.GET.get("page"), RESULTS_PER_PAGE)
        labels = {kind.code: kind.label for kind in kinds()}
        for entry in found:
            entry.href = entry.url_from(site.pk)
            entry.kind_label = labels.get(entry.kind, entry.kind)
            entry.marked_title = highlight(entry.title, query)
            entry.marked_summary = highlight(entry.summary, query)
        context.update(query=query, results=found, whole_portal=form.whole_portal)
        if not form.whole_portal:
            wider = request.GET.copy()
            wider[PARAMETERS["scope"]] = WHOLE_PORTAL
            wider.pop("page", None)
            context["whole_portal_href"] = f"?{wider.urlencode()}"
    return TemplateResponse(request, "search/results.html", context)
