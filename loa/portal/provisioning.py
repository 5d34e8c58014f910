"""Provisioning: a member site for an organization, in one step and one transaction.

A province runs one install for its portal and the sites of its departments and communes (seed
003: "cổng thông tin điện tử 02 cấp"). A new site needs more than a home page: its standard
sections, a domain, an editorial board (seed 003, item 5: communes set up an editorial board),
a collection for its pictures and files, groups whose permissions stop at the site's own pages and
collection, and the editorial workflow (reporter writes, editor reviews, editor-in-chief approves
and publishes). `provision_member_site` makes all of it or, when anything is wrong, nothing.
The `create_site` command and the admin's "Create member site" screen both call it.

Each site also gets an unpublished English home page (`add_translated_home`): Wagtail keeps a
language's pages in a tree of their own, so the English tree needs the site's permissions and
workflow too. The editors translate pages into it with the admin's "Translate" action and publish
the English home when the English pages are ready; until then the site has no /en/ pages.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from loa.audit.log import record
from loa.orgs.models import Kind, Organization

from . import membership, naming
from .models import PAGE_MODELS, MemberSite, StandardSection
from .pages import ContactPage, OrganizationPage, PortalHomePage

AUDIT_ACTION = "loa.portal.provision"

# One label of at most 63 letters, digits and inner hyphens, then more labels after dots.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOSTNAME_PATTERN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")

# Page permissions on the site's home page, inherited by every page below it. Editors review and
# the editor-in-chief publishes, so only the chief holds "publish".
PAGE_PERMISSIONS = {
    "reporters": ("add", "change"),
    "editors": ("add", "change", "lock"),
    "chiefs": ("add", "change", "publish", "lock", "unlock", "bulk_delete"),
}
# Permissions on the site's collection, for images and documents alike.
COLLECTION_PERMISSIONS = {
    "reporters": ("add", "change", "choose"),
    "editors": ("add", "change", "choose"),
    "chiefs": ("add", "change", "choose", "delete"),
}
# What every editorial group may do besides its page and collection permissions: enter the admin,
# and start the translation of a page of its site ("Translate", wagtail.contrib.simple_translation).
GROUP_PERMISSIONS = (("wagtailadmin", "access_admin"), ("simple_translation", "submit_translation"))
# The groups' names (data, in Vietnamese like the rest of the content).
GROUP_TITLES = {"reporters": "Phóng viên", "editors": "Biên tập viên", "chiefs": "Tổng biên tập"}


def clean_hostname(hostname: str) -> str:
    """The host name in the form Wagtail matches requests against, or a ValidationError."""
    hostname = (hostname or "").strip().lower()
    if len(hostname) > 253 or not HOSTNAME_PATTERN.match(hostname):
        raise ValidationError(
            {
                "hostname": _(
                    "“%(hostname)s” is not a valid host name: use lowercase letters, digits, hyphens"
                    " and dots, such as “tranbien.dongnai.gov.vn” (or “tranbien.localhost” to try"
                    " it on this computer)."
                )
                % {"hostname": hostname}
            }
        )
    return hostname


def _placeholder_site(hostname: str, port: int) -> Site | None:
    """Wagtail's own starter site at this address ("Welcome to your new Wagtail site!"), if any.

    A fresh install has one at localhost; the province's portal takes its place instead of
    refusing the address.
    """
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    is_plain_page = root.content_type_id == ContentType.objects.get_for_model(Page).pk
    if is_plain_page and root.is_leaf() and not MemberSite.objects.filter(site=site).exists():
        return site
    return None


def _check(organization: Organization, hostname: str, port: int) -> Site | None:
    if organization.kind == Kind.EDITORIAL_BOARD:
        raise ValidationError(
            {"organization": _("An editorial board runs a site; it does not own one.")}
        )
    if not organization.is_active:
        raise ValidationError({"organization": _("This organization is not active.")})
    existing = MemberSite.objects.filter(organization=organization).select_related("site").first()
    if existing is not None:
        raise ValidationError(
            {
                "organization": _("%(organization)s already has a site, at %(hostname)s.")
                % {"organization": organization.name, "hostname": existing.site.hostname}
            }
        )
    placeholder = _placeholder_site(hostname, port)
    if placeholder is None and Site.objects.filter(hostname=hostname, port=port).exists():
        raise ValidationError(
            {"hostname": _("Another site already answers at %(hostname)s.") % {"hostname": hostname}}
        )
    return placeholder


def _publish(page: Page, actor) -> None:
    page.save_revision(user=actor, log_action=False).publish(user=actor, log_action=False)


def _editorial_board(organization: Organization) -> Organization:
    """The organization's editorial board: the existing one, or a new one beneath it."""
    board = (
        Organization.objects.filter(kind=Kind.EDITORIAL_BOARD, parent=organization)
        .order_by("pk")
        .first()
    )
    if board is not None:
        return board
    board = Organization(
        code=f"BBT-{organization.code}"[:40],
        name=naming.board_name(organization)[:255],
        short_name=naming.EDITORIAL_BOARD,
        kind=Kind.EDITORIAL_BOARD,
        unit=organization.unit,
        parent=organization,
    )
    board.full_clean()
    board.save()
    return board


def _collection(organization: Organization) -> Collection:
    root = Collection.get_first_root_node()
    name = organization.name
    if root.get_children().filter(name=name).exists():
        name = f"{organization.name} ({organization.code})"
    return root.add_child(name=name)


def _groups(organization: Organization) -> dict[str, Group]:
    label = f"{organization.short_name or organization.name} ({organization.code})"
    names = {key: f"{label} – {title}"[:150] for key, title in GROUP_TITLES.items()}
    taken = list(Group.objects.filter(name__in=names.values()).values_list("name", flat=True))
    if taken:
        raise ValidationError(_("A group named “%(name)s” already exists.") % {"name": taken[0]})
    groups = {}
    for key, name in names.items():
        groups[key] = Group.objects.create(name=name)
        groups[key].permissions.add(*_group_permissions())
    return groups


def _group_permissions() -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in GROUP_PERMISSIONS
    ]


def _grant_pages(groups: dict[str, Group], home: Page) -> None:
    page_type = ContentType.objects.get_for_model(Page)
    page_permissions = {perm.codename: perm for perm in Permission.objects.filter(content_type=page_type)}
    for key, actions in PAGE_PERMISSIONS.items():
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=groups[key], page=home, permission=page_permissions[f"{action}_page"]
            )


def _grant(groups: dict[str, Group], home: Page, collection: Collection) -> None:
    _grant_pages(groups, home)
    media_permissions = {
        (perm.content_type.app_label, perm.codename): perm
        for perm in Permission.objects.filter(
            content_type__app_label__in=("wagtailimages", "wagtaildocs")
        ).select_related("content_type")
    }
    for key, actions in COLLECTION_PERMISSIONS.items():
        for action in actions:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                GroupCollectionPermission.objects.create(
                    group=groups[key],
                    collection=collection,
                    permission=media_permissions[(app_label, f"{action}_{model}")],
                )


def _workflow(site_name: str, groups: dict[str, Group], home: Page) -> Workflow:
    """Reporter submits; an editor (or the chief) reviews; the chief approves, which publishes."""
    workflow = Workflow.objects.create(name=f"Quy trình biên tập – {site_name}"[:255])
    review = GroupApprovalTask.objects.create(name=f"Biên tập viên duyệt – {site_name}"[:255])
    review.groups.set([groups["editors"], groups["chiefs"]])
    approval = GroupApprovalTask.objects.create(
        name=f"Tổng biên tập duyệt, xuất bản – {site_name}"[:255]
    )
    approval.groups.set([groups["chiefs"]])
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    return workflow


def _sections(home: PortalHomePage, organization: Organization, actor) -> list[str]:
    """The standard sections for this organization, as live child pages of the home page."""
    slugs = []
    for section in StandardSection.for_organization(organization):
        page = PAGE_MODELS[section.page_kind](
            title=section.title, slug=section.slug, show_in_menus=section.show_in_menus
        )
        if isinstance(page, (OrganizationPage, ContactPage)):
            page.address, page.phone, page.email = (
                organization.address,
                organization.phone,
                organization.email,
            )
        home.add_child(instance=page)
        _publish(page, actor)
        slugs.append(section.slug)
    return slugs


@transaction.atomic
def add_translated_home(member: MemberSite, locale: Locale, *, actor=None) -> PortalHomePage:
    """The site's home page in `locale`, made when missing as an unpublished copy of the site's own.

    The translated home sits beside the site's home page, not inside it, so it does not inherit the
    site's page permissions and workflow: they are granted here again. Without them the site's
    editors could neither see nor edit their English pages, and the admin's "Translate" action would
    leave its copies where nobody of the site can reach them. Safe to call again, and enough to
    open a site provisioned before English pages existed to translation.
    """
    home = member.site.root_page.specific
    translated = home.get_translation_or_none(locale)
    if translated is None:
        translated = CopyPageForTranslationAction(home, locale, user=actor).execute(
            skip_permission_checks=True
        )
    groups = {"reporters": member.reporters, "editors": member.editors, "chiefs": member.chiefs}
    for group in groups.values():
        group.permissions.add(*_group_permissions())
    _grant_pages(groups, translated)
    WorkflowPage.objects.get_or_create(page=translated, defaults={"workflow": member.workflow})
    return translated.specific


@transaction.atomic
def provision_member_site(
    organization: Organization,
    hostname: str,
    *,
    actor=None,
    port: int = 80,
    default: bool = False,
) -> PortalHomePage:
    """Make a working site for `organization` at `hostname`, with everything it needs.

    `default` makes it the site that answers requests for host names no site claims. Raises
    ValidationError, leaving nothing behind, when the host name is malformed or taken, or the
    organization already has a site.
    """
    hostname = clean_hostname(hostname)
    placeholder = _check(organization, hostname, port)
    name = naming.site_name(organization)

    home = Page.get_first_root_node().add_child(
        instance=PortalHomePage(
            title=name, slug=slugify(organization.code) or "portal", organization=organization
        )
    )
    _publish(home, actor)
    sections = _sections(home, organization, actor)

    if default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    if placeholder is not None:
        starter_page = placeholder.root_page
        site = placeholder
        site.root_page = home
        site.site_name = name
        site.is_default_site = site.is_default_site or default
    else:
        site = Site(hostname=hostname, port=port, root_page=home, site_name=name, is_default_site=default)
    site.full_clean()
    site.save()
    if placeholder is not None:
        starter_page.delete()

    board = _editorial_board(organization)
    collection = _collection(organization)
    groups = _groups(organization)
    _grant(groups, home, collection)
    workflow = _workflow(name, groups, home)
    member = MemberSite.objects.create(
        organization=organization,
        editorial_board=board,
        site=site,
        collection=collection,
        workflow=workflow,
        created_by=actor,
        **groups,
    )
    languages = [
        add_translated_home(member, locale, actor=actor).locale.language_code
        for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code")
    ]
    membership.sync_board(board.pk)
    record(
        home,
        AUDIT_ACTION,
        actor=actor,
        organization=organization.code,
        hostname=hostname,
        editorial_board=board.code,
        sections=sections,
        translations=languages,
    )
    return home
