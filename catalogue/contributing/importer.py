"""Turning records (spreadsheet rows, issue forms) into new entries, each validated first.

Every record is written as an entry into a scratch folder and checked
there by the validator, with the real catalogue's slugs known (so
`related` may point at them). Only records without a problem are then
written into entries/, each folder whole or not at all; an existing
folder is never touched.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.contributing import entry_writer, flat_fields, scaffold
from catalogue.model import messages
from catalogue.model.errors import Problem, ToolError
from catalogue.checks.validate import check_catalogue


@dataclass
class Outcome:
    """What became of one record."""

    row: int
    slug: str | None = None
    lang: str | None = None
    text: str | None = None
    written: Path | None = None
    errors: list[ToolError] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.errors or self.problems)

    def messages(self, lang: str) -> list[str]:
        return [error.message(lang) for error in self.errors] + [problem.message(lang) for problem in self.problems]


def _prepare(row: int, record: dict[str, str], taken: dict[str, str], claimed: dict[str, int],
             today: datetime.date | None) -> Outcome:
    outcome = Outcome(row)
    try:
        outcome.lang, outcome.text, outcome.errors = flat_fields.entry_from_fields(record, today)
        wanted, title = (record.get("slug") or "").strip(), (record.get("title") or "").strip()
        if not (wanted or title):
            outcome.slug = f"row-{row}"  # checked under a stand-in name: the validator reports the missing title
            return outcome
        slug = scaffold.free_slug(wanted, taken) if wanted else scaffold.slug_for(title, taken)
        if slug in claimed:
            raise ToolError("slug-in-row", slug=slug, other=claimed[slug])
        claimed[slug] = row
        outcome.slug = slug
    except ToolError as error:
        outcome.errors.append(error)
    return outcome


def _unread_fields(outcome: Outcome) -> set[str]:
    return {error.params["column"] for error in outcome.errors if "column" in error.params}


def _validate(outcomes: list[Outcome], taken: dict[str, str]) -> None:
    # A record with unreadable cells is still checked, to report all its problems at once.
    ready = [outcome for outcome in outcomes if outcome.slug]
    with tempfile.TemporaryDirectory() as scratch:
        entries = Path(scratch) / "entries"
        entries.mkdir()
        for outcome in ready:
            (entries / outcome.slug).mkdir()
            (entries / outcome.slug / f"{outcome.lang}.md").write_text(outcome.text, encoding="utf-8")
        _, problems = check_catalogue(entries, Path(scratch), known=frozenset(taken))
    for outcome in ready:
        unread = _unread_fields(outcome)
        outcome.problems = sorted(
            problem for problem in problems
            if problem.path.split("/")[1] == outcome.slug
            and not (problem.code == "missing-field" and dict(problem.params)["field"] in unread)
        )


def import_records(rows: list[tuple[int, dict[str, str]]], entries_dir: Path,
                   today: datetime.date | None = None) -> list[Outcome]:
    """Validate every record, then write those without problems; one Outcome per record."""
    taken = scaffold.taken_slugs(entries_dir)
    claimed: dict[str, int] = {}
    outcomes = [_prepare(row, record, taken, claimed, today) for row, record in rows]
    _validate(outcomes, taken)
    for outcome in outcomes:
        if outcome.refused:
            continue
        try:
            folder = entry_writer.write_new_entry(entries_dir, outcome.slug, {f"{outcome.lang}.md": outcome.text})
            outcome.written = folder / f"{outcome.lang}.md"
        except entry_writer.EntryExists:
            outcome.errors.append(ToolError("slug-taken", slug=outcome.slug))
    return outcomes


def report(outcomes: list[Outcome], source: str, lang: str, shown_root: Path, rows: bool = True) -> list[str]:
    """The lines of the report, `source:row: message` (`source: message` without rows), and the count."""
    say = lambda code, **params: messages.render(code, params, lang, "tools")  # noqa: E731
    lines = []
    for outcome in outcomes:
        where = f"{source}:{outcome.row}: " if rows else f"{source}: "
        if outcome.written:
            shown = outcome.written.relative_to(shown_root) if outcome.written.is_relative_to(shown_root) else None
            lines.append(where + say("row-written", path=(shown or outcome.written).as_posix()))
        else:
            lines += [where + message for message in outcome.messages(lang)]
            lines.append(where + say("row-refused"))
    if rows:
        written = sum(1 for outcome in outcomes if outcome.written)
        lines.append(say("import-summary", written=written, refused=len(outcomes) - written))
    return lines
