"""The two projects a benchmark builds: the catalogue, and the bare reference.

The catalogue is a copy of this project with synthetic entries. The
reference holds the same pages (every page the catalogue's build renders:
practices, lists, libraries, home, search, about) as plain Markdown files in
a bare MkDocs + Material + static-i18n project: no hooks, no validation, no
generated data, feeds, citations or search index; the same theme, languages,
navigation and Markdown extensions. What the catalogue costs on top of it is
what our own code adds to what MkDocs itself needs for those pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from catalogue.pages import urls
from benchmark.synthetic import write_entries

# Never copied: history, environments, outputs, the real entries and the tests.
NOT_COPIED = (".git", ".venv", "build", "site", "entries", "tests", ".ci", "__pycache__", ".pytest_cache", "node_modules")
KEPT_PLUGINS = ("i18n",)
# Keys of the catalogue's configuration that belong to the catalogue, not to MkDocs itself.
DROPPED_KEYS = ("hooks", "extra_css", "extra_javascript", "watch", "nav", "validation", "exclude_docs", "not_in_nav")


def catalogue_project(root: Path, target: Path, practices: int, seed: int) -> Path:
    """A copy of the project at `root` with `practices` synthetic entries, in `target`."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    write_entries(target / "entries", practices, seed)
    (target / "build" / "docs").mkdir(parents=True)
    return target


class Tagged:
    """A configuration value with a YAML tag (`!ENV`, `!!python/name:`), kept as written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: Tagged(node.tag, node))
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: Tagged(node.tag, node))
_ConfigDumper.add_representer(Tagged, lambda dumper, value: value.node)


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def reference_config(catalogue_config: Path) -> str:
    """The catalogue's mkdocs.yml without anything of the catalogue's own."""
    config = yaml.load(catalogue_config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for key in DROPPED_KEYS:
        config.pop(key, None)
    if isinstance(config.get("theme"), dict):
        config["theme"].pop("custom_dir", None)
    config["plugins"] = [entry for entry in config.get("plugins", []) if _plugin_name(entry) in KEPT_PLUGINS]
    config.update(
        site_name="Reference",
        docs_dir="docs",
        site_dir="site",
        strict=False,
        # The catalogue's own navigation: its top pages, never every practice.
        nav=[urls.nav_file(page) for page in urls.top_pages()],
        validation={"nav": {"omitted_files": "ignore"}},
    )
    return yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)


def reference_project(catalogue: Path, target: Path) -> Path:
    """The reference for a built `catalogue` project: its Markdown pages, nothing else."""
    generated = catalogue / "build" / "docs"
    docs = target / "docs"
    for page in generated.rglob("*.md"):
        copy = docs / page.relative_to(generated)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, copy)
    (target / "mkdocs.yml").write_text(reference_config(catalogue / "mkdocs.yml"), encoding="utf-8")
    return target
