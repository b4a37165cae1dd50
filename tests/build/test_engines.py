"""The fallback engine: ProperDocs, in its own environment without MkDocs, builds the same site.

`make test` sets up .venv-properdocs from requirements-properdocs.txt. Without
it the tests skip; under CI=true they fail (the Makefile must have set it up).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.compare_sites import differences

from tests.conftest import ROOT, copy_project

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS = PROPERDOCS_VENV / "bin" / "properdocs"
KNOWN_WARNING = "WARNING -  mkdocs_static_i18n: Unable to detect lunr languages from mkdocs distribution"


def require_properdocs() -> None:
    if not os.access(PROPERDOCS, os.X_OK):
        message = f"{PROPERDOCS.relative_to(ROOT)} is missing: make .venv-properdocs/.installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def properdocs_build(project: Path) -> Path:
    require_properdocs()
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Quiet and strict, the build says nothing, but for static-i18n looking for
    # the lunr languages in MkDocs's own files (the site uses no lunr search).
    said = [line for line in (result.stdout + result.stderr).splitlines() if line.strip() and line != KNOWN_WARNING]
    assert said == [], said
    return project / "site"


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    """The real entries built by ProperDocs, from a copy like the one of `published_site`."""
    return properdocs_build(copy_project(tmp_path_factory.mktemp("properdocs"), ROOT / "entries"))


def test_properdocs_builds_the_same_site_as_mkdocs(published_site: Path, properdocs_site: Path):
    """File by file, the search index too; only the generator tag is normalised."""
    assert len(list(properdocs_site.rglob("index.html"))) > 100
    assert differences(published_site, properdocs_site) == []


def test_the_fallback_environment_runs_no_mkdocs():
    require_properdocs()
    python = str(PROPERDOCS_VENV / "bin" / "python")
    probe = (
        "import importlib.metadata as m, properdocs.replacement, mkdocs.plugins;"
        "print(mkdocs.plugins.__name__);"
        "print(any(d.metadata['Name'].lower() == 'mkdocs' for d in m.distributions()))"
    )
    result = subprocess.run([python, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # Every mkdocs.* import the theme, static-i18n and the hook make is answered by ProperDocs.
    assert result.stdout.split() == ["properdocs.plugins", "False"]


def test_a_changed_page_or_search_filter_is_named(published_site: Path, tmp_path: Path):
    """The comparison fails on any difference but the generator tag, naming the files."""
    copy = tmp_path / "site"
    shutil.copytree(published_site, copy)
    page = copy / "pl" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<head>", '<head><meta name="generator" content="properdocs-1.6.7">', 1), encoding="utf-8")
    assert differences(published_site, copy) == []
    page.write_text(html.replace("</body>", " </body>", 1), encoding="utf-8")
    (copy / "catalogue.csv").unlink()
    (copy / "extra.txt").write_text("x", encoding="utf-8")
    # One search filter of Polish given the bytes of another.
    first, second = sorted((copy / "pagefind" / "filter").glob("pl_*.pf_filter"))[:2]
    first.write_bytes(second.read_bytes())
    assert differences(published_site, copy) == [
        f"catalogue.csv: only in {published_site}",
        f"extra.txt: only in {copy}",
        f"pagefind/filter/{first.name}: differs",
        "pl/index.html: differs",
    ]
