"""BENCHMARKS.md: the tables of several sizes, the budgets and the profile, as measured."""

from __future__ import annotations

import datetime

from .bench import BenchResult
from .machine import machine, versions
from .profiling import Profile, profile_table
from .report import budget_table, table

METHOD = """\
Each size is a copy of this project with N synthetic practices
(`benchmark/synthetic.py`: the four types, cs/pl/sk originals, some
translations missing, bodies of 300–1,500 words, partners, libraries from a
shared pool and located in their towns, related links), built with `python -m mkdocs build` as its own
process. In the same run the **reference** is built: the same pages (every
page the catalogue renders: practices, type lists, libraries, home, search, map,
about) as plain Markdown files in a bare MkDocs + Material + static-i18n
project, with the same navigation but no hooks, no validation, no data
files, feeds, citations or search index. The ratio is therefore what the
catalogue's own work adds to what MkDocs needs for the same pages. The machine
is shared and timings are noisy, so the figure to read is the ratio of the two
times within one run; the table gives medians over the runs and the ratio of
every run. Sizes are in decimal units (1 KB = 1,000 bytes). *Time per
language* comes from static-i18n's log: *start* is everything before the
first language (imports, configuration, and the catalogue's validation and
generation of its pages), *exit* the end of the process. Peak memory is the largest resident
memory of the build and its child processes together (the search indexer
works beside the site build), sampled every 0.2 s, or of the build process
alone when that is larger. *make preview* builds one
practice in every language (`scripts/preview.py --build-only`, what `make
preview` serves)."""


def document(results: dict[int, BenchResult], command: str, profile: tuple[int, tuple[Profile, Profile]] | None, notes: str) -> str:
    today = datetime.date.today().isoformat()
    parts = [
        "# Benchmarks",
        "",
        f"Written by `{command}` on {today}; do not edit by hand.",
        "",
        f"- Machine: {machine()}",
        f"- Versions: {versions()}",
        "",
        "## How it is measured",
        "",
        METHOD,
        "",
        "## Budgets",
        "",
        budget_table(results),
    ]
    for practices in sorted(results):
        parts += [f"## {practices:,} practices", "", table(results[practices])]
    if profile:
        practices, (ours, reference) = profile
        parts += [
            f"## Where the time goes ({practices:,} practices, one build of each under cProfile)",
            "",
            "Processor time as cProfile counts it (the profiler slows the build down: read the shares).",
            "",
            profile_table(ours, reference),
        ]
    if notes:
        parts += [notes.strip(), ""]
    return "\n".join(parts)
