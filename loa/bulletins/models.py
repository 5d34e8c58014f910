"""The Loa channel: publication requests, their routing, appraisal rounds, decisions and notices.

A `PublicationRequest` is the agency's request letter together with the bulletin it asks to publish
(seed 001: "văn bản đề nghị kèm file mềm nội dung"). It moves through the states of
`loa.bulletins.workflow`, and only through the functions there. Each submission opens a `Round`:
the police unit it was routed to, the deadline in working days, the appraisal and the leader's
decision. When a request is approved its audience is written out as `AudienceTarget` rows, the
small indexed table the citizen feed reads.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin

from loa.orgs.models import Kind as OrgKind
from loa.orgs.models import Organization
from loa.units.models import AdminUnit, Level

MAX_AGE = 120


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNDER_APPRAISAL = "under_appraisal", _("Under appraisal")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting the leader's approval")
    AWAITING_MINISTRY = "awaiting_ministry", _("Awaiting the Ministry's approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for revision")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ScopeLevel(models.TextChoices):
    COMMUNE = "commune", _("Communes")
    PROVINCE = "province", _("Province")
    NATIONAL = "national", _("National")


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


DEFAULT_APPRAISAL_WORKING_DAYS = 6
DEFAULT_REMINDER_WORKING_DAYS = 1


class ChannelPolicy(models.Model):
    """A province's settings for the channel: seed 000 gives 10 working days, seed 001 six."""

    province = models.OneToOneField(
        AdminUnit,
        verbose_name=_("province"),
        on_delete=models.CASCADE,
        limit_choices_to={"level": Level.PROVINCE},
        related_name="channel_policy",
    )
    appraisal_working_days = models.PositiveSmallIntegerField(
        _("appraisal deadline (working days)"),
        default=DEFAULT_APPRAISAL_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        _("remind this many working days before the deadline"),
        default=DEFAULT_REMINDER_WORKING_DAYS,
        validators=[MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = _("channel policy")
        verbose_name_plural = _("channel policies")

    def __str__(self) -> str:
        return str(self.province)


class Handler(models.TextChoices):
    """Which police unit a routing rule sends a request to."""

    SENDER_COMMUNE_POLICE = "sender_commune_police", _("The police of the sender's commune")
    PROVINCE_DIVISION = "province_division", _("The provincial police's PC06 division")


class RoutingRule(models.Model):
    """One line of a province's routing table, kept as data so that a province can change it.

    Rules are tried in ascending priority; the first whose conditions hold decides. A rule with no
    province applies to every province that has no rule of its own for the case.
    """

    province = models.ForeignKey(
        AdminUnit,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        limit_choices_to={"level": Level.PROVINCE},
        related_name="routing_rules",
        help_text=_("Leave empty for a rule that applies in every province."),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=100)
    name = models.CharField(_("name"), max_length=200)
    sender_levels = models.JSONField(
        _("sender levels"),
        default=list,
        blank=True,
        help_text=_("Administrative levels of the sending organization; empty for any."),
    )
    sender_kinds = models.JSONField(
        _("sender kinds"),
        default=list,
        blank=True,
        help_text=_("Kinds of sending organization; empty for any."),
    )
    scope_levels = models.JSONField(
        _("scope levels"), default=list, blank=True, help_text=_("Empty for any scope.")
    )
    handler = models.CharField(_("handled by"), max_length=32, choices=Handler.choices)
    ministry_approval = models.BooleanField(
        _("the Ministry (C06) approves after the province"), default=False
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        for field, choices in (
            ("sender_levels", Level.choices),
            ("sender_kinds", OrgKind.choices),
            ("scope_levels", ScopeLevel.choices),
        ):
            value = getattr(self, field)
            allowed = {code for code, _label in choices}
            if not isinstance(value, list) or not set(value) <= allowed:
                # Name the choices as the form shows them, not by their stored codes.
                errors[field] = _("Choose among: %(choices)s.") % {
                    "choices": ", ".join(str(label) for _code, label in choices)
                }
        if errors:
            raise ValidationError(errors)

    def matches(self, sender: Organization, scope_level: str) -> bool:
        return (
            (not self.sender_levels or sender.unit.level in self.sender_levels)
            and (not self.sender_kinds or sender.kind in self.sender_kinds)
            and (not self.scope_levels or scope_level in self.scope_levels)
        )


class PublicationRequest(RevisionMixin, ClusterableModel):
    """An agency's request to publish one bulletin on the Loa channel.

    A cluster (django-modelcluster), so that each revision Wagtail keeps holds the areas and the
    attachments along with the text: appraisers compare rounds as a whole.
    """

    sender = models.ForeignKey(
        Organization,
        verbose_name=_("sending organization"),
        on_delete=models.PROTECT,
        related_name="publication_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # Bumped by every transition, so two concurrent actions cannot both succeed.
    version = models.PositiveIntegerField(default=0, editable=False)

    # The bulletin.
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("lead"), max_length=600)
    body = RichTextField(
        _("body"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "image", "embed", "hr"],
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("representative image"),
        null=True,
        blank=True,  # a draft may lack it; submitting requires it
        on_delete=models.PROTECT,
        related_name="+",
    )
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    author_name = models.CharField(_("author"), max_length=150)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the content or its images come from, as copyright law asks."),
    )

    # The audience and scope (seed 000: "đối tượng tuyên truyền", "phạm vi tuyên truyền").
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), default=0, validators=[MaxValueValidator(MAX_AGE)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), default=MAX_AGE, validators=[MaxValueValidator(MAX_AGE)]
    )
    genders = models.JSONField(
        _("genders"), default=list, blank=True, help_text=_("Empty means everyone.")
    )
    scope_level = models.CharField(_("scope"), max_length=16, choices=ScopeLevel.choices)
    scope_units = ParentalManyToManyField(
        AdminUnit, verbose_name=_("areas"), blank=True, related_name="+"
    )
    national_justification = models.TextField(
        _("why a national scope is needed"),
        blank=True,
        help_text=_("Required for a national scope: the Ministry decides on it."),
    )

    # The display window (seed 000: "thời gian đăng tin").
    starts_at = models.DateTimeField(_("display from"))
    ends_at = models.DateTimeField(_("display until"))
    notes = models.TextField(_("other notes"), blank=True)

    # The request letter.
    letter_number = models.CharField(_("letter number"), max_length=60, blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    letter_signer = models.CharField(_("letter signed by"), max_length=150, blank=True)

    comments_need_approval = models.BooleanField(
        _("comments wait for approval"),
        default=True,
        help_text=_("When off, citizens' comments appear at once unless a blocked word holds them."),
    )

    # Set by routing on submission; the current round holds the history.
    handler = models.ForeignKey(
        Organization,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_requests",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("publication request")
        verbose_name_plural = _("publication requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handler", "state"]), models.Index(fields=["sender", "state"])]

    def __str__(self) -> str:
        return self.title

    @property
    def current_round(self) -> Round | None:
        return self.rounds.order_by("-number").first()

    def is_live(self, at=None) -> bool:
        moment = at or timezone.now()
        return self.state == State.APPROVED and self.starts_at <= moment < self.ends_at

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The maximum age must not be below the minimum age.")
        if not isinstance(self.genders, list) or not set(self.genders) <= set(Gender.values):
            errors["genders"] = _("Choose genders among: %(choices)s.") % {
                "choices": ", ".join(str(label) for label in Gender.labels)
            }
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The display window must end after it starts.")
        if self.scope_level == ScopeLevel.NATIONAL and not self.national_justification.strip():
            errors["national_justification"] = _(
                "State why the bulletin must reach the whole country."
            )
        if errors:
            raise ValidationError(errors)


class Attachment(models.Model):
    request = ParentalKey(PublicationRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="loa/attachments/%Y/%m/")
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class Round(models.Model):
    """One submission of a request and what the police made of it."""

    request = models.ForeignKey(
        PublicationRequest, on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("received at"))
    deadline = models.DateTimeField(_("appraisal deadline"), db_index=True)
    handler = models.ForeignKey(
        Organization, verbose_name=_("handled by"), on_delete=models.PROTECT, related_name="+"
    )
    routing_rule = models.ForeignKey(
        RoutingRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    routing_explanation = models.TextField(_("why this unit"))
    ministry_approval = models.BooleanField(default=False)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("submitted revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("appraisal round")
        verbose_name_plural = _("appraisal rounds")
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="unique_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.request} – {self.number}"


# Seed 000's requirements for content and form, one checkbox each.
CHECKLIST = {
    "lawful": _("No breach of the law on the press or on propaganda"),
    "no_state_secrets": _("No state secrets"),
    "copyright_respected": _("Copyright respected"),
    "decent": _("No offence to fine customs, traditions and social morals"),
    "presentable": _("Presentation and representative image acceptable"),
}


class Conclusion(models.TextChoices):
    RECOMMEND_APPROVAL = "approve", _("Recommend approval")
    RECOMMEND_REFUSAL = "refuse", _("Recommend refusal")


class Appraisal(models.Model):
    """The appraiser's checklist and conclusion for one round (seed 000, step 2)."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="appraisal")
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lawful = models.BooleanField(CHECKLIST["lawful"])
    no_state_secrets = models.BooleanField(CHECKLIST["no_state_secrets"])
    copyright_respected = models.BooleanField(CHECKLIST["copyright_respected"])
    decent = models.BooleanField(CHECKLIST["decent"])
    presentable = models.BooleanField(CHECKLIST["presentable"])
    conclusion = models.CharField(_("conclusion"), max_length=16, choices=Conclusion.choices)
    remarks = models.TextField(_("remarks"), blank=True)
    appraised_at = models.DateTimeField(_("appraised at"), default=timezone.now)

    class Meta:
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")

    def passes_checklist(self) -> bool:
        return all(getattr(self, field) for field in CHECKLIST)


class DecisionLevel(models.TextChoices):
    UNIT = "unit", _("Leader of the appraising unit")
    MINISTRY = "ministry", _("Ministry (C06)")


class Decision(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="decisions")
    level = models.CharField(max_length=16, choices=DecisionLevel.choices)
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved = models.BooleanField(_("approved"))
    reasons = models.TextField(_("reasons"), blank=True)
    requested_changes = models.TextField(_("changes requested"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["round", "level"], name="one_decision_per_level")
        ]


class RejectionNotice(models.Model):
    """The formal notice a refusal sends back to the sender (seed 000, step 3; Decree 30/2020)."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="notice")
    issuer = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("number"), max_length=60)
    place = models.CharField(_("place"), max_length=100)
    issued_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    reasons = models.TextField(_("reasons"))
    requested_changes = models.TextField(_("changes requested"), blank=True)
    signer_name = models.CharField(_("signed by"), max_length=150)
    signer_title = models.CharField(_("signer's title"), max_length=150)
    recipients = models.TextField(_("recipients"))

    class Meta:
        verbose_name = _("rejection notice")
        verbose_name_plural = _("rejection notices")

    def __str__(self) -> str:
        return self.number


class AudienceTarget(models.Model):
    """Who may see an approved bulletin: one row per area of its scope.

    The feed reads only this table: rows of the citizen's communes, their provinces and the
    nation, inside the window, matching age and gender. Its size grows with bulletins times areas,
    never with citizens.
    """

    request = models.ForeignKey(
        PublicationRequest, on_delete=models.CASCADE, related_name="targets"
    )
    unit = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    age_min = models.PositiveSmallIntegerField()
    age_max = models.PositiveSmallIntegerField()
    for_male = models.BooleanField()
    for_female = models.BooleanField()
    published_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["unit", "-published_at", "-request"])]
        constraints = [
            models.UniqueConstraint(fields=["request", "unit"], name="one_target_per_area")
        ]


class MonthlyQuota(models.Model):
    """Seed 000: some departments write at least one bulletin a month."""

    organization = models.OneToOneField(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="quota"
    )
    bulletins_per_month = models.PositiveSmallIntegerField(
        _("bulletins per month"), default=1, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("monthly quota")
        verbose_name_plural = _("monthly quotas")

    def __str__(self) -> str:
        return f"{self.organization} – {self.bulletins_per_month}"
