#!/usr/bin/env python3
"""Check practice entries and report every problem as `path:line: message`.

    python scripts/validate.py                        # every entry
    python scripts/validate.py entries/kacik-malucha  # only these entries
    python scripts/validate.py --changed              # entries changed against origin/main (or main)
    python scripts/validate.py --changed upstream/main --lang pl

The whole catalogue is always checked (links between practices need it);
only the report is limited to the entries asked for. A count closes the
report. Notes (a library not yet located on the map) go to stderr and
never fail the check. Exit status 1 when any problem is found, 2 when the command itself
is wrong (a path outside entries/, an unknown git base).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.model import messages
from catalogue.publishing import changes
from catalogue.checks.validate import check_catalogue, concerning


def slug_of(path: str, entries_dir: Path) -> str | None:
    try:
        parts = Path(path).resolve().relative_to(entries_dir).parts
    except ValueError:
        return None
    return parts[0] if parts else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="entry folders or files to report on (default: all)")
    parser.add_argument("--changed", nargs="?", const="", metavar="BASE", help="only entries changed against BASE")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    parser.add_argument("--lang", default="en", choices=messages.MESSAGE_LANGUAGES, help="language of the messages")
    args = parser.parse_args(argv)
    say = lambda code, **params: messages.render(code, params, args.lang)  # noqa: E731

    entries_dir = Path(args.entries).resolve()
    wanted: set[str] | None = None
    if args.paths:
        wanted = set()
        for path in args.paths:
            slug = slug_of(path, entries_dir)
            if slug is None:
                print(say("not-an-entry", path=path, entries=entries_dir), file=sys.stderr)
                return 2
            wanted.add(slug)
    if args.changed is not None:
        try:
            base = args.changed or changes.default_base(entries_dir)
            changed = changes.changed_slugs(entries_dir, entries_dir, base)
        except changes.UnknownBase as error:
            message = say("unknown-base", base=error.base) if error.base else say("no-default-base")
            print(message, file=sys.stderr)
            return 2
        except changes.GitError as error:
            print(say("git-failed", base=args.changed or "origin/main", reason=error), file=sys.stderr)
            return 2
        wanted = changed if wanted is None else wanted & changed
        if not wanted:
            print(say("no-changes", base=base))
            return 0

    catalogue, problems = check_catalogue(entries_dir, entries_dir.parent)
    checked = len(catalogue.practices)
    if wanted is not None:
        problems = concerning(problems, wanted)
        checked = len([practice for practice in catalogue.practices if practice.slug in wanted])
    for note in catalogue.notes if wanted is None else concerning(catalogue.notes, wanted):
        print(note.format(args.lang))
    for problem in sorted(problems):
        print(problem.format(args.lang))
    # A library not yet located on the map: a reminder on stderr, never failing the check.
    for note in catalogue.unlocated if wanted is None else concerning(catalogue.unlocated, wanted):
        print(note.format(args.lang), file=sys.stderr)
    if problems:
        print(say("summary", count=len(problems)))
        return 1
    print(say("no-problems", count=checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
