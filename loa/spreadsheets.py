"""Reading an uploaded sheet, Excel (.xlsx) or UTF-8 CSV, into numbered rows of named columns.

Provinces keep their lists (organizations, administrative procedures) in Excel; the importers
accept the workbook or its CSV export, with the columns in any order under any header they know,
and refuse a file that is neither, too large, or a zip bomb, before reading a row. Each importer
says which headers it knows (`header_key`), which columns it needs, and what to do with the rows;
its management command is an `ImportCommand`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import IO

import openpyxl
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# An .xlsx file is a zip archive: a small upload can inflate to gigabytes before openpyxl parses it.
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"

FILE_TOO_LARGE = gettext_lazy("The file is larger than %(megabytes)d MB.")

# Column key -> (position in the row, the header as written in the file).
Headers = dict[str, tuple[int, str]]


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message says why, in the user's language."""


def cell_text(value: object) -> str:
    """A cell as text: Excel's whole numbers without their ".0", surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass(eq=False)
class Row:
    number: int  # as the user sees it in the sheet, the header being row 1
    cells: dict[str, object]  # column key -> raw cell value (text, or a number from Excel)

    def text(self, column: str) -> str:
        return cell_text(self.cells.get(column))


@dataclass
class Sheet:
    headers: dict[str, str]  # column key -> the header as written in the file
    rows: list[Row]


def read_sheet(
    source: IO[bytes],
    *,
    max_bytes: int,
    max_rows: int,
    header_key: Callable[[str], str | None],
    required_columns: Sequence[str],
    column_name: Callable[[str], str],
    no_rows_message: str,
) -> Sheet:
    """The rows of the sheet in `source`, under the columns its first non-empty row names.

    `header_key` gives the column key of a header as written (None for a column to ignore, such as
    "STT"); `column_name` names a missing required column in the error. Raises ImportFileError when
    the file is too large, empty, not a sheet, has a required column missing or a column twice, or
    has no row below its header (`no_rows_message`).
    """
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportFileError(FILE_TOO_LARGE % {"megabytes": max_bytes // (1024 * 1024)})
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    lines = _xlsx_lines(data) if data.startswith(ZIP_SIGNATURE) else _csv_lines(data)
    headers: Headers | None = None
    rows: list[Row] = []
    with closing(lines):
        for number, cells in enumerate(lines, start=1):
            if not any(cell_text(cell) for cell in cells):
                continue
            if headers is None:
                headers = _map_headers(cells, header_key, required_columns, column_name)
                continue
            if len(rows) == max_rows:
                raise ImportFileError(
                    _("The file has more than %(limit)d rows; split it into smaller files.")
                    % {"limit": max_rows}
                )
            values = {
                key: cells[index] for key, (index, _label) in headers.items() if index < len(cells)
            }
            rows.append(Row(number, values))
    if headers is None:
        raise ImportFileError(_("The file is empty."))
    if not rows:
        raise ImportFileError(no_rows_message)
    return Sheet({key: label for key, (_index, label) in headers.items()}, rows)


def _map_headers(
    cells: Sequence[object],
    header_key: Callable[[str], str | None],
    required_columns: Sequence[str],
    column_name: Callable[[str], str],
) -> Headers:
    found: Headers = {}
    for index, cell in enumerate(cells):
        label = cell_text(cell)
        key = header_key(label)
        if key is None:
            continue
        if key in found:
            raise ImportFileError(
                _("The column “%(column)s” appears more than once in the header row.")
                % {"column": label}
            )
        found[key] = (index, label)
    missing = [key for key in required_columns if key not in found]
    if missing:
        raise ImportFileError(
            _("The header row lacks required columns: %(columns)s.")
            % {"columns": ", ".join(column_name(key) for key in missing)}
        )
    return found


def _not_a_sheet() -> ImportFileError:
    return ImportFileError(
        _(
            "The file is neither an Excel workbook (.xlsx) nor a UTF-8 CSV file. In Excel, save it"
            " as “Excel Workbook (.xlsx)” or “CSV UTF-8”."
        )
    )


def _csv_lines(data: bytes) -> Generator[Sequence[object], None, None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_a_sheet() from error
    if "\x00" in text:
        raise _not_a_sheet()
    # The delimiter is read off the header line alone: csv.Sniffer weighs every line, and the commas
    # inside Vietnamese addresses ("Phường X, tỉnh Y") regularly fool it in semicolon files.
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise _not_a_sheet() from error


def _xlsx_lines(data: bytes) -> Generator[Sequence[object], None, None]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise _not_a_sheet() from error
    if inflated > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(_("The workbook is too large once uncompressed."))
    unreadable = _("The Excel workbook cannot be read: it may be damaged or password-protected.")
    # openpyxl reports a damaged or foreign archive (a .docx, say) with whatever exception its
    # parser meets (KeyError, ValueError, XML syntax errors...), so any failure here means
    # "unreadable workbook".
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise ImportFileError(unreadable) from error
    try:
        worksheet = workbook.worksheets[0]
        # Files written by some tools declare wrong dimensions, which truncates read-only reading.
        worksheet.reset_dimensions()
        yield from worksheet.iter_rows(min_row=1, values_only=True)
    except Exception as error:
        raise ImportFileError(unreadable) from error
    finally:
        workbook.close()


class ImportCommand(BaseCommand):
    """A command that imports a sheet: the file and `--dry-run` as arguments, then the importer's
    report, with every refused row and its reasons. Subclasses say how to import (`import_file`);
    the report has a `summary()` and `rejected` rows with `row_number`, `code` and `errors`."""

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or .xlsx file, with a header row.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, saving nothing."
        )

    def import_file(self, stream: IO[bytes], *, dry_run: bool, **options):
        raise NotImplementedError

    def handle(self, *args, file: str, dry_run: bool = False, **options):
        try:
            with open(file, "rb") as stream:
                report = self.import_file(stream, dry_run=dry_run, **options)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": file, "error": error.strerror}
            ) from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        self.stdout.write(report.summary())
        for rejected in report.rejected:
            self.stdout.write(
                self.style.ERROR(
                    _("Row %(row)d (%(code)s): %(errors)s")
                    % {
                        "row": rejected.row_number,
                        "code": rejected.code or "—",
                        "errors": "; ".join(rejected.errors),
                    }
                )
            )
