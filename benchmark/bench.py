"""One benchmark: N synthetic practices, the catalogue and its reference, R runs each."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .projects import catalogue_project, reference_project
from .search_probe import DEFAULT_QUERY, SearchCost, first_results_cost
from .site_facts import SiteFacts, site_facts
from .timed_build import BuildFailed, BuildTiming, build_environment, timed_build

PREVIEW_TIMEOUT = 900


@dataclass
class Side:
    """The measures of one project: every run's timing, and its site."""

    timings: list[BuildTiming] = field(default_factory=list)
    site: SiteFacts | None = None
    search: SearchCost | None = None

    def median(self, measure) -> float:
        return statistics.median(measure(timing) for timing in self.timings)

    @property
    def seconds(self) -> float:
        return self.median(lambda timing: timing.seconds)

    @property
    def cpu(self) -> float:
        return self.median(lambda timing: timing.cpu)

    @property
    def peak_memory(self) -> int:
        return max(timing.peak_memory for timing in self.timings)


@dataclass
class BenchResult:
    practices: int
    runs: int
    seed: int
    ours: Side
    reference: Side
    preview: list[float]  # seconds of each preview build of one practice

    @property
    def ratios(self) -> list[float]:
        return [ours.seconds / ref.seconds for ours, ref in zip(self.ours.timings, self.reference.timings)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(ours.cpu / ref.cpu for ours, ref in zip(self.ours.timings, self.reference.timings))


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def preview_command(project: Path, slug: str, output: Path) -> list[str]:
    """What `make preview ENTRY=entries/<slug>` runs, building into `output` instead of serving."""
    return [sys.executable, "scripts/preview.py", f"entries/{slug}", "--build-only", str(output)]


def timed_preview(project: Path, command: list[str]) -> float:
    start = time.monotonic()
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=build_environment(), timeout=PREVIEW_TIMEOUT
    )
    if result.returncode != 0:
        raise BuildFailed(f"the preview failed in {project}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return time.monotonic() - start


def _clean_generated(project: Path) -> None:
    docs = project / "build" / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)


def run_bench(root: Path, practices: int, runs: int = 3, seed: int = 1, query: str = DEFAULT_QUERY) -> BenchResult:
    """Build the catalogue with `practices` synthetic entries and its reference, `runs` times each."""
    ours, reference = Side(), Side()
    with tempfile.TemporaryDirectory(prefix="catalogue-bench-") as temporary:
        work = Path(temporary)
        say(f"[{practices}] writing {practices} synthetic practices")
        catalogue = catalogue_project(root, work / "catalogue", practices, seed)
        reference_root = None
        for run in range(runs):
            # Alternate the order so neither side always builds on a warmer machine.
            for side in ("ours", "reference") if run % 2 == 0 else ("reference", "ours"):
                if side == "ours":
                    _clean_generated(catalogue)
                    ours.timings.append(timed_build(catalogue))
                    if reference_root is None:
                        reference_root = reference_project(catalogue, work / "reference")
                    timing = ours.timings[-1]
                else:
                    reference.timings.append(timed_build(reference_root))
                    timing = reference.timings[-1]
                say(f"[{practices}] run {run + 1}/{runs} {side}: {timing.seconds:.1f} s")
        ours.site, reference.site = site_facts(catalogue / "site"), site_facts(reference_root / "site")
        ours.search = first_results_cost(catalogue / "site", query)
        slug = sorted(path.name for path in (catalogue / "entries").iterdir())[0]
        command = preview_command(catalogue, slug, work / "preview")
        preview = [timed_preview(catalogue, command) for _ in range(runs)]
    return BenchResult(practices, runs, seed, ours, reference, preview)
