"""The validator: each broken fixture breaks one rule and gets one exact message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.background import WORTH_SHARING, map_beside
from catalogue.checks.validate import check_catalogue

from tests.conftest import ROOT
from tests.fixture_edits import CS, NOC, PL, edit, messages

CASES = {
    "yaml that does not parse": (
        lambda e: edit(e, PL, "scope: local", "scope: [local"),
        [
            f"entries/{PL}:6: the front matter is not valid YAML: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence started on line 5)"
        ],
    ),
    "missing front matter": (
        lambda e: (e / CS).write_text("Koutek\n\nText.\n", encoding="utf-8"),
        [
            f"entries/{CS}:1: missing front matter: the file must start with a line '---', "
            "then the fields, then another line '---'"
        ],
    ),
    "missing required field": (
        lambda e: edit(e, PL, "scope: local\n", ""),
        [f"entries/{PL}:1: missing required field 'scope'"],
    ),
    "unknown field (typo)": (
        lambda e: edit(e, PL, "partners:", "partnres:"),
        [
            f"entries/{PL}:12: unknown field 'partnres' (did you mean 'partners'?); allowed fields: "
            "title, summary, type, scope, countries, place, region, libraries, partners, audience, topics, "
            "started, ended, status, status_as_of, funding, sources, contact, location, related, aliases, updated"
        ],
    ),
    "value outside its vocabulary": (
        lambda e: edit(e, PL, "type: project", "type: workshop"),
        [
            f"entries/{PL}:4: 'workshop' is not allowed in type; allowed: "
            "event, project, thematic-partnership, strategic-partnership"
        ],
    ),
    "partner kind outside its vocabulary": (
        lambda e: edit(e, PL, "kind: preschool", "kind: kindergarten"),
        [
            f"entries/{PL}:14: 'kindergarten' is not allowed in partners[0].kind; allowed: school, preschool, "
            "library, ngo, museum, municipality, cultural-centre, university, fire-brigade, church, business, "
            "media, health, foreign-institute, other"
        ],
    ),
    "wrong type": (
        lambda e: edit(e, PL, "started: 2010", 'started: "2005a"'),
        [
            f"entries/{PL}:20: started must be a year such as 2005 (or empty when the sources give no year), "
            "not the text '2005a'"
        ],
    ),
    "ended before started": (
        lambda e: edit(e, PL, "ended: 2012", "ended: 2008"),
        [f"entries/{PL}:21: ended (2008) is before started (2010); ended must be the same year or later"],
    ),
    "slug that is not lower-case ASCII kebab": (
        lambda e: (e / "noc-v-knihovne").rename(e / "Noc_v_Knihovně"),
        [
            "entries/Noc_v_Knihovně:1: folder name 'Noc_v_Knihovně' is not a valid slug: use lower-case ASCII "
            "letters, digits and hyphens, e.g. 'noc-v-knihovne'",
            f"entries/{PL}:27: related practice 'noc-v-knihovne' does not exist; "
            "use the folder name of a practice in entries/",
        ],
    ),
    "two originals": (
        lambda e: (e / CS).write_text((e / PL).read_text(encoding="utf-8"), encoding="utf-8"),
        [
            f"entries/{PL}:1: this file and entries/{CS} both carry the facts; "
            "keep them in one original and leave only title and summary in the translation"
        ],
    ),
    "no original": (
        lambda e: (e / NOC).write_text("---\ntitle: Noc\nsummary: Děti.\n---\n\nText.\n", encoding="utf-8"),
        [
            f"entries/{NOC}:1: no file of this practice carries the facts (type, scope, countries, ...): "
            "one language file must be the original"
        ],
    ),
    "translation carrying facts": (
        lambda e: edit(e, CS, "summary:", "status: finished\nsummary:"),
        [f"entries/{CS}:3: a translation may carry only title and summary; move status to the original entries/{PL}"],
    ),
    "language file other than cs/pl/sk": (
        lambda e: (e / "noc-v-knihovne" / "en.md").write_text("---\ntitle: Night\n---\n", encoding="utf-8"),
        ["entries/noc-v-knihovne/en.md:1: 'en.md' is not a language file: use cs.md, pl.md or sk.md"],
    ),
    "related practice that does not exist": (
        lambda e: edit(e, PL, "related: [noc-v-knihovne]", "related: [noc-v-knihovne, noc-s-andersenem]"),
        [
            f"entries/{PL}:27: related practice 'noc-s-andersenem' does not exist; "
            "use the folder name of a practice in entries/"
        ],
    ),
    "alias equal to an existing slug": (
        lambda e: edit(e, PL, "updated:", "aliases: [noc-v-knihovne]\nupdated:"),
        [
            f"entries/{PL}:28: alias 'noc-v-knihovne' is the slug of the existing practice entries/noc-v-knihovne/; "
            "an alias must be a former slug no longer in use"
        ],
    ),
    "alias claimed by two practices": (
        lambda e: (
            edit(e, PL, "updated:", "aliases: [stary-nazev]\nupdated:"),
            edit(e, NOC, "updated:", "aliases: [stary-nazev]\nupdated:"),
        ),
        [
            f"entries/{NOC}:21: alias 'stary-nazev' is also claimed by entries/kacik-pro-nejmensi/; "
            "one old address can lead to only one practice"
        ],
    ),
    "file that is not UTF-8": (
        lambda e: (e / CS).write_bytes("---\ntitle: Koutek pro nejmenší\n".encode("cp1250")),
        [f"entries/{CS}:2: the file is not UTF-8 text; save it with the UTF-8 encoding"],
    ),
    "empty body": (
        lambda e: (e / CS).write_text("---\ntitle: Koutek\nsummary: Hrací koutek.\n---\n\n  \n", encoding="utf-8"),
        [
            f"entries/{CS}:5: the text below the front matter is empty; describe the practice under the headings "
            "Kontext a potřeba, Co se udělalo, Partneři a jejich role, Výsledky, Tipy pro zopakování, "
            "Náklady a náročnost"
        ],
    ),
    "summary too long": (
        lambda e: edit(e, CS, "summary: Obecní", "summary: " + "x" * 300 + " Obecní"),
        [f"entries/{CS}:3: summary is 381 characters long; at most 300 are allowed"],
    ),
    "country that is not an ISO code": (
        lambda e: edit(e, NOC, "countries: [CZ, \"NO\"]", "countries: [CZ, Polska]"),
        [
            f"entries/{NOC}:6: 'Polska' is not allowed in countries[1]; allowed: "
            "a two-letter ISO 3166-1 country code such as CZ, PL or SK"
        ],
    ),
    "url that is not http(s)": (
        lambda e: edit(e, NOC, "url: https://knihovna.example/", "url: javascript:alert(1)"),
        [
            f"entries/{NOC}:12: libraries[0].url: 'javascript:alert(1)' is not valid; "
            "use a full address starting with http:// or https://"
        ],
    ),
    "yaml aliases refused": (
        lambda e: edit(e, NOC, "audience: [children]", "audience: &a [children]\ntopics: *a"),
        [f"entries/{NOC}:13: YAML anchors and aliases (&name, *name) are not allowed; write the value out"],
    ),
    "file that is not a folder in entries/": (
        lambda e: (e / "notes.txt").write_text("x", encoding="utf-8"),
        ["entries/notes.txt:1: 'notes.txt' does not belong in entries/: each practice is a folder entries/<slug>/"],
    ),
    "scope that overlaps: neighbours tagged international": (
        lambda e: edit(e, NOC, "scope: international\ncountries: [CZ, \"NO\"]", "scope: international\ncountries: [CZ, PL]"),
        [
            f"entries/{NOC}:5: scope 'international' does not fit countries [CZ, PL]: one country is local, regional "
            "or national; several countries with two neighbours (a shared land border) are cross-border, others "
            "international; use cross-border"
        ],
    ),
    "scope that overlaps: one country tagged cross-border": (
        lambda e: edit(e, PL, "scope: local", "scope: cross-border"),
        [
            f"entries/{PL}:5: scope 'cross-border' does not fit countries [PL]: one country is local, regional "
            "or national; several countries with two neighbours (a shared land border) are cross-border, others "
            "international; use local, regional, national"
        ],
    ),
    "folder without language files": (
        lambda e: (e / "prazdna").mkdir(),
        ["entries/prazdna:1: the folder holds no language file: add cs.md, pl.md or sk.md"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_broken_entry_gets_its_exact_message(entries: Path, case: str):
    break_it, expected = CASES[case]
    break_it(entries)
    assert messages(entries) == expected


def test_the_fixture_entries_are_valid(entries: Path):
    assert messages(entries) == []


def test_every_problem_is_reported_at_once(entries: Path):
    edit(entries, PL, "type: project", "type: workshop")
    edit(entries, NOC, "status: recurring", "status: sometimes")
    (entries / "noc-v-knihovne" / "de.md").write_text("x", encoding="utf-8")
    assert len(messages(entries)) == 3


def test_norway_stays_a_country_code(entries: Path):
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.by_slug["noc-v-knihovne"].countries == ["CZ", "NO"]


def test_bom_and_crlf_line_ends_are_accepted(entries: Path):
    path = entries / CS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.by_slug["kacik-pro-nejmensi"].texts["cs"].title == "Koutek pro nejmenší"


def test_validate_script_prints_messages_and_fails(entries: Path):
    edit(entries, PL, "type: project", "type: workshop")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--entries", str(entries)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"entries/{PL}:4: 'workshop' is not allowed in type; allowed: "
        "event, project, thematic-partnership, strategic-partnership",
        "1 problem(s) found",
    ]


def test_validate_script_passes_valid_entries(entries: Path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--entries", str(entries)],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, "no problems found in 2 practice(s)\n")


def renamed_noc(entries: Path) -> None:
    """noc-v-knihovne renamed to noc-v-knihovne-2026, its old slug kept as an alias."""
    (entries / "noc-v-knihovne").rename(entries / "noc-v-knihovne-2026")
    edit(entries, "noc-v-knihovne-2026/cs.md", "updated:", "aliases: [noc-v-knihovne]\nupdated:")


def test_a_renamed_practice_is_still_related_by_its_former_slug_with_a_note(entries: Path):
    renamed_noc(entries)
    assert "related: [noc-v-knihovne]" in (entries / PL).read_text(encoding="utf-8")
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.by_slug["kacik-pro-nejmensi"].related == ["noc-v-knihovne-2026"]
    assert [note.format() for note in catalogue.notes] == [
        f"entries/{PL}:27: note: related practice 'noc-v-knihovne' has been renamed to 'noc-v-knihovne-2026'; "
        "the link works, but write 'noc-v-knihovne-2026'"
    ]
    assert catalogue.notes[0].format("cs").startswith(f"entries/{PL}:27: poznámka: související praxe")


def test_the_validator_prints_the_note_and_passes(entries: Path):
    renamed_noc(entries)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--entries", str(entries)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "note: related practice 'noc-v-knihovne' has been renamed to 'noc-v-knihovne-2026'" in result.stdout


def test_folders_checked_by_two_processes_give_what_one_gives(tmp_path: Path):
    """The build shares the folders with a forked child: the same practices, problems and notes come back."""
    entries = tmp_path / "entries"
    shutil.copytree(ROOT / "entries", entries)
    folders = sorted(path for path in entries.iterdir() if path.is_dir())
    assert len(folders) >= 2 * WORTH_SHARING  # enough to be shared
    for folder in folders[:2]:  # one folder for each process
        for path in folder.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\ntype: ", "\ntype: workshop\nx_type: ", 1), encoding="utf-8")
    alone, alone_problems = check_catalogue(entries, tmp_path)
    shared, shared_problems = check_catalogue(entries, tmp_path, map_folders=map_beside)
    assert len(alone_problems) >= 2
    assert sorted(shared_problems) == sorted(alone_problems)
    assert shared == alone and shared.notes == alone.notes and shared.unlocated == alone.unlocated
