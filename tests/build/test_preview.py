"""make preview: one practice in every language with the lists it appears in, and nothing else."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.model import vocabularies

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.sitecheck import broken_links
from tests.published import card_slugs, page_of

LANGUAGES = vocabularies.languages()


def preview(project: Path, entry: str, out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts" / "preview.py"), entry, "--build-only", str(out), *args],
                          cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("preview"), FIXTURE_ENTRIES)
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    return project


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("preview-site") / "site"
    # kacik-pro-nejmensi is related to noc-v-knihovne, which the preview leaves out.
    result = preview(project, "entries/kacik-pro-nejmensi", out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_practice_in_every_language_and_nothing_else(site: Path):
    practices = sorted(path.relative_to(site).as_posix() for path in site.rglob("practices/*/index.html"))
    assert practices == sorted(f"{'' if lang == 'cs' else lang + '/'}practices/kacik-pro-nejmensi/index.html"
                               for lang in LANGUAGES)
    for lang in LANGUAGES:
        assert card_slugs(page_of(site, lang, "types/project/")) == {"kacik-pro-nejmensi"}
        assert card_slugs(page_of(site, lang, "types/event/")) == set()
        assert card_slugs(page_of(site, lang, "")) == {"kacik-pro-nejmensi"}
    assert broken_links(site) == []


def test_the_preview_builds_in_its_own_folder(project: Path, site: Path):
    assert list((project / "build" / "docs").iterdir()) == []
    assert not (project / "site").exists()


def test_a_missing_related_practice_still_fails(project: Path, tmp_path: Path):
    original = project / "entries" / "kacik-pro-nejmensi" / "pl.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("related: [noc-v-knihovne]", "related: [noc-v-knihovne, nie-ma-takiej]"))
    try:
        result = preview(project, "entries/kacik-pro-nejmensi", tmp_path / "site")
    finally:
        original.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert ("entries/kacik-pro-nejmensi/pl.md:27: related practice 'nie-ma-takiej' does not exist; "
            "use the folder name of a practice in entries/") in result.stdout + result.stderr


def test_a_path_that_is_not_a_practice_is_refused(project: Path, tmp_path: Path):
    result = preview(project, "entries/nic-takiego", tmp_path / "site", "--lang", "pl")
    assert (result.returncode, result.stderr) == (
        2, "'entries/nic-takiego' nie jest praktyką: podaj jej folder, np. make preview ENTRY=entries/kacik-malucha\n")
