"""Rejection notices as letters laid out per Decree 30/2020/NĐ-CP (Appendix I), in DOCX and PDF.

Seed 000 (step 3) and seed 001 ask the police unit to answer a refused request with a formal
notice that states the reasons and the changes asked for. `compose` writes the letter's wording
once, as a `Letter`; `render_docx` and `render_pdf` only lay that wording out, so the DOCX a clerk
may edit before signing and the PDF sent to the agency always say the same thing.

The letter is a Vietnamese administrative document whatever language the interface speaks, so
its fixed phrases are Vietnamese text here rather than gettext messages: translating them would
make an invalid letter, not an English one.

Everything users typed (reasons, the bulletin's title, names) is plain text: python-docx writes
runs of text, fpdf2 prints strings with markup off, and neither interprets HTML or markdown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from loa.bulletins.models import RejectionNotice, Round
    from loa.orgs.models import Organization

FONTS_DIR = Path(__file__).resolve().parent / "fonts"

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCUMENT_KIND = "THÔNG BÁO"
RECIPIENTS_HEADING = "Nơi nhận:"
RECIPIENT_MARK = "- "
# The width of "- " in Times New Roman 11 pt, for the DOCX's hanging indent.
RECIPIENT_HANG_MM = 2.3
# Decree 30: the last line of "Nơi nhận" files a copy with the clerical office (Văn thư).
ARCHIVE_LINE = "Lưu: VT."

# Appendix I, section II: A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# The header table. The right column must hold the national name on one line at 12 pt bold:
# Noto Serif needs 90.4 mm for it, Times New Roman 82 mm.
HEADER_LEFT_MM = 72.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
# The closing table: "Nơi nhận" on the left, the signature on the right.
CLOSING_LEFT_MM = 80.0
CLOSING_RIGHT_MM = TEXT_WIDTH_MM - CLOSING_LEFT_MM

# Sizes in points, each inside the range Appendix I gives for its element.
SIZE_BODY_NAME = 13  # issuing body and its parent: 12–13
SIZES_BODY_NAME = (13, 12)
SIZE_NATIONAL_NAME = 12  # 12–13; 12 so that it fits its column in the wider Noto Serif
SIZE_MOTTO = 13  # 13–14
SIZE_NUMBER = 13  # 13
SIZE_PLACE_DATE = 14  # 13–14
SIZES_PLACE_DATE = (14, 13)
SIZE_TITLE = 14  # document kind and summary: 13–14
SIZE_TEXT = 14  # body, addressee, signer: 13–14
SIZE_RECIPIENTS_HEADING = 12  # 12
SIZE_RECIPIENTS = 11  # 11
FIRST_LINE_INDENT_MM = 12.7  # 1–1.27 cm
PARAGRAPH_SPACING_PT = 6  # at least 6 pt
SIGNATURE_SPACE_MM = 28.0  # room for the signature and the seal
# Appendix I: the rule under the issuing body's name and under the summary spans 1/3 to 1/2
# of the line above it.
SHORT_RULE_RATIO = 0.4
# Times New Roman bold 13 pt sets the motto in 53.2 mm (measured with its metric clone,
# Liberation Serif); the DOCX rule under the motto has that length.
MOTTO_WIDTH_TIMES_MM = 53.2

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LIST_MARK = re.compile(r"^[-–—+•*]\s*")
# An abbreviation kept in brackets in an organization's record: "Phòng Cảnh sát ... (PC06)".
_ABBREVIATION = re.compile(r"\s*\([A-ZĐ0-9]{2,10}\)")


@dataclass(frozen=True)
class Letter:
    """The wording of one notice, decided once for both file formats."""

    parent_body: str  # upper case; empty when the issuer has no parent organization
    issuing_body: str  # upper case
    number: str
    place_and_date: str
    kind: str
    summary: str
    addressee: str  # "Kính gửi: ..."
    paragraphs: tuple[str, ...]
    recipients: tuple[str, ...]  # each already starting with "- "
    signer_title: tuple[str, ...]  # upper case, one item per line
    signer_name: str
    document_title: str  # for file metadata


# Wording -------------------------------------------------------------------------------------


def plain_text(value: Any) -> str:
    """User text made safe to write literally in both formats.

    NFC, because fpdf2 draws one glyph per code point and Noto Serif has the precomposed
    Vietnamese letters: a decomposed "ệ" would print its marks as separate, misplaced glyphs.
    Control characters go, because python-docx refuses them (XML 1.0 cannot hold them) and a
    PDF would show them as boxes. Tabs become spaces so that no format lays out columns.
    """
    text = unicodedata.normalize("NFC", str(value or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_CHARACTERS.sub("", text)


def text_lines(value: Any) -> list[str]:
    """The non-blank lines of a multi-line field, trimmed: one paragraph or list item each."""
    return [line.strip() for line in plain_text(value).split("\n") if line.strip()]


def _one_line(value: Any) -> str:
    return " ".join(text_lines(value))


def _padded(value: int, pad: bool) -> str:
    return f"{value:02d}" if pad else str(value)


def format_issue_date(day: date) -> str:
    """The date line's date: "ngày 05 tháng 01 năm 2026", "ngày 25 tháng 6 năm 2024".

    Decree 30 writes a zero before days below 10 and before the months January and February
    only: "tháng 01" and "tháng 02" cannot be misread as 10–12 by a later insertion, while
    months 3–9 are written bare (seed 001: "ngày 25 tháng 6 năm 2024").
    """
    return (
        f"ngày {_padded(day.day, day.day < 10)} tháng {_padded(day.month, day.month < 3)}"
        f" năm {day.year}"
    )


def format_short_date(day: date) -> str:
    """A date in running text, "05/01/2026" or "17/6/2024", with the same zero rule."""
    return f"{_padded(day.day, day.day < 10)}/{_padded(day.month, day.month < 3)}/{day.year}"


def format_place_and_date(place: str, day: date) -> str:
    """The place and date line: "Đồng Nai, ngày 05 tháng 01 năm 2026"."""
    return f"{_one_line(place)}, {format_issue_date(day)}"


def format_number(number: str) -> str:
    """The number and symbol, with Decree 30's zero before a number below 10: "05/TB-PC06"."""
    return re.sub(r"^(\d)(?=\D|$)", r"0\1", _one_line(number))


def _submitted(round_: Round) -> dict[str, Any]:
    """The title and letter of the round the notice answers, as the sender submitted them.

    The request itself may have been edited since (the sender revises it after a refusal), so
    the round's revision is the faithful source; the request's current fields are the fallback
    for rounds recorded without a revision.
    """
    request = round_.request
    values: dict[str, Any] = {
        "title": request.title,
        "letter_number": request.letter_number,
        "letter_date": request.letter_date,
    }
    content = getattr(round_.revision, "content", None) if round_.revision_id else None
    if isinstance(content, dict):
        for field in values:
            if content.get(field) not in (None, ""):
                values[field] = content[field]
    if isinstance(values["letter_date"], str):
        try:
            values["letter_date"] = date.fromisoformat(values["letter_date"][:10])
        except ValueError:
            values["letter_date"] = request.letter_date
    return values


def own_name(organization: Organization) -> str:
    """The organization's name without its parent's, which some records append.

    "Phòng Cảnh sát ... (PC06), Công an tỉnh Đồng Nai" is how a list of all units must name the
    division, but in its own letter the parent stands on the line above, so repeating it there
    (or in "... nhận được") would name the parent twice.
    """
    name = _one_line(organization.name)
    parent = organization.parent
    if parent is not None:
        parent_name = re.escape(_one_line(parent.name))
        name = re.sub(rf"\s*[,\-–—]\s*{parent_name}$", "", name, flags=re.IGNORECASE) or name
    return name


def _request_letter(number: str, day: date | None) -> str:
    """How the body cites the request letter, whichever of its number and date are known."""
    if number and day:
        return f"Văn bản số {number} ngày {format_short_date(day)}"
    if number:
        return f"Văn bản số {number}"
    if day:
        return f"văn bản ngày {format_short_date(day)}"
    return "văn bản"


def _recipients(value: str) -> tuple[str, ...]:
    """The "Nơi nhận" list as Decree 30 writes it.

    Each line starts with a dash and ends with a semicolon; the last is the filing line "Lưu: ..."
    ending with a full stop, added when the list has none. A dash the user typed is not doubled.
    """
    lines = [_LIST_MARK.sub("", line).strip() for line in text_lines(value)]
    lines = [line for line in lines if line]
    archive = [line for line in lines if line.casefold().startswith("lưu")]
    lines = [line for line in lines if line not in archive]
    lines.append(archive[-1] if archive else ARCHIVE_LINE)
    punctuated = [line if line[-1] in ";.,:" else f"{line};" for line in lines[:-1]]
    last = lines[-1].rstrip(";,")
    punctuated.append(last if last.endswith(".") else f"{last}.")
    return tuple(f"{RECIPIENT_MARK}{line}" for line in punctuated)


def compose(notice: RejectionNotice) -> Letter:
    """The wording of a rejection notice, from the notice and the request it answers."""
    round_ = notice.decision.round
    sender = _one_line(round_.request.sender.name)
    issuer = notice.issuer
    issuer_name = own_name(issuer)
    submitted = _submitted(round_)
    letter = _request_letter(_one_line(submitted["letter_number"]), submitted["letter_date"])
    title = _one_line(submitted["title"])

    paragraphs = [
        (
            f"{issuer_name} nhận được {letter} của {sender} đề nghị đăng tải bài viết “{title}”"
            " trên ứng dụng VNeID."
        ),
        "Sau khi thẩm định, bài viết chưa bảo đảm yêu cầu đăng tải, cụ thể:",
        *text_lines(notice.reasons),
    ]
    changes = text_lines(notice.requested_changes)
    if changes:
        paragraphs += [f"Đề nghị {sender} chỉnh sửa:", *changes]
        paragraphs.append("Sau khi chỉnh sửa, đề nghị đơn vị gửi lại để thẩm định theo quy định./.")
    else:
        paragraphs.append(f"{issuer_name} thông báo để {sender} biết./.")

    parent = issuer.parent
    summary = _one_line(notice.title)
    return Letter(
        parent_body=_one_line(parent.name).upper() if parent else "",
        # Appendix I prints the name in full; a bracketed abbreviation is not part of it.
        issuing_body=_ABBREVIATION.sub("", issuer_name).upper(),
        number=f"Số: {format_number(notice.number)}",
        place_and_date=format_place_and_date(notice.place, notice.issued_on),
        kind=DOCUMENT_KIND,
        summary=summary,
        addressee=f"Kính gửi: {sender}",
        paragraphs=tuple(paragraphs),
        recipients=_recipients(notice.recipients),
        signer_title=tuple(line.upper() for line in text_lines(notice.signer_title)),
        signer_name=_one_line(notice.signer_name),
        document_title=f"{DOCUMENT_KIND} {format_number(notice.number)}: {summary}",
    )


def notice_filename(notice: RejectionNotice, extension: str) -> str:
    """An ASCII file name such as "thong-bao-15-TB-PC06.pdf".

    ASCII because mail clients, Windows shares and Content-Disposition headers still mangle
    Vietnamese letters; the number keeps its capitals so the symbol stays recognisable.
    """
    suffix = re.sub(r"[^a-z0-9]", "", extension.lower().lstrip("."))
    if not suffix:
        raise ValueError(f"Not a file extension: {extension!r}")
    number = ascii_slug(format_number(notice.number))
    stem = f"thong-bao-{number}" if number else "thong-bao"
    return f"{stem}.{suffix}"


def ascii_slug(text: str) -> str:
    """Vietnamese text without its diacritics, words joined by hyphens ("Số 5/TB" -> "So-5-TB").

    "đ" is a letter of its own, not "d" with a mark, so Unicode decomposition leaves it alone.
    """
    text = plain_text(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


# Line breaking shared by both formats -------------------------------------------------------


def balanced_lines(text: str, width_of: Callable[[str], float], max_width: float) -> list[str]:
    """`text` broken into as few lines as fit `max_width`, made as even as possible.

    Centred headings in official letters are broken into lines of similar length, not a full
    line followed by a lone word ("PHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ / HỘI").
    """
    words = text.split()
    if not words:
        return []

    def greedy(width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and width_of(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
        return lines

    best = greedy(max_width)
    low = max(width_of(word) for word in words)
    high = max_width
    if len(best) == 1 or low >= high:
        return best
    for _ in range(24):
        middle = (low + high) / 2
        attempt = greedy(middle)
        if len(attempt) <= len(best):
            best, high = attempt, middle
        else:
            low = middle
    return best


# PDF ------------------------------------------------------------------------------------------

PDF_FAMILY = "NotoSerif"
PDF_FONT_FILES = {
    "": "NotoSerif-Regular.ttf",
    "B": "NotoSerif-Bold.ttf",
    "I": "NotoSerif-Italic.ttf",
    "BI": "NotoSerif-BoldItalic.ttf",
}
PT_TO_MM = 25.4 / 72
# Noto Serif's own single spacing is 1.36 times the size; Decree 30 allows single to 1.5 lines.
PDF_LINE_FACTOR = 1.4
# Clearance between a heading's line box and the rule drawn under it, past the descenders.
RULE_GAP_MM = 1.2


def _line_mm(size: float, factor: float = PDF_LINE_FACTOR) -> float:
    return size * PT_TO_MM * factor


class _LetterPDF(FPDF):
    """An A4 page with Decree 30's margins and its page numbers: centred in the top margin,
    from the second page on."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for style, filename in PDF_FONT_FILES.items():
            self.add_font(PDF_FAMILY, style, str(FONTS_DIR / filename))
        self.set_margins(MARGIN_LEFT_MM, MARGIN_TOP_MM, MARGIN_RIGHT_MM)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM_MM)
        # Columns are placed by their own widths; no padding inside cells.
        self.c_margin = 0
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.25)

    def header(self) -> None:
        if self.page_no() < 2:
            return
        self.set_font(PDF_FAMILY, "", SIZE_TEXT)
        self.set_xy(MARGIN_LEFT_MM, MARGIN_TOP_MM / 2 - _line_mm(SIZE_TEXT, 1) / 2)
        self.cell(TEXT_WIDTH_MM, _line_mm(SIZE_TEXT, 1), str(self.page_no()), align=Align.C)
        self.set_xy(MARGIN_LEFT_MM, MARGIN_TOP_MM)

    def width_of(self, style: str, size: float) -> Callable[[str], float]:
        def measure(text: str) -> float:
            self.set_font(PDF_FAMILY, style, size)
            return self.get_string_width(text)

        return measure

    def centred_block(
        self,
        text: str,
        x: float,
        y: float,
        width: float,
        style: str,
        size: float,
        *,
        balanced: bool = True,
    ) -> tuple[float, float]:
        """Draw centred lines in a column; return the new y and the widest line's width."""
        if not text:
            return y, 0.0
        measure = self.width_of(style, size)
        lines = balanced_lines(text, measure, width) if balanced else [text]
        self.set_font(PDF_FAMILY, style, size)
        self.set_xy(x, y)
        self.multi_cell(
            width, _line_mm(size, 1.3), "\n".join(lines), align=Align.C,
            new_x=XPos.LEFT, new_y=YPos.NEXT,
        )  # fmt: skip
        return self.get_y(), max(measure(line) for line in lines)

    def rule(self, centre_x: float, y: float, length: float) -> None:
        self.line(centre_x - length / 2, y, centre_x + length / 2, y)


def _fitting_size(
    pdf: _LetterPDF, text: str, style: str, sizes: tuple[int, ...], width: float
) -> int:
    """The largest of `sizes` (all allowed by Decree 30) that sets `text` on the fewest lines."""

    def count(size: int) -> int:
        return len(balanced_lines(text, pdf.width_of(style, size), width))

    fewest = min(count(size) for size in sizes)
    return max(size for size in sizes if count(size) == fewest)


def _pdf_header(pdf: _LetterPDF, letter: Letter) -> None:
    left_x, right_x = MARGIN_LEFT_MM, MARGIN_LEFT_MM + HEADER_LEFT_MM
    top = pdf.get_y()
    # The parent body and the issuing body share one size, as they do in printed letters.
    size = _fitting_size(pdf, letter.issuing_body, "B", SIZES_BODY_NAME, HEADER_LEFT_MM)
    y, _ = pdf.centred_block(letter.parent_body, left_x, top, HEADER_LEFT_MM, "", size)
    y, widest = pdf.centred_block(letter.issuing_body, left_x, y, HEADER_LEFT_MM, "B", size)
    left_rule_y = y + RULE_GAP_MM
    pdf.rule(left_x + HEADER_LEFT_MM / 2, left_rule_y, widest * SHORT_RULE_RATIO)

    y, _ = pdf.centred_block(
        NATIONAL_NAME, right_x, top, HEADER_RIGHT_MM, "B", SIZE_NATIONAL_NAME, balanced=False
    )
    y, motto_width = pdf.centred_block(
        MOTTO, right_x, y, HEADER_RIGHT_MM, "B", SIZE_MOTTO, balanced=False
    )
    right_rule_y = y + RULE_GAP_MM
    # Appendix I: the rule under the motto is as long as the motto.
    pdf.rule(right_x + HEADER_RIGHT_MM / 2, right_rule_y, motto_width)

    # The number and the place and date stand on one line, under their columns' rules.
    line_y = max(left_rule_y, right_rule_y) + 3
    y_left, _ = pdf.centred_block(letter.number, left_x, line_y, HEADER_LEFT_MM, "", SIZE_NUMBER)
    size = _fitting_size(pdf, letter.place_and_date, "I", SIZES_PLACE_DATE, HEADER_RIGHT_MM)
    y_right, _ = pdf.centred_block(
        letter.place_and_date, right_x, line_y, HEADER_RIGHT_MM, "I", size
    )
    pdf.set_xy(MARGIN_LEFT_MM, max(y_left, y_right))


def _pdf_title(pdf: _LetterPDF, letter: Letter) -> None:
    y = pdf.get_y() + 8
    y, _ = pdf.centred_block(letter.kind, MARGIN_LEFT_MM, y, TEXT_WIDTH_MM, "B", SIZE_TITLE)
    y, widest = pdf.centred_block(letter.summary, MARGIN_LEFT_MM, y, TEXT_WIDTH_MM, "B", SIZE_TITLE)
    y += RULE_GAP_MM
    pdf.rule(MARGIN_LEFT_MM + TEXT_WIDTH_MM / 2, y, widest * SHORT_RULE_RATIO)
    y, _ = pdf.centred_block(letter.addressee, MARGIN_LEFT_MM, y + 6, TEXT_WIDTH_MM, "", SIZE_TEXT)
    pdf.set_xy(MARGIN_LEFT_MM, y + 3)


def _pdf_body(pdf: _LetterPDF, letter: Letter) -> None:
    pdf.set_font(PDF_FAMILY, "", SIZE_TEXT)
    with pdf.text_columns(text_align=Align.J, line_height=PDF_LINE_FACTOR) as columns:
        for text in letter.paragraphs:
            with columns.paragraph(
                first_line_indent=FIRST_LINE_INDENT_MM,
                top_margin=PARAGRAPH_SPACING_PT * PT_TO_MM,
            ) as paragraph:
                paragraph.write(text)


def _pdf_closing(pdf: _LetterPDF, letter: Letter) -> None:
    """The recipients and the signature, kept together on one page as a signed block must be."""
    heading_line = _line_mm(SIZE_RECIPIENTS_HEADING, 1.6)
    recipients_line = _line_mm(SIZE_RECIPIENTS, 1.3)
    signer_line = _line_mm(SIZE_TEXT, 1.3)
    pdf.set_font(PDF_FAMILY, "", SIZE_RECIPIENTS)
    # Each recipient hangs from its dash, so a wrapped name stays clear of the list marks.
    mark_width = pdf.get_string_width(RECIPIENT_MARK)
    text_width = CLOSING_LEFT_MM - mark_width
    items = [line.removeprefix(RECIPIENT_MARK) for line in letter.recipients]
    left_height = heading_line + sum(
        pdf.multi_cell(text_width, recipients_line, item, dry_run=True, output="HEIGHT")
        for item in items
    )
    right_height = signer_line * (len(letter.signer_title) + 1) + SIGNATURE_SPACE_MM
    top = pdf.get_y() + 6
    if top + max(left_height, right_height) > pdf.h - MARGIN_BOTTOM_MM:
        pdf.add_page()
        top = pdf.get_y()

    left_x, right_x = MARGIN_LEFT_MM, MARGIN_LEFT_MM + CLOSING_LEFT_MM
    pdf.set_xy(left_x, top)
    pdf.set_font(PDF_FAMILY, "BI", SIZE_RECIPIENTS_HEADING)
    pdf.cell(CLOSING_LEFT_MM, heading_line, RECIPIENTS_HEADING)
    pdf.set_xy(left_x, top + heading_line)
    pdf.set_font(PDF_FAMILY, "", SIZE_RECIPIENTS)
    for item in items:
        y = pdf.get_y()
        pdf.cell(mark_width, recipients_line, RECIPIENT_MARK.strip())
        pdf.set_xy(left_x + mark_width, y)
        pdf.multi_cell(
            text_width, recipients_line, item, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    left_bottom = pdf.get_y()

    y = top
    for line in letter.signer_title:
        y, _ = pdf.centred_block(line, right_x, y, CLOSING_RIGHT_MM, "B", SIZE_TEXT)
    y, _ = pdf.centred_block(
        letter.signer_name, right_x, y + SIGNATURE_SPACE_MM, CLOSING_RIGHT_MM, "B", SIZE_TEXT
    )
    pdf.set_xy(MARGIN_LEFT_MM, max(y, left_bottom))


def render_pdf(notice: RejectionNotice) -> bytes:
    """The notice as a PDF/A4 letter, with Noto Serif embedded so every reader shows Vietnamese."""
    letter = compose(notice)
    pdf = _LetterPDF()
    pdf.set_lang("vi")
    pdf.set_title(letter.document_title)
    pdf.set_author(_one_line(notice.issuer.name))
    pdf.set_subject(letter.summary)
    pdf.set_creator("Loa")
    pdf.add_page()
    _pdf_header(pdf, letter)
    _pdf_title(pdf, letter)
    _pdf_body(pdf, letter)
    _pdf_closing(pdf, letter)
    return bytes(pdf.output())


# DOCX -----------------------------------------------------------------------------------------

DOCX_FONT = "Times New Roman"  # named by Decree 30; Word on government machines has it
# Word's default cell padding is 0.19 cm each side: what a centred line in a cell can use.
DOCX_CELL_PADDING_MM = 1.9
# pPr children that must follow w:pBdr (WordprocessingML fixes their order).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _estimated_width_mm(measurer: _LetterPDF, text: str, size: float) -> float:
    """The width of bold `text` in Noto Serif, standing in for Times New Roman's.

    Loa does not ship Times New Roman, so the DOCX sizes its short rules by Noto Serif, which
    is wider: a rule 0.4 times a Noto line is 0.4–0.5 times the same line in Times New Roman,
    inside Decree 30's 1/3 to 1/2.
    """
    return measurer.width_of("B", size)(text)


def _paragraph(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    size: float = SIZE_TEXT,
    bold: bool = False,
    italic: bool = False,
    align: int = WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 0,
    line_spacing: float | None = 1.0,
) -> Paragraph:
    """A paragraph with one run of literal text; a cell's first, empty paragraph is reused."""
    paragraph = _fresh_paragraph(container)
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
    return paragraph


def _fresh_paragraph(container: DocxDocument | _Cell) -> Paragraph:
    """A new paragraph at the end of `container`.

    A table cell is born with one empty paragraph (a cell may not be empty): use it first,
    or every cell would open with a blank line.
    """
    if isinstance(container, _Cell) and len(container.paragraphs) == 1:
        only = container.paragraphs[0]
        if not only.runs and not only.text:
            return only
    return container.add_paragraph()


def _docx_rule(container: DocxDocument | _Cell, length_mm: float, space_mm: float) -> None:
    """A centred horizontal rule: an empty, tiny paragraph whose bottom border spans its indents.

    A paragraph border rather than a drawn shape, so that it moves with the text when a clerk
    edits the heading above it.
    """
    paragraph = _paragraph(container, line_spacing=None)
    fmt = paragraph.paragraph_format
    indent = max(0.0, (space_mm - length_mm) / 2)
    fmt.left_indent = Mm(indent)
    fmt.right_indent = Mm(indent)
    fmt.line_spacing = Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def _fixed_table(document: DocxDocument, rows: int, widths_mm: Iterable[float]):
    """A borderless table of fixed column widths, so that Word does not reflow the header."""
    widths = list(widths_mm)
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # writes w:tblLayout="fixed"
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def _keep_row_together(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _docx_setup(document: DocxDocument, letter: Letter, author: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)

    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(SIZE_TEXT)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), DOCX_FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    r_pr.append(language)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)

    # Page numbers in the top margin from the second page on (Appendix I, "số trang").
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)

    properties = document.core_properties
    properties.title = letter.document_title
    properties.subject = letter.summary
    properties.author = author
    properties.language = "vi-VN"
    properties.comments = ""


def _docx_header(document: DocxDocument, letter: Letter, measurer: _LetterPDF) -> None:
    table = _fixed_table(document, 2, (HEADER_LEFT_MM, HEADER_RIGHT_MM))
    left_space = HEADER_LEFT_MM - 2 * DOCX_CELL_PADDING_MM
    right_space = HEADER_RIGHT_MM - 2 * DOCX_CELL_PADDING_MM
    left, right = table.rows[0].cells
    if letter.parent_body:
        _paragraph(left, letter.parent_body, size=SIZE_BODY_NAME)
    _paragraph(left, letter.issuing_body, size=SIZE_BODY_NAME, bold=True)
    widest = min(_estimated_width_mm(measurer, letter.issuing_body, SIZE_BODY_NAME), left_space)
    _docx_rule(left, widest * SHORT_RULE_RATIO, left_space)

    _paragraph(right, NATIONAL_NAME, size=SIZE_NATIONAL_NAME, bold=True)
    _paragraph(right, MOTTO, size=SIZE_MOTTO, bold=True)
    _docx_rule(right, MOTTO_WIDTH_TIMES_MM, right_space)

    # A second row keeps the number and the place and date on one line.
    number, place_and_date = table.rows[1].cells
    _paragraph(number, letter.number, size=SIZE_NUMBER, before=6)
    _paragraph(place_and_date, letter.place_and_date, size=SIZE_PLACE_DATE, italic=True, before=6)


def _docx_title(document: DocxDocument, letter: Letter, measurer: _LetterPDF) -> None:
    _paragraph(document, letter.kind, size=SIZE_TITLE, bold=True, before=18)
    _paragraph(document, letter.summary, size=SIZE_TITLE, bold=True)
    widest = min(_estimated_width_mm(measurer, letter.summary, SIZE_TITLE), TEXT_WIDTH_MM)
    _docx_rule(document, widest * SHORT_RULE_RATIO, TEXT_WIDTH_MM)
    _paragraph(document, letter.addressee, size=SIZE_TEXT, before=12, after=6)


def _docx_body(document: DocxDocument, letter: Letter) -> None:
    last = None
    for text in letter.paragraphs:
        last = _paragraph(
            document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=PARAGRAPH_SPACING_PT,
            line_spacing=1.15,
        )  # fmt: skip
        last.paragraph_format.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
        last.paragraph_format.widow_control = True
    if last is not None:
        # The signature must not stand alone on a page of its own.
        last.paragraph_format.keep_with_next = True


def _docx_closing(document: DocxDocument, letter: Letter) -> None:
    spacer = _paragraph(document, line_spacing=None)
    spacer.paragraph_format.line_spacing = Pt(12)
    spacer.paragraph_format.keep_with_next = True
    table = _fixed_table(document, 1, (CLOSING_LEFT_MM, CLOSING_RIGHT_MM))
    _keep_row_together(table.rows[0])
    recipients, signature = table.rows[0].cells
    _paragraph(
        recipients, RECIPIENTS_HEADING, size=SIZE_RECIPIENTS_HEADING, bold=True, italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )  # fmt: skip
    for line in letter.recipients:
        item = _paragraph(recipients, line, size=SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)
        # A hanging indent the width of "- " keeps a wrapped name clear of the list marks.
        item.paragraph_format.left_indent = Mm(RECIPIENT_HANG_MM)
        item.paragraph_format.first_line_indent = Mm(-RECIPIENT_HANG_MM)
    for line in letter.signer_title:
        _paragraph(signature, line, size=SIZE_TEXT, bold=True)
    name = _paragraph(signature, letter.signer_name, size=SIZE_TEXT, bold=True)
    name.paragraph_format.space_before = Mm(SIGNATURE_SPACE_MM)


def render_docx(notice: RejectionNotice) -> bytes:
    """The notice as a Word document that a clerk can still edit before it is signed."""
    letter = compose(notice)
    document = Document()
    _docx_setup(document, letter, _one_line(notice.issuer.name))
    measurer = _LetterPDF()  # only measures text; 50 ms
    _docx_header(document, letter, measurer)
    _docx_title(document, letter, measurer)
    _docx_body(document, letter)
    _docx_closing(document, letter)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
