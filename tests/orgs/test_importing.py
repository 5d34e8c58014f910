import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from loa.orgs.importing import MAX_FILE_BYTES, MAX_ROWS, ImportFileError, import_organizations
from loa.orgs.models import Kind, Organization
from loa.orgs.roles import Role
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

# Registered by loa.orgs.wagtail_hooks, inside the admin (which applies the user's language).
IMPORT_URL = "/admin/organizations/import/"

HEADER = "code,name,kind,unit_code,parent_code,email,phone,address"


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, whatever translations the catalog holds."""
    with translation.override("en"):
        yield


def csv_file(*lines: str, bom: bool = False) -> io.BytesIO:
    return io.BytesIO(("\ufeff" if bom else "").encode() + "\n".join(lines).encode("utf-8"))


def xlsx_file(*rows: list) -> io.BytesIO:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    stream.seek(0)
    return stream


def errors_of(report, code: str) -> list[str]:
    return next(rejected.errors for rejected in report.rejected if rejected.code == code)


# Happy paths


def test_csv_creates_organizations_with_parents_listed_before_or_after(province, commune):
    report = import_organizations(
        csv_file(
            HEADER,
            f"CAX-1,Công an phường,commune_police,{commune.code},CAT-75,cax@example.vn,,",
            "CAT-75,Công an tỉnh Đồng Nai,provincial_police,75,,,0251 3822 222,"
            '"Số 161, đường Phạm Văn Thuận, phường Tam Hiệp"',
            "PC06-75,Phòng PC06,police_division,75,CAT-75,,,",
        )
    )
    assert report.rejected == []
    assert sorted(report.created) == ["CAT-75", "CAX-1", "PC06-75"]
    provincial = Organization.objects.get(code="CAT-75")
    assert provincial.unit == province and provincial.parent is None
    assert provincial.address == "Số 161, đường Phạm Văn Thuận, phường Tam Hiệp"
    assert provincial.phone == "0251 3822 222"
    commune_police = Organization.objects.get(code="CAX-1")
    assert commune_police.unit == commune and commune_police.parent == provincial
    assert commune_police.email == "cax@example.vn"
    assert Organization.objects.get(code="PC06-75").parent == provincial


def test_csv_updates_by_code_and_leaves_missing_columns_alone(province):
    department = make_org(
        Kind.DEPARTMENT, province, code="STP", name="Sở Tư pháp cũ", address="Biên Hòa"
    )
    report = import_organizations(
        csv_file(
            "code,name,kind,unit_code,email",
            "STP,Sở Tư pháp tỉnh Đồng Nai,department,75,stp@dongnai.gov.vn",
        )
    )
    assert report.updated == ["STP"] and report.created == []
    department.refresh_from_db()
    assert department.name == "Sở Tư pháp tỉnh Đồng Nai"
    assert department.email == "stp@dongnai.gov.vn"
    assert department.address == "Biên Hòa"


def test_vietnamese_headers_bom_and_semicolons(province, commune):
    report = import_organizations(
        csv_file(
            "MÃ;Tên;Tên viết tắt;Tên tiếng Anh;Loại;Ma don vi hanh chinh;Mã cơ quan cấp trên;Email;"
            "Điện thoại;Địa chỉ",
            "UBND-75;Ủy ban nhân dân tỉnh Đồng Nai;UBND tỉnh;Dong Nai Provincial People’s Committee;"
            "People’s Committee;75;;;;Số 2, Nguyễn Văn Trị, Biên Hòa",
            f"UBND-X;UBND phường;;;peoples_committee;{commune.code};UBND-75;;;",
            "STC;Sở Tài chính;STC;;PROVINCIAL DEPARTMENT;75;UBND-75;;;",
            bom=True,
        )
    )
    assert report.rejected == []
    assert report.created == ["UBND-75", "UBND-X", "STC"]
    committee = Organization.objects.get(code="UBND-75")
    assert committee.short_name == "UBND tỉnh"
    assert committee.english_name == "Dong Nai Provincial People’s Committee"
    assert committee.kind == Kind.PEOPLES_COMMITTEE
    assert committee.address == "Số 2, Nguyễn Văn Trị, Biên Hòa"
    assert Organization.objects.get(code="STC").kind == Kind.DEPARTMENT
    assert Organization.objects.get(code="UBND-X").parent == committee


def test_kind_in_its_vietnamese_label(province, monkeypatch):
    """A stand-in catalog entry, so the test holds whatever the real catalog says."""
    vietnamese = translation.trans_real.translation("vi")
    original = vietnamese.gettext
    labels = {"Provincial department": "Sở, ban, ngành"}
    monkeypatch.setattr(vietnamese, "gettext", lambda msgid: labels.get(msgid, original(msgid)))
    report = import_organizations(
        csv_file("Mã;Tên;Loại;Mã đơn vị hành chính", "SYT;Sở Y tế;sở, ban, ngành;75")
    )
    assert report.created == ["SYT"]
    assert Organization.objects.get(code="SYT").kind == Kind.DEPARTMENT


def test_xlsx_creates_and_updates_with_numeric_codes(province, other_province):
    make_org(Kind.PROVINCIAL_POLICE, province, code="CAT-75", name="Tên cũ")
    report = import_organizations(
        xlsx_file(
            ["STT", "Mã", "Tên", "Loại", "Mã đơn vị hành chính", "Mã cơ quan cấp trên",
             "Điện thoại"],
            [1, "CAT-75", "Công an tỉnh Đồng Nai", "provincial_police", 75, None, 2513822222],
            [2, "CAT-01", "Công an thành phố Hà Nội", "provincial_police", 1, None, None],
            [3, "CAX-BD", "Công an phường Ba Đình", "commune_police", 4, "CAT-01", None],
            [4, "SNV-CB", "Sở Nội vụ Cao Bằng", "department", 4, None, None],
            [5, "MT-BD", "Mặt trận phường Ba Đình", "fatherland_front", "00004", None, None],
        )
    )
    assert report.rejected == []
    assert report.updated == ["CAT-75"]
    assert report.created == ["CAT-01", "CAX-BD", "SNV-CB", "MT-BD"]
    updated = Organization.objects.get(code="CAT-75")
    assert updated.name == "Công an tỉnh Đồng Nai" and updated.phone == "2513822222"
    assert Organization.objects.get(code="CAT-01").unit == other_province
    # A bare 4 is province 04 or commune 00004: the kind decides where only one fits.
    assert Organization.objects.get(code="CAX-BD").unit.code == "00004"
    assert Organization.objects.get(code="SNV-CB").unit.code == "04"
    assert Organization.objects.get(code="MT-BD").unit.code == "00004"


def test_a_number_that_fits_two_units_is_refused_not_guessed(db):
    report = import_organizations(
        xlsx_file(["code", "name", "kind", "unit_code"], ["UB", "UBND", "peoples_committee", 4])
    )
    assert report.created == []
    [message] = errors_of(report, "UB")
    assert "“4” is ambiguous" in message and "04 (" in message and "00004 (" in message


def test_rows_are_numbered_as_in_the_sheet(province):
    report = import_organizations(
        xlsx_file(
            [],
            ["code", "name", "kind", "unit_code"],
            ["A", "Sở A", "department", "75"],
            [],
            ["B", "Sở B", "department", "99999"],
        )
    )
    assert report.created == ["A"]
    assert [(rejected.row_number, rejected.code) for rejected in report.rejected] == [(5, "B")]


# Rejected rows


def test_bad_rows_are_rejected_with_their_reasons_and_the_rest_imported(province, commune):
    report = import_organizations(
        csv_file(
            HEADER,
            "OK-1,Sở Xây dựng,department,75,,,,",
            "NO-UNIT,Sở A,department,99999,,,,",
            "NO-PARENT,Sở B,department,75,GHOST,,,",
            "WRONG-LEVEL,Công an xã,commune_police,75,,,,",
            "NO-KIND,Sở C,ministry of magic,75,,,,",
            "NO-NAME,,department,75,,,,",
            ",Không mã,department,75,,,,",
            "BAD-EMAIL,Sở D,department,75,,not-an-email,,",
            "TWICE,Sở E,department,75,,,,",
            "TWICE,Sở F,department,75,,,,",
        )
    )
    assert report.created == ["OK-1"]
    assert Organization.objects.filter(code="OK-1").exists()
    rejected = {row.row_number: (row.code, row.errors) for row in report.rejected}
    assert sorted(rejected) == list(range(3, 12))
    assert errors_of(report, "NO-UNIT") == ["Unknown administrative unit code “99999”."]
    assert errors_of(report, "NO-PARENT") == ["Unknown parent organization code “GHOST”."]
    [level] = errors_of(report, "WRONG-LEVEL")
    assert level.startswith("unit_code “75”: ") and "cannot sit at the Province level" in level
    assert errors_of(report, "NO-KIND") == ["Unknown organization kind “ministry of magic”."]
    assert errors_of(report, "NO-NAME") == ["“name” is required."]
    assert rejected[8] == ("", ["“code” is required."])
    [email] = errors_of(report, "BAD-EMAIL")
    assert email.startswith("email “not-an-email”: ")
    duplicate = "The code “TWICE” appears more than once in the file (rows 10, 11)."
    assert rejected[10] == rejected[11] == ("TWICE", [duplicate])
    assert not Organization.objects.exclude(code="OK-1").exists()


def test_a_cycle_in_the_file_is_refused_with_its_descendants(province):
    report = import_organizations(
        csv_file(
            "code,name,kind,unit_code,parent_code",
            "A,Sở A,department,75,B",
            "B,Sở B,department,75,A",
            "C,Đơn vị C,public_service_unit,75,A",
            "SELF,Sở tự trỏ,department,75,SELF",
            "D,Sở D,department,75,",
        )
    )
    assert report.created == ["D"]
    assert errors_of(report, "A") == ["The parent organizations form a cycle: A → B → A."]
    assert errors_of(report, "B") == ["The parent organizations form a cycle: A → B → A."]
    assert errors_of(report, "C") == ["The parent organization “A” (row 2) was rejected."]
    assert errors_of(report, "SELF") == ["The parent organizations form a cycle: SELF → SELF."]
    assert list(Organization.objects.values_list("code", flat=True)) == ["D"]


def test_a_cycle_through_existing_organizations_is_refused(province):
    top = make_org(Kind.PEOPLES_COMMITTEE, province, code="TOP")
    make_org(Kind.DEPARTMENT, province, code="MID", parent=top)
    report = import_organizations(
        csv_file("code,name,kind,unit_code,parent_code", "TOP,UBND,peoples_committee,75,MID")
    )
    [message] = errors_of(report, "TOP")
    assert "own ancestor" in message
    top.refresh_from_db()
    assert top.parent is None


def test_children_of_a_rejected_parent_row_are_rejected(province, commune, other_province):
    make_org(Kind.PROVINCIAL_POLICE, other_province, code="CAT")  # the rejected row's old self
    report = import_organizations(
        csv_file(
            "code,name,kind,unit_code,parent_code",
            f"CAX,Công an xã,commune_police,{commune.code},CAT",
            "CAT,Công an tỉnh,provincial_police,75,GHOST",
        )
    )
    assert errors_of(report, "CAX") == ["The parent organization “CAT” (row 3) was rejected."]
    assert not Organization.objects.filter(code="CAX").exists()


def test_a_failed_update_leaves_the_old_values(province, other_province):
    police = make_org(Kind.PROVINCIAL_POLICE, province, code="CAT-75", name="Tên cũ")
    hanoi = make_org(Kind.PROVINCIAL_POLICE, other_province, code="CAT-01")
    report = import_organizations(
        csv_file(
            "code,name,kind,unit_code,parent_code",
            "CAT-75,Tên mới,provincial_police,75,CAT-01",
        )
    )
    [message] = errors_of(report, "CAT-75")
    assert message.startswith("parent_code “CAT-01”: The parent organization's area")
    police.refresh_from_db()
    assert (police.name, police.parent) == ("Tên cũ", None)
    assert hanoi.children.count() == 0


def test_a_bad_cell_is_not_judged_again_by_the_model(province, commune):
    make_org(Kind.PROVINCIAL_POLICE, province, code="CAT")
    report = import_organizations(
        csv_file("code,name,kind,unit_code", "CAT,Công an xã,commune_police,99999")
    )
    # The model alone would also object that a commune police cannot sit at the old unit (75).
    assert errors_of(report, "CAT") == ["Unknown administrative unit code “99999”."]
    assert Organization.objects.get(code="CAT").kind == Kind.PROVINCIAL_POLICE


# Dry run and audit


def test_dry_run_reports_but_writes_nothing(province):
    existing = make_org(Kind.DEPARTMENT, province, code="STP", name="Tên cũ")
    report = import_organizations(
        csv_file(
            "code,name,kind,unit_code,parent_code",
            "UB,UBND tỉnh,peoples_committee,75,",
            "STP,Sở Tư pháp,department,75,UB",
            "BAD,Sở lỗi,department,00000,",
        ),
        dry_run=True,
    )
    assert report.dry_run
    assert (report.created, report.updated) == (["UB"], ["STP"])
    assert [rejected.code for rejected in report.rejected] == ["BAD"]
    assert not Organization.objects.filter(code="UB").exists()
    existing.refresh_from_db()
    assert (existing.name, existing.parent) == ("Tên cũ", None)
    assert not ModelLogEntry.objects.filter(action="loa.org.import").exists()


def test_every_imported_organization_is_audited(province):
    admin = make_user(username="importer", is_superuser=True)
    make_org(Kind.DEPARTMENT, province, code="STP")
    import_organizations(
        csv_file(
            "code,name,kind,unit_code",
            "STP,Sở Tư pháp,department,75",
            "SYT,Sở Y tế,department,75",
            "BAD,Sở lỗi,department,00000",
        ),
        actor=admin,
    )
    entries = ModelLogEntry.objects.filter(action="loa.org.import").order_by("pk")
    assert [(entry.label, entry.user_id) for entry in entries] == [
        ("Sở Tư pháp", admin.pk),
        ("Sở Y tế", admin.pk),
    ]
    assert [(entry.data["change"], entry.data["row"]) for entry in entries] == [
        ("updated", 2),
        ("created", 3),
    ]
    assert entries[1].object_id == str(Organization.objects.get(code="SYT").pk)


# Files that cannot be imported


def _zip_that_is_not_a_workbook() -> io.BytesIO:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    stream.seek(0)
    return stream


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (io.BytesIO(b""), "The file is empty."),
        (io.BytesIO(b"\n \n"), "The file is empty."),
        (io.BytesIO(bytes(range(256)) * 10), "neither an Excel workbook (.xlsx) nor a UTF-8 CSV"),
        (io.BytesIO("Tên,Mô\nA,B".encode("cp1258")), "neither an Excel workbook"),
        (io.BytesIO(b"PK\x03\x04garbage"), "neither an Excel workbook"),
        (_zip_that_is_not_a_workbook(), "The Excel workbook cannot be read"),
        (csv_file("code;name"), "lacks required columns: kind (Loại), unit_code (Mã đơn vị"),
        (csv_file("code,name,kind,unit_code,Mã", "A,B,department,75,C"), "“Mã” appears more"),
        (csv_file("code,name,kind,unit_code"), "header row but no organizations"),
        (io.BytesIO(b"code,name,kind,unit_code\n" + b"x" * MAX_FILE_BYTES), "larger than 5 MB"),
        (
            csv_file(HEADER, *[f"C{n},Sở {n},department,75,,,," for n in range(MAX_ROWS + 1)]),
            "more than 5000 rows",
        ),
    ],
    ids=[
        "empty", "blank", "binary", "not-utf8", "broken-zip", "zip-not-xlsx", "missing-columns",
        "duplicate-column", "header-only", "too-large", "too-many-rows",
    ],
)
def test_unusable_files_raise_import_file_error(source, message):
    with pytest.raises(ImportFileError) as error:
        import_organizations(source)
    assert message in str(error.value)
    assert not Organization.objects.exists()


def test_the_row_limit_counts_organization_rows_only(province, monkeypatch):
    monkeypatch.setattr("loa.orgs.importing.MAX_ROWS", 3)
    rows = [f"C{n},Sở {n},department,75" for n in range(3)]
    report = import_organizations(csv_file("code,name,kind,unit_code", *rows, "", ",,,"))
    assert len(report.created) == 3
    with pytest.raises(ImportFileError, match="more than 3 rows"):
        import_organizations(csv_file("code,name,kind,unit_code", *rows, "C3,Sở,department,75"))


# The management command


def test_command_prints_the_report(call, tmp_path, province):
    source = tmp_path / "orgs.csv"
    source.write_text(
        "code,name,kind,unit_code\nSTP,Sở Tư pháp,department,75\n"
        "BAD,Sở lỗi,ministry_police,99999\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call("import_organizations", str(source), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines == [
        "Created: 1, updated: 0, rejected: 1.",
        "Row 3 (BAD): Unknown administrative unit code “99999”.",
    ]
    assert Organization.objects.filter(code="STP").exists()


def test_command_dry_run(call, tmp_path, province):
    source = tmp_path / "orgs.csv"
    source.write_text("code,name,kind,unit_code\nSTP,Sở Tư pháp,department,75\n")
    out = io.StringIO()
    call("import_organizations", str(source), "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        "Dry run: nothing was saved.",
        "Created: 1, updated: 0, rejected: 0.",
    ]
    assert not Organization.objects.exists()


def test_command_fails_on_an_unusable_file(call, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call("import_organizations", str(tmp_path / "missing.csv"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="The file is empty."):
        call("import_organizations", str(empty))


# The admin screen


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def superuser():
    user = make_user(username="root", is_superuser=True, is_staff=True)
    # The admin speaks the user's preferred language; these tests read the English messages.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_superuser_uploads_a_file_and_sees_the_report(client, superuser, province):
    client.force_login(superuser)
    page = client.get(IMPORT_URL)
    assert page.status_code == 200
    assert b'type="file"' in page.content and b"unit_code" in page.content
    content = "code,name,kind,unit_code\nSTP,Sở Tư pháp,department,75\nBAD,Sở lỗi,department,X9\n"
    response = client.post(
        IMPORT_URL,
        {"file": upload("orgs.csv", content.encode())},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Created: 1, updated: 0, rejected: 1." in html
    assert "Unknown administrative unit code “X9”." in html
    assert "STP" in html
    entry = ModelLogEntry.objects.get(action="loa.org.import")
    assert entry.user_id == superuser.pk


def test_the_screen_dry_run_saves_nothing(client, superuser, province):
    client.force_login(superuser)
    content = xlsx_file(["code", "name", "kind", "unit_code"], ["STP", "Sở", "department", 75])
    response = client.post(
        IMPORT_URL,
        {"file": upload("orgs.xlsx", content.getvalue()), "dry_run": "on"},
    )
    assert "Dry run: nothing was saved." in response.content.decode()
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("orgs.txt", b"code,name,kind,unit_code\n", "File extension"),
        ("orgs.csv", b"hello\x00\xff", "neither an Excel workbook"),
        ("orgs.xlsx", b"x" * (MAX_FILE_BYTES + 1), "larger than 5 MB"),
    ],
)
def test_the_screen_shows_file_errors_on_the_form(client, superuser, name, content, message):
    client.force_login(superuser)
    response = client.post(
        IMPORT_URL, {"file": upload(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organization.objects.exists()


def test_anyone_but_a_superuser_gets_404(client, province):
    police = make_org(Kind.PROVINCIAL_POLICE, province)
    staff = make_user((police, Role.UNIT_ADMIN), is_staff=True)
    assert staff.has_perm("wagtailadmin.access_admin")
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 404
    content = b"code,name,kind,unit_code\nSTP,S\xe1\xbb\x9f,department,75\n"
    assert client.post(IMPORT_URL, {"file": upload("orgs.csv", content)}).status_code == 404
    assert not Organization.objects.filter(code="STP").exists()
    client.logout()
    assert client.get(IMPORT_URL)["Location"].startswith("/admin/login/")

