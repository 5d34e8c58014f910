"""Bulk import of organizations from a CSV or Excel sheet (nhập danh sách cơ quan, đơn vị).

A province sets up hundreds of agencies, police units and editorial boards at once, from a
spreadsheet someone already keeps. The import is lenient about the sheet's shape (English or
Vietnamese headers, comma or semicolon CSV, codes that Excel turned into numbers) and strict about
its content: every row goes through the model's own validation, a bad row is reported and skipped,
and the good rows are imported. The management command and the admin view call
`import_organizations` and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from loa.audit.log import record
from loa.spreadsheets import (  # noqa: F401  (FILE_TOO_LARGE, ImportFileError: part of this API)
    FILE_TOO_LARGE,
    ImportFileError,
    Row,
    Sheet,
    cell_text,
    read_sheet,
)
from loa.units.models import AdminUnit

from .models import KIND_LEVELS, Kind, Organization

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# Official code widths: provinces 2 digits, districts 3, communes 5. Excel drops the leading zeros
# of a code stored as a number, and a CSV saved from Excel keeps them dropped.
UNIT_CODE_WIDTHS = (2, 3, 5)

# Each column's English key and the Vietnamese header a sheet may use instead; matched regardless of
# case, diacritics and punctuation. These are file formats, not interface text: both are accepted
# whatever the user's language.
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "Mã"),
    "name": ("name", "Tên"),
    "short_name": ("short_name", "Tên viết tắt"),
    "english_name": ("english_name", "Tên tiếng Anh"),
    "kind": ("kind", "Loại"),
    "unit_code": ("unit_code", "Mã đơn vị hành chính"),
    "parent_code": ("parent_code", "Mã cơ quan cấp trên"),
    "email": ("email", "Thư điện tử", "e-mail"),
    "phone": ("phone", "Điện thoại"),
    "address": ("address", "Địa chỉ"),
}
REQUIRED_COLUMNS = ("code", "name", "kind", "unit_code")
# Columns copied as text onto the model field of the same name, when the sheet has them.
TEXT_COLUMNS = ("short_name", "english_name", "email", "phone", "address")
MODEL_FIELD = {"unit_code": "unit", "parent_code": "parent"}
COLUMN_OF_FIELD = {model_field: column for column, model_field in MODEL_FIELD.items()}

@dataclass
class RejectedRow:
    row_number: int  # as the user sees it in the sheet, the header being row 1
    code: str
    errors: list[str]


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        return _("Created: %(created)d, updated: %(updated)d, rejected: %(rejected)d.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "rejected": len(self.rejected),
        }


def import_organizations(
    rows_source: IO[bytes], *, actor=None, dry_run: bool = False
) -> ImportReport:
    """Create or update (by code) the organizations listed in a CSV or .xlsx file.

    Each row is saved in its own transaction (a savepoint inside the caller's), so a rejected row
    leaves nothing behind while the others go in, and a long import never holds the database's write
    lock for long: on SQLite that would stall every other writer. Importing the same file twice is
    harmless, since rows are matched by code. A dry run does the same work, audit entries included,
    inside one transaction that it rolls back, so its report is exactly what the import would do.
    Raises ImportFileError when the file itself is unusable.
    """
    sheet = _read_sheet(rows_source)
    report = ImportReport(dry_run=dry_run)
    if dry_run:
        with transaction.atomic():
            _Importer(sheet, actor, report).run()
            transaction.set_rollback(True)
    else:
        _Importer(sheet, actor, report).run()
    return report


# Reading the file


def _fold(text: str) -> str:
    """Text reduced for matching, without diacritics, case or punctuation: "Mã ĐV" -> "ma dv"."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


_HEADER_KEYS = {_fold(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def _read_sheet(source: IO[bytes]) -> Sheet:
    return read_sheet(
        source,
        max_bytes=MAX_FILE_BYTES,
        max_rows=MAX_ROWS,
        header_key=lambda label: _HEADER_KEYS.get(_fold(label)),
        required_columns=REQUIRED_COLUMNS,
        column_name=lambda key: f"{key} ({COLUMNS[key][1]})",
        no_rows_message=_("The file has a header row but no organizations."),
    )



# Importing the rows


@dataclass(eq=False)
class _Entry:
    """One row on its way in: what it resolved to so far and what is wrong with it."""

    row: Row
    code: str
    parent_code: str
    kind: str = ""
    unit: AdminUnit | None = None
    errors: dict[str | None, list[str]] = field(default_factory=lambda: defaultdict(list))

    def messages(self) -> list[str]:
        return [message for messages in self.errors.values() for message in messages]


class _Importer:
    def __init__(self, sheet: Sheet, actor, report: ImportReport):
        self.sheet = sheet
        self.actor = actor
        self.report = report
        # One query for every unit beats one per row: there are only a few thousand.
        self.units = {unit.code: unit for unit in AdminUnit.objects.all()}
        self.kinds = _kind_names()
        self.rejected_codes: dict[str, int] = {}  # code -> number of the row that was rejected
        # Loaded up front, which is safe: only an organization's own row changes it in an import.
        codes = {row.text("code") for row in sheet.rows} - {""}
        self.existing = Organization.objects.in_bulk(codes, field_name="code")

    def run(self) -> None:
        entries = [self._prepare(row) for row in self.sheet.rows]
        by_code = self._index_codes(entries)
        for entry in self._parents_first(entries, by_code):
            self._apply(entry)
        self.report.rejected.sort(key=lambda rejected: rejected.row_number)

    def _prepare(self, row: Row) -> _Entry:
        """Check what needs no database beyond the units: required cells, kind, unit code."""
        entry = _Entry(row, code=row.text("code"), parent_code=row.text("parent_code"))
        for column in REQUIRED_COLUMNS:
            if not row.text(column):
                entry.errors[column].append(
                    _("“%(column)s” is required.") % {"column": self.sheet.headers[column]}
                )
        if kind := row.text("kind"):
            entry.kind = self.kinds.get(_fold(kind), "")
            if not entry.kind:
                entry.errors["kind"].append(
                    _("Unknown organization kind “%(kind)s”.") % {"kind": kind}
                )
        if row.text("unit_code"):
            try:
                entry.unit = self._find_unit(row.cells.get("unit_code"), entry.kind)
            except ValidationError as error:
                entry.errors["unit_code"].extend(error.messages)
        return entry

    def _find_unit(self, cell: object, kind: str) -> AdminUnit:
        """The unit a cell names, restoring the leading zeros Excel drops.

        Text that is an exact code is taken as written. A number, or digits matching no code, may
        have lost zeros: "4" can be province 04 or commune 00004. The row's kind settles the
        choice when only one of them is a level it can sit at; otherwise the row is refused
        rather than guessed.
        """
        code = cell_text(cell)
        is_number = isinstance(cell, (int, float)) and not isinstance(cell, bool)
        if not is_number and code in self.units:
            return self.units[code]
        candidates = [code] if is_number else []
        if code.isascii() and code.isdigit():
            candidates += [code.zfill(width) for width in UNIT_CODE_WIDTHS if width > len(code)]
        found = [self.units[candidate] for candidate in candidates if candidate in self.units]
        if len(found) > 1 and kind:
            found = [unit for unit in found if unit.level in KIND_LEVELS[kind]] or found
        if not found:
            raise ValidationError(
                _("Unknown administrative unit code “%(code)s”.") % {"code": code}
            )
        if len(found) > 1:
            raise ValidationError(
                _(
                    "The administrative unit code “%(code)s” is ambiguous: it may mean"
                    " %(candidates)s. Enter the code as text, with its leading zeros."
                )
                % {
                    "code": code,
                    "candidates": ", ".join(f"{unit.code} ({unit.name})" for unit in found),
                }
            )
        return found[0]

    def _index_codes(self, entries: list[_Entry]) -> dict[str, _Entry]:
        """The file's rows by code; a code on several rows rejects all of them, being ambiguous."""
        rows_of: dict[str, list[_Entry]] = defaultdict(list)
        for entry in entries:
            if entry.code:
                rows_of[entry.code].append(entry)
        by_code = {}
        for code, same in rows_of.items():
            if len(same) == 1:
                by_code[code] = same[0]
                continue
            numbers = ", ".join(str(entry.row.number) for entry in same)
            for entry in same:
                entry.errors["code"].append(
                    _("The code “%(code)s” appears more than once in the file (rows %(rows)s).")
                    % {"code": code, "rows": numbers}
                )
            # Known before any row is applied, so that their children are refused too.
            self.rejected_codes[code] = same[0].row.number
        return by_code

    def _parents_first(self, entries: list[_Entry], by_code: dict[str, _Entry]) -> list[_Entry]:
        """The entries ordered so that a parent in the file comes before its children.

        Walks up each row's chain of in-file parents iteratively (a chain may be thousands long).
        A chain that comes back to a row on it is a cycle: each row on it gets an error.
        """
        ordered: list[_Entry] = []
        placed: set[_Entry] = set()
        for entry in entries:
            chain: list[_Entry] = []
            on_chain: set[_Entry] = set()
            current: _Entry | None = entry
            while current is not None and current not in placed and current not in on_chain:
                chain.append(current)
                on_chain.add(current)
                current = by_code.get(current.parent_code)
            if current is not None and current in on_chain:
                cycle = chain[chain.index(current) :]
                codes = " → ".join([member.code for member in cycle] + [current.code])
                for member in cycle:
                    member.errors["parent_code"].append(
                        _("The parent organizations form a cycle: %(cycle)s.") % {"cycle": codes}
                    )
            for member in reversed(chain):
                placed.add(member)
                ordered.append(member)
        return ordered

    def _apply(self, entry: _Entry) -> None:
        parent = self._find_parent(entry)
        existing = self.existing.get(entry.code)
        organization = existing or Organization()
        self._fill(organization, entry, parent)
        # A field whose cell is already known to be wrong is left out: the model would judge the
        # old or empty value that stands in for it, and the cell's own error says more.
        excluded = {MODEL_FIELD.get(column, column) for column in entry.errors if column}
        try:
            organization.full_clean(exclude=excluded)
        except ValidationError as error:
            for model_field, messages in error.message_dict.items():
                if model_field not in excluded:
                    for message in messages:
                        self._add_field_error(entry, model_field, message)
        if not entry.errors:
            try:
                with transaction.atomic():
                    organization.save()
                    record(
                        organization,
                        "loa.org.import",
                        actor=self.actor,
                        change="updated" if existing else "created",
                        row=entry.row.number,
                    )
            except IntegrityError:
                entry.errors[None].append(
                    _(
                        "The organization could not be saved because of a simultaneous change;"
                        " import the file again."
                    )
                )
        if entry.errors:
            if entry.code:
                self.rejected_codes.setdefault(entry.code, entry.row.number)
            self.report.rejected.append(
                RejectedRow(entry.row.number, entry.code, entry.messages())
            )
        else:
            (self.report.updated if existing else self.report.created).append(entry.code)

    def _find_parent(self, entry: _Entry) -> Organization | None:
        """The parent organization, read afresh from the database.

        Rows before this one may have changed the parent's chain; a fresh read lets the model's
        cycle check see those changes rather than a stale copy.
        """
        code = entry.parent_code
        if not code or entry.errors.get("parent_code"):
            return None
        if code in self.rejected_codes:
            entry.errors["parent_code"].append(
                _("The parent organization “%(code)s” (row %(row)d) was rejected.")
                % {"code": code, "row": self.rejected_codes[code]}
            )
            return None
        parent = Organization.objects.select_related("unit").filter(code=code).first()
        if parent is None:
            entry.errors["parent_code"].append(
                _("Unknown parent organization code “%(code)s”.") % {"code": code}
            )
        return parent

    def _fill(self, organization: Organization, entry: _Entry, parent: Organization | None) -> None:
        """Copy the row onto the organization; a column the sheet lacks leaves its field alone."""
        organization.code = entry.code
        organization.name = entry.row.text("name")
        organization.kind = entry.kind
        if entry.unit is not None:
            organization.unit = entry.unit
        for column in TEXT_COLUMNS:
            if column in self.sheet.headers:
                setattr(organization, column, entry.row.text(column))
        if "parent_code" in self.sheet.headers and not entry.errors.get("parent_code"):
            organization.parent = parent

    def _add_field_error(self, entry: _Entry, model_field: str, message: str) -> None:
        """Record a model validation message under the column it concerns, with the cell's value."""
        if model_field == NON_FIELD_ERRORS:
            entry.errors[None].append(message)
            return
        column = COLUMN_OF_FIELD.get(model_field, model_field)
        label = self.sheet.headers.get(column) or capfirst(
            Organization._meta.get_field(model_field).verbose_name
        )
        value = entry.row.text(column)
        if value:
            text = _("%(column)s “%(value)s”: %(message)s") % {
                "column": label,
                "value": value,
                "message": message,
            }
        else:
            text = _("%(column)s: %(message)s") % {"column": label, "message": message}
        entry.errors[column].append(text)


def _kind_names() -> dict[str, str]:
    """Each accepted spelling of an organization kind: its value, and its label in each language."""
    names = {}
    for kind in Kind:
        names[_fold(kind.value)] = kind.value
        for language in dict(settings.LANGUAGES):
            with translation.override(language):
                names[_fold(str(kind.label))] = kind.value
    return names
