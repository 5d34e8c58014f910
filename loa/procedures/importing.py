"""Import of a site's administrative procedures from a CSV or Excel sheet.

Agencies already keep their list of procedures in a spreadsheet, usually exported from the National
Database of Administrative Procedures; this reads it into one member site's catalogue. The first
non-empty row names the columns, in Vietnamese or in English, matched regardless of case,
diacritics and punctuation; other columns (such as "STT") are ignored:

=====================================  ====================  ======================================
Vietnamese header                      English header        content
=====================================  ====================  ======================================
Mã thủ tục (required)                  code                  the national code: 1.001193, or the
                                                             local form 1.001193.000.00.00.H16
Tên thủ tục (required)                 name                  the procedure's name
Lĩnh vực (required)                    field                 such as Hộ tịch, Chứng thực
Cấp thực hiện (required)               level                 Cấp trung ương, Cấp tỉnh, Cấp xã or
                                                             Cơ quan khác (or central, province,
                                                             commune, other)
Cơ quan thực hiện                      agency                the implementing agency
Thời hạn giải quyết                    processing_time       such as "03 ngày làm việc"
Phí, lệ phí                            fees                  text
Thành phần hồ sơ                       papers                one paper on each line of the cell
Kết quả thực hiện                      result                text
Căn cứ pháp lý                         legal_basis           text, one document on each line
Mức độ dịch vụ công trực tuyến         online_service        Toàn trình, Một phần or Không
                                                             (full, partial, none)
Đường dẫn dịch vụ công trực tuyến      online_service_url    http(s) address of the online service
=====================================  ====================  ======================================

A row updates the site's procedure with its code, or creates one; a row that would change nothing
is reported unchanged and left alone. A column the sheet lacks leaves that field of an existing
procedure alone. `fixtures/thu-tuc-mau.csv` is a sample.

Rows are imported one by one, each in its own transaction, as `loa.orgs.importing` does with
organizations: procedures do not refer to one another, so a bad row has no bearing on the others,
and refusing a 300-row sheet for one typo would only send the editor back to fix a row that
the report already names. A refused row leaves nothing behind; a file that is not a readable sheet,
is too large or lacks a required column is refused whole, before anything is saved. A dry run does
everything, audit entries included, inside a transaction it rolls back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from loa.audit.log import record
from loa.portal.models import MemberSite
from loa.search.text import fold
from loa.spreadsheets import (  # noqa: F401  (FILE_TOO_LARGE, ImportFileError: part of this API)
    FILE_TOO_LARGE,
    ImportFileError,
    Row,
    Sheet,
    cell_text,
    read_sheet,
)

from .models import AdministrativeProcedure, Level, OnlineService

SAMPLE_FILE = Path(__file__).resolve().parent / "fixtures" / "thu-tuc-mau.csv"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 3000  # a province's whole catalogue is about 2,000 procedures

# Each column's key (the model field) and the headers a sheet may use for it; file formats, not
# interface text, so accepted whatever the user's language. The first alias is the Vietnamese one.
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("Mã thủ tục", "Mã TTHC", "Mã số", "code"),
    "name": ("Tên thủ tục", "Tên thủ tục hành chính", "Tên TTHC", "name"),
    "field": ("Lĩnh vực", "field"),
    "level": ("Cấp thực hiện", "level"),
    "agency": ("Cơ quan thực hiện", "agency"),
    "processing_time": ("Thời hạn giải quyết", "processing_time"),
    "fees": ("Phí, lệ phí", "Lệ phí", "Phí", "fees"),
    "papers": ("Thành phần hồ sơ", "papers"),
    "result": ("Kết quả thực hiện", "Kết quả", "result"),
    "legal_basis": ("Căn cứ pháp lý", "legal_basis"),
    "online_service": ("Mức độ dịch vụ công trực tuyến", "Mức độ DVCTT", "online_service"),
    "online_service_url": (
        "Đường dẫn dịch vụ công trực tuyến",
        "Đường dẫn DVCTT",
        "Liên kết dịch vụ công",
        "online_service_url",
    ),
}
REQUIRED_COLUMNS = ("code", "name", "field", "level")
TEXT_COLUMNS = (
    "name", "field", "agency", "processing_time", "fees", "papers", "result", "legal_basis",
    "online_service_url",
)
# How sheets name the levels and the degrees of online service, besides the values themselves.
LEVEL_NAMES: dict[str, tuple[str, ...]] = {
    Level.CENTRAL: ("Cấp trung ương", "Trung ương", "Cấp Bộ", "Bộ"),
    Level.PROVINCE: ("Cấp tỉnh", "Tỉnh"),
    Level.COMMUNE: ("Cấp xã", "Xã", "Phường", "Đặc khu"),
    Level.OTHER: ("Cơ quan khác", "Khác"),
}
ONLINE_NAMES: dict[str, tuple[str, ...]] = {
    OnlineService.FULL: ("Toàn trình", "Dịch vụ công trực tuyến toàn trình"),
    OnlineService.PARTIAL: ("Một phần", "Dịch vụ công trực tuyến một phần"),
    OnlineService.NONE: ("Không", "Không có", ""),
}
# A code Excel took for a number: 2.000630 became 2.00063, its trailing zeros gone.
_CODE_AS_NUMBER = re.compile(r"^\d\.\d{1,5}$")

@dataclass
class RowOutcome:
    row_number: int  # as the user sees it in the sheet, the header being row 1
    code: str
    outcome: str  # "created", "updated", "unchanged" or "rejected"
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    site: MemberSite
    rows: list[RowOutcome] = field(default_factory=list)
    dry_run: bool = False

    def _with(self, outcome: str) -> list[RowOutcome]:
        return [row for row in self.rows if row.outcome == outcome]

    @property
    def created(self) -> list[RowOutcome]:
        return self._with("created")

    @property
    def updated(self) -> list[RowOutcome]:
        return self._with("updated")

    @property
    def unchanged(self) -> list[RowOutcome]:
        return self._with("unchanged")

    @property
    def rejected(self) -> list[RowOutcome]:
        return self._with("rejected")

    def summary(self) -> str:
        return _(
            "Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d,"
            " rejected: %(rejected)d."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "rejected": len(self.rejected),
        }


def import_procedures(
    source: IO[bytes], site: MemberSite, *, actor=None, dry_run: bool = False
) -> ImportReport:
    """Create or update (by code) `site`'s procedures from a CSV or .xlsx file; report each row.

    Raises ImportFileError, having saved nothing, when the file itself is unusable.
    """
    sheet = _read_sheet(source)
    report = ImportReport(site=site, dry_run=dry_run)
    importer = _Importer(sheet, site, actor, report)
    if dry_run:
        with transaction.atomic():
            importer.run()
            transaction.set_rollback(True)
    else:
        importer.run()
    return report


# Reading the file


def _code_text(value: object) -> str:
    """The code in a cell, given back its trailing zeros if Excel stored it as a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.6f}"
    code = cell_text(value)
    if _CODE_AS_NUMBER.match(code):
        return code.ljust(8, "0")
    return code


def _header_text(label: str) -> str:
    """A header reduced for matching: "Phí, lệ phí" and "phi le phi" are the same column."""
    return fold(re.sub(r"[\W_]+", " ", label))


_HEADER_KEYS = {
    _header_text(alias): key for key, aliases in COLUMNS.items() for alias in aliases
}


def _header_key(label: str) -> str | None:
    return _HEADER_KEYS.get(_header_text(label))


def _read_sheet(source: IO[bytes]) -> Sheet:
    return read_sheet(
        source,
        max_bytes=MAX_FILE_BYTES,
        max_rows=MAX_ROWS,
        header_key=_header_key,
        required_columns=REQUIRED_COLUMNS,
        column_name=lambda key: f"“{COLUMNS[key][0]}”",
        no_rows_message=_("The file has a header row but no procedures."),
    )



# Importing the rows


def _imported_values(procedure: AdministrativeProcedure) -> tuple:
    return tuple(getattr(procedure, column) for column in COLUMNS)


def _names(spellings: dict[str, tuple[str, ...]], choices) -> dict[str, str]:
    """Each accepted spelling of a choice, folded: its value, its English label, the sheet names."""
    names = {}
    with translation.override("en"):
        for choice in choices:
            for spelling in (choice.value, str(choice.label), *spellings[choice]):
                names[fold(spelling)] = choice.value
    return names


class _Importer:
    def __init__(self, sheet: Sheet, site: MemberSite, actor, report: ImportReport):
        self.sheet = sheet
        self.site = site
        self.actor = actor
        self.report = report
        self.levels = _names(LEVEL_NAMES, Level)
        self.online = _names(ONLINE_NAMES, OnlineService)
        # Only each procedure's own row changes it during an import: loading them up front is safe.
        self.existing = {
            procedure.code: procedure
            for procedure in AdministrativeProcedure.objects.filter(
                site=site, code__in={_code_text(row.cells.get("code")) for row in sheet.rows}
            )
        }

    def run(self) -> None:
        codes = Counter(_code_text(row.cells.get("code")) for row in self.sheet.rows)
        rows_of = {
            code: ", ".join(str(row.number) for row in self.sheet.rows
                            if _code_text(row.cells.get("code")) == code)
            for code, count in codes.items() if code and count > 1
        }
        for row in self.sheet.rows:
            self.report.rows.append(self._apply(row, rows_of))

    def _apply(self, row: Row, duplicated: dict[str, str]) -> RowOutcome:
        code = _code_text(row.cells.get("code"))
        errors: dict[str, list[str]] = {}
        for column in REQUIRED_COLUMNS:
            if not row.text(column):
                errors.setdefault(column, []).append(
                    _("“%(column)s” is required.") % {"column": self.sheet.headers[column]}
                )
        if code in duplicated:
            errors.setdefault("code", []).append(
                _("The code “%(code)s” appears more than once in the file (rows %(rows)s).")
                % {"code": code, "rows": duplicated[code]}
            )
        existing = self.existing.get(code)
        procedure = existing or AdministrativeProcedure(site=self.site)
        before = _imported_values(procedure)
        self._fill(procedure, row, code, errors)
        if existing and not errors and _imported_values(procedure) == before:
            # Saving would only bump the date and the audit log: a sheet imported again is a no-op.
            return RowOutcome(row.number, code, "unchanged")
        # A field whose cell is already known to be wrong is left out of the model's checks: its
        # own message says more than one about the value standing in for it.
        try:
            procedure.full_clean(exclude=set(errors) | {"site"}, validate_unique=False)
        except ValidationError as error:
            for model_field, messages in error.message_dict.items():
                for message in messages:
                    self._add_field_error(errors, row, model_field, message)
        if not errors:
            try:
                with transaction.atomic():
                    procedure.save()
                    record(
                        procedure,
                        "loa.procedure.import",
                        actor=self.actor,
                        change="updated" if existing else "created",
                        row=row.number,
                    )
            except IntegrityError:
                errors[NON_FIELD_ERRORS] = [
                    _("The procedure could not be saved because of a simultaneous change;"
                      " import the file again.")
                ]
        if errors:
            messages = [message for column_errors in errors.values() for message in column_errors]
            return RowOutcome(row.number, code, "rejected", messages)
        return RowOutcome(row.number, code, "updated" if existing else "created")

    def _fill(self, procedure: AdministrativeProcedure, row: Row, code: str, errors) -> None:
        """Copy the row onto the procedure; a column the sheet lacks leaves its field alone."""
        procedure.code = code
        for column in TEXT_COLUMNS:
            if column in self.sheet.headers:
                setattr(procedure, column, row.text(column))
        if level := row.text("level"):
            procedure.level = self.levels.get(fold(level), "")
            if not procedure.level:
                errors.setdefault("level", []).append(
                    _("Unknown level “%(level)s”: write Cấp trung ương, Cấp tỉnh, Cấp xã or Cơ quan"
                      " khác.") % {"level": level}
                )
        if "online_service" in self.sheet.headers:
            degree = row.text("online_service")
            value = self.online.get(fold(degree))
            if value is None:
                errors.setdefault("online_service", []).append(
                    _("Unknown degree of online service “%(degree)s”: write Toàn trình, Một phần or"
                      " Không.") % {"degree": degree}
                )
            else:
                procedure.online_service = value

    def _add_field_error(self, errors, row: Row, model_field: str, message: str) -> None:
        """A model validation message, under the column it concerns, with the cell's value."""
        if model_field == NON_FIELD_ERRORS:
            errors.setdefault(NON_FIELD_ERRORS, []).append(message)
            return
        label = self.sheet.headers.get(model_field) or capfirst(
            AdministrativeProcedure._meta.get_field(model_field).verbose_name
        )
        cell = row.cells.get(model_field)
        value = _code_text(cell) if model_field == "code" else cell_text(cell)
        if value:
            text = _("%(column)s “%(value)s”: %(message)s") % {
                "column": label, "value": value, "message": message
            }
        else:
            text = _("%(column)s: %(message)s") % {"column": label, "message": message}
        errors.setdefault(model_field, []).append(text)
