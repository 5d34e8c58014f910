"""Demo bulletins of the Loa channel, written for this project, walked through the real workflow.

Each sample goes exactly as far as its story says (live, under appraisal, returned with a notice,
waiting for the Ministry, a draft), by calling `loa.bulletins.workflow` as the staff would.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from loa.bulletins import workflow
from loa.bulletins.models import CHECKLIST, Conclusion, PublicationRequest, ScopeLevel
from loa.orgs.models import Organization
from loa.units.models import AdminUnit

FONT = Path(__file__).resolve().parent.parent / "bulletins" / "fonts" / "NotoSerif-Bold.ttf"


@dataclass
class Sample:
    sender: str
    author: str
    head: str
    title: str
    summary: str
    paragraphs: list[str]
    colour: tuple[int, int, int]
    scope_level: str = ScopeLevel.COMMUNE
    scope: list[str] = field(default_factory=list)
    age_min: int = 0
    age_max: int = 120
    genders: list[str] = field(default_factory=list)
    stage: str = "live"  # draft, submitted, returned, ministry, live
    appraiser: str = ""
    leader: str = ""


SAMPLES = [
    Sample(
        sender="UBND-26041", author="ubnd.tranbien.tacgia", head="ubnd.tranbien.chutich",
        title="Phường Trấn Biên ra quân làm sạch kênh rạch, phòng chống sốt xuất huyết",
        summary="Sáng Chủ nhật, hơn 300 đoàn viên, hội viên và người dân khu phố đã cùng thu gom rác,"
        " khơi thông dòng chảy và diệt lăng quăng dọc các tuyến kênh trên địa bàn phường.",
        paragraphs=[
            "Hưởng ứng chiến dịch vệ sinh môi trường, Ủy ban nhân dân phường Trấn Biên phối hợp với"
            " Ủy ban Mặt trận Tổ quốc phường tổ chức ra quân làm sạch kênh rạch.",
            "Người dân được hướng dẫn lật úp vật dụng chứa nước, thay nước bình hoa hằng tuần và"
            " đến ngay cơ sở y tế khi có biểu hiện sốt cao.",
        ],
        colour=(22, 110, 90), scope=["26041"], stage="live",
        appraiser="ca.tranbien.thamdinh", leader="ca.tranbien.truong",
    ),
    Sample(
        sender="DNI-STP", author="stp.tacgia", head="stp.lanhdao",
        title="Những điểm mới của Luật Căn cước người dân cần biết",
        summary="Thẻ căn cước thay cho thẻ căn cước công dân, cấp cho cả người dưới 14 tuổi;"
        " Sở Tư pháp tóm tắt những quy định thiết thực nhất.",
        paragraphs=[
            "Luật Căn cước quy định thẻ căn cước được cấp cho công dân Việt Nam, kể cả trẻ em dưới"
            " 14 tuổi theo nhu cầu.",
            "Người dân có thể dùng căn cước điện tử trên ứng dụng VNeID thay cho thẻ trong nhiều"
            " giao dịch hành chính.",
        ],
        colour=(25, 70, 140), scope_level=ScopeLevel.PROVINCE, scope=["75"], age_min=14,
        stage="live", appraiser="pc06.thamdinh", leader="pc06.lanhdao",
    ),
    Sample(
        sender="DNI-SVHTTDL", author="svh.tacgia", head="ubnd.quantri",
        title="Lễ hội văn hóa, ẩm thực Đồng Nai mời du khách trải nghiệm đặc sản vùng miền",
        summary="Hơn 100 gian hàng giới thiệu bưởi Tân Triều, hạt điều Bình Phước và các món"
        " ăn truyền thống của đồng bào các dân tộc.",
        paragraphs=["Lễ hội diễn ra tại Quảng trường tỉnh, vào cửa tự do."],
        colour=(170, 90, 20), scope_level=ScopeLevel.PROVINCE, scope=["75"], stage="draft",
    ),
    Sample(
        sender="UBND-26368", author="ubnd.longthanh.tacgia", head="ubnd.longthanh.chutich",
        title="Cảnh giác với lời mời đầu tư tiền ảo lãi suất cao",
        summary="Nhiều người dân xã Long Thành nhận tin nhắn mời đầu tư với lợi nhuận 30% mỗi tháng.",
        paragraphs=["Không chuyển tiền cho người lạ; trình báo Công an xã khi nghi ngờ lừa đảo."],
        colour=(120, 30, 60), scope=["26368"], age_min=18, stage="returned",
        appraiser="ca.longthanh.thamdinh", leader="ca.longthanh.truong",
    ),
    Sample(
        sender="DNI-STP", author="stp.tacgia", head="stp.lanhdao",
        title="Cảnh báo thủ đoạn giả danh cơ quan Công an gọi điện đe dọa người dân",
        summary="Đối tượng xưng là cán bộ Công an, yêu cầu chuyển tiền để “xác minh tài khoản”."
        " Cơ quan Công an không giải quyết vụ việc qua điện thoại.",
        paragraphs=["Người dân cần bình tĩnh, không làm theo yêu cầu và báo ngay cho Công an nơi gần nhất."],
        colour=(140, 20, 20), scope_level=ScopeLevel.NATIONAL, stage="ministry",
        appraiser="pc06.thamdinh", leader="pc06.lanhdao",
    ),
    Sample(
        sender="DNI-STP", author="stp.tacgia", head="stp.lanhdao",
        title="Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công",
        summary="Cha mẹ có thể làm thủ tục khai sinh cho con mà không phải đến trụ sở Ủy ban nhân dân.",
        paragraphs=["Chuẩn bị bản chụp giấy chứng sinh và đăng nhập bằng tài khoản định danh điện tử mức 2."],
        colour=(30, 100, 150), scope_level=ScopeLevel.PROVINCE, scope=["75"], stage="submitted",
    ),
]


def card_image(title: str, colour: tuple[int, int, int]):
    """A 1200×675 card: a colour gradient with the title, as an agency's designer might make."""
    image = Image.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(image)
    for y in range(675):
        shade = tuple(max(0, c - y // 12) for c in colour)
        draw.line([(0, y), (1200, y)], fill=shade)
    font = ImageFont.truetype(str(FONT), 54) if FONT.exists() else ImageFont.load_default()
    words, lines, line = title.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > 1040:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    for index, text in enumerate(lines[:5]):
        draw.text((80, 140 + index * 78), text, font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=title[:100], file=ImageFile(buffer, name="loa-demo.jpg")
    )


def load_channel_demo() -> int:
    """Create the samples that do not exist yet; returns how many were created."""
    users = {u.username: u for u in get_user_model().objects.all()}
    created = 0
    now = timezone.now()
    for number, sample in enumerate(SAMPLES, start=101):
        sender = Organization.objects.get(code=sample.sender)
        if PublicationRequest.objects.filter(sender=sender, title=sample.title).exists():
            continue
        request = PublicationRequest(
            sender=sender,
            title=sample.title,
            summary=sample.summary,
            body="".join(f"<p>{text}</p>" for text in sample.paragraphs),
            image=card_image(sample.title, sample.colour),
            image_alt=sample.title,
            author_name=users[sample.author].get_full_name(),
            source=sender.name,
            age_min=sample.age_min,
            age_max=sample.age_max,
            genders=sample.genders,
            scope_level=sample.scope_level,
            national_justification="Thủ đoạn diễn ra trên phạm vi cả nước."
            if sample.scope_level == ScopeLevel.NATIONAL
            else "",
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=30),
            letter_number=f"{number}/{sender.code}",
            letter_date=timezone.localdate(),
            letter_signer=users[sample.head].get_full_name(),
        )
        request.scope_units.set(AdminUnit.objects.filter(code__in=sample.scope))
        workflow.save_draft(users[sample.author], request)
        _advance(request, sample, users)
        created += 1
    return created


def _advance(request: PublicationRequest, sample: Sample, users: dict) -> None:
    if sample.stage == "draft":
        return
    workflow.submit(users[sample.head], request)
    if sample.stage == "submitted":
        return
    passes = sample.stage != "returned"
    workflow.appraise(
        users[sample.appraiser],
        request,
        {**dict.fromkeys(CHECKLIST, True), "presentable": passes},
        Conclusion.RECOMMEND_APPROVAL if passes else Conclusion.RECOMMEND_REFUSAL,
        remarks="" if passes else "Ảnh đại diện chưa bảo đảm thẩm mỹ; nội dung cần dẫn nguồn.",
    )
    leader = users[sample.leader]
    if sample.stage == "returned":
        workflow.refuse(
            leader,
            request,
            reasons="Ảnh đại diện chưa bảo đảm yêu cầu thẩm mỹ.\nBài viết chưa nêu nguồn thông tin.",
            requested_changes="Thay ảnh đại diện; bổ sung nguồn trích dẫn.",
            notice_number="1/TB-CAX",
            signer_name=leader.get_full_name(),
            signer_title=leader.job_title or "Trưởng Công an",
        )
        return
    workflow.approve(leader, request)
