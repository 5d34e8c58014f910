"""Proposals: articles of member sites offered to their province's portal (seed 003, item 4).

The member site's editors propose one of its live articles; the portal's editorial board accepts
it (choosing, if it likes, the portal section it belongs to) or refuses it with a reason. The
article stays where it was written: the portal shows its title, lead and picture and links to it
on its own site, the canonical place. States change only through `workflow`.

    proposed ──accept──▶ accepted
        │  └───refuse──▶ refused ──propose again──▶ proposed
        └─────withdraw─▶ withdrawn ◀──withdraw── accepted
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def _user(verbose_name) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class ProposalQuerySet(models.QuerySet):
    def shown_on(self, portal) -> ProposalQuerySet:
        """The accepted proposals `portal` shows, newest decision first.

        Only live articles of live sites: an article unpublished or a site taken down on its own
        side leaves the portal at once, with nothing to undo there.
        """
        return (
            self.filter(
                portal=portal,
                state=State.ACCEPTED,
                article__live=True,
                source__site__root_page__live=True,
            )
            .select_related("article", "source__organization")
            .defer("article__body")
            .order_by("-decided_at", "-pk")
        )


class Proposal(models.Model):
    """One member site's article proposed to its province's portal, and what became of it.

    One row per (article, portal): proposing again after a refusal or a withdrawal reopens it, and
    the audit log keeps every earlier step. Deleting the article deletes the proposal; unpublishing
    it hides the proposal from the portal, since the portal shows live articles only.
    """

    article = models.ForeignKey(
        "portal.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    source = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("source site"),
        on_delete=models.CASCADE,
        related_name="proposals_made",
        help_text=_("The member site where the article was written and stays published."),
    )
    portal = models.ForeignKey(
        "portal.PortalHomePage",
        verbose_name=_("portal"),
        on_delete=models.CASCADE,
        related_name="proposals_received",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PROPOSED
    )
    section = models.ForeignKey(
        "portal.SectionPage",
        verbose_name=_("portal section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where on the portal the article belongs, chosen by the editor who accepts it."
        ),
    )
    proposed_by = _user(_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed at"))
    decided_by = _user(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    withdrawn_by = _user(_("withdrawn by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "portal"], name="one_proposal_per_article_and_portal"
            )
        ]
        indexes = [models.Index(fields=["portal", "state", "-decided_at"])]

    def __str__(self) -> str:
        return self.article.title
