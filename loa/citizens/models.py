"""What citizens do with a bulletin: reactions, comments, views, and the counters shown beside it.

Citizens are known here only by a keyed pseudonym of their identity number (Decree 13/2023), never
by the number itself. Reactions and comments are durable rows written at once; view counts are
buffered in the cache and flushed into `BulletinStats` (see `loa.citizens.counters`), so that a
popular bulletin never becomes a row every reader updates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from loa.bulletins.models import Gender, PublicationRequest
from loa.units.models import AdminUnit

COMMENT_MAX_LENGTH = 2000
PSEUDONYM_LENGTH = 64  # a hex SHA-256


class ReactionKind(models.TextChoices):
    LIKE = "like", _("Like")
    LOVE = "love", _("Love")
    THANKS = "thanks", _("Thanks")
    CONCERNED = "concerned", _("Concerned")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")
    HELD = "held", _("Held by the block list")


class AgeBand(models.TextChoices):
    """Coarse ages for the agency's statistics, too coarse to single anyone out."""

    UNDER_18 = "0-17", _("Under 18")
    FROM_18 = "18-24", "18–24"
    FROM_25 = "25-34", "25–34"
    FROM_35 = "35-44", "35–44"
    FROM_45 = "45-54", "45–54"
    FROM_55 = "55-64", "55–64"
    FROM_65 = "65+", _("65 and over")


_BAND_FLOORS = [
    (65, AgeBand.FROM_65),
    (55, AgeBand.FROM_55),
    (45, AgeBand.FROM_45),
    (35, AgeBand.FROM_35),
    (25, AgeBand.FROM_25),
    (18, AgeBand.FROM_18),
]


def age_band(age: int) -> str:
    """The band an age falls in."""
    return next(
        (band.value for floor, band in _BAND_FLOORS if age >= floor), AgeBand.UNDER_18.value
    )


class ReaderProfile(models.Model):
    """Who read or wrote, coarsely: for the agency's statistics, never shown beside a comment."""

    commune = models.ForeignKey(
        AdminUnit,
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)

    class Meta:
        abstract = True


class Reaction(models.Model):
    """A citizen's one reaction to a bulletin; reacting again replaces it."""

    request = models.ForeignKey(
        PublicationRequest,
        verbose_name=_("bulletin"),
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    citizen = models.CharField(_("citizen (pseudonym)"), max_length=PSEUDONYM_LENGTH)
    kind = models.CharField(_("reaction"), max_length=16, choices=ReactionKind.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["request", "citizen"], name="one_reaction_per_citizen")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Comment(ReaderProfile):
    """A citizen's comment; the audience fields feed the agency's statistics, not the public."""

    request = models.ForeignKey(
        PublicationRequest,
        verbose_name=_("bulletin"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    citizen = models.CharField(_("citizen (pseudonym)"), max_length=PSEUDONYM_LENGTH)
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The public listing: one bulletin's published comments, newest first, by keyset.
            models.Index(
                fields=["request", "status", "-created_at", "-id"], name="citizens_comment_listing"
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.body).chars(60)


class BlockedWord(models.Model):
    """A word or phrase that holds a comment for a moderator; matched ignoring case and marks."""

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class BulletinView(ReaderProfile):
    """A distinct reader of a bulletin, with the breakdown the agency's dashboard reports."""

    request = models.ForeignKey(
        PublicationRequest,
        verbose_name=_("bulletin"),
        on_delete=models.CASCADE,
        related_name="readers",
    )
    citizen = models.CharField(_("citizen (pseudonym)"), max_length=PSEUDONYM_LENGTH)
    first_viewed_at = models.DateTimeField(_("first viewed at"), default=timezone.now)

    class Meta:
        verbose_name = _("bulletin reader")
        verbose_name_plural = _("bulletin readers")
        constraints = [
            models.UniqueConstraint(fields=["request", "citizen"], name="one_view_per_citizen")
        ]


class BulletinStats(models.Model):
    """The counts shown beside a bulletin, written only by `loa.citizens.counters`."""

    request = models.OneToOneField(
        PublicationRequest,
        verbose_name=_("bulletin"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="stats",
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)
    reactions = models.PositiveIntegerField(_("reactions"), default=0)
    comments = models.PositiveIntegerField(_("published comments"), default=0)

    class Meta:
        verbose_name = _("bulletin statistics")
        verbose_name_plural = _("bulletin statistics")

    def __str__(self) -> str:
        return str(self.request_id)
