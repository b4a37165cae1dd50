"""Files generated for contributors: current, faithful to the model, usable as they are."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from catalogue.model import schema, vocabularies
from catalogue.contributing.contributor_files import generated_files, stale_files
from catalogue.reading.parser import read_entry_file
from catalogue.checks.validate import check_catalogue

from tests.conftest import ROOT

LANGUAGES = vocabularies.languages()


def test_committed_files_are_current():
    assert stale_files(ROOT) == [], "run: python scripts/write_contributor_files.py"


def test_a_changed_definition_makes_them_stale(tmp_path: Path):
    for name, content in generated_files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8") if isinstance(content, str) else (
            tmp_path / name
        ).write_bytes(content)
    assert stale_files(tmp_path) == []
    (tmp_path / "schema" / "original.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale_files(tmp_path) == ["schema/original.schema.json"]


@pytest.mark.parametrize("kind", ["original", "translation"])
def test_published_schema_is_the_model_plus_descriptions(kind: str):
    published = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    model = schema.original_schema() if kind == "original" else schema.translation_schema()
    for node in published["properties"].values():
        assert node.pop("description").startswith("cs: ")
    assert published == model


def test_published_schema_accepts_real_entries_and_explains_vocabularies():
    published = json.loads((ROOT / "schema" / "original.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(published)
    entry, problems = read_entry_file(ROOT / "entries" / "kacik-malucha" / "pl.md", "pl.md", "pl")
    assert problems == [] and list(validator.iter_errors(entry.data)) == []
    assert [error.message for error in validator.iter_errors({**entry.data, "type": "workshop"})] == [
        "'workshop' is not one of ['event', 'project', 'thematic-partnership', 'strategic-partnership']"
    ]
    assert "event: Společná akce / Wspólne wydarzenie / Spoločné podujatie" in published["properties"]["type"]["description"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_template_carries_the_modeline_and_the_headings(lang: str):
    text = (ROOT / "templates" / f"entry-template.{lang}.md").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["---", "# yaml-language-server: $schema=../../schema/original.schema.json"]
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    from catalogue.model.glossary import section_headings

    assert headings == section_headings(lang)


def fill(template: str) -> str:
    """The template as a contributor fills it: every required field, one optional."""
    answers = {
        "title:": "title: Koutek pro nejmenší",
        "summary:": "summary: Knihovna s hasiči zřídila hrací koutek.",
        "type:": "type: project",
        "scope:": "scope: local",
        "countries: []": "countries: [CZ]",
        "place:": "place: Opava",
        "  - name:": "  - name: Knihovna Petra Bezruče v Opavě",
        "    place:": "    place: Opava",
        "    country:": "    country: CZ",
        "audience: []": "audience: [toddlers]",
        "started:": "started: 2019",
        "status:": "status: ongoing",
        "# status_as_of:": "status_as_of: 2026",
        "  - title:": "  - title: Výroční zpráva knihovny",
        "updated:": "updated: 2026-11-22",
        "# region:": "region: Moravskoslezský kraj",
    }
    lines = [answers.get(line, line) for line in template.splitlines()]
    text = "\n".join(lines) + "\n"
    return text.replace("<!-- Jaká potřeba", "Chybělo místo pro nejmenší. <!-- Jaká potřeba")


def test_filled_template_is_a_valid_entry(tmp_path: Path):
    folder = tmp_path / "entries" / "koutek-pro-nejmensi"
    folder.mkdir(parents=True)
    (folder / "cs.md").write_text(fill((ROOT / "templates" / "entry-template.cs.md").read_text(encoding="utf-8")))
    catalogue, problems = check_catalogue(tmp_path / "entries", tmp_path)
    assert [problem.format() for problem in problems] == []
    practice = catalogue.by_slug["koutek-pro-nejmensi"]
    assert (practice.region, practice.libraries[0].country, practice.texts["cs"].body[:28]) == (
        "Moravskoslezský kraj", "CZ", "## Kontext a potřeba\n\nChyběl"
    )


def test_unfilled_template_says_what_to_fill(tmp_path: Path):
    folder = tmp_path / "entries" / "nova"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "entry-template.sk.md", folder / "sk.md")
    _, problems = check_catalogue(tmp_path / "entries", tmp_path)
    reported = [problem.format("sk") for problem in sorted(problems)]
    assert len(reported) == 14
    assert reported[:3] == [
        "entries/nova/sk.md:10: pole title má obsahovať text, nie prázdnu hodnotu",
        "entries/nova/sk.md:14: pole summary má obsahovať text, nie prázdnu hodnotu",
        "entries/nova/sk.md:21: pole type je prázdne; vyberte jednu z hodnôt: "
        "event, project, thematic-partnership, strategic-partnership",
    ]
    assert reported[-1].startswith("entries/nova/sk.md:137: text pod úvodným blokom údajov je prázdny")
