"""Rejection notices rendered as Decree 30/2020/NĐ-CP letters, in DOCX and PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from loa.bulletins.letters import (
    ascii_slug,
    balanced_lines,
    compose,
    format_issue_date,
    format_number,
    format_short_date,
    notice_filename,
    render_docx,
    render_pdf,
)
from loa.bulletins.models import (
    Decision,
    DecisionLevel,
    PublicationRequest,
    RejectionNotice,
    Round,
    ScopeLevel,
)
from loa.orgs.models import Kind
from tests.factories import make_org, make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PC06_NAME = "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"
SENDER_NAME = "Sở Tư pháp tỉnh Đồng Nai"
HOSTILE = "<script>alert('x')</script> <b>đậm</b> **không đậm** &amp;"


def make_notice(province, *, with_parent: bool = True, **fields) -> RejectionNotice:
    """A refused request from a provincial department, answered by PC06 (seed 001's route)."""
    police = make_org(Kind.PROVINCIAL_POLICE, province, name="Công an tỉnh Đồng Nai")
    issuer = make_org(
        Kind.POLICE_DIVISION, province, parent=police if with_parent else None, name=PC06_NAME
    )
    sender = make_org(Kind.DEPARTMENT, province, name=SENDER_NAME)
    start = datetime(2026, 1, 12, 8, 0, tzinfo=VN)
    request = PublicationRequest.objects.create(
        sender=sender,
        title=fields.pop("bulletin_title", "Phổ biến Luật Căn cước năm 2023"),
        summary="Những điểm mới của Luật Căn cước.",
        body="<p>Nội dung</p>",
        author_name="Phòng Phổ biến, giáo dục pháp luật",
        scope_level=ScopeLevel.COMMUNE,
        starts_at=start,
        ends_at=start + timedelta(days=30),
        letter_number=fields.pop("letter_number", "125/STP-PBGDPL"),
        letter_date=fields.pop("letter_date", date(2026, 1, 2)),
    )
    round_ = Round.objects.create(
        request=request,
        number=1,
        received_at=datetime(2026, 1, 2, 9, 0, tzinfo=VN),
        deadline=datetime(2026, 1, 12, 17, 0, tzinfo=VN),
        handler=issuer,
        routing_explanation="Cơ quan chuyên môn thuộc UBND tỉnh gửi Phòng PC06.",
    )
    decision = Decision.objects.create(
        round=round_, level=DecisionLevel.UNIT, leader=make_user(), approved=False
    )
    values = {
        "number": "15/TB-PC06",
        "place": "Đồng Nai",
        "issued_on": date(2026, 1, 5),
        "title": "Về việc đề nghị chỉnh sửa bài viết đăng trên ứng dụng VNeID",
        "reasons": (
            "- Hình ảnh đại diện chưa ghi nguồn.\n\n- Nội dung trích dẫn điều luật chưa chính xác."
        ),
        "requested_changes": (
            "- Bổ sung nguồn của hình ảnh.\n- Trích dẫn đúng Điều 22 Luật Căn cước."
        ),
        "signer_name": "Nguyễn Văn An",
        "signer_title": "KT. Trưởng phòng\nPhó Trưởng phòng",
        "recipients": "Như trên;\n- Lãnh đạo Công an tỉnh (để báo cáo);",
    }
    values.update(fields)
    return RejectionNotice.objects.create(decision=decision, issuer=issuer, **values)


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph of the body and of every table cell, in order."""
    document = Document(BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [paragraph.text for paragraph in cell.paragraphs]
    return texts


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader extracts it: proves the font maps glyphs back to Vietnamese."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs pdftotext: apt-get install poppler-utils")
        pytest.skip("pdftotext not found: apt-get install poppler-utils (Debian)")
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def within(value_mm: float, low: float, high: float) -> bool:
    """Inside Decree 30's range, give or take Word's rounding of millimetres to twips."""
    return low - 0.01 <= value_mm <= high + 0.01


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# Dates, numbers and names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026", "05/01/2026"),
        (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026", "09/02/2026"),
        (date(2024, 6, 25), "ngày 25 tháng 6 năm 2024", "25/6/2024"),  # seed 001
        (date(2025, 3, 1), "ngày 01 tháng 3 năm 2025", "01/3/2025"),
        (date(2025, 12, 10), "ngày 10 tháng 12 năm 2025", "10/12/2025"),
        (date(2022, 1, 6), "ngày 06 tháng 01 năm 2022", "06/01/2022"),  # seed 001, Đề án 06
    ],
)
def test_dates_follow_decree_30(day, long, short):
    assert format_issue_date(day) == long
    assert format_short_date(day) == short


@pytest.mark.parametrize(
    ("number", "expected"),
    [("5/TB-PC06", "05/TB-PC06"), ("15/TB-PC06", "15/TB-PC06"), (" 7 ", "07"), ("", "")],
)
def test_numbers_below_ten_take_a_zero(number, expected):
    assert format_number(number) == expected


def test_ascii_slug_strips_vietnamese_marks():
    assert ascii_slug("Số 7/TB-ĐCS ngày đẹp trời") == "So-7-TB-DCS-ngay-dep-troi"
    assert ascii_slug("Phòng Cảnh sát QLHC về TTXH") == "Phong-Canh-sat-QLHC-ve-TTXH"


def test_balanced_lines_even_out_a_heading():
    lines = balanced_lines("aaaa bbbb cccc dddd eeee", len, 20)
    assert lines == ["aaaa bbbb cccc", "dddd eeee"]
    assert balanced_lines("short", len, 20) == ["short"]
    assert balanced_lines("", len, 20) == []


@pytest.mark.django_db
def test_filenames(province):
    notice = make_notice(province)
    assert notice_filename(notice, "pdf") == "thong-bao-15-TB-PC06.pdf"
    assert notice_filename(notice, ".DOCX") == "thong-bao-15-TB-PC06.docx"
    notice.number = "7/TB-ĐCS"
    assert notice_filename(notice, "pdf") == "thong-bao-07-TB-DCS.pdf"
    notice.number = ""
    assert notice_filename(notice, "pdf") == "thong-bao.pdf"
    with pytest.raises(ValueError):
        notice_filename(notice, "../")


# The wording --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_compose_writes_the_notice(province):
    letter = compose(make_notice(province))
    assert letter.parent_body == "CÔNG AN TỈNH ĐỒNG NAI"
    assert letter.issuing_body == "PHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"
    assert letter.number == "Số: 15/TB-PC06"
    assert letter.place_and_date == "Đồng Nai, ngày 05 tháng 01 năm 2026"
    assert letter.addressee == f"Kính gửi: {SENDER_NAME}"
    assert letter.paragraphs[0] == (
        f"{PC06_NAME} nhận được Văn bản số 125/STP-PBGDPL ngày 02/01/2026 của {SENDER_NAME}"
        " đề nghị đăng tải bài viết “Phổ biến Luật Căn cước năm 2023” trên ứng dụng VNeID."
    )
    assert letter.paragraphs[1:] == (
        "Sau khi thẩm định, bài viết chưa bảo đảm yêu cầu đăng tải, cụ thể:",
        "- Hình ảnh đại diện chưa ghi nguồn.",
        "- Nội dung trích dẫn điều luật chưa chính xác.",
        f"Đề nghị {SENDER_NAME} chỉnh sửa:",
        "- Bổ sung nguồn của hình ảnh.",
        "- Trích dẫn đúng Điều 22 Luật Căn cước.",
        "Sau khi chỉnh sửa, đề nghị đơn vị gửi lại để thẩm định theo quy định./.",
    )
    # One dash each, whether or not the user typed one, and the filing line last.
    assert letter.recipients == (
        "- Như trên;",
        "- Lãnh đạo Công an tỉnh (để báo cáo);",
        "- Lưu: VT.",
    )
    assert letter.signer_title == ("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG")
    assert letter.signer_name == "Nguyễn Văn An"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "day", "cited"),
    [
        ("", date(2026, 1, 2), "nhận được văn bản ngày 02/01/2026 của"),
        ("125/STP", None, "nhận được Văn bản số 125/STP của"),
        ("", None, "nhận được văn bản của"),
    ],
)
def test_compose_copes_with_an_incomplete_request_letter(province, number, day, cited):
    letter = compose(make_notice(province, letter_number=number, letter_date=day))
    assert cited in letter.paragraphs[0]
    assert "None" not in letter.paragraphs[0]


@pytest.mark.django_db
def test_compose_without_parent_changes_or_filing_line(province):
    notice = make_notice(
        province,
        with_parent=False,
        requested_changes="  \n",
        recipients="Như trên\nLưu: VT, PC06 (Đội 1)",
    )
    letter = compose(notice)
    assert letter.parent_body == ""
    assert letter.recipients == ("- Như trên;", "- Lưu: VT, PC06 (Đội 1).")
    assert not any("chỉnh sửa" in paragraph for paragraph in letter.paragraphs)
    assert letter.paragraphs[-1] == f"{PC06_NAME} thông báo để {SENDER_NAME} biết./."


@pytest.mark.django_db
def test_compose_does_not_name_the_parent_twice(province):
    """The demo records the division as "... (PC06), Công an tỉnh Đồng Nai"."""
    notice = make_notice(province)
    notice.issuer.name = f"{PC06_NAME} (PC06), Công an tỉnh Đồng Nai"
    notice.issuer.save()
    letter = compose(notice)
    assert letter.parent_body == "CÔNG AN TỈNH ĐỒNG NAI"
    assert letter.issuing_body == "PHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"
    assert letter.paragraphs[0].startswith(f"{PC06_NAME} (PC06) nhận được Văn bản số")


@pytest.mark.django_db
def test_compose_cites_the_submitted_revision_not_later_edits(province):
    notice = make_notice(province)
    round_ = notice.decision.round
    request = round_.request
    round_.revision = request.save_revision()
    round_.save()
    request.title = "Tiêu đề đã sửa sau khi bị từ chối"
    request.letter_number = "200/STP-PBGDPL"
    request.letter_date = date(2026, 2, 1)
    request.save()
    first = compose(RejectionNotice.objects.get(pk=notice.pk)).paragraphs[0]
    assert "Văn bản số 125/STP-PBGDPL ngày 02/01/2026" in first
    assert "“Phổ biến Luật Căn cước năm 2023”" in first


# DOCX ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_docx_holds_the_letter(province, tmp_path):
    notice = make_notice(province)
    data = render_docx(notice)
    (tmp_path / notice_filename(notice, "docx")).write_bytes(data)
    document = Document(BytesIO(data))
    texts = docx_texts(data)
    for expected in (
        "CÔNG AN TỈNH ĐỒNG NAI",
        "PHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI",
        "Số: 15/TB-PC06",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Nai, ngày 05 tháng 01 năm 2026",
        "THÔNG BÁO",
        "Về việc đề nghị chỉnh sửa bài viết đăng trên ứng dụng VNeID",
        f"Kính gửi: {SENDER_NAME}",
        "- Hình ảnh đại diện chưa ghi nguồn.",
        "Sau khi chỉnh sửa, đề nghị đơn vị gửi lại để thẩm định theo quy định./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. TRƯỞNG PHÒNG",
        "Nguyễn Văn An",
    ):
        assert expected in texts, expected

    # Two two-column tables: the header, then "Nơi nhận" beside the signature.
    header, closing = document.tables
    assert header.rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert header.rows[1].cells[0].paragraphs[0].text == "Số: 15/TB-PC06"
    assert closing.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    assert closing.rows[0].cells[1].paragraphs[-1].text == "Nguyễn Văn An"

    # Appendix I's typography.
    issuer = header.rows[0].cells[0].paragraphs[1].runs[0]
    assert issuer.bold and issuer.font.size.pt == 13
    assert not header.rows[0].cells[0].paragraphs[0].runs[0].bold  # the parent body
    motto = header.rows[0].cells[1].paragraphs[1].runs[0]
    assert motto.bold and 13 <= motto.font.size.pt <= 14
    assert header.rows[1].cells[1].paragraphs[0].runs[0].italic  # place and date
    heading = closing.rows[0].cells[0].paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size.pt == 12
    assert closing.rows[0].cells[0].paragraphs[1].runs[0].font.size.pt == 11
    assert document.styles["Normal"].font.name == "Times New Roman"

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert within(section.top_margin.mm, 20, 25) and within(section.bottom_margin.mm, 20, 25)
    assert within(section.left_margin.mm, 30, 35) and within(section.right_margin.mm, 15, 20)
    assert section.different_first_page_header_footer  # no page number on page 1
    assert round(header.columns[0].width.mm) == 72


@pytest.mark.django_db
def test_docx_writes_user_text_literally(province):
    # \x01 rather than NUL: forms refuse NUL, and PostgreSQL cannot store it at all.
    notice = make_notice(
        province,
        reasons=f"{HOSTILE}\nKý tự điều khiển:\x01\x0b\x1f hết",
        bulletin_title="<img src=x onerror=alert(1)>",
    )
    data = render_docx(notice)
    texts = docx_texts(data)
    assert HOSTILE in texts
    assert "Ký tự điều khiển: hết" in texts
    assert any("“<img src=x onerror=alert(1)>”" in text for text in texts)
    # Nothing was turned into markup: no bold run carries the would-be bold word.
    document = Document(BytesIO(data))
    for paragraph in document.paragraphs:
        if paragraph.text == HOSTILE:
            assert [run.text for run in paragraph.runs] == [HOSTILE]
            assert not paragraph.runs[0].bold


# PDF -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pdf_is_a_real_a4_document_with_its_font_embedded(province, tmp_path):
    notice = make_notice(province)
    data = render_pdf(notice)
    # Kept under pytest's temporary directory for a look: pdftoppm -png -r 60 FILE page
    (tmp_path / notice_filename(notice, "pdf")).write_bytes(data)
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in data  # TrueType embedded, not referenced
    assert b"NotoSerif" in data
    assert b"/MediaBox [0 0 595.28 841.89]" in data
    assert len(data) < 400_000  # subset fonts, not the whole files


@pytest.mark.django_db
def test_pdf_text_reads_back_in_vietnamese(province, tmp_path):
    path = tmp_path / "thong-bao.pdf"
    path.write_bytes(render_pdf(make_notice(province, reasons=HOSTILE)))
    text = squeeze(pdf_text(path))
    for expected in (
        "CÔNG AN TỈNH ĐỒNG NAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/TB-PC06",
        "Đồng Nai, ngày 05 tháng 01 năm 2026",
        "THÔNG BÁO",
        f"Kính gửi: {SENDER_NAME}",
        "Sau khi thẩm định, bài viết chưa bảo đảm yêu cầu đăng tải, cụ thể:",
        HOSTILE,
        "Nơi nhận:",
        "- Lưu: VT.",
        "PHÓ TRƯỞNG PHÒNG",
        "Nguyễn Văn An",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_long_pdf_numbers_its_pages_and_keeps_the_signature_whole(province, tmp_path):
    reasons = "\n".join(f"- Lý do thứ {n}: nội dung chưa phù hợp với quy định." for n in range(40))
    path = tmp_path / "dai.pdf"
    path.write_bytes(render_pdf(make_notice(province, reasons=reasons, recipients="\n" * 3)))
    pages = pdf_text(path).split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2
    assert re.match(r"\s*2\s", pages[1])  # page numbers start on the second page
    assert not re.match(r"\s*1\s", pages[0])
    last = squeeze(pages[-1])
    assert "Nơi nhận:" in last and "PHÓ TRƯỞNG PHÒNG" in last and "Nguyễn Văn An" in last


@pytest.mark.django_db
def test_pdf_survives_characters_its_font_lacks(province):
    notice = make_notice(province, reasons="Biểu tượng 🙂 và chữ Hán 漢 không có trong phông.")
    assert render_pdf(notice).startswith(b"%PDF-")
