import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import ModelLogEntry

from loa.procedures import importing
from loa.procedures.importing import SAMPLE_FILE, ImportFileError, import_procedures
from loa.procedures.models import AdministrativeProcedure, Level, OnlineService

from .conftest import HEADERS, sheet

pytestmark = pytest.mark.django_db

LINK = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"
BIRTH = ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "Tờ khai\nGiấy chứng sinh", "Toàn trình", LINK]
MARRIAGE = ["1.000894", "Đăng ký kết hôn", "Hộ tịch", "Cấp xã", "Tờ khai đăng ký kết hôn", "Không", ""]


def procedures(site):
    return AdministrativeProcedure.objects.filter(site=site.member)


def test_the_sample_file_imports_whole(site_b):
    with SAMPLE_FILE.open("rb") as stream:
        report = import_procedures(stream, site_b.member)
    assert not report.rejected
    assert len(report.created) == procedures(site_b).count() == 12
    birth = procedures(site_b).get(code="1.001193")
    assert birth.level == Level.COMMUNE and birth.online_service == OnlineService.FULL
    assert birth.paper_list[0] == "Tờ khai đăng ký khai sinh theo mẫu"
    assert "Luật Hộ tịch số 60/2014/QH13" in birth.legal_basis_list
    assert birth.processing_time.startswith("Ngay trong ngày")


def test_a_row_updates_the_procedure_with_its_code_and_an_identical_row_changes_nothing(site_b):
    import_procedures(sheet(BIRTH, MARRIAGE), site_b.member)
    renamed = [*BIRTH[:1], "Đăng ký khai sinh (đúng hạn)", *BIRTH[2:]]
    report = import_procedures(sheet(renamed, MARRIAGE), site_b.member)
    assert [row.outcome for row in report.rows] == ["updated", "unchanged"]
    assert procedures(site_b).get(code="1.001193").name == "Đăng ký khai sinh (đúng hạn)"
    assert procedures(site_b).count() == 2


def test_a_column_the_sheet_lacks_leaves_the_field_alone(site_b):
    import_procedures(sheet(BIRTH), site_b.member)
    report = import_procedures(
        sheet(BIRTH[:4], headers=HEADERS[:4]), site_b.member
    )
    assert report.rows[0].outcome == "unchanged"
    assert procedures(site_b).get().online_service_url == LINK


def test_bad_rows_are_refused_with_their_reasons_and_the_good_ones_imported(site_b):
    rows = [
        BIRTH,                                                                     # row 2
        ["", "Không có mã", "Hộ tịch", "Cấp xã", "", "", ""],                       # 3
        ["1.000656", "", "Hộ tịch", "Cấp xã", "", "", ""],                          # 4
        ["1.000657", "Đăng ký khai tử", "Hộ tịch", "Cấp huyện", "", "", ""],        # 5
        ["1.000658", "Liên kết độc", "Hộ tịch", "Cấp xã", "", "Toàn trình", "javascript:alert(1)"],
        ["1.000894", "Đăng ký kết hôn", "Hộ tịch", "Cấp xã", "", "", ""],          # 7
        ["1.000894", "Đăng ký kết hôn lần hai", "Hộ tịch", "Cấp xã", "", "", ""],  # 8
        ["TTHC-9", "Mã sai", "Hộ tịch", "Cấp xã", "", "", ""],                     # 9
        ["1.000659", "Mức độ lạ", "Hộ tịch", "Cấp xã", "", "Trực tuyến mức 4", LINK],
    ]
    with translation.override("en"):
        report = import_procedures(sheet(*rows), site_b.member)
    outcomes = {row.row_number: row for row in report.rows}
    assert [row.row_number for row in report.created] == [2]
    assert [row.row_number for row in report.rejected] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert outcomes[3].errors == ["“Mã thủ tục” is required."]
    assert outcomes[4].errors == ["“Tên thủ tục” is required."]
    assert "Unknown level “Cấp huyện”" in outcomes[5].errors[0]
    assert outcomes[6].errors[0].startswith("Đường dẫn dịch vụ công trực tuyến “javascript:alert(1)”")
    assert "appears more than once in the file (rows 7, 8)" in outcomes[7].errors[0]
    assert outcomes[8].errors == outcomes[7].errors
    assert outcomes[9].errors[0].startswith("Mã thủ tục “TTHC-9”")
    assert "Unknown degree of online service" in outcomes[10].errors[0]
    # A refused row leaves nothing behind.
    assert list(procedures(site_b).values_list("code", flat=True)) == ["1.001193"]


def test_a_refused_row_leaves_the_stored_procedure_as_it_was(site_b):
    import_procedures(sheet(BIRTH), site_b.member)
    broken = [*BIRTH[:5], "Toàn trình", "ftp://dichvucong.gov.vn/"]
    report = import_procedures(sheet(broken), site_b.member)
    assert report.rows[0].outcome == "rejected"
    assert procedures(site_b).get().online_service_url == LINK


def test_each_site_imports_into_its_own_catalogue(site_a, site_b):
    import_procedures(sheet(BIRTH), site_b.member)
    report = import_procedures(sheet([*BIRTH[:1], "Tên khác", *BIRTH[2:]]), site_a.member)
    assert report.rows[0].outcome == "created"
    assert procedures(site_b).get().name == "Đăng ký khai sinh"


def test_a_dry_run_saves_nothing_and_reports_what_would_happen(site_b):
    report = import_procedures(sheet(BIRTH, MARRIAGE), site_b.member, dry_run=True)
    assert len(report.created) == 2 and report.dry_run
    assert not procedures(site_b).exists()
    assert not ModelLogEntry.objects.filter(action="loa.procedure.import").exists()


def test_imports_are_audited(site_b):
    import_procedures(sheet(BIRTH), site_b.member)
    entry = ModelLogEntry.objects.get(action="loa.procedure.import")
    assert entry.data["change"] == "created" and entry.data["row"] == 2


def test_semicolon_csv_and_english_headers(site_b):
    headers = ["code", "name", "field", "level"]
    data = sheet(["1.001193", "Đăng ký khai sinh", "Hộ tịch", "commune"], headers=headers, delimiter=";")
    assert len(import_procedures(data, site_b.member).created) == 1


def xlsx(*rows) -> io.BytesIO:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    stream.seek(0)
    return stream


def test_an_excel_workbook_and_the_zeros_excel_drops_from_a_code(site_b):
    # Excel reads "2.000630" as the number 2.00063; the code is given back its six decimals.
    stream = xlsx(HEADERS[:4], [2.00063, "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "Cấp xã"],
                  ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "xã"])
    report = import_procedures(stream, site_b.member)
    assert [row.code for row in report.created] == ["2.000630", "1.001193"]


def file_error(data: bytes) -> str:
    with translation.override("en"), pytest.raises(ImportFileError) as error:
        import_procedures(io.BytesIO(data), None)
    return str(error.value)


def test_files_that_are_not_sheets_are_refused_by_their_content(db):
    assert "neither an Excel workbook" in file_error(b"%PDF-1.7\n\xe2\xe3\xcf\xd3 binary")
    assert "neither an Excel workbook" in file_error("Tên,Mã".encode("latin-1"))
    assert "neither an Excel workbook" in file_error("Mã thủ tục".encode("utf-16"))
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "cannot be read" in file_error(docx.getvalue())
    assert "empty" in file_error(b"  \n")


def test_files_without_the_required_columns_or_rows_are_refused(db):
    assert "lacks required columns: “Lĩnh vực”, “Cấp thực hiện”" in file_error(
        "Mã thủ tục,Tên thủ tục\n1.001193,Đăng ký khai sinh\n".encode()
    )
    assert "no procedures" in file_error(",".join(HEADERS).encode())
    assert "more than once" in file_error("Mã thủ tục,code,Tên thủ tục,Lĩnh vực,Cấp thực hiện\n".encode())


def test_size_and_row_limits(db, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    assert "more than 2 rows" in file_error(sheet(BIRTH, MARRIAGE, BIRTH).getvalue())
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 100)
    assert "larger than" in file_error(sheet(BIRTH, MARRIAGE).getvalue())


def test_the_management_command(site_b, capsys):
    path = SAMPLE_FILE
    call_command("import_procedures", site_b.hostname, str(path), "--dry-run")
    assert not procedures(site_b).exists()
    call_command("import_procedures", site_b.hostname, str(path))
    assert procedures(site_b).count() == 12
    with pytest.raises(CommandError):
        call_command("import_procedures", "khong-co.localhost", str(path))
    with pytest.raises(CommandError):
        call_command("import_procedures", site_b.hostname, str(path.with_name("khong-co.csv")))
