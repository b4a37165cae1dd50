"""The benchmark still works: a run at 20 practices gives every row with sensible values.

Only this small run belongs in the test suite; the runs at 1,000 and 5,000
practices are made by hand (`make bench`, `scripts/bench.py --write`).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from benchmark.report import NOT_MEASURED, ROWS

from tests.conftest import ROOT

PRACTICES = 20
SIZE = r"([\d,.]+) (KB|MB)"
UNITS = {"KB": 1000, "MB": 1000 * 1000}


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> tuple[str, str]:
    written = tmp_path_factory.mktemp("bench") / "BENCHMARKS.md"
    command = [sys.executable, "scripts/bench.py", "--practices", str(PRACTICES), "--runs", "1",
               "--profile", "10", "--write", str(written)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, written.read_text(encoding="utf-8")


def rows_of(markdown: str) -> dict[str, tuple[str, str]]:
    rows = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 3 and cells[0] in ROWS:
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def seconds(cell: str) -> float:
    return float(re.fullmatch(r"([\d,.]+) s", cell).group(1).replace(",", ""))


def size(cell: str) -> int:
    number, unit = re.match(SIZE, cell).groups()
    return round(float(number.replace(",", "")) * UNITS[unit])


def test_every_row_is_there_in_order(bench):
    table, _ = bench
    assert list(rows_of(table)) == list(ROWS)


def test_times_and_ratio_are_sensible(bench):
    rows = rows_of(bench[0])
    for side in (0, 1):
        full = seconds(rows["full build time (median)"][side])
        assert 0.3 < full < 300
        assert 0.1 < seconds(rows["processor time (median)"][side]) < 300
        parts = re.findall(r"(start|cs|pl|sk|exit) ([\d.]+) s", rows["time per language (median)"][side])
        assert [name for name, _ in parts] == ["start", "cs", "pl", "sk", "exit"]
        assert sum(float(value) for _, value in parts) == pytest.approx(full, abs=0.3)
    ratio = re.fullmatch(r"\*\*([\d.]+)×\*\* \(runs: ([\d.]+)\)", rows["our time / reference time"][0])
    assert ratio and ratio.group(1) == ratio.group(2) and 0.3 < float(ratio.group(1)) < 10
    assert 0.3 < float(rows["our processor time / reference's"][0].rstrip("×")) < 10


def test_sizes_are_sensible(bench):
    rows = rows_of(bench[0])
    pages = [int(cell.replace(",", "")) for cell in rows["pages written"]]
    assert pages[1] >= PRACTICES * 3 and pages[0] > pages[1]  # the catalogue adds its list pages
    ours, reference = (size(cell) for cell in rows["output bytes"])
    assert 100_000 < reference < ours
    practice = rows["largest practice page"][0]
    assert 5_000 < size(practice) < 40_000 and "practices/" in practice
    # A type's list, or at this size the home with its map teaser.
    assert re.search(r"`((pl|sk)/)?(types/[a-z-]+/)?`", rows["largest list page"][0])
    assert 10 * 1000 * 1000 < size(rows["peak memory (max)"][0]) < 2000 * 1000 * 1000


def test_search_and_preview_are_measured_for_the_catalogue_only(bench):
    rows = rows_of(bench[0])
    assert 50_000 < size(rows["search index"][0]) < 5_000_000
    assert 50_000 < size(rows["first results of a search (Chromium)"][0]) < 1_000_000
    assert re.match(r"[\d.]+ s", rows["make preview (median)"][0])
    for row in ("search index", "first results of a search (Chromium)", "make preview (median)"):
        assert rows[row][1] == NOT_MEASURED  # the bare reference has neither


def test_the_map_page_and_the_locator_maps_are_measured(bench):
    rows = rows_of(bench[0])
    assert 5_000 < size(rows["map page (gzipped)"][0]) < 400_000 and "map/" in rows["map page (gzipped)"][0]
    locator = rows["locator map on a practice page (gzipped, the most)"][0]
    assert 200 < size(locator) < 8_000 and "practices/" in locator
    assert re.search(r"\| a locator map adds at most 8 KB gzipped to a practice page \| [\d.]+ KB \(`[^`]+`\) \| met \|", bench[1])


def test_the_written_file_holds_the_machine_the_budgets_and_the_profile(bench):
    table, document = bench
    assert document.startswith("# Benchmarks\n\nWritten by `python scripts/bench.py --practices 20 --runs 1")
    assert re.search(r"^- Machine: \d+ cores .*memory", document, flags=re.MULTILINE)
    assert re.search(r"^- Versions: Python 3\.\d+.*mkdocs 1\.6\.1.*mkdocs-static-i18n 1\.3\.1", document, flags=re.MULTILINE)
    assert rows_of(document) == rows_of(table)
    assert re.search(r"\| every list page at most 300 KB \| [\d.]+ KB \(`[^`]+`\) \| met \|", document)
    assert "| the catalogue's own code (catalogue/, hooks/) |" in document
    assert re.search(r"\| `catalogue/build\.py:\d+ generate_docs` \| [\d.]+ \|", document)


def test_the_profile_stages_name_functions_that_exist():
    """A stage whose file moved would be summed as 0 s, silently."""
    from benchmark.profiling import STAGES

    own = [(stage, function, fragment) for stage, function, fragment in STAGES if fragment.startswith("catalogue/")]
    assert len(own) >= 4
    for stage, function, fragment in own:
        path = ROOT / fragment
        assert path.is_file(), f"{stage}: {fragment} does not exist"
        assert re.search(rf"^def {function}\(", path.read_text(encoding="utf-8"), flags=re.MULTILINE), f"{stage}: no {function} in {fragment}"
