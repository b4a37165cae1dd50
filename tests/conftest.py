"""Shared fixtures: copies of the fixture entries and of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_ENTRIES = ROOT / "tests" / "fixtures" / "entries"
# What a site build needs from the project.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "catalogue", "docs", "overrides")


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


HOSTILE_ENTRIES = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The site built from the real entries plus the valid-but-hostile fixtures."""
    from .test_build import built

    project = copy_project(tmp_path_factory.mktemp("hostile"), ROOT / "entries")
    for practice in sorted(HOSTILE_ENTRIES.iterdir()):
        if practice.is_dir():
            shutil.copytree(practice, project / "entries" / practice.name)
    return built(project)
