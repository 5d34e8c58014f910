"""The life of a publication request: the one state machine of the Loa channel.

    draft ──submit──▶ under appraisal ──appraise──▶ awaiting approval ──approve──▶ approved
      ▲                    (round N)                      │   └─(national)─▶ awaiting Ministry ─▶ approved
      └──── revise ◀── returned ◀──────── refuse ─────────┴──────────────────────┘
    approved ──withdraw──▶ withdrawn

Seed 000 sets the steps: the agency sends its letter and content (submit), the competent police
unit appraises content and form within N working days (appraise), its leader approves or refuses
(decide); a refusal goes back as a formal notice stating reasons and the changes requested, and the
agency revises and resubmits, which opens a new round whose deadline starts again.

Every transition checks the actor's role, changes the state with a conditional UPDATE on
(state, version), so that two concurrent actions cannot both succeed, and writes the audit log,
all in one transaction. Views and commands call these functions and never assign `state`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from loa.audit.log import record
from loa.orgs.access import holds
from loa.orgs.models import Kind, Organization, RoleAssignment
from loa.orgs.roles import Role, roles_implying
from loa.workdays.calendar import deadline_after

from . import audience, routing
from .models import (
    CHECKLIST,
    DEFAULT_APPRAISAL_WORKING_DAYS,
    Appraisal,
    ChannelPolicy,
    Conclusion,
    Decision,
    DecisionLevel,
    PublicationRequest,
    RejectionNotice,
    Round,
    State,
)

EDITABLE_STATES = {State.DRAFT, State.RETURNED}
# An official letter is valid in Vietnamese only, so its fixed wording is not translated.
NOTICE_TITLE = "Về việc đề nghị chỉnh sửa bài viết đăng trên ứng dụng VNeID"


class WorkflowError(ValidationError):
    """A step that is not allowed now, or not to this user; the message says which."""


# Who may do what ---------------------------------------------------------------------------------


def _orgs_where(user, role: Role) -> QuerySet:
    return RoleAssignment.objects.filter(
        user=user, role__in=roles_implying(role), organization__is_active=True
    ).values("organization")


def leads_ministry(user) -> bool:
    return RoleAssignment.objects.filter(
        user=user,
        role__in=roles_implying(Role.POLICE_LEADER),
        organization__kind=Kind.MINISTRY_POLICE,
        organization__is_active=True,
    ).exists()


def leads(user, handler: Organization | None) -> bool:
    """Leaders of the handling unit decide; for a division, so do the leaders of its police.

    Seed 000: the unit that appraised proposes, and the leadership of the provincial police (for
    its PC06 division) or of the local police (for their own unit) approves. A commune police unit
    is a unit of its own: the provincial leadership does not decide in its place.
    """
    if handler is None:
        return False
    return holds(user, handler, Role.POLICE_LEADER) or (
        handler.kind == Kind.POLICE_DIVISION
        and handler.parent_id is not None
        and holds(user, handler.parent, Role.POLICE_LEADER)
    )


def _handled_condition(user, handler: str = "handler") -> Q:
    """Requests whose `handler` (the current one, or `rounds__handler` for any round's) is a police
    unit `user` appraises for, or a division whose police `user` leads; for C06, national ones."""
    condition = Q(**{f"{handler}__in": _orgs_where(user, Role.POLICE_APPRAISER)}) | Q(
        **{
            f"{handler}__kind": Kind.POLICE_DIVISION,
            f"{handler}__parent__in": _orgs_where(user, Role.POLICE_LEADER),
        }
    )
    if leads_ministry(user):
        condition |= Q(rounds__ministry_approval=True)
    return condition


def handled_requests(user) -> QuerySet[PublicationRequest]:
    """The requests routed to the police units `user` works for (or, for C06, national ones)."""
    requests = PublicationRequest.objects.all()
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    if user.is_superuser:
        return requests
    return requests.filter(_handled_condition(user)).distinct()


def visible_requests(user) -> QuerySet[PublicationRequest]:
    """The requests `user` may see: their organization's own, and those routed to their unit.

    A unit keeps seeing a request it handled in an earlier round after a wider scope sent the next
    round elsewhere: its refusal and notice are part of the file. Only the current handler acts.
    Anything else answers 404 in the views, whatever its id.
    """
    requests = PublicationRequest.objects.all()
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    if user.is_superuser:
        return requests
    condition = (
        Q(sender__in=_orgs_where(user, Role.AGENCY_AUTHOR))
        | _handled_condition(user)
        | _handled_condition(user, "rounds__handler")
    )
    return requests.filter(condition).distinct()


def can_edit(user, request: PublicationRequest) -> bool:
    return request.state in EDITABLE_STATES and holds(user, request.sender, Role.AGENCY_AUTHOR)


def can_submit(user, request: PublicationRequest) -> bool:
    return request.state in EDITABLE_STATES and holds(user, request.sender, Role.AGENCY_HEAD)


def can_appraise(user, request: PublicationRequest) -> bool:
    return request.state == State.UNDER_APPRAISAL and holds(
        user, request.handler, Role.POLICE_APPRAISER
    )


def can_decide(user, request: PublicationRequest) -> bool:
    if request.state == State.AWAITING_APPROVAL:
        return leads(user, request.handler)
    if request.state == State.AWAITING_MINISTRY:
        return leads_ministry(user)
    return False


def can_withdraw(user, request: PublicationRequest) -> bool:
    return request.state == State.APPROVED and (
        leads(user, request.handler) or leads_ministry(user)
    )


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise WorkflowError(message)


def _move(request: PublicationRequest, expected: set[str], new_state: str, **fields) -> None:
    """Change the state only if nobody changed the request since it was read."""
    changed = PublicationRequest.objects.filter(
        pk=request.pk, state__in=expected, version=request.version
    ).update(state=new_state, version=F("version") + 1, updated_at=timezone.now(), **fields)
    if changed != 1:
        raise WorkflowError(
            _("Someone else acted on this request in the meantime; reload it and try again.")
        )
    request.refresh_from_db()


# Steps -------------------------------------------------------------------------------------------


def save_draft(user, request: PublicationRequest) -> PublicationRequest:
    """Save the agency's work on a request and keep it as a revision."""
    if request.pk is None:
        _require(
            holds(user, request.sender, Role.AGENCY_AUTHOR),
            _("Only authors of the sending organization can prepare its requests."),
        )
        request.created_by = user
        request.state = State.DRAFT
    else:
        _require(can_edit(user, request), _("This request cannot be changed now."))
    with transaction.atomic():
        request.full_clean()
        request.save()
        request.save_revision(user=user, clean=False)
        record(request, "loa.request.save", actor=user, state=request.state)
    return request


def appraisal_working_days(province) -> int:
    policy = ChannelPolicy.objects.filter(province=province).first()
    return policy.appraisal_working_days if policy else DEFAULT_APPRAISAL_WORKING_DAYS


def submit(user, request: PublicationRequest, now: datetime | None = None) -> Round:
    """The agency head sends the request; it is routed and a new round's deadline starts."""
    _require(
        can_submit(user, request),
        _("Only the head of the sending organization can submit a draft or returned request."),
    )
    if request.image_id is None:
        raise WorkflowError({"image": _("A representative image is required.")})
    request.full_clean()
    received_at = now or timezone.now()
    route = routing.route(request)
    days = appraisal_working_days(route.handler.unit.province or request.sender.unit.province)
    with transaction.atomic():
        revision = request.save_revision(user=user, clean=False)
        _move(request, EDITABLE_STATES, State.UNDER_APPRAISAL, handler=route.handler)
        number = request.rounds.count() + 1
        new_round = Round.objects.create(
            request=request,
            number=number,
            submitted_by=user,
            received_at=received_at,
            deadline=deadline_after(received_at, days),
            handler=route.handler,
            routing_rule=route.rule,
            routing_explanation=route.explanation,
            ministry_approval=route.ministry_approval,
            revision=revision,
        )
        record(
            request,
            "loa.request.submit",
            actor=user,
            round=number,
            handler=route.handler.code,
            rule=route.rule.name if route.rule else "",
            deadline=new_round.deadline.isoformat(),
        )
    return new_round


def appraise(
    user,
    request: PublicationRequest,
    checklist: Mapping[str, bool],
    conclusion: str,
    remarks: str = "",
) -> Appraisal:
    """Record the appraiser's checklist and conclusion; the leader decides next."""
    _require(
        can_appraise(user, request),
        _("Only an appraiser of the unit the request was routed to can appraise it now."),
    )
    if set(checklist) != set(CHECKLIST):
        raise WorkflowError(_("Every item of the checklist must be answered."))
    if conclusion == Conclusion.RECOMMEND_APPROVAL and not all(checklist.values()):
        raise WorkflowError(
            {"conclusion": _("Approval can only be recommended when every check passes.")}
        )
    if conclusion == Conclusion.RECOMMEND_REFUSAL and not remarks.strip():
        raise WorkflowError({"remarks": _("Say why refusal is recommended.")})
    with transaction.atomic():
        _move(request, {State.UNDER_APPRAISAL}, State.AWAITING_APPROVAL)
        appraisal = Appraisal.objects.create(
            round=request.current_round,
            appraiser=user,
            conclusion=conclusion,
            remarks=remarks.strip(),
            **{field: bool(checklist[field]) for field in CHECKLIST},
        )
        record(request, "loa.request.appraise", actor=user, conclusion=conclusion)
    return appraisal


def approve(user, request: PublicationRequest, now: datetime | None = None) -> Decision:
    """The leader approves; national requests then go to the Ministry, others are scheduled."""
    _require(can_decide(user, request), _("You cannot decide on this request now."))
    current = request.current_round
    at_ministry = request.state == State.AWAITING_MINISTRY
    moment = now or timezone.now()
    with transaction.atomic():
        if current.ministry_approval and not at_ministry:
            _move(request, {State.AWAITING_APPROVAL}, State.AWAITING_MINISTRY)
        else:
            _move(request, {request.state}, State.APPROVED, approved_at=moment)
            audience.write_targets(request)
        decision = Decision.objects.create(
            round=current,
            level=DecisionLevel.MINISTRY if at_ministry else DecisionLevel.UNIT,
            leader=user,
            approved=True,
            decided_at=moment,
        )
        record(request, "loa.request.approve", actor=user, level=decision.level)
    return decision


def refuse(
    user,
    request: PublicationRequest,
    *,
    reasons: str,
    requested_changes: str,
    notice_number: str,
    signer_name: str,
    signer_title: str,
    recipients: str = "",
    now: datetime | None = None,
) -> RejectionNotice:
    """The leader refuses: the request returns to the sender with a formal notice."""
    _require(can_decide(user, request), _("You cannot decide on this request now."))
    errors = {}
    if not reasons.strip():
        errors["reasons"] = _("State the reasons for refusal.")
    if not notice_number.strip():
        errors["notice_number"] = _("Give the notice its number.")
    if not signer_name.strip() or not signer_title.strip():
        errors["signer_name"] = _("Name the signer and their title.")
    if errors:
        raise WorkflowError(errors)
    at_ministry = request.state == State.AWAITING_MINISTRY
    issuer = notice_issuer(user, request)
    moment = now or timezone.now()
    with transaction.atomic():
        _move(request, {request.state}, State.RETURNED)
        decision = Decision.objects.create(
            round=request.current_round,
            level=DecisionLevel.MINISTRY if at_ministry else DecisionLevel.UNIT,
            leader=user,
            approved=False,
            reasons=reasons.strip(),
            requested_changes=requested_changes.strip(),
            decided_at=moment,
        )
        notice = RejectionNotice.objects.create(
            decision=decision,
            issuer=issuer,
            number=notice_number.strip(),
            place=_place_of(issuer),
            issued_on=timezone.localdate(moment),
            title=NOTICE_TITLE,
            reasons=reasons.strip(),
            requested_changes=requested_changes.strip(),
            signer_name=signer_name.strip(),
            signer_title=signer_title.strip(),
            recipients=recipients.strip() or request.sender.name,
        )
        record(request, "loa.request.refuse", actor=user, notice=notice.number)
    return notice


def withdraw(user, request: PublicationRequest, reason: str) -> None:
    """A leader takes an approved bulletin down before its window ends (gỡ bài)."""
    _require(can_withdraw(user, request), _("You cannot withdraw this bulletin."))
    if not reason.strip():
        raise WorkflowError({"reason": _("State why the bulletin is withdrawn.")})
    with transaction.atomic():
        _move(
            request,
            {State.APPROVED},
            State.WITHDRAWN,
            withdrawn_at=timezone.now(),
            withdrawal_reason=reason.strip(),
        )
        audience.clear_targets(request)
        record(request, "loa.request.withdraw", actor=user, reason=reason.strip())


def notice_issuer(user, request: PublicationRequest) -> Organization | None:
    """The organization in whose name `user` would refuse `request`: the Ministry or the handler."""
    return _ministry_of(user) if request.state == State.AWAITING_MINISTRY else request.handler


def _ministry_of(user) -> Organization | None:
    return Organization.objects.filter(
        kind=Kind.MINISTRY_POLICE,
        role_assignments__user=user,
        role_assignments__role__in=roles_implying(Role.POLICE_LEADER),
    ).first()


def _place_of(issuer: Organization) -> str:
    """The place name of a letter's date line (Decree 30): the province, or Hà Nội for the Ministry."""
    province = issuer.unit.province
    return province.name.removeprefix("Thành phố ") if province else "Hà Nội"
