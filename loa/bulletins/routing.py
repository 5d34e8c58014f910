"""Which police unit appraises a request: the province's routing table, applied.

Seed 001 (footnote 4), adapted to two-level local government: commune-level senders go to their
commune's police; provincial departments, central agencies located in the province and provincial
socio-political organizations go to the provincial police's PC06 division; a scope wider than the
receiving unit's jurisdiction goes to the unit whose jurisdiction covers it; a national scope is
appraised in the province and then approved by the Ministry's C06. The table itself is data
(`RoutingRule`); this module only applies it and explains what it did.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from loa.orgs.models import Kind, Organization
from loa.units.models import AdminUnit, Level

from .models import Handler, PublicationRequest, RoutingRule, ScopeLevel


@dataclass(frozen=True)
class Route:
    handler: Organization
    rule: RoutingRule | None
    explanation: str
    ministry_approval: bool


def rules_for(province: AdminUnit | None) -> list[RoutingRule]:
    """The province's own rules first, then the rules that apply everywhere."""
    rules = RoutingRule.objects.filter(Q(province__isnull=True) | Q(province=province))
    return sorted(rules, key=lambda rule: (rule.province_id is None, rule.priority, rule.pk))


def validate_scope(request: PublicationRequest, scope_units: list[AdminUnit]) -> None:
    """A request's areas must suit its scope level and lie in the sender's province.

    A province's police appraise for their own province only; what goes further is a national
    request.
    """
    sender_province = request.sender.unit.province
    if request.scope_level == ScopeLevel.NATIONAL:
        return
    if not scope_units:
        raise ValidationError({"scope_units": _("Choose at least one area.")})
    expected = Level.PROVINCE if request.scope_level == ScopeLevel.PROVINCE else Level.COMMUNE
    if any(unit.level != expected for unit in scope_units):
        raise ValidationError(
            {"scope_units": _("The areas must all be of the level the scope names.")}
        )
    if sender_province is None or any(unit.province_id != sender_province.pk for unit in scope_units):
        raise ValidationError(
            {
                "scope_units": _(
                    "The areas must lie in the sender's province; a wider reach needs a national"
                    " scope."
                )
            }
        )


def _police_at(kind: str, unit: AdminUnit) -> Organization | None:
    return Organization.objects.filter(kind=kind, unit=unit, is_active=True).first()


def _division_of(province: AdminUnit) -> Organization:
    """The PC06 division of the province, or the provincial police where none is registered."""
    handler = _police_at(Kind.POLICE_DIVISION, province) or _police_at(
        Kind.PROVINCIAL_POLICE, province
    )
    if handler is None:
        raise ValidationError(
            _("No provincial police unit of %(province)s is registered in Loa.")
            % {"province": province.name}
        )
    return handler


def route(request: PublicationRequest, scope_units: list[AdminUnit] | None = None) -> Route:
    """Decide which unit appraises `request`, by the first routing rule that matches."""
    sender = request.sender
    province = sender.unit.province
    if province is None:
        raise ValidationError(
            _("Only organizations of a province can submit requests to the Loa channel.")
        )
    if scope_units is None:
        scope_units = list(request.scope_units.all())
    validate_scope(request, scope_units)
    rule = next((r for r in rules_for(province) if r.matches(sender, request.scope_level)), None)
    if rule is None:
        raise ValidationError(_("No routing rule of the province applies to this request."))

    explanation = [_("Rule applied: %(rule)s.") % {"rule": rule.name}]
    if rule.handler == Handler.SENDER_COMMUNE_POLICE:
        handler = _police_at(Kind.COMMUNE_POLICE, sender.unit)
        if handler is None:
            raise ValidationError(
                _("No police unit of %(commune)s is registered in Loa.")
                % {"commune": sender.unit.name}
            )
    else:
        handler = _division_of(province)

    reach_is_wider = request.scope_level == ScopeLevel.NATIONAL or not all(
        handler.unit.contains(unit) for unit in scope_units
    )
    if reach_is_wider and handler.unit.level != Level.PROVINCE:
        handler = _division_of(province)
        explanation.append(
            _("The scope reaches beyond %(unit)s, so the unit covering it appraises.")
            % {"unit": sender.unit.name}
        )
    ministry_approval = rule.ministry_approval or request.scope_level == ScopeLevel.NATIONAL
    if ministry_approval:
        explanation.append(_("A national scope is then approved by the Ministry (C06)."))
    return Route(
        handler=handler,
        rule=rule,
        explanation=" ".join(explanation),
        ministry_approval=ministry_approval,
    )
