"""Rendering of pages: the facts box, the cards, escaping, and a stable docs tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from catalogue.pages.docs_tree import sync_folder
from catalogue.build import generate_docs
from catalogue.pages import urls
from catalogue.pages.render import front_matter, practice_page, type_pages
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, rendered_pages


def catalogue_from(entries: Path):
    return load_catalogue(entries, entries.parent)


def test_facts_box_in_polish(entries: Path):
    catalogue = catalogue_from(entries)
    page = practice_page(catalogue, catalogue.by_slug["kacik-pro-nejmensi"], "pl")
    for expected in (
        "<dt>Typ współpracy</dt><dd><a href=\"../../types/project/\">Wspólny projekt</a></dd>",
        "<dt>Zasięg</dt><dd>Lokalny</dd>",
        "<dt>Kraje</dt><dd>Polska</dd>",
        '<li><a href="../../libraries/biblioteka-testowa-w-lodzi/">Biblioteka Testowa w Łodzi</a> (Łódź, Polska)</li>',
        '<li>Przedszkole nr 1 <span class="partner-kind">(Przedszkole)</span></li>',
        '<li>Ochotnicza Straż Pożarna <span class="partner-kind">(Straż pożarna, Polska)</span></li>',
        "<dt>Dla kogo</dt><dd>Maluchy, Rodzice</dd>",
        "<dt>Okres</dt><dd>2010–2012</dd>",
        "<dt>Status</dt><dd>Zakończone</dd>",
        "<dt>Finansowanie</dt><dd>Program Testowy</dd>",
        "<li>Sprawozdanie testowe (2012)</li>",
    ):
        assert expected in page


def test_facts_box_in_czech_with_place_exonym_and_unknown_year(entries: Path):
    catalogue = catalogue_from(entries)
    page = practice_page(catalogue, catalogue.by_slug["noc-v-knihovne"], "pl")
    assert "<dt>Miejscowość</dt><dd>Czeski Cieszyn</dd>" in page
    assert "<dt>Okres</dt><dd>rok nieznany</dd>" in page
    assert '<a href="mailto:info@knihovna.example">info@knihovna.example</a>' in page
    assert "<dt>Kraje</dt><dd>Czechy, Norwegia</dd>" in page


def without_head(page: str) -> str:
    """The page without its `head` front matter, whose raw values the theme escapes (see test_sharing)."""
    front, body = page.split("\n---\n", 1)
    return "\n".join(line for line in front.splitlines() if not line.startswith("head: ")) + "\n---\n" + body


def test_entry_text_is_escaped(entries: Path):
    original = entries / "kacik-pro-nejmensi" / "pl.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(
        text.replace("title: Kącik dla najmłodszych", "title: '<script>alert(1)</script>'")
        .replace("name: Przedszkole nr 1", 'name: "\\"><img src=x onerror=alert(1)>"'),
        encoding="utf-8",
    )
    catalogue = catalogue_from(entries)
    page = without_head(practice_page(catalogue, catalogue.by_slug["kacik-pro-nejmensi"], "pl"))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title: "&lt;script&gt;alert(1)&lt;/script&gt;"' in page  # the theme prints it unescaped
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_type_page_lists_cards_with_a_language_badge(entries: Path):
    catalogue = catalogue_from(entries)
    page = type_pages(catalogue, "event", "sk", urls.PLACEHOLDER_BASE_URL)[urls.type_page("event")]
    assert '<a href="../../practices/noc-v-knihovne/">Noc v knihovně</a>' in page
    assert '<span class="language-badge" lang="sk" title="Text je po česky">CS</span>' in page
    assert "<span>Český Těšín, Česko, Nórsko</span> · <span>rok neuvedený</span> · <span>Deti</span>" in page


def test_every_language_gets_every_page(entries: Path):
    pages = rendered_pages(catalogue_from(entries))
    for lang in ("cs", "pl", "sk"):
        assert f"index.{lang}.md" in pages
        assert f"types/strategic-partnership.{lang}.md" in pages
        assert f"practices/noc-v-knihovne.{lang}.md" in pages
        assert f"libraries/biblioteka-testowa-w-lodzi.{lang}.md" in pages
    assert len(pages) == 3 * (1 + 4 + 2 + 1 + 2)  # home, types, practices, the libraries and each library


def test_docs_tree_is_written_once_and_cleaned(tmp_path: Path):
    files = {"a.cs.md": "A", "sub/b.pl.md": "B"}
    assert sync_folder(tmp_path, files) == 2
    assert sync_folder(tmp_path, files) == 0
    (tmp_path / "stale.md").write_text("old")
    assert sync_folder(tmp_path, {"a.cs.md": "A"}) == 0
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.cs.md"]
    assert sync_folder(tmp_path, {"a.cs.md": "Z"}) == 1  # same size, other content
    assert (tmp_path / "a.cs.md").read_text() == "Z"
    assert sync_folder(tmp_path, iter([("b/c.sk.md", b"C")])) == 1  # pairs, as they are rendered
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["b", "b/c.sk.md"]


def test_generating_again_changes_nothing(tmp_path: Path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "about.cs.md").write_text("# O katalogu\n", encoding="utf-8")
    shutil.copytree(FIXTURE_ENTRIES, project / "entries")
    out = project / "build" / "docs"
    generate_docs(project, out)
    stamps = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    assert (out / "about.cs.md").is_file() and (out / "catalogue.json").is_file()
    (project / "entries" / "kacik-pro-nejmensi" / "cs.md").touch()  # a new fingerprint, same content
    generate_docs(project, out)
    assert stamps == {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}




def test_front_matter_reads_back_as_written():
    title = 'Say "hi" \\ to <b>\nnew: line'
    header = front_matter({"title": title, "description": "Žďár – 50 %"})
    assert header.startswith("---\n") and header.endswith("\n---\n")
    assert yaml.safe_load(header.removeprefix("---\n").removesuffix("---\n")) == {
        "title": title,
        "description": "Žďár – 50 %",
    }
    assert yaml.safe_load(front_matter({"head": {"og:title": "A \"B\""}, "updated": "2026-11-22"}).strip("-\n")) == {
        "head": {"og:title": 'A "B"'},
        "updated": "2026-11-22",
    }


def test_counted_nouns_take_the_plural_form_of_each_language():
    from catalogue.model.interface import count

    expected = {
        "cs": ["0 praxí", "1 praxe", "3 praxe", "5 praxí", "22 praxí"],
        "pl": ["0 praktyk", "1 praktyka", "3 praktyki", "5 praktyk", "22 praktyki"],
        "sk": ["0 praxí", "1 prax", "3 praxe", "5 praxí", "22 praxí"],
    }
    for lang, counts in expected.items():
        assert [count("practice_count", number, lang) for number in (0, 1, 3, 5, 22)] == counts
