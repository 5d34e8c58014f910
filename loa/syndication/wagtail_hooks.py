"""Proposals in the Wagtail admin: their screens and menu item, the "propose" button on articles,
and their audit actions."""

from __future__ import annotations

from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from loa.admin_menu import ShownToMenuItem
from loa.portal.pages import ArticlePage

from .workflow import AUDIT_ACTIONS

PROPOSE_LABEL = _("Propose to the province portal")


def _works_with_portal(user) -> bool:
    from .views import works_with_portal

    return works_with_portal(user)


@hooks.register("register_admin_urls")
def register_syndication_urls() -> list:
    from . import urls

    return [path("syndication/", include(urls, namespace="syndication"))]


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item() -> ShownToMenuItem:
    return ShownToMenuItem(
        _("Proposals to the portal"),
        reverse_lazy("syndication:index"),
        name="syndication-proposals",
        icon_name="site",
        order=260,
        shown_to=_works_with_portal,
    )


def _may_offer(page, user) -> bool:
    """A cheap first look, with no query per page: a live article inside a site `user` edits.
    The propose screen applies the full rule (`workflow.can_propose`)."""
    from .views import edited_roots

    return (
        page.live
        and page.specific_class is ArticlePage
        and _works_with_portal(user)
        and page.path.startswith(edited_roots(user))
    )


def _propose_button(page, priority: int) -> Button:
    return Button(
        PROPOSE_LABEL,
        reverse("syndication:propose", args=[page.pk]),
        icon_name="site",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def propose_from_page_header(page, user, view_name, next_url=None):
    if _may_offer(page, user):
        yield _propose_button(page, priority=90)


@hooks.register("register_page_listing_more_buttons")
def propose_from_page_listing(page, user, next_url=None):
    if _may_offer(page, user):
        yield _propose_button(page, priority=90)


@hooks.register("register_log_actions")
def register_syndication_actions(actions) -> None:
    labels = {
        "propose": (_("Propose article to the portal"), _("Article proposed to the portal")),
        "accept": (_("Accept proposed article"), _("Proposed article accepted")),
        "refuse": (_("Refuse proposed article"), _("Proposed article refused")),
        "withdraw": (_("Withdraw proposed article"), _("Proposed article withdrawn")),
    }
    for step, action in AUDIT_ACTIONS.items():
        actions.register_action(action, *labels[step])
