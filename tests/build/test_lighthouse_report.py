"""The Lighthouse scores recorded by `make lighthouse` (reports/lighthouse.json).

Lighthouse takes minutes per page, so the suite does not run it; it checks
that the recorded report covers the pages the issue names, in every
language, with medians of several runs, and that no score is below 95.
"""

from __future__ import annotations

import json

from catalogue.model import vocabularies
from catalogue.pages import urls

from tests.conftest import ROOT

REPORT = ROOT / "reports" / "lighthouse.json"
CATEGORIES = {"performance", "accessibility", "best-practices", "seo"}


def recorded() -> dict:
    return json.loads(REPORT.read_text(encoding="utf-8"))


def test_report_covers_home_type_practice_search_and_map_in_every_language():
    pages = set(recorded()["scores"])
    for lang in vocabularies.languages():
        prefix = urls.in_language("", lang)
        assert (prefix or "/") in pages  # the home
        assert urls.in_language(urls.type_page(vocabularies.ids("type")[0]), lang) in pages
        assert urls.in_language(urls.SEARCH, lang) in pages
        assert urls.in_language(urls.MAP, lang) in pages
        assert any(page.startswith(prefix + "practices/") for page in pages), f"no practice page in {lang}"
    assert len(pages) == 5 * len(vocabularies.languages())


def test_every_score_is_a_median_of_runs_and_at_least_95():
    report = recorded()
    assert report["runs_per_page"] >= 3 and report["minimum"] >= 95
    low = {
        f"{page} {name}": score
        for page, scores in report["scores"].items()
        for name, score in scores.items()
        if score < 95
    }
    assert low == {}
    assert all(set(scores) == CATEGORIES for scores in report["scores"].values())
