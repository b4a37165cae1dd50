"""Spreadsheet import and issue conversion: entries written only for records without a problem."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from catalogue.contributing import flat_fields, issue_form, tables
from catalogue.checks.validate import check_catalogue

from tests.conftest import ROOT

IMPORT = ROOT / "scripts" / "import_table.py"
ISSUE = ROOT / "scripts" / "issue_to_entry.py"
ISSUE_BODY = ROOT / "tests" / "fixtures" / "issues" / "propose-practice.md"
TODAY = datetime.date.today().isoformat()
HEADER = ["lang", "title", "summary", "type", "scope", "countries", "place", "libraries", "partners", "audience",
          "started", "status", "sources", "related", "text_context", "text_activities"]
ROWS = [
    ["cs", "Noc s Andersenem v Opavě", "Děti přespí v knihovně a čtou pohádky.", "event", "local", "CZ", "Opava",
     "Knihovna Petra Bezruče v Opavě | Opava | CZ", "Základní škola Opava | Škola", "children; families", "2005",
     "recurring", "Výroční zpráva knihovny | 2006", "noc-v-knihovne", "Děti chtěly zažít knihovnu v noci.",
     "Večerní program s pohádkami a nocleh v knihovně."],
    ["pl", "Kącik czytelniczy", "Kącik w bibliotece.", "workshop", "local", "PL", "Łódź",
     "Biblioteka w Łodzi | Łódź", "", "children", "2010a", "ongoing", "Sprawozdanie", "", "Brak miejsca.", ""],
    ["sk", "Knižnica pre seniorov", "Kurzy práce s počítačom pre seniorov.", "Spoločný projekt", "regional", "SK",
     "Žilina", "Krajská knižnica v Žiline | Žilina | SK", "Mesto Žilina | municipality | SK", "seniors", "2018",
     "finished", "Výročná správa 2019", "", "Seniori chceli kurzy.", "Kurzy práce s počítačom."],
]
BROKEN_ROW = [
    "practices.{ext}:3: libraries: 'Biblioteka w Łodzi | Łódź' must be written as name | place | country | …",
    "practices.{ext}:3: 'workshop' is not allowed in type; allowed: event, project, thematic-partnership, "
    "strategic-partnership",
    "practices.{ext}:3: started must be a year such as 2005 (or empty when the sources give no year), "
    "not the text '2010a'",
    "practices.{ext}:3: nothing written for this row",
]


def run(script: Path, *args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *args, "--entries", str(cwd / "entries")], cwd=cwd,
                          capture_output=True, text=True, input=stdin)


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def files_of(entries: Path) -> dict[str, bytes]:
    return {path.relative_to(entries).as_posix(): path.read_bytes() for path in entries.rglob("*") if path.is_file()}


def test_three_rows_one_broken_gives_two_entries_and_precise_errors(entries: Path):
    write_csv(entries.parent / "practices.csv", [HEADER, *ROWS])
    result = run(IMPORT, "practices.csv", cwd=entries.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "practices.csv:2: written entries/noc-s-andersenem-v-opave/cs.md",
        *(line.format(ext="csv") for line in BROKEN_ROW),
        "practices.csv:4: written entries/kniznica-pre-seniorov/sk.md",
        "written: 2, refused: 1",
    ]
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    noc = catalogue.by_slug["noc-s-andersenem-v-opave"]
    assert (noc.partners[0].kind, noc.audience, noc.started, noc.sources[0].year, noc.related) == (
        "school", ["children", "families"], 2005, 2006, ["noc-v-knihovne"])
    assert catalogue.by_slug["kniznica-pre-seniorov"].type == "project"
    assert noc.texts["cs"].body == (
        "## Kontext a potřeba\n\nDěti chtěly zažít knihovnu v noci.\n\n"
        "## Co se udělalo\n\nVečerní program s pohádkami a nocleh v knihovně."
    )
    assert noc.updated == TODAY


def test_the_same_from_an_excel_workbook_in_polish(entries: Path):
    rows = [[int(cell) if cell.isdigit() else cell for cell in row] for row in ROWS]
    write_xlsx(entries.parent / "practices.xlsx", [HEADER, *rows])
    result = run(IMPORT, "practices.xlsx", "--lang", "pl", cwd=entries.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:3] == [
        "practices.xlsx:3: libraries: 'Biblioteka w Łodzi | Łódź' należy zapisać jako name | place | country | …",
        "practices.xlsx:3: wartość 'workshop' jest niedozwolona w polu type; dozwolone wartości: event, project, "
        "thematic-partnership, strategic-partnership",
    ]
    assert result.stdout.splitlines()[-1] == "zapisano: 2, odrzucono: 1"
    assert sorted(path.name for path in entries.iterdir()) == [
        "kacik-pro-nejmensi", "kniznica-pre-seniorov", "noc-s-andersenem-v-opave", "noc-v-knihovne"]


def test_semicolon_separated_csv_as_spreadsheets_save_it(entries: Path):
    write_csv(entries.parent / "practices.csv", [HEADER, ROWS[0]], delimiter=";")
    result = run(IMPORT, "practices.csv", cwd=entries.parent)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "written: 1, refused: 0")


def test_existing_entries_are_never_overwritten(entries: Path):
    write_csv(entries.parent / "practices.csv", [HEADER + ["slug"], ROWS[0] + ["noc-v-knihovne"],
                                                   ROWS[2] + ["seniori"], ROWS[2] + ["seniori"]])
    before = files_of(entries)
    result = run(IMPORT, "practices.csv", cwd=entries.parent)
    assert result.stdout.splitlines() == [
        "practices.csv:2: the slug 'noc-v-knihovne' is taken by entries/noc-v-knihovne/; "
        "choose another (--slug, or the column slug)",
        "practices.csv:2: nothing written for this row",
        "practices.csv:3: written entries/seniori/sk.md",
        "practices.csv:4: the slug 'seniori' is already used by row 3; give one of them another slug in the column slug",
        "practices.csv:4: nothing written for this row",
        "written: 1, refused: 2",
    ]
    after = files_of(entries)
    assert {name: data for name, data in after.items() if not name.startswith("seniori/")} == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.csv", "lang,title,summary\ncs,A,B\n",
         "p.csv:1: missing column(s) type, scope, countries, place, libraries, audience, started, status, sources; "
         "the first row names the columns, and these are required: lang, title, summary, type, scope, countries, "
         "place, libraries, audience, started, status, sources"),
        ("p.csv", ",".join(HEADER).replace("summary", "sumary") + "\n",
         "p.csv:1: unknown column(s) sumary (did you mean 'summary'?); the columns are: " + ", ".join(flat_fields.columns())),
        ("p.csv", ",".join(HEADER + ["title"]) + "\n", "p.csv:1: the column title appears twice"),
        ("p.csv", ",".join(HEADER) + "\n", "p.csv: no practices below the first row"),
        ("p.csv", "lang;title\ncs;Kn\xedhovna\n".encode("cp1250"),
         "p.csv: cannot be read: it is not UTF-8 text; save it as 'CSV UTF-8'"),
        ("p.xlsx", b"PK\x03\x04 not really a workbook", "p.xlsx: cannot be read: it is not an Excel workbook (.xlsx)"),
        ("p.ods", b"", "p.ods: use a .csv or .xlsx file"),
    ],
)
def test_unreadable_tables_are_refused_whole(entries: Path, name: str, content, message: str):
    path = entries.parent / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    before = files_of(entries)
    result = run(IMPORT, name, cwd=entries.parent)
    assert (result.returncode, result.stdout) == (1, message + "\n")
    assert files_of(entries) == before


def test_a_missing_file_is_named(entries: Path):
    result = run(IMPORT, "nothing.csv", "--lang", "cs", cwd=entries.parent)
    assert (result.returncode, result.stdout) == (1, "nothing.csv: soubor nelze přečíst: soubor neexistuje\n")


def test_the_templates_offered_for_download_are_read_by_the_importer(tmp_path: Path):
    for name in ("practices-template.csv", "practices-template.xlsx"):
        rows = tables.read_rows(ROOT / "templates" / name)
        assert tables.check_header(rows[0]) == flat_fields.columns()
    assert tables.read_rows(ROOT / "templates" / "practices-template.xlsx")[:1] == [flat_fields.columns()]


def test_column_help_explains_the_format_in_each_language():
    assert tables.column_help("libraries", "cs") == (
        "Knihovny (povinný). Zapojené knihovny, aspoň jedna: úřední název, obec, kód země, případně webová adresa. "
        "Každou položku na samostatný řádek (nebo oddělte ;): name | place | country | url."
    )


def test_issue_form_body_becomes_a_valid_entry(entries: Path):
    result = run(ISSUE, "-", cwd=entries.parent, stdin=ISSUE_BODY.read_bytes().decode("utf-8"))
    assert (result.returncode, result.stdout) == (0, "issue: written entries/kacik-malucha-w-trzuszczanach/pl.md\n")
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    practice = catalogue.by_slug["kacik-malucha-w-trzuszczanach"]
    assert (practice.original_language, practice.type, practice.audience, practice.started) == (
        "pl", "project", ["toddlers", "parents"], None)
    assert [(partner.name, partner.kind) for partner in practice.partners] == [
        ("Ochotnicza Straż Pożarna", "fire-brigade"), ("Przedszkole Samorządowe", "preschool")]


def test_an_issue_with_a_bad_value_writes_nothing(entries: Path):
    body = ISSUE_BODY.read_bytes().decode("utf-8").replace("\r\nPL\r\n", "\r\nPolska\r\n", 1)
    before = files_of(entries)
    result = run(ISSUE, "-", "--lang", "sk", cwd=entries.parent, stdin=body)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "issue: hodnota 'POLSKA' nie je v poli countries[0] povolená; povolené hodnoty: dvojpísmenový kód krajiny "
        "podľa ISO 3166-1, napr. CZ, PL alebo SK",
        "issue: z tohto riadku nebolo nič zapísané",
    ]
    assert files_of(entries) == before


def test_a_body_that_is_not_the_form_is_refused(entries: Path):
    result = run(ISSUE, "-", cwd=entries.parent, stdin="Hello, we have a nice project.\n\n### Title\n\nX\n")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "issue: this is not a 'Propose a practice' issue: the headings '### Jazyk textu · Język tekstu', "
        "'### Název praxe · Nazwa praktyki · Názov praxe',"
    )


def test_every_form_field_reads_back_into_its_column():
    body = io.StringIO()
    for column in (*issue_form.ASKED, *flat_fields.text_columns()):
        body.write(f"### {issue_form.label(column)}\n\n{column}-value\n\n")
    record = issue_form.read_issue(body.getvalue())
    assert {column: value for column, value in record.items() if column != "audience"} == {
        column: f"{column}-value" for column in (*issue_form.ASKED, *flat_fields.text_columns()) if column != "audience"}
