"""The demo's proposals: articles of the Department of Justice and of Trấn Biên ward offered to
Đồng Nai's portal, most accepted, one refused with its reason, one waiting for the board.

Runs after `loa.portal.demo.load_portal_demo()` and the demo accounts, through the real workflow:
the system administrator proposes for the member sites (they have no editor accounts in the demo)
and the portal's editor-in-chief decides. An article already proposed is left as it is, so a
second run creates nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from loa.portal.models import MemberSite
from loa.portal.pages import ArticlePage, SectionPage

from . import workflow
from .models import Proposal

PROPOSER = "quantri"
PORTAL_CHIEF = "bbt.tongbientap"

ACCEPT = "accept"
REFUSE = "refuse"
PENDING = "pending"

# (member site, article slug, decision, portal section slug or refusal reason), oldest first.
PROPOSALS = [
    ("stp.localhost", "tro-giup-phap-ly-luu-dong", ACCEPT, "tin-tuc"),
    ("tranbien.localhost", "tiem-vac-xin-soi-tre-1-den-5-tuoi", ACCEPT, "tin-tuc"),
    (
        "stp.localhost",
        "huong-dan-dang-ky-khai-sinh-truc-tuyen",
        REFUSE,
        (
            "Bài viết hướng dẫn thủ tục hành chính, không phải tin hoạt động. Đề nghị Sở cập nhật"
            " nội dung vào thủ tục “Đăng ký khai sinh” tại chuyên mục Thủ tục hành chính của Cổng"
            " để người dân tra cứu tập trung."
        ),
    ),
    ("tranbien.localhost", "ngay-hoi-van-hoa-cac-khu-pho", ACCEPT, None),
    ("stp.localhost", "ngay-phap-luat-tu-van-mien-phi", ACCEPT, "tin-tuc"),
    ("tranbien.localhost", "ra-quan-lam-sach-kenh-rach", PENDING, None),
]


def load_syndication_demo() -> int:
    """Propose and decide the demo's articles; returns how many proposals were made."""
    users = (
        get_user_model()
        .objects.filter(username__in=[PROPOSER, PORTAL_CHIEF])
        .in_bulk(field_name="username")
    )
    proposer = users.get(PROPOSER)
    if proposer is None:
        return 0
    chief = users.get(PORTAL_CHIEF, proposer)
    created = 0
    for hostname, slug, decision, detail in PROPOSALS:
        member = MemberSite.objects.filter(site__hostname=hostname).select_related("site").first()
        if member is None:
            continue
        article = (
            ArticlePage.objects.live()
            .descendant_of(member.site.root_page)
            .filter(slug=slug)
            .first()
        )
        if article is None or Proposal.objects.filter(article=article).exists():
            continue
        with transaction.atomic():
            proposal = workflow.propose(proposer, article)
            if decision == ACCEPT:
                section = (
                    SectionPage.objects.descendant_of(proposal.portal).filter(slug=detail).first()
                )
                workflow.accept(chief, proposal, section)
            elif decision == REFUSE:
                workflow.refuse(chief, proposal, detail)
        created += 1
    return created
