"""The benchmark's table, and the budgets it is checked against."""

from __future__ import annotations

import statistics

from .bench import BenchResult, Side
from .site_facts import Page

# Row labels, in order; the smoke test checks every one is there.
ROWS = (
    "full build time (median)",
    "processor time (median)",
    "time per language (median)",
    "pages written",
    "output bytes",
    "largest practice page",
    "largest list page",
    "search index",
    "map page (gzipped)",
    "locator map on a practice page (gzipped, the most)",
    "first results of a search (Chromium)",
    "peak memory (max)",
    "make preview (median)",
    "our time / reference time",
    "our processor time / reference's",
)
NOT_MEASURED = "n/a"
KB, MB = 1000, 1000 * 1000


def size(count: int | None) -> str:
    if count is None:
        return NOT_MEASURED
    if count >= MB:
        return f"{count / MB:,.1f} MB"
    return f"{count / KB:,.1f} KB"


def seconds(value: float) -> str:
    return f"{value:,.1f} s"


def _page(page: Page | None) -> str:
    return NOT_MEASURED if page is None else f"{size(page.size)} (`{page.path or '/'}`)"


def _languages(side: Side) -> str:
    parts = [f"start {seconds(side.median(lambda timing: timing.startup))}"]
    for lang in side.timings[0].languages:
        parts.append(f"{lang} {seconds(side.median(lambda timing: timing.languages[lang]))}")
    parts.append(f"exit {seconds(side.median(lambda timing: timing.shutdown))}")
    return " · ".join(parts)


def _search(side: Side) -> str:
    if side.search is None:
        return NOT_MEASURED
    return f"{size(side.search.first_results)} (of which the page, theme and scripts: {size(side.search.page)})"


def _preview(result: BenchResult) -> str:
    if not result.preview:
        return NOT_MEASURED
    median = statistics.median(result.preview)
    return f"{seconds(median)} ({median / result.ours.seconds:.0%} of the full build)"


def table(result: BenchResult) -> str:
    ours, ref = result.ours, result.reference
    ratios = ", ".join(f"{ratio:.2f}" for ratio in result.ratios)
    cells = {
        "full build time (median)": (seconds(ours.seconds), seconds(ref.seconds)),
        "processor time (median)": (seconds(ours.cpu), seconds(ref.cpu)),
        "time per language (median)": (_languages(ours), _languages(ref)),
        "pages written": (f"{ours.site.pages:,}", f"{ref.site.pages:,}"),
        "output bytes": (size(ours.site.bytes), size(ref.site.bytes)),
        "largest practice page": (_page(ours.site.largest_practice), _page(ref.site.largest_practice)),
        "largest list page": (_page(ours.site.largest_list), _page(ref.site.largest_list)),
        "search index": (size(ours.site.search_index), size(ref.site.search_index)),
        "map page (gzipped)": (_page(ours.site.map_page), NOT_MEASURED),
        "locator map on a practice page (gzipped, the most)": (_page(ours.site.locator), NOT_MEASURED),
        "first results of a search (Chromium)": (_search(ours), NOT_MEASURED),
        "peak memory (max)": (size(ours.peak_memory), size(ref.peak_memory)),
        "make preview (median)": (_preview(result), NOT_MEASURED),
        "our time / reference time": (f"**{result.ratio:.2f}×** (runs: {ratios})", ""),
        "our processor time / reference's": (f"{result.cpu_ratio:.2f}×", ""),
    }
    lines = [
        f"{result.practices:,} practices × 3 languages, {result.runs} run(s), seed {result.seed}:",
        "",
        "| measure | catalogue | reference |",
        "|---|---|---|",
    ]
    lines += [f"| {row} | {cells[row][0]} | {cells[row][1]} |" for row in ROWS]
    return "\n".join(lines) + "\n"


def budgets(results: dict[int, BenchResult]) -> list[tuple[str, str, str]]:
    """(budget, what was measured, verdict) for every budget the results can speak to."""
    rows = []

    def check(budget: str, measured: str | None, met: bool | None) -> None:
        verdict = "not measured" if met is None else ("met" if met else "**NOT met**")
        rows.append((budget, measured or NOT_MEASURED, verdict))

    thousand, five = results.get(1000), results.get(5000)
    if thousand:
        check("1,000 practices × 3: at most 1.3× the reference", f"{thousand.ratio:.2f}×", thousand.ratio <= 1.3)
    if thousand and five:
        growth = five.ours.seconds / thousand.ours.seconds
        ref_growth = five.reference.seconds / thousand.reference.seconds
        check(
            "5,000 build at most 5.5× the 1,000 build",
            f"{growth:.2f}× (reference: {ref_growth:.2f}×)",
            growth <= 5.5,
        )
    if five:
        page = five.ours.site.largest_practice
        check("practice page at most 40 KB at 5,000", size(page.size), page.size <= 40 * KB)
        search = five.ours.search
        check(
            "first search results at most 300 KB at 5,000",
            search and size(search.first_results),
            None if search is None else search.first_results <= 300 * KB,
        )
        check("peak memory at 5,000 under 2 GB", size(five.ours.peak_memory), five.ours.peak_memory < 2000 * MB)
    largest = max((r.ours.site.largest_list for r in results.values() if r.ours.site.largest_list), key=lambda p: p.size, default=None)
    if largest:
        check("every list page at most 300 KB", _page(largest), largest.size <= 300 * KB)
    if thousand and thousand.ours.site.map_page:
        page = thousand.ours.site.map_page
        check("map page at most 400 KB gzipped at 1,000", _page(page), page.size <= 400 * KB)
    locators = [r.ours.site.locator for r in results.values() if r.ours.site.locator]
    if locators:
        most = max(locators, key=lambda page: page.size)
        check("a locator map adds at most 8 KB gzipped to a practice page", _page(most), most.size <= 8 * KB)
    if thousand:
        share = statistics.median(thousand.preview) / thousand.ours.seconds if thousand.preview else None
        check("make preview at 1,000: at most 10 % of the full build", share and f"{share:.0%}", None if share is None else share <= 0.10)
    return rows


def budget_table(results: dict[int, BenchResult]) -> str:
    lines = ["| budget | measured | verdict |", "|---|---|---|"]
    lines += [f"| {budget} | {measured} | {verdict} |" for budget, measured, verdict in budgets(results)]
    return "\n".join(lines) + "\n"
