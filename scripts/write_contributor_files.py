#!/usr/bin/env python3
"""Write the files generated for contributors from the catalogue's definitions.

    python scripts/write_contributor_files.py          # rewrite what changed
    python scripts/write_contributor_files.py --check  # only list stale files; exit 1 if any

They are: the JSON Schema of the front matter (schema/), the annotated
entry templates and the spreadsheet templates (templates/) and the
GitHub issue form (.github/ISSUE_TEMPLATE/). Run it after changing
catalogue/schema.py or a file in catalogue/data/, and commit the result.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.contributing.contributor_files import stale_files, write_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files(ROOT)
        for name in stale:
            print(f"{name}: stale; run python scripts/write_contributor_files.py")
        return 1 if stale else 0
    for name in write_files(ROOT):
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
