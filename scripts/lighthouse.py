#!/usr/bin/env python3
"""Lighthouse scores of the built site, measured offline on loopback.

    python scripts/lighthouse.py            # site/ -> reports/lighthouse.json
    python scripts/lighthouse.py --runs 1   # quicker, noisier
    python scripts/lighthouse.py --only pl/search/   # measure one page again, keep the rest

Serves site/ on 127.0.0.1 with gzip, as any static host does, and runs
Lighthouse (node_modules, `npm ci`) in Debian's chromium (CHROME_PATH) on
the home, a type page, a practice page and, when the site has them, the
search page and the map, in every language. Each score is the median of --runs runs
(Lighthouse's own advice: one run varies with the machine's load).
Exit status 1 when any score is below --minimum.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from benchmark.serving import serving
from catalogue.model import vocabularies
from catalogue.pages import urls

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
def measured_pages(site_dir: Path) -> list[str]:
    """Home, the first type page, the first practice page, search/ and map/ (when built) in every language."""
    practices = sorted(path.name for path in (site_dir / "practices").iterdir() if path.is_dir())
    pages = [urls.HOME, urls.type_page(vocabularies.ids("type")[0]), urls.practice_page(practices[0])]
    if (site_dir / "search" / "index.html").is_file():
        pages.append("search/")
    if (site_dir / urls.MAP / "index.html").is_file():
        pages.append(urls.MAP)
    return [urls.in_language(page, lang) for lang in vocabularies.languages() for page in pages]


def lighthouse(url: str) -> tuple[dict[str, int], str]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        ],
        capture_output=True, text=True, check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}, report["lighthouseVersion"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (make build)")
    parser.add_argument("--output", default=str(ROOT / "reports" / "lighthouse.json"))
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument("--minimum", type=int, default=95)
    parser.add_argument(
        "--only", nargs="+", metavar="PAGE",
        help="measure these pages again (e.g. pl/search/) and keep the report's other scores",
    )
    args = parser.parse_args(argv)

    site_dir = Path(args.site)
    scores, version, started = {}, "", time.monotonic()
    pages = measured_pages(site_dir)
    if args.only:
        kept = json.loads(Path(args.output).read_text(encoding="utf-8"))
        scores = {page: found for page, found in kept["scores"].items() if page.strip("/") not in {p.strip("/") for p in args.only}}
        pages = [page for page in pages if (page or "/").strip("/") in {p.strip("/") for p in args.only}]
    with serving(site_dir) as base:
        for page in pages:
            runs = []
            for _ in range(args.runs):
                run, version = lighthouse(base + page)
                runs.append(run)
            scores[page or "/"] = {name: int(statistics.median(run[name] for run in runs)) for name in CATEGORIES}
            print(f"{page or '/':60} " + " ".join(f"{name} {score:3}" for name, score in scores[page or '/'].items()))
    scores = {page: scores[page] for page in [(page or "/") for page in measured_pages(site_dir)] if page in scores}
    record = {
        "lighthouse": version,
        "form_factor": "mobile (Lighthouse's default, simulated throttling)",
        "served_with": "gzip, on loopback",
        "runs_per_page": args.runs,
        "minimum": args.minimum,
        "scores": scores,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    low = [f"{page} {name} {score}" for page, found in scores.items() for name, score in found.items() if score < args.minimum]
    print(f"{len(scores)} pages, {args.runs} run(s) each, {time.monotonic() - started:.0f} s; written to {args.output}")
    if low:
        print("below " + str(args.minimum) + ": " + "; ".join(low))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
