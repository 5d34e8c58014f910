"""Member-site isolation in the admin: editors see their own site's pages, nobody else's.

Wagtail already confines the explorer, page search, most reports, and the image and document
listings and choosers to what a user's group permissions cover (the site's home pages, Vietnamese
and English, and its collection, granted by provisioning). Three places show more, and are
narrowed here to the subtrees where the user holds page permissions (superusers see everything):

- the page chooser lists every page of every site, for linking (and, asked by URL to browse
  inside another site, would show that page's title: it answers 404 instead);
- the explorer, asked by URL for a page of another site, shows its title and its ancestors': a
  site's English home page sits beside its Vietnamese one, so Wagtail lets the site's editors
  explore from the root of the whole tree (it answers 404 instead);
- the filters of the page listings and of the reports offer as choices every site, workflow,
  task, page owner and editor of the install (names that tell one site's editors about another);
- the tag field's suggestions come from every tag of the install (taggit's tags are shared): they
  are narrowed to the tags of the user's own pages, images and documents (`tag_autocomplete`).

DESIGN.md asks that one member site's editors not see another's pages; `tests/portal/
test_isolation.py` looks for leaks everywhere an editor can go.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest, JsonResponse
from taggit.models import Tag, TaggedItem
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import tags
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_permissions
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    Site,
    Task,
    Workflow,
    WorkflowState,
)


def permitted_roots(user) -> list[str]:
    """Tree paths of the pages where the user's groups hold page permissions."""
    return list(
        GroupPagePermission.objects.filter(group__user=user)
        .values_list("page__path", flat=True)
        .distinct()
    )


def _check_parent_path(parent_path: str, user) -> None:
    """404 unless the page at `parent_path` is inside one of the user's sites or above one."""
    roots = permitted_roots(user)
    if not any(parent_path.startswith(root) or root.startswith(parent_path) for root in roots):
        raise Http404


def check_chooser_parent(request) -> None:
    """404 when the page chooser is asked to browse inside another site (by its page id in the URL):
    the chooser would show that page's title even with its children filtered out."""
    parent_id = getattr(request.resolver_match, "kwargs", {}).get("parent_page_id")
    if parent_id is None or request.user.is_superuser:
        return
    parent_path = Page.objects.filter(pk=parent_id).values_list("path", flat=True).first()
    if parent_path is not None:
        _check_parent_path(parent_path, request.user)


# Registered here, beside the rule it enforces; wagtail_hooks imports this module.
@hooks.register("construct_explorer_page_queryset")
def check_explorer_parent(parent_page: Page, pages: QuerySet, request) -> QuerySet:
    """404 when the explorer is asked for a page of another site (by its id in the URL)."""
    if not request.user.is_superuser:
        _check_parent_path(parent_page.path, request.user)
    return pages


def restrict_pages(pages: QuerySet, user) -> QuerySet:
    """`pages` narrowed to those inside the user's sites (all of them for a superuser)."""
    if user.is_superuser:
        return pages
    condition = Q(pk__in=[])
    for path in permitted_roots(user):
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def _own_pages(user) -> QuerySet:
    return restrict_pages(Page.objects.all(), user)


def _own_page_keys(user) -> QuerySet:
    """The own pages' ids as strings, for generic relations (workflow states) that store them so."""
    return _own_pages(user).annotate(key=Cast("pk", CharField())).values("key")


def _users(ids) -> QuerySet:
    User = get_user_model()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def visible_workflows(request) -> QuerySet:
    workflows = Workflow.objects.order_by("name")
    if request.user.is_superuser:
        return workflows
    return workflows.filter(workflow_pages__page__in=_own_pages(request.user)).distinct()


def visible_tasks(request) -> QuerySet:
    tasks = Task.objects.order_by("name")
    if request.user.is_superuser:
        return tasks
    return tasks.filter(workflow_tasks__workflow__in=visible_workflows(request)).distinct()


def visible_requesters(request) -> QuerySet:
    """Users who submitted pages of the user's own sites to a workflow."""
    states = WorkflowState.objects.all()
    if not request.user.is_superuser:
        states = states.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=_own_page_keys(request.user),
        )
    return _users(states.values("requested_by"))


def visible_owners(request) -> QuerySet:
    return _users(_own_pages(request.user).order_by().values("owner"))


def visible_page_editors(request) -> QuerySet:
    entries = PageLogEntry.objects.filter(action="wagtail.edit")
    if not request.user.is_superuser:
        entries = entries.filter(page__in=_own_pages(request.user))
    return _users(entries.order_by().values("user"))


def visible_sites(request) -> QuerySet:
    return Site.objects.filter(root_page__in=_own_pages(request.user)).order_by("hostname")


def narrow_admin_filters() -> None:
    """Point the choices of Wagtail's admin filters at the querysets above (once, at start-up).

    These filters list, as their choices, every site, workflow, task and page author of the
    install; only their querysets change here, not what the listings show (Wagtail already
    narrows that to the user's pages).
    """
    from wagtail.admin.views.pages import listing
    from wagtail.admin.views.reports import audit_logging, workflows

    for filterset in (listing.PageFilterSet, listing.GenericPageFilterSet):
        filterset.base_filters["owner"].queryset = visible_owners
        filterset.base_filters["edited_by"].queryset = visible_page_editors
        filterset.base_filters["site"].queryset = visible_sites
    states = workflows.WorkflowReportFilterSet.base_filters
    states["workflow"].queryset = visible_workflows
    states["requested_by"].queryset = visible_requesters
    tasks = workflows.WorkflowTasksReportFilterSet.base_filters
    tasks["workflow"].queryset = visible_workflows
    tasks["task"].queryset = visible_tasks
    # The site history lists as its "User" choices every author of any page's log entry (its own
    # narrower method is no longer called by Wagtail 7.4's filter set): use the narrower one.
    audit_logging.SiteHistoryReportFilterSet.get_users_queryset = (
        lambda self: audit_logging.get_users_for_filter(self.request.user)
    )


def own_tags(user) -> QuerySet:
    """Tags on the user's own articles and on the images and documents of the user's collections."""
    from .pages import ArticlePageTag  # the page types import this module's hooks' app

    on_articles = ArticlePageTag.objects.filter(content_object__in=_own_pages(user)).values("tag")
    collections = {
        model: policy.collections_user_has_any_permission_for(user, ["add", "change", "choose"])
        for model, policy in (
            (get_image_model(), image_permissions),
            (get_document_model(), document_permissions),
        )
    }
    on_media = Q(pk__in=[])
    for model, permitted in collections.items():
        on_media |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model.objects.filter(collection__in=permitted).values("pk"),
        )
    on_files = TaggedItem.objects.filter(on_media).values("tag")
    return Tag.objects.filter(Q(pk__in=on_articles) | Q(pk__in=on_files))


@require_admin_access
def tag_autocomplete(
    request: HttpRequest, app_name: str | None = None, model_name: str | None = None
) -> JsonResponse:
    """Wagtail's tag suggestions, from the user's own sites' tags only (all of them for a
    superuser): another site's tags would tell what it writes about. A new tag is still typed in
    freely."""
    shared_tags = not (app_name and model_name) or (app_name, model_name) == ("taggit", "tag")
    if request.user.is_superuser or not shared_tags:
        return tags.autocomplete(request, app_name, model_name)
    term = request.GET.get("term", "")
    names = []
    if term:
        names = list(
            own_tags(request.user).filter(name__istartswith=term).order_by("name")
            .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(names, safe=False)
