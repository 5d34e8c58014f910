"""Questions and answers (hỏi – đáp): a citizen asks a site's agency, which answers in public.

A question arrives through the site's form as received; an editor writes the answer and publishes
both, or hides the question (out of scope, abusive, a duplicate). Who asked, with the e-mail, phone
and address given, is personal data (Decree 13/2023): the site never shows it; only the agency's
editors see it, to reply.
"""

from __future__ import annotations

import html
import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from loa.portal.blocks import RICH_TEXT_FEATURES
from loa.search.text import fold

from .pages import QuestionIndexPage  # noqa: F401

MAX_SEARCH_WORDS = 8
_BLOCK_END = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>")


class QuestionQuerySet(models.QuerySet):
    def published(self) -> QuestionQuerySet:
        return self.filter(state=Question.State.PUBLISHED)

    def matching(self, query: str) -> QuestionQuerySet:
        """Questions whose title, content, field or answer hold every word of `query`, typed with
        or without diacritics."""
        words = fold(query).split()[:MAX_SEARCH_WORDS]
        questions = self
        for word in words:
            questions = questions.filter(search_text__contains=word)
        return questions


class Question(models.Model):
    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        PUBLISHED = "published", _("Answered and published")
        HIDDEN = "hidden", _("Refused or hidden")

    site = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    asker_name = models.CharField(_("full name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("question"), max_length=5000)
    field = models.CharField(
        _("field"),
        max_length=120,
        blank=True,
        help_text=_("The field the question concerns, such as civil status."),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.RECEIVED, editable=False
    )
    answer = RichTextField(_("answer"), features=RICH_TEXT_FEATURES, blank=True)
    answerer = models.CharField(
        _("answered by"),
        max_length=255,
        blank=True,
        help_text=_(
            "The agency or unit that answers, as the site shows it. Left empty: the site's agency."
        ),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    search_text = models.TextField(editable=False, default="")

    objects = QuestionQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("asker_name"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("address")]),
            ],
            heading=_("Who asks (never published)"),
        ),
        FieldPanel("title"),
        FieldPanel("content"),
        FieldPanel("field"),
        MultiFieldPanel([FieldPanel("answer"), FieldPanel("answerer")], heading=_("Answer")),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["site", "state", "-answered_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        searched = [self.title, self.content, self.field, self.answer_text]
        self.search_text = fold(" ".join(searched))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def answer_text(self) -> str:
        """The answer as plain text, its paragraphs kept apart by spaces (for excerpts and search)."""
        return " ".join(html.unescape(strip_tags(_BLOCK_END.sub(" ", self.answer))).split())

    @property
    def has_answer(self) -> bool:
        return bool(self.answer_text)

    def publish(self, user) -> None:
        """Publish the question with its answer. Only an answered question can be published."""
        if not self.has_answer:
            raise ValueError("A question is published with its answer.")
        self.state = self.State.PUBLISHED
        self.answered_at = timezone.now()
        self.answered_by = user
        self.hidden_reason = ""
        self.save(update_fields=["state", "answered_at", "answered_by", "hidden_reason"])

    def hide(self, reason: str) -> None:
        self.state = self.State.HIDDEN
        self.hidden_reason = reason
        self.save(update_fields=["state", "hidden_reason"])
