#!/usr/bin/env python3
"""Measure the catalogue's build at N synthetic practices against a bare MkDocs site.

    python scripts/bench.py                       # 1,000 practices, 3 runs
    python scripts/bench.py --practices 200 --runs 1
Each run builds a copy of this project with N synthetic practices and, in
the same run, the reference: the same practice pages as plain Markdown in
a bare MkDocs + Material + static-i18n project. Prints a Markdown table;
timings are noisy, so the ratio of the two times is the figure to read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmark.bench import run_bench  # noqa: E402
from benchmark.report import table  # noqa: E402
from benchmark.search_probe import DEFAULT_QUERY  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, nargs="+", default=[1000], metavar="N", help="how many practices (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each project; medians are reported (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic practices (default 1)")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"the search query measured (default {DEFAULT_QUERY})")
    args = parser.parse_args(argv)
    if args.runs < 1 or min(args.practices) < 1:
        parser.error("--runs and --practices must be at least 1")
    for practices in args.practices:
        result = run_bench(ROOT, practices, args.runs, args.seed, args.query)
        print(table(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
