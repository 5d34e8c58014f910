import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from loa.legal import files
from loa.legal.files import validate_file


def _ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("phu-luc.txt", "Phụ lục")
    return buffer.getvalue()


OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", b"%PDF-1.7\n%..."),
        ("Quyet-dinh.PDF", b"%PDF-1.4\n"),
        ("cong-van.doc", OLE2),
        ("bang.xls", OLE2),
        ("du-thao.docx", _ooxml("word/")),
        ("bieu-mau.xlsx", _ooxml("xl/")),
        ("phu-luc.zip", _zip()),
    ],
)
def test_real_files_are_accepted(name, content):
    validate_file(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("quyet-dinh.pdf", b"<html>not a pdf</html>", "file_content"),
        ("du-thao.docx", _zip(), "file_content"),
        ("bieu-mau.xlsx", _ooxml("word/"), "file_content"),
        ("cong-van.doc", b"%PDF-1.4", "file_content"),
        ("phu-luc.zip", b"PK but broken", "file_content"),
        ("virus.exe", b"MZ", "file_type"),
        ("anh.png", b"\x89PNG", "file_type"),
        ("khong-co-duoi", b"%PDF-1.4", "file_type"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_file(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_files_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError) as error:
        validate_file(SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4 and more than ten bytes"))
    assert error.value.code == "file_size"
