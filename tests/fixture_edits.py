"""Editing copies of the fixture entries, one rule broken or one change made at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from catalogue.checks.validate import check_catalogue

PL = "kacik-pro-nejmensi/pl.md"
CS = "kacik-pro-nejmensi/cs.md"
NOC = "noc-v-knihovne/cs.md"


def edit(entries: Path, name: str, old: str, new: str) -> None:
    path = entries / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {name} lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(entries: Path) -> list[str]:
    _, problems = check_catalogue(entries, entries.parent)
    return [problem.format() for problem in sorted(problems)]


OLD, NEW = "kacik-pro-nejmensi", "kacik-dla-najmlodszych"


def rename(entries: Path) -> None:
    """Rename a practice as a contributor would: new folder, old slug kept as an alias."""
    shutil.move(entries / OLD, entries / NEW)
    edit(entries, f"{NEW}/pl.md", "updated:", f"aliases: [{OLD}]\nupdated:")
    edit(entries, "noc-v-knihovne/cs.md", f"related: [{OLD}]", f"related: [{NEW}]")
