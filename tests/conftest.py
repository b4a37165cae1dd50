"""Shared fixtures: copies of the fixture entries and of the project, site builds, the browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from .browser import chromium, require_browser

# Property tests: a few hundred examples in `make test`; more with --hypothesis-profile=thorough.
settings.register_profile("default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_ENTRIES = ROOT / "tests" / "fixtures" / "entries"
SEARCH_ENTRIES = ROOT / "tests" / "fixtures" / "search"
# What a site build needs from the project.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "catalogue", "docs", "overrides", "schema", "templates")


@pytest.fixture
def entries(tmp_path: Path) -> Path:
    """A writable copy of the fixture entries (two valid practices)."""
    target = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, target)
    return target


def copy_project(target: Path, entries_from: Path) -> Path:
    """The project's site files with the entries of `entries_from`, in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    shutil.copytree(entries_from, target / "entries")
    (target / "build" / "docs").mkdir(parents=True)
    return target


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The site built once from the real entries, for tests that only read it."""
    from .published import build_site

    return build_site(copy_project(tmp_path_factory.mktemp("published"), ROOT / "entries"))

def build(project: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """A strict build of `project` into `project`/site (`env_vars` added to the environment)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


def built(project: Path, **env_vars: str) -> Path:
    """The site of `project`, which must build."""
    result = build(project, **env_vars)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def browser():
    """Headless chromium for the whole run (a skip without it; a failure under CI=true)."""
    require_browser()
    with chromium() as launched:
        yield launched


HOSTILE_ENTRIES = ROOT / "tests" / "fixtures" / "hostile"


# Bodies the validator refuses, built with its body check switched off.
PAST_THE_VALIDATOR = HOSTILE_ENTRIES / "past-the-validator"
# Appended to the project copy's catalogue/checks/markup.py: no body is refused.
BODY_CHECK_OFF = "\n\ndef body_problems(entry, images=None):\n    return []\n"


def hostile_practices() -> list[Path]:
    """The valid-but-hostile practices, then those only the sanitiser stops."""
    valid = [path for path in sorted(HOSTILE_ENTRIES.iterdir()) if path.is_dir() and path != PAST_THE_VALIDATOR]
    return valid + [path for path in sorted(PAST_THE_VALIDATOR.iterdir()) if path.is_dir()]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The site built from the real entries plus the hostile fixtures.

    The validator's body check is switched off in this copy of the project,
    so the bodies of past-the-validator/ reach the pages, and only the
    sanitiser of rendered bodies stands between them and the browser.
    """
    project = copy_project(tmp_path_factory.mktemp("hostile"), ROOT / "entries")
    markup = project / "catalogue" / "checks" / "markup.py"
    markup.write_text(markup.read_text(encoding="utf-8") + BODY_CHECK_OFF, encoding="utf-8")
    for practice in hostile_practices():
        shutil.copytree(practice, project / "entries" / practice.name)
    return built(project)


def rendered_pages(catalogue, base_url=None, type_page_size=None) -> dict[str, str]:
    """Every generated page of `catalogue`, as the build writes them: file name -> Markdown."""
    from catalogue.pages import render, urls

    base_url = base_url or urls.PLACEHOLDER_BASE_URL
    size = type_page_size or render.TYPE_PAGE_SIZE
    pages = dict(render.iter_list_pages(catalogue, base_url, size))
    pages.update(render.iter_practice_pages(catalogue, catalogue.practices, base_url))
    return pages
