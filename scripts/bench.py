#!/usr/bin/env python3
"""Measure the catalogue's build at N synthetic practices against a bare MkDocs site.

    python scripts/bench.py                       # 1,000 practices, 3 runs
    python scripts/bench.py --practices 200 --runs 1
    python scripts/bench.py --practices 100 1000 5000 --runs 5 5 3 --profile 1000 --write
Each run builds a copy of this project with N synthetic practices and, in
the same run, the reference: the same practice pages as plain Markdown in
a bare MkDocs + Material + static-i18n project. Prints a Markdown table;
timings are noisy, so the ratio of the two times is the figure to read.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from benchmark.bench import run_bench, say
from benchmark.document import document
from benchmark.profiling import Profile, profile_build, profile_table
from benchmark.projects import catalogue_project, reference_project
from benchmark.report import table
from benchmark.search_probe import DEFAULT_QUERY

FINDINGS = ROOT / "benchmark" / "findings.md"


def profiled(practices: int, seed: int) -> tuple[Profile, Profile]:
    """One build of the catalogue and one of its reference, under the profiler."""
    with tempfile.TemporaryDirectory(prefix="catalogue-profile-") as temporary:
        say(f"[{practices}] profiling one build of each")
        project = catalogue_project(ROOT, Path(temporary) / "catalogue", practices, seed)
        ours = profile_build(project)
        return ours, profile_build(reference_project(project, Path(temporary) / "reference"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, nargs="+", default=[1000], metavar="N", help="how many practices (default 1000)")
    parser.add_argument(
        "--runs", type=int, nargs="+", default=[3], metavar="R",
        help="builds of each project, medians are reported (default 3); one number, or one per size",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic practices (default 1)")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"the search query measured (default {DEFAULT_QUERY})")
    parser.add_argument("--profile", type=int, metavar="N", help="also profile one build of N practices (cProfile)")
    parser.add_argument("--write", nargs="?", const="BENCHMARKS.md", metavar="FILE", help="write the results to FILE (default BENCHMARKS.md)")
    args = parser.parse_args(argv)
    runs = args.runs * len(args.practices) if len(args.runs) == 1 else args.runs
    if len(runs) != len(args.practices):
        parser.error("give --runs one number, or one per size in --practices")
    if min(runs) < 1 or min(args.practices) < 1:
        parser.error("--runs and --practices must be at least 1")
    results = {}
    for practices, count in zip(args.practices, runs):
        results[practices] = run_bench(ROOT, practices, count, args.seed, args.query)
        print(table(results[practices]), flush=True)
    profile = (args.profile, profiled(args.profile, args.seed)) if args.profile else None
    if profile:
        print(profile_table(*profile[1]), flush=True)
    if args.write:
        command = "python scripts/bench.py " + shlex.join(argv if argv is not None else sys.argv[1:])
        notes = FINDINGS.read_text(encoding="utf-8") if FINDINGS.is_file() else ""
        (ROOT / args.write).write_text(document(results, command, profile, notes), encoding="utf-8")
        say(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
