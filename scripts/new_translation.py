#!/usr/bin/env python3
"""Start a translation of a practice: entries/<slug>/<lang>.md prefilled from the original.

    python scripts/new_translation.py kacik-malucha sk

The new file has the original's headings in the new language and, as
comments, the original's title, summary and text to translate. An
existing file is never replaced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.model import messages, vocabularies
from catalogue.model.errors import ToolError
from catalogue.contributing.translation_scaffold import write_translation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("slug", help="the practice's folder name in entries/")
    parser.add_argument("lang", choices=vocabularies.languages(), help="the language to translate into")
    parser.add_argument("--entries", default=str(ROOT / "entries"), help="the entries folder")
    args = parser.parse_args(argv)
    slug = Path(args.slug.rstrip("/")).name  # entries/<slug> works too
    try:
        path = write_translation(Path(args.entries).resolve(), slug, args.lang)
    except ToolError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1
    print(messages.render("translation-written", {"path": f"entries/{slug}/{path.name}", "folder": f"entries/{slug}",
                                                  "lang": args.lang}, args.lang, "tools"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
