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


class FakeBuild:
    """Counts what the adapter asks of the core's Build."""

    made: list = []

    def __init__(self, root, docs_out, base_url, only=None):
        self.calls, self.args = [], (root, docs_out, base_url, only)
        self.last_updated = "2026-11-01"
        FakeBuild.made.append(self)

    def settings(self):
        return self.args

    def prepare(self):
        self.calls.append("prepare")

    def cancel(self):
        self.calls.append("cancel")


def test_pages_are_generated_and_indexed_in_the_first_pass_only(monkeypatch):
    FakeBuild.made = []
    monkeypatch.setattr(catalogue_hook, "_build", None)
    monkeypatch.setattr(catalogue_hook, "Build", FakeBuild)
    first, other = catalogue_hook.on_config(config(False, "cs")), catalogue_hook.on_config(config(True, "pl"))
    assert [build.calls for build in FakeBuild.made] == [["prepare"]]
    assert (first.site_name, other.site_name) == (
        "Katalog dobré praxe spolupráce knihoven",
        "Katalog dobrych praktyk współpracy bibliotek",
    )
    assert other.nav == ["index.md", "types/event.md", "types/project.md", "types/thematic-partnership.md",
                         "types/strategic-partnership.md", "libraries.md", "map.md", "about.md", "contribute.md"]
    assert other.extra["catalogue_search"]["url"] == "pl/search/"
    assert "404.html" in first.theme.static_templates and "404.html" not in other.theme.static_templates


def test_a_rebuild_keeps_its_build_and_prepares_it_again(monkeypatch):
    FakeBuild.made = []
    monkeypatch.setattr(catalogue_hook, "_build", None)
    monkeypatch.setattr(catalogue_hook, "Build", FakeBuild)
    catalogue_hook.on_config(config(False, "cs"))
    catalogue_hook.on_config(config(False, "cs"))
    kept = catalogue_hook._build
    assert kept is FakeBuild.made[0] and kept.calls == ["prepare", "prepare"]


def test_a_failed_build_stops_its_background_work(monkeypatch):
    build = FakeBuild("root", "docs", "url")
    monkeypatch.setattr(catalogue_hook, "_build", build)
    catalogue_hook.on_build_error(RuntimeError("a page failed"))
    assert build.calls == ["cancel"]
