"""Who may propose an article to the province's portal, who decides, and the steps themselves.

The province's portal is the site of its People's Committee; every other site of the province is
a member site whose editors may offer their articles to it (seed 003, item 4: units write news for
the city's portal as well as their own). Editors and editors-in-chief act for a site; reporters
write, but a site's voice towards the portal is its editors'.

Each step checks the actor, changes the state with a conditional UPDATE on the state read, so that
of two editors deciding at once only the first succeeds, and writes the audit log, all in one
transaction. Views call these functions and never assign `state`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from loa.audit.log import record
from loa.orgs.models import Kind
from loa.orgs.roles import Role
from loa.portal.caching import clear_pages
from loa.portal.membership import sites_edited_by
from loa.portal.models import MemberSite
from loa.portal.pages import ArticlePage, PortalHomePage, SectionPage
from loa.units.models import Level

from .models import Proposal, State

# The roles that speak for a site towards the portal, and decide on the portal's side.
EDITOR_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)
# Audit actions, registered in wagtail_hooks.
AUDIT_ACTIONS = {
    "propose": "loa.syndication.propose",
    "accept": "loa.syndication.accept",
    "refuse": "loa.syndication.refuse",
    "withdraw": "loa.syndication.withdraw",
}
REOPENABLE = {State.REFUSED, State.WITHDRAWN}
WITHDRAWABLE = {State.PROPOSED, State.ACCEPTED}


class WorkflowError(ValidationError):
    """A step that is not allowed now, or not to this user; the message says which."""


# Sites and portals -------------------------------------------------------------------------------

PROVINCIAL_PORTAL = Q(
    organization__kind=Kind.PEOPLES_COMMITTEE, organization__unit__level=Level.PROVINCE
)


def source_site(article: Page) -> MemberSite | None:
    """The member site whose tree holds `article`."""
    return (
        MemberSite.objects.filter(site__root_page__in=Page.objects.ancestor_of(article))
        .select_related("organization__unit", "site")
        .first()
    )


def portal_for(site: MemberSite) -> PortalHomePage | None:
    """The home page of the portal of `site`'s province, or None for the portal itself (or when
    the province has no portal yet)."""
    portal = (
        MemberSite.objects.filter(
            PROVINCIAL_PORTAL, organization__unit=site.organization.unit.province_id
        )
        .exclude(pk=site.pk)
        .values_list("site__root_page", flat=True)
        .first()
    )
    return (
        PortalHomePage.objects.filter(pk=portal).select_related("organization").first()
        if portal
        else None
    )


def edited_sites(user) -> QuerySet[MemberSite]:
    """The sites `user` speaks for as an editor or editor-in-chief."""
    return sites_edited_by(user, roles=EDITOR_ROLES)


def edited_portals(user) -> QuerySet[PortalHomePage]:
    """The province portals whose editors `user` is one of."""
    return PortalHomePage.objects.filter(
        pk__in=edited_sites(user).filter(PROVINCIAL_PORTAL).values("site__root_page")
    )


def proposals_to_decide(user) -> QuerySet[Proposal]:
    """Proposals received by the portals `user` edits, whatever their state."""
    return Proposal.objects.filter(portal__in=edited_portals(user))


def visible_proposals(user) -> QuerySet[Proposal]:
    """Proposals `user` may see: those of the sites they edit and those their portal received.

    Anything else answers 404 in the admin, whatever its id.
    """
    if not user.is_authenticated or not user.is_active:
        return Proposal.objects.none()
    return Proposal.objects.filter(
        Q(source__in=edited_sites(user)) | Q(portal__in=edited_portals(user))
    )


def portal_sections(portal: PortalHomePage) -> QuerySet[SectionPage]:
    """The sections of `portal` an accepted article may be filed under."""
    return SectionPage.objects.live().descendant_of(portal).order_by("path")


# Who may do what ---------------------------------------------------------------------------------


def _edits(user, site: MemberSite) -> bool:
    return user.is_active and edited_sites(user).filter(pk=site.pk).exists()


def _edits_portal(user, portal: PortalHomePage) -> bool:
    return user.is_active and edited_portals(user).filter(pk=portal.pk).exists()


def can_propose(user, article: ArticlePage) -> bool:
    """Whether `user` may offer `article` to its province's portal now.

    The article must be live on a member site `user` edits, the province must have a portal other
    than that site, and the article must not already be proposed or accepted there.
    """
    if not article.live:
        return False
    site = source_site(article)
    if site is None or not _edits(user, site):
        return False
    portal = portal_for(site)
    if portal is None:
        return False
    return (
        not Proposal.objects.filter(article=article, portal=portal)
        .exclude(state__in=REOPENABLE)
        .exists()
    )


def can_decide(user, proposal: Proposal) -> bool:
    return proposal.state == State.PROPOSED and _edits_portal(user, proposal.portal)


def can_withdraw(user, proposal: Proposal) -> bool:
    return proposal.state in WITHDRAWABLE and _edits(user, proposal.source)


def _move(proposal: Proposal, expected: set[str], **fields) -> None:
    """Change the proposal only if its state is still one of `expected`."""
    changed = Proposal.objects.filter(pk=proposal.pk, state__in=expected).update(**fields)
    if changed != 1:
        raise WorkflowError(
            _("Someone else acted on this proposal in the meantime; reload it and try again.")
        )
    proposal.refresh_from_db()
    # An update sends no post_save: empty the pages cache as saving a proposal would.
    clear_pages()


# Steps -------------------------------------------------------------------------------------------


def propose(user, article: ArticlePage) -> Proposal:
    """Offer a live article of `user`'s site to its province's portal (or offer it again)."""
    if not can_propose(user, article):
        raise WorkflowError(
            _(
                "Only editors of the article's member site can propose it to the province's portal,"
                " once it is published and unless it is already proposed or accepted there."
            )
        )
    site = source_site(article)
    portal = portal_for(site)
    now = timezone.now()
    opened = {
        "state": State.PROPOSED,
        "source": site,
        "proposed_by": user,
        "proposed_at": now,
        "section": None,
        "decided_by": None,
        "decided_at": None,
        "refusal_reason": "",
        "withdrawn_by": None,
        "withdrawn_at": None,
    }
    with transaction.atomic():
        proposal = Proposal.objects.filter(article=article, portal=portal).first()
        if proposal is None:
            try:
                with transaction.atomic():
                    proposal = Proposal.objects.create(article=article, portal=portal, **opened)
            except IntegrityError:
                raise WorkflowError(_("This article was just proposed by someone else.")) from None
        else:
            _move(proposal, REOPENABLE, **opened)
        record(proposal, AUDIT_ACTIONS["propose"], actor=user, article=article.pk, portal=portal.pk)
    return proposal


def accept(user, proposal: Proposal, section: SectionPage | None = None) -> None:
    """The portal's editor accepts: the article appears on the portal, in `section` if given."""
    if not can_decide(user, proposal):
        raise WorkflowError(_("You cannot decide on this proposal now."))
    if section is not None and not portal_sections(proposal.portal).filter(pk=section.pk).exists():
        raise WorkflowError({"section": _("Choose a section of this portal.")})
    with transaction.atomic():
        _move(
            proposal,
            {State.PROPOSED},
            state=State.ACCEPTED,
            section=section,
            decided_by=user,
            decided_at=timezone.now(),
        )
        record(
            proposal, AUDIT_ACTIONS["accept"], actor=user, section=section.pk if section else None
        )


def refuse(user, proposal: Proposal, reason: str) -> None:
    """The portal's editor refuses, saying why; the member site reads the reason."""
    if not can_decide(user, proposal):
        raise WorkflowError(_("You cannot decide on this proposal now."))
    reason = reason.strip()
    if not reason:
        raise WorkflowError({"reason": _("State the reason for refusal.")})
    with transaction.atomic():
        _move(
            proposal,
            {State.PROPOSED},
            state=State.REFUSED,
            refusal_reason=reason,
            decided_by=user,
            decided_at=timezone.now(),
        )
        record(proposal, AUDIT_ACTIONS["refuse"], actor=user, reason=reason)


def withdraw(user, proposal: Proposal) -> None:
    """The member site takes its proposal back, before or after the decision."""
    if not can_withdraw(user, proposal):
        raise WorkflowError(_("You cannot withdraw this proposal now."))
    with transaction.atomic():
        _move(
            proposal,
            WITHDRAWABLE,
            state=State.WITHDRAWN,
            withdrawn_by=user,
            withdrawn_at=timezone.now(),
        )
        record(proposal, AUDIT_ACTIONS["withdraw"], actor=user)
