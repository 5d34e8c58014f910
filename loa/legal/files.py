"""The files attached to legal documents and drafts: checked by content, kept as Wagtail documents.

Files are what the agency published (PDF scans, Word and Excel originals, a ZIP of annexes). A
name proves nothing, so each file must start the way its kind of file starts; the file then
becomes a Wagtail document in the site's collection, where the site's editors already manage files.
"""

from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

MAX_FILE_BYTES = 20 * 1024 * 1024
EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "zip")
ACCEPT = ",".join(f".{extension}" for extension in EXTENSIONS)

# Word 97–2003 and Excel 97–2003 files are OLE2 compound files; they all start with this signature.
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")
# Office Open XML files are zip archives whose main part sits in this folder.
_OOXML_PART = {"docx": "word/", "xlsx": "xl/"}


def _zip_names(file: UploadedFile) -> list[str] | None:
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _is_what_it_says(file: UploadedFile, extension: str) -> bool:
    head = file.read(8)
    file.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("doc", "xls"):
        return head == _OLE2
    names = _zip_names(file)
    if names is None:
        return False
    if extension == "zip":
        return True
    return "[Content_Types].xml" in names and any(
        n.startswith(_OOXML_PART[extension]) for n in names
    )


def validate_file(file: UploadedFile) -> None:
    """A file must be PDF, Word, Excel or ZIP by its content, and at most `MAX_FILE_BYTES`."""
    name = os.path.basename(file.name or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("“%(name)s”: attach PDF, Word (.doc, .docx), Excel (.xls, .xlsx) or ZIP files only."),
            code="file_type",
            params={"name": name},
        )
    if file.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than %(max)s MB."),
            code="file_size",
            params={"name": name, "max": MAX_FILE_BYTES // (1024 * 1024)},
        )
    file.seek(0)
    try:
        if not _is_what_it_says(file, extension):
            raise ValidationError(
                _("“%(name)s” is not a real .%(extension)s file."),
                code="file_content",
                params={"name": name, "extension": extension},
            )
    finally:
        file.seek(0)


def store_files(uploads: list[UploadedFile], collection, user=None) -> list:
    """Wagtail documents, in `collection`, made from checked `uploads`; titled by the file name."""
    Document = get_document_model()
    documents = []
    for upload in uploads:
        document = Document(
            title=os.path.splitext(os.path.basename(upload.name))[0][:255],
            file=upload,
            collection=collection,
            uploaded_by_user=user,
        )
        document._set_document_file_metadata()
        document.save()
        documents.append(document)
    return documents
