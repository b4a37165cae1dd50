"""The MkDocs adapter: generation once per build, whatever static-i18n re-runs."""

from __future__ import annotations

from types import SimpleNamespace

from hooks import catalogue_hook


def config(building: bool, lang: str = "pl") -> SimpleNamespace:
    i18n = SimpleNamespace(building=building, current_language=lang)
    return SimpleNamespace(plugins={"i18n": i18n}, docs_dir="build/docs", site_name=None, nav=None)


def test_pages_are_generated_in_the_first_pass_only(monkeypatch):
    calls = []
    monkeypatch.setattr(catalogue_hook, "generate_docs", lambda root, docs: calls.append(docs))
    first, other = catalogue_hook.on_config(config(False, "cs")), catalogue_hook.on_config(config(True, "pl"))
    assert len(calls) == 1
    assert (first.site_name, other.site_name) == (
        "Katalog dobré praxe spolupráce knihoven",
        "Katalog dobrych praktyk współpracy bibliotek",
    )
    assert other.nav == ["index.md", "types/event.md", "types/project.md", "types/thematic-partnership.md",
                         "types/strategic-partnership.md", "about.md"]
