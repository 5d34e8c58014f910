"""Demo legal documents and drafts for comment on the three demo sites.

`load_legal_demo()` writes a dozen documents into the province's portal (localhost), the Department
of Justice's site (stp.localhost) and Trấn Biên ward's site (tranbien.localhost), each with a
one-page PDF drawn here with fpdf2, and on the Department's site one open and one closed draft with
a couple of comments. The sites come from `loa.portal.demo.load_portal_demo()`; a site that is
missing is skipped. Records are found by number or title before they are made, so a second run
creates nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from fpdf import FPDF
from wagtail.documents import get_document_model

from loa.bulletins.letters import FONTS_DIR
from loa.portal.models import MemberSite
from loa.search.text import fold

from .models import Consultation, ConsultationComment, DocumentType, LegalDocument, SubjectArea
from .status import Status

FIELDS = [
    "Chuyển đổi số",
    "Đất đai",
    "Giáo dục và đào tạo",
    "Hành chính tư pháp",
    "Phổ biến, giáo dục pháp luật",
    "Tổ chức bộ máy",
    "Văn thư, lưu trữ",
    "Y tế",
]

PROVINCE = "Ủy ban nhân dân tỉnh Đồng Nai"
DEPARTMENT = "Sở Tư pháp tỉnh Đồng Nai"
WARD = "Ủy ban nhân dân phường Trấn Biên"

# (number, type, issuer, signer, issued, effective, expires, status set by hand, field, summary)
DOCUMENTS: dict[str, list[tuple]] = {
    "localhost": [
        (
            "42/2022/NĐ-CP",
            DocumentType.DECREE,
            "Chính phủ",
            "Vũ Đức Đam",
            date(2022, 6, 24),
            date(2022, 8, 1),
            date(2026, 7, 1),
            "",
            "Chuyển đổi số",
            "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.",
        ),
        (
            "30/2020/NĐ-CP",
            DocumentType.DECREE,
            "Chính phủ",
            "Nguyễn Xuân Phúc",
            date(2020, 3, 5),
            date(2020, 3, 5),
            None,
            "",
            "Văn thư, lưu trữ",
            "Về công tác văn thư.",
        ),
        (
            "13/2023/NĐ-CP",
            DocumentType.DECREE,
            "Chính phủ",
            "Trần Lưu Quang",
            date(2023, 4, 17),
            date(2023, 7, 1),
            None,
            "",
            "Chuyển đổi số",
            "Bảo vệ dữ liệu cá nhân.",
        ),
        (
            "18/2025/QĐ-UBND",
            DocumentType.DECISION,
            PROVINCE,
            "Nguyễn Văn Hải",
            date(2025, 8, 12),
            date(2025, 8, 25),
            None,
            Status.PARTLY_EXPIRED,
            "Đất đai",
            "Ban hành quy định hạn mức giao đất, công nhận quyền sử dụng đất ở trên địa bàn tỉnh Đồng Nai.",
        ),
        (
            "07/CT-UBND",
            DocumentType.DIRECTIVE,
            PROVINCE,
            "Nguyễn Văn Hải",
            date(2026, 3, 18),
            None,
            None,
            "",
            "Chuyển đổi số",
            "Về đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến trên địa bàn tỉnh.",
        ),
        (
            "215/KH-UBND",
            DocumentType.PLAN,
            PROVINCE,
            "Lê Thị Thanh Hà",
            date(2026, 10, 2),
            None,
            None,
            "",
            "Giáo dục và đào tạo",
            "Triển khai chương trình chuyển đổi số trong các trường phổ thông trên địa bàn tỉnh năm học 2026 – 2027.",
        ),
        (
            "32/2026/QĐ-UBND",
            DocumentType.DECISION,
            PROVINCE,
            "Nguyễn Văn Hải",
            date(2026, 11, 20),
            date(2027, 1, 1),
            None,
            "",
            "Tổ chức bộ máy",
            "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng Ủy ban nhân dân tỉnh Đồng Nai.",
        ),
    ],
    "stp.localhost": [
        (
            "12/2026/QĐ-UBND",
            DocumentType.DECISION,
            PROVINCE,
            "Lê Thị Thanh Hà",
            date(2026, 4, 8),
            date(2026, 4, 20),
            None,
            "",
            "Hành chính tư pháp",
            "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Đồng Nai.",
        ),
        (
            "45/KH-STP",
            DocumentType.PLAN,
            DEPARTMENT,
            "Phạm Minh Tuấn",
            date(2026, 1, 15),
            None,
            None,
            "",
            "Phổ biến, giáo dục pháp luật",
            "Phổ biến, giáo dục pháp luật và hòa giải ở cơ sở năm 2026.",
        ),
        (
            "1280/STP-HCTP",
            DocumentType.OFFICIAL_LETTER,
            DEPARTMENT,
            "Trần Thị Minh Thu",
            date(2026, 9, 3),
            None,
            None,
            "",
            "Hành chính tư pháp",
            "Hướng dẫn cấp phiếu lý lịch tư pháp trên ứng dụng VNeID cho công dân trên địa bàn tỉnh.",
        ),
        (
            "08/HD-STP",
            DocumentType.GUIDANCE,
            DEPARTMENT,
            "Phạm Minh Tuấn",
            date(2025, 7, 10),
            None,
            date(2026, 1, 1),
            "",
            "Hành chính tư pháp",
            "Hướng dẫn nghiệp vụ đăng ký, quản lý hộ tịch tại cấp xã sau khi sắp xếp đơn vị hành chính.",
        ),
    ],
    "tranbien.localhost": [
        (
            "156/TB-UBND",
            DocumentType.NOTICE,
            WARD,
            "Đỗ Văn Long",
            date(2026, 11, 10),
            None,
            None,
            "",
            "Đất đai",
            "Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân phường tháng 12 năm 2026.",
        ),
        (
            "88/KH-UBND",
            DocumentType.PLAN,
            WARD,
            "Đỗ Văn Long",
            date(2026, 6, 5),
            None,
            None,
            "",
            "Y tế",
            "Phòng, chống sốt xuất huyết trên địa bàn phường Trấn Biên năm 2026.",
        ),
        (
            "23/QĐ-UBND",
            DocumentType.DECISION,
            WARD,
            "Nguyễn Thị Lan",
            date(2026, 7, 1),
            None,
            None,
            "",
            "Tổ chức bộ máy",
            "Thành lập Tổ công nghệ số cộng đồng phường Trấn Biên.",
        ),
    ],
}

CONSULTATIONS = [
    {
        "title": "Dự thảo Quyết định quy định quản lý hoạt động trợ giúp pháp lý trên địa bàn tỉnh Đồng Nai",
        "agency": DEPARTMENT,
        "summary": (
            "Sở Tư pháp lấy ý kiến góp ý của tổ chức, cá nhân đối với dự thảo quy định phối hợp thực hiện "
            "trợ giúp pháp lý cho người được trợ giúp pháp lý trên địa bàn tỉnh."
        ),
        "body": (
            "<h2>Nội dung lấy ý kiến</h2><p>Dự thảo gồm 4 chương, 18 điều, quy định trách nhiệm phối hợp "
            "giữa Trung tâm Trợ giúp pháp lý nhà nước với các cơ quan tiến hành tố tụng, Ủy ban nhân dân cấp xã "
            "và các tổ chức tham gia trợ giúp pháp lý.</p><p>Ý kiến góp ý gửi trực tiếp qua biểu mẫu dưới đây.</p>"
        ),
        "opens": -10,
        "closes": 20,
        "comments": [
            (
                "Lê Hoàng Nam",
                "hoangnam@example.vn",
                "Đoàn Luật sư tỉnh Đồng Nai",
                "Đề nghị bổ sung quy định về thời hạn cử người thực hiện trợ giúp pháp lý trong vụ án hình sự.",
            ),
            (
                "Nguyễn Thị Mai",
                "mainguyen@example.vn",
                "",
                "Nên quy định rõ việc tiếp nhận yêu cầu trợ giúp pháp lý trên Cổng dịch vụ công.",
            ),
        ],
    },
    {
        "title": "Dự thảo Kế hoạch phổ biến, giáo dục pháp luật giai đoạn 2026 – 2030",
        "agency": DEPARTMENT,
        "summary": "Lấy ý kiến về các nhiệm vụ, giải pháp phổ biến, giáo dục pháp luật giai đoạn 2026 – 2030.",
        "body": "<p>Dự thảo kế hoạch gồm 6 nhóm nhiệm vụ và danh mục chương trình truyền thông pháp luật.</p>",
        "opens": -60,
        "closes": -30,
        "comments": [
            (
                "Trần Văn Bình",
                "binhtran@example.vn",
                "Ủy ban nhân dân phường Trấn Biên",
                "Đề nghị tăng cường phổ biến pháp luật qua hệ thống loa truyền thanh cơ sở.",
            ),
        ],
    },
]


def _pdf(heading: str, number: str, summary: str) -> bytes:
    """A one-page PDF standing in for the scanned document; Noto Serif draws the Vietnamese."""
    pdf = FPDF(format="A4")
    pdf.add_font("NotoSerif", "", str(FONTS_DIR / "NotoSerif-Regular.ttf"))
    pdf.add_font("NotoSerif", "B", str(FONTS_DIR / "NotoSerif-Bold.ttf"))
    pdf.add_page()
    line = {"w": 0, "h": 7, "new_x": "LMARGIN", "new_y": "NEXT"}
    pdf.set_font("NotoSerif", "B", 12)
    pdf.multi_cell(text=heading.upper(), align="C", **line)
    pdf.set_font("NotoSerif", "", 12)
    pdf.multi_cell(text=f"Số: {number}", align="C", **line)
    pdf.ln(6)
    pdf.multi_cell(text=summary, **line)
    pdf.ln(6)
    pdf.multi_cell(text="(Bản minh họa của dữ liệu mẫu Loa.)", **line)
    return bytes(pdf.output())


def _attach(record, member: MemberSite, title: str, filename: str, pdf: bytes) -> None:
    document = get_document_model()(
        title=title[:255],
        collection=member.collection,
        file=ContentFile(pdf, name=f"{filename}.pdf"),
    )
    document._set_document_file_metadata()
    document.save()
    record.files.add(document)


def _documents(member: MemberSite, rows: list[tuple], fields: dict[str, SubjectArea]) -> int:
    created = 0
    for number, kind, issuer, signer, issued, effective, expires, override, field, summary in rows:
        if LegalDocument.objects.filter(site=member, number=number).exists():
            continue
        document = LegalDocument(
            site=member,
            number=number,
            document_type=kind,
            issuer=issuer,
            signer=signer,
            issued_on=issued,
            effective_on=effective,
            expires_on=expires,
            status_override=override,
            subject_area=fields[field],
            summary=summary,
        )
        document.full_clean()
        document.save()
        with translation.override("vi"):
            kind_name = str(document.get_document_type_display())
        pdf = _pdf(f"{kind_name} của {issuer}", number, summary)
        _attach(document, member, f"{kind_name} {number}", slugify(fold(number)), pdf)
        created += 1
    return created


def _consultations(member: MemberSite) -> int:
    created = 0
    now = timezone.now()
    for spec in CONSULTATIONS:
        if Consultation.objects.filter(site=member, title=spec["title"]).exists():
            continue
        draft = Consultation.objects.create(
            site=member,
            title=spec["title"],
            drafting_agency=spec["agency"],
            summary=spec["summary"],
            body=spec["body"],
            opens_at=now + timedelta(days=spec["opens"]),
            closes_at=now + timedelta(days=spec["closes"]),
        )
        pdf = _pdf(spec["agency"], "Dự thảo", spec["title"])
        _attach(draft, member, spec["title"], f"du-thao-{draft.pk}", pdf)
        for name, email, organization, content in spec["comments"]:
            ConsultationComment.objects.create(
                consultation=draft,
                name=name,
                email=email,
                organization=organization,
                content=content,
            )
        created += 1 + len(spec["comments"])
    return created


def load_legal_demo() -> int:
    """Fill the demo sites with documents and drafts; returns how many records were made."""
    created = 0
    fields = {}
    for name in FIELDS:
        fields[name], made = SubjectArea.objects.get_or_create(name=name)
        created += made
    sites = {m.site.hostname: m for m in MemberSite.objects.select_related("site", "collection")}
    for hostname, rows in DOCUMENTS.items():
        member = sites.get(hostname)
        if member is None:
            continue
        with transaction.atomic():
            created += _documents(member, rows, fields)
            if hostname == "stp.localhost":
                created += _consultations(member)
    return created
