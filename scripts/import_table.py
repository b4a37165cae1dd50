#!/usr/bin/env python3
"""Turn a spreadsheet of practices (one row each) into entry folders.

    python scripts/import_table.py practices.csv
    python scripts/import_table.py practices.xlsx --lang cs

The columns are named after the front-matter fields (templates/practices-template.csv
and .xlsx, also offered on the site's contributor page, list and explain
them). Every row is validated first and reported as `file:row: message`;
nothing is written for a row with a problem, and an existing entry is
never overwritten. Exit status 1 when any row was refused or the file
cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.contributing import tables
from catalogue.model import messages
from catalogue.model.errors import ToolError
from catalogue.contributing.importer import import_records, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("table", help="a .csv (UTF-8) or .xlsx file")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    parser.add_argument("--lang", default="en", choices=messages.MESSAGE_LANGUAGES, help="language of the report")
    args = parser.parse_args(argv)
    entries_dir = Path(args.entries).resolve()
    try:
        rows = tables.read_table(Path(args.table))
    except ToolError as error:
        where = f"{args.table}:1" if error.code in ("missing-columns", "unknown-columns", "duplicate-column") else args.table
        print(f"{where}: {error.message(args.lang)}")
        return 1
    outcomes = import_records(rows, entries_dir)
    for line in report(outcomes, args.table, args.lang, entries_dir.parent):
        print(line)
    return 1 if any(outcome.refused for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
