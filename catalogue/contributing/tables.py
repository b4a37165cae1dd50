"""Spreadsheets of practices: reading a .csv or .xlsx, and the templates to start from.

One row per practice, the first row naming the columns (see `records`).
CSV files may use commas or semicolons (as Czech and Polish spreadsheet
programs save them) and must be UTF-8. Of an .xlsx workbook the sheet
named "practices" is read, else the first one.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
import zipfile
from pathlib import Path

from catalogue.contributing import flat_fields
from catalogue.model import fields, glossary, messages, vocabularies
from catalogue.model.errors import ToolError
from catalogue.model.messages import Phrase

SHEET = "practices"
HELP_SHEET = "help"
FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _cell(value) -> str:
    """A cell as text: 2015.0 -> "2015", a date -> "2026-11-22"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ToolError("table-unreadable", reason=Phrase.of("reason-not-utf8")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ToolError("table-unreadable", reason=Phrase.of("reason-not-csv", detail=str(error))) from None


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ToolError("table-unreadable", reason=Phrase.of("reason-not-xlsx")) from None
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_rows(path: Path) -> list[list[str]]:
    """Every row of the table as text cells; ToolError when it cannot be read."""
    if not path.is_file():
        raise ToolError("table-unreadable", reason=Phrase.of("reason-missing"))
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    raise ToolError("table-kind")


def check_header(header: list[str]) -> list[str]:
    """The column names, or ToolError naming missing, unknown or repeated columns."""
    names = [name.strip().lower() for name in header]
    while names and not names[-1]:
        names.pop()
    allowed = flat_fields.columns()
    unknown = [name for name in names if name not in allowed]
    if unknown:
        close = difflib.get_close_matches(unknown[0], allowed, n=1) if len(unknown) == 1 else []
        raise ToolError("unknown-columns", columns=", ".join(unknown), allowed=", ".join(allowed),
                        hint=Phrase.of("did-you-mean", name=close[0]) if close else "")
    repeated = next((name for index, name in enumerate(names) if name in names[:index]), None)
    if repeated:
        raise ToolError("duplicate-column", column=repeated)
    missing = [name for name in flat_fields.required_columns() if name not in names]
    if missing:
        raise ToolError("missing-columns", columns=", ".join(missing), required=", ".join(flat_fields.required_columns()))
    return names


def read_table(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(row number, record) for each non-empty row below the header."""
    rows = read_rows(path)
    if not rows:
        raise ToolError("no-rows")
    names = check_header(rows[0])
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if any(cell for cell in row):
            found.append((number, {name: row[index] if index < len(row) else "" for index, name in enumerate(names)}))
    if not found:
        raise ToolError("no-rows")
    return found


def column_help(column: str, lang: str) -> str:
    """What to write in `column`, in `lang`."""
    tools = lambda code, **params: messages.render(code, params, lang, "tools")  # noqa: E731
    if column.startswith(flat_fields.TEXT_PREFIX):
        return tools("format-text", heading=glossary.sections(lang)[column[len(flat_fields.TEXT_PREFIX):]])
    required = tools("column-required" if column in flat_fields.required_columns() else "column-optional")
    text = f"{fields.label(column, lang)} ({required}). {fields.help_text(column, lang)}"
    vocabulary = fields.vocabulary_of(column) if column in fields.original_fields() else None
    if column in flat_fields.PARTS:
        names = flat_fields.PARTS[column]
        text += " " + tools("format-lines", shape=" | ".join(names))
        if vocabulary:
            text += " " + tools("format-term", terms=", ".join(vocabularies.ids(vocabulary)))
    elif vocabulary:
        text += " " + tools("format-term", terms=", ".join(vocabularies.ids(vocabulary)))
        if fields.original_fields()[column].get("type") == "array":
            text += " " + tools("format-codes")
    elif column in ("countries", "topics", "related", "aliases"):
        text += " " + tools("format-codes")
    elif column == "funding":
        text += " " + tools("format-list")
    return text


def csv_template() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(flat_fields.columns())
    return out.getvalue()


def xlsx_template() -> bytes:
    """The spreadsheet to start from: the header row, and a help sheet in cs, pl and sk."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(flat_fields.columns())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = 24
    sheet.freeze_panes = "A2"
    helper = workbook.create_sheet(HELP_SHEET)
    languages = vocabularies.languages()
    helper.append([messages.render("column-heading", {}, "en", "tools"), *languages])
    for column in flat_fields.columns():
        helper.append([column, *(column_help(column, lang) for lang in languages)])
    for letter in "BCD":
        helper.column_dimensions[letter].width = 70
    for row in helper.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    fixed = datetime.datetime(*FIXED_ZIP_TIME)
    workbook.properties.created = workbook.properties.modified = fixed
    raw = io.BytesIO()
    workbook.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed times, so that its bytes depend only on its content."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", content)
            target.writestr(fixed, content)
    return out.getvalue()
