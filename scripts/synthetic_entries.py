#!/usr/bin/env python3
"""Write N valid synthetic practices, for measuring the catalogue at scale.

    python scripts/synthetic_entries.py 5000 /tmp/big/entries [--seed 1]

The practices come from `catalogue/synthetic.py` (the same as `make bench`
builds): the same N and seed always give the same entries.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from benchmark.synthetic import write_entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="how many practices")
    parser.add_argument("target", type=Path, help="an entries folder to create")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    write_entries(args.target, args.count, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
