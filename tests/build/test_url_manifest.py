"""No published address is ever lost: urls.txt against real builds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import yaml
from pathlib import Path

from catalogue.publishing.url_manifest import MANIFEST, lost_message, lost_urls, published_urls, read_manifest, unrecorded_urls
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.published import build_site
from tests.fixture_edits import rename

RECORDED = read_manifest(ROOT / MANIFEST)


def test_the_committed_manifest_is_current(published_site: Path):
    published = published_urls(published_site)
    assert [lost_message(url) for url in lost_urls(RECORDED, published)] == []
    assert unrecorded_urls(RECORDED, published) == [], "new addresses: run `make urls` and commit urls.txt"


def test_manifest_records_pages_short_links_and_data():
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    for practice in catalogue.practices:
        for url in (f"/practices/{practice.slug}/", f"/pl/practices/{practice.slug}/", f"/p/{practice.slug}/"):
            assert url in RECORDED
    assert "/" in RECORDED and "/sk/" in RECORDED and "/catalogue.json" in RECORDED
    assert not [url for url in RECORDED if url.startswith("/assets/")]


def load_catalogue_loosely(entries: Path):
    """The practices of `entries` as read, `related` references to the withdrawn one included."""
    from catalogue.reading.loader import read_entries
    from catalogue.checks.rules import split_original
    from catalogue.model.practice import practice_from_files

    folders, _ = read_entries(entries, entries.parent)
    practices = []
    for folder in folders:
        original, translations, _ = split_original(folder)
        if original is not None:
            practices.append(practice_from_files(folder.slug, original, translations))
    return practices


def delete_practice(entries: Path, slug: str) -> None:
    """Remove a practice, every `related` reference to it and the records of libraries
    no other practice names, as a maintainer would."""
    withdrawn = load_catalogue(entries, entries.parent, only=slug).practices[0]
    shutil.rmtree(entries / slug)
    still_named = {library.name for practice in load_catalogue_loosely(entries) for library in practice.libraries}
    records = yaml.safe_load((entries / "libraries.yml").read_text(encoding="utf-8"))
    kept = [record for record in records
            if record["name"] not in {library.name for library in withdrawn.libraries}
            or {record["name"], *record.get("also", [])} & still_named]
    (entries / "libraries.yml").write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in entries.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        cleaned = re.sub(rf"(?<=[\[ ]){re.escape(slug)}(, )?|, {re.escape(slug)}(?=\])", "", text)
        cleaned = cleaned.replace("related: []\n", "")
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")


def test_a_deleted_practice_is_caught_and_named(tmp_path: Path):
    slug = load_catalogue(ROOT / "entries", ROOT).practices[0].slug
    project = copy_project(tmp_path / "project", ROOT / "entries")
    delete_practice(project / "entries", slug)
    lost = lost_urls(RECORDED, published_urls(build_site(project)))
    pages = [f"/p/{slug}/", f"/pl/practices/{slug}/", f"/practices/{slug}/", f"/sk/practices/{slug}/"]
    downloads = [f"{page}{slug}{suffix}" for page in pages[1:] for suffix in (".bib", ".csl.json")]
    expected = sorted(pages + downloads)
    assert [url for url in lost if slug in url] == expected
    assert lost_message(pages[0]) == (
        f"/p/{slug}/: published before (urls.txt) but missing from this build; "
        "keep the address: list a renamed practice's old slug in its aliases"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_urls.py"), "--site", str(project / "site"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert lost_message(f"/practices/{slug}/") in result.stdout.splitlines()


def test_a_renamed_practice_loses_no_address(tmp_path: Path):
    before = published_urls(build_site(copy_project(tmp_path / "before", FIXTURE_ENTRIES)))
    shutil.copytree(FIXTURE_ENTRIES, tmp_path / "entries")
    rename(tmp_path / "entries")
    after = published_urls(build_site(copy_project(tmp_path / "after", tmp_path / "entries")))
    assert lost_urls(before, after) == []
    assert "/pl/practices/kacik-dla-najmlodszych/" in unrecorded_urls(before, after)


def test_update_refuses_to_drop_an_address_unless_told(tmp_path: Path, published_site: Path):
    manifest = tmp_path / MANIFEST
    manifest.write_text("/practices/zaniknuta-praxe/\n", encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "update_urls.py"), "--site", str(published_site), "--manifest", str(manifest)]
    refused = subprocess.run(script, capture_output=True, text=True)
    assert refused.returncode == 1
    assert refused.stdout.splitlines()[-1] == "urls.txt left unchanged: 1 address(es) would be lost"
    assert read_manifest(manifest) == ["/practices/zaniknuta-praxe/"]
    allowed = subprocess.run([*script, "--allow-removal"], capture_output=True, text=True)
    assert allowed.returncode == 0
    assert read_manifest(manifest) == published_urls(published_site)
