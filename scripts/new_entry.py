#!/usr/bin/env python3
"""Start a new practice: entries/<slug>/<lang>.md with the facts and the recommended headings.

At a terminal it asks, in Czech, Polish or Slovak (--lang, else the system
locale), for every fact not given as a flag. Without a terminal (scripts,
CI) it asks nothing: every fact must be given as a flag.

    python scripts/new_entry.py
    python scripts/new_entry.py --lang pl --title "Kącik Malucha" --type project --scope local \\
        --country PL --place Trzuszczany --library "Gminna Biblioteka Publiczna w Trzuszczanach" \\
        --audience toddlers --started "" --status ongoing --source "Typy współpracy biblioteki"

Vocabulary flags take the term (project) or its number in the list (2);
--country and --audience take several values, comma-separated or repeated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.contributing import prompts, scaffold
from catalogue.model import messages, vocabularies
from catalogue.model.errors import ToolError


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=vocabularies.languages(), help="language of the entry and of the questions")
    for fact in scaffold.FACTS:
        repeated = fact in ("country", "audience")
        parser.add_argument(f"--{fact}", action="append" if repeated else "store")
    parser.add_argument("--slug", help="the folder name (default: made from the title)")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    return parser.parse_args(argv)


def shown_path(path: Path) -> str:
    """`path` as the contributor would type it: relative to where they are, when inside."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    lang = args.lang or scaffold.locale_language()
    interactive = sys.stdin.isatty()
    given = {fact: getattr(args, fact) for fact in scaffold.FACTS if getattr(args, fact) is not None}
    if not interactive:
        missing = (["--lang"] if args.lang is None else []) + [
            f"--{fact}" for fact in scaffold.REQUIRED if fact not in given
        ]
        if missing:
            print(messages.render("missing-flags", {"flags": ", ".join(missing)}, lang, "tools"), file=sys.stderr)
            return 2
    entries_dir = Path(args.entries).resolve()
    facts = scaffold.Facts(lang)
    try:
        for fact, value in given.items():
            try:
                setattr(facts, fact, scaffold.PARSERS[fact](value))
            except ToolError as error:
                raise ToolError("flag-problem", flag=f"--{fact}", problem=error.message(lang)) from None
        taken = scaffold.taken_slugs(entries_dir)
        if interactive:
            prompts.ask_missing(facts, set(given), input, print)
        if args.slug is not None:
            slug = scaffold.free_slug(args.slug, taken)
        elif interactive:
            slug = prompts.ask_slug(facts.title, taken, lang, input, print)
        else:
            slug = scaffold.slug_for(facts.title, taken)
        path = scaffold.write_entry(entries_dir, slug, facts)
    except ToolError as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("\n" + messages.render("interrupted", {}, lang, "tools"), file=sys.stderr)
        return 130
    shown = shown_path(path)
    print(messages.render("entry-written", {"path": shown, "folder": Path(shown).parent.as_posix(), "lang": lang},
                          lang, "tools"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
