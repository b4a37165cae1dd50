"""What the fallback engine costs: the same project built by MkDocs and by ProperDocs.

    python -m benchmark.engines --practices 0 1000 --runs 5

Size 0 is the real entries; any other size is that many synthetic practices
(`benchmark/synthetic.py`, as `make bench` builds). Each run builds the project
once with MkDocs (.venv) and once with ProperDocs (.venv-properdocs), in turn,
so both meet the same load of a shared machine; the table gives the medians of
wall and processor time and their ratio. The two sites of the last run are
compared file by file (`scripts/compare_sites.py`).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from scripts.compare_sites import differences

from .machine import machine
from .projects import catalogue_project
from .timed_build import timed_build

ROOT = Path(__file__).resolve().parent.parent
ENGINES = {
    "MkDocs": (sys.executable, "-m", "mkdocs", "build"),
    "ProperDocs": (str(ROOT / ".venv-properdocs" / "bin" / "properdocs"), "build", "-f", "mkdocs.yml"),
}


def project_of(practices: int, target: Path) -> Path:
    if practices:
        return catalogue_project(ROOT, target, practices, seed=1)
    project = catalogue_project(ROOT, target, 1, seed=1)
    shutil.rmtree(project / "entries")
    shutil.copytree(ROOT / "entries", project / "entries")
    return project


def measure(practices: int, runs: int) -> tuple[dict[str, list], list[str]]:
    timings: dict[str, list] = {engine: [] for engine in ENGINES}
    with tempfile.TemporaryDirectory(prefix="engines-") as folder:
        project = project_of(practices, Path(folder) / "project")
        sites = {}
        for _ in range(runs):
            for engine, command in ENGINES.items():
                timings[engine].append(timed_build(project, command))
                sites[engine] = Path(folder) / engine
                shutil.rmtree(sites[engine], ignore_errors=True)
                shutil.move(project / "site", sites[engine])
        return timings, differences(sites["MkDocs"], sites["ProperDocs"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, nargs="+", default=[0, 1000], help="sizes; 0 is the real entries")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}\n")
    print("| practices | MkDocs wall s | ProperDocs wall s | ratio | MkDocs CPU s | ProperDocs CPU s | ratio | sites |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    failed = False
    for practices in args.practices:
        timings, found = measure(practices, args.runs)
        wall = {engine: statistics.median(t.seconds for t in runs) for engine, runs in timings.items()}
        cpu = {engine: statistics.median(t.cpu for t in runs) for engine, runs in timings.items()}
        label = f"{practices:,}" if practices else "real entries"
        same = "identical" if not found else f"{len(found)} files differ"
        print(
            f"| {label} | {wall['MkDocs']:.2f} | {wall['ProperDocs']:.2f} | {wall['ProperDocs'] / wall['MkDocs']:.2f} "
            f"| {cpu['MkDocs']:.2f} | {cpu['ProperDocs']:.2f} | {cpu['ProperDocs'] / cpu['MkDocs']:.2f} | {same} |"
        )
        for line in found[:20]:
            print(f"    {line}", file=sys.stderr)
        failed = failed or bool(found)
    print(f"\nMedians of {args.runs} runs of each engine, built in turn.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
