#!/usr/bin/env python3
"""Turn a "Propose a practice" issue into an entry, checked like any other.

    gh issue view 12 --json body -q .body | python scripts/issue_to_entry.py -
    python scripts/issue_to_entry.py issue-body.md --slug noc-s-andersenem-opava

The entry is validated before anything is written; problems are reported
as `issue: message` and nothing is written. Exit status 1 then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.contributing import issue_form
from catalogue.model import messages
from catalogue.model.errors import ToolError
from catalogue.contributing.importer import import_records, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("body", help="a file holding the issue's body, or - to read it from standard input")
    parser.add_argument("--slug", help="the folder name (default: made from the title)")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    parser.add_argument("--lang", default="en", choices=messages.MESSAGE_LANGUAGES, help="language of the report")
    args = parser.parse_args(argv)
    source = "issue" if args.body == "-" else args.body
    try:
        text = sys.stdin.read() if args.body == "-" else Path(args.body).read_text(encoding="utf-8")
        record = issue_form.read_issue(text)
    except ToolError as error:
        print(f"{source}: {error.message(args.lang)}")
        return 1
    except (OSError, UnicodeDecodeError) as error:
        print(f"{source}: {error}")
        return 1
    if args.slug:
        record["slug"] = args.slug
    entries_dir = Path(args.entries).resolve()
    outcomes = import_records([(1, record)], entries_dir)
    for line in report(outcomes, source, args.lang, entries_dir.parent, rows=False):
        print(line)
    return 1 if outcomes[0].refused else 0


if __name__ == "__main__":
    sys.exit(main())
