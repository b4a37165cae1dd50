#!/usr/bin/env python3
"""Check practice entries and report every problem as `path:line: message`.

    python scripts/validate.py                 # every entry
    python scripts/validate.py entries/kacik-malucha
Exit status 1 when any problem is found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue import messages  # noqa: E402
from catalogue.validate import check_catalogue  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="entry folders or files to report on (default: all)")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    parser.add_argument("--lang", default="en", choices=messages.MESSAGE_LANGUAGES, help="language of the messages")
    args = parser.parse_args(argv)

    entries_dir = Path(args.entries).resolve()
    catalogue, problems = check_catalogue(entries_dir, entries_dir.parent)
    if args.paths:
        wanted = [Path(path).resolve().relative_to(entries_dir.parent).as_posix() for path in args.paths]
        problems = [p for p in problems if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") for w in wanted)]
    for problem in sorted(problems):
        print(problem.format(args.lang))
    if problems:
        print(messages.render("summary", {"count": len(problems)}, args.lang))
        return 1
    print(messages.render("no-problems", {"count": len(catalogue.practices)}, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
