"""Synthetic practices: valid, varied like real ones, and the same for the same seed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.model.glossary import section_headings
from benchmark.synthetic import write_entries
from catalogue.checks.validate import check_catalogue

COUNT = 60


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("synthetic")
    return root / "entries", write_entries(root / "entries", COUNT, seed=7)


@pytest.fixture(scope="module")
def catalogue(generated):
    entries, _ = generated
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert [problem.format() for problem in problems] == []
    return catalogue


def files_of(entries: Path) -> dict[str, bytes]:
    return {path.relative_to(entries).as_posix(): path.read_bytes() for path in sorted(entries.rglob("*.md"))}


def test_every_practice_is_valid(generated, catalogue):
    _, slugs = generated
    assert len(slugs) == len(set(slugs)) == COUNT
    assert sorted(practice.slug for practice in catalogue.practices) == sorted(slugs)


def test_same_seed_same_files_other_seed_other_files(generated, tmp_path: Path):
    entries, _ = generated
    write_entries(tmp_path / "again", COUNT, seed=7)
    write_entries(tmp_path / "other", COUNT, seed=8)
    assert files_of(tmp_path / "again") == files_of(entries)
    assert files_of(tmp_path / "other") != files_of(entries)


def test_the_mix_is_realistic(catalogue):
    practices = catalogue.practices
    assert {p.type for p in practices} == set(vocabularies.ids("type"))
    assert {p.original_language for p in practices} == {"cs", "pl", "sk"}
    assert {p.scope for p in practices} >= {"local", "regional", "cross-border"}
    translations = Counter(len(p.texts) for p in practices)
    assert translations[3] > translations[2] > 0
    assert len({partner.kind for p in practices for partner in p.partners}) >= 8
    assert any(p.related for p in practices) and any(p.started is None for p in practices)


def test_libraries_gather_several_practices(catalogue):
    per_library = Counter(library.name for p in catalogue.practices for library in p.libraries)
    assert per_library.most_common(1)[0][1] >= 5
    assert len(per_library) < COUNT


def test_bodies_have_the_six_sections_and_300_to_1500_words(catalogue):
    for practice in catalogue.practices:
        for lang, text in practice.texts.items():
            headings = re.findall(r"^## (.+)$", text.body, flags=re.MULTILINE)
            assert headings == section_headings(lang), practice.slug
            words = len(re.sub(r"^## .+$", "", text.body, flags=re.MULTILINE).split())
            assert 300 <= words <= 1500, (practice.slug, lang, words)


def first_sentences(body: str) -> list[str]:
    sections = re.split(r"^## .+$", body, flags=re.MULTILINE)[1:]
    return [re.split(r"(?<=[.?!])\s", section.strip().removeprefix("- "))[0] for section in sections]


def test_translations_say_the_same_in_parallel(catalogue):
    practice = next(p for p in catalogue.practices if len(p.texts) == 3)
    numbers = {
        lang: [re.findall(r"\d+", sentence) for sentence in first_sentences(text.body)]
        for lang, text in practice.texts.items()
    }
    assert len(numbers["cs"]) == 6 and any(numbers["cs"])
    assert numbers["cs"] == numbers["pl"] == numbers["sk"]


def test_every_synthetic_library_is_located_in_its_country_and_towns_gather_libraries(catalogue):
    from catalogue.map.outlines import outlines
    from catalogue.pages.map_pages import catalogue_map

    assert catalogue.unlocated == []  # no library left off the map
    data = catalogue_map(catalogue)
    assert data.unlocated == []
    for town in data.towns:
        assert outlines().contains(town.country, town.location.lon, town.location.lat, tolerance_km=0), town.key
    assert any(link.cross_border for link in data.links)


def test_at_1000_practices_towns_hold_several_libraries():
    """So that the map merges them into one point with a count."""
    from benchmark.synthetic import library_pool

    libraries = [library for pool in library_pool(1000).values() for library in pool]
    towns = {(library["country"], library["place"]) for library in libraries}
    assert len(libraries) >= 2 * len(towns)
