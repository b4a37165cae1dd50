#!/usr/bin/env python3
"""Fingerprints of the sources' texts and of the persons they name, for the content tests.

    python scripts/fingerprint_sources.py SOURCES

SOURCES holds one folder per practice (named by its slug) with the texts
read for it: `<n>.txt` files whose first line is the source's address, and
`names.txt`, one private person's name a line, as the sources print them.
Writes `tests/fixtures/content/runs/<slug>.txt` (hashes of every 8-word run)
and `tests/fixtures/content/persons.txt` (hashes of the names). Neither
the texts nor the names are kept; the tests compare the entries with these.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from catalogue.checks.own_words import person_key, run_fingerprints

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "content"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=Path)
    args = parser.parse_args(argv)
    runs_dir = CONTENT / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)
    persons = set((CONTENT / "persons.txt").read_text(encoding="utf-8").split()) if (CONTENT / "persons.txt").is_file() else set()
    for folder in sorted(path for path in args.sources.iterdir() if path.is_dir()):
        runs: set[str] = set()
        for text_file in sorted(folder.glob("*.txt")):
            lines = text_file.read_text(encoding="utf-8", errors="replace").splitlines()
            if text_file.name == "names.txt":
                persons |= {person_key(line) for line in lines if line.strip() and not line.startswith("#")}
            else:
                runs |= run_fingerprints("\n".join(lines[1:] if lines and lines[0].startswith("http") else lines))
        if runs:
            (runs_dir / f"{folder.name}.txt").write_text(" ".join(sorted(runs)) + "\n", encoding="utf-8")
    (CONTENT / "persons.txt").write_text("\n".join(sorted(persons)) + "\n", encoding="utf-8")
    print(f"wrote fingerprints of {len(list(runs_dir.glob('*.txt')))} practices' sources and {len(persons)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
