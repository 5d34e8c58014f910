"""What a site is called, after the organization that owns it.

The province's People's Committee owns the portal (Cổng thông tin điện tử tỉnh ...); departments
and communes own member sites (Trang thông tin điện tử ...). A People's Committee's site is named
after its place ("phường Trấn Biên"), anyone else's after the organization ("Sở Tư pháp tỉnh Đồng
Nai"). These names are data shown to the public, in Vietnamese like the rest of the content.
"""

from __future__ import annotations

from loa.orgs.models import Kind, Organization
from loa.units.models import Kind as UnitKind
from loa.units.models import Level

PORTAL = "Cổng thông tin điện tử"
MEMBER_SITE = "Trang thông tin điện tử"
EDITORIAL_BOARD = "Ban Biên tập"

# Province-level units whose official name carries no word for their kind ("Đồng Nai").
_PROVINCE_WORD = {UnitKind.PROVINCE: "tỉnh", UnitKind.CENTRAL_CITY: "thành phố"}


def owns_provincial_portal(organization: Organization) -> bool:
    return organization.kind == Kind.PEOPLES_COMMITTEE and organization.unit.level == Level.PROVINCE


def place_name(organization: Organization) -> str:
    """ "tỉnh Đồng Nai", "phường Trấn Biên": the place, as it reads inside a sentence."""
    unit = organization.unit
    word = _PROVINCE_WORD.get(unit.kind)
    if word:
        return f"{word} {unit.name}"
    return unit.name[:1].lower() + unit.name[1:]


def site_name(organization: Organization) -> str:
    kind = PORTAL if owns_provincial_portal(organization) else MEMBER_SITE
    if organization.kind == Kind.PEOPLES_COMMITTEE:
        return f"{kind} {place_name(organization)}"
    return f"{kind} {organization.name}"


def board_name(organization: Organization) -> str:
    return f"{EDITORIAL_BOARD} {site_name(organization)}"
