"""The MkDocs adapter: generation and indexing once per build, whatever static-i18n re-runs."""

from __future__ import annotations

from types import SimpleNamespace

from hooks import catalogue_hook


def config(building: bool, lang: str = "pl") -> SimpleNamespace:
    i18n = SimpleNamespace(building=building, current_language=lang)
    return SimpleNamespace(
        plugins={"i18n": i18n},
        docs_dir="build/docs",
        site_url="https://library-cooperation.example/",
        site_name=None,
        nav=None,
        extra={},
        theme=SimpleNamespace(static_templates=set()),
    )


class FakeCatalogue:
    def last_updated(self):
        return "2026-11-01"


def test_pages_are_generated_and_indexed_in_the_first_pass_only(monkeypatch):
    generated, indexed = [], []
    monkeypatch.setattr(catalogue_hook, "_state", {})
    monkeypatch.setattr(catalogue_hook, "generate_docs", lambda root, docs, url, only, on_loaded: generated.append(docs) or on_loaded(FakeCatalogue()) or FakeCatalogue())
    monkeypatch.setattr(catalogue_hook, "SearchIndexJob", lambda catalogue, files: indexed.append(catalogue) or SimpleNamespace(cancel=lambda: None))
    first, other = catalogue_hook.on_config(config(False, "cs")), catalogue_hook.on_config(config(True, "pl"))
    assert (len(generated), len(indexed)) == (1, 1)
    assert (first.site_name, other.site_name) == (
        "Katalog dobré praxe spolupráce knihoven",
        "Katalog dobrych praktyk współpracy bibliotek",
    )
    assert other.nav == ["index.md", "types/event.md", "types/project.md", "types/thematic-partnership.md",
                         "types/strategic-partnership.md", "libraries.md", "about.md", "contribute.md"]
    assert "404.html" in first.theme.static_templates and "404.html" not in other.theme.static_templates


def test_a_failed_build_stops_its_indexing(monkeypatch):
    cancelled = []
    monkeypatch.setitem(catalogue_hook._state, "search_index", SimpleNamespace(cancel=lambda: cancelled.append("index")))
    catalogue_hook.on_build_error(RuntimeError("a page failed"))
    assert cancelled == ["index"] and "search_index" not in catalogue_hook._state
