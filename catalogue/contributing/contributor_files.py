"""Files generated for contributors from the single definitions.

The JSON Schema of the front matter (for editors), the annotated entry
template in each language, the spreadsheet templates and the GitHub issue
form are all derived from `schema`, `vocabularies`, `fields` and
`glossary`. `scripts/write_contributor_files.py` writes them into the
repository; a test fails when a committed copy is stale.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

from catalogue.contributing import entry_writer, issue_form, tables
from catalogue.model.schema import SCHEMA_FOLDER
from catalogue.model import fields, messages, schema, vocabularies

TEMPLATE_FOLDER = "templates"


def _description(name: str) -> str:
    lines = [f"{lang}: {fields.label(name, lang)} – {fields.help_text(name, lang)}" for lang in vocabularies.languages()]
    vocabulary = fields.vocabulary_of(name)
    if vocabulary:
        for term_id, term in vocabularies.terms(vocabulary).items():
            lines.append(f"{term_id}: " + " / ".join(term.label[lang] for lang in vocabularies.languages()))
    return "\n".join(lines)


def schema_document(kind: str) -> str:
    """The JSON Schema of an original or a translation, explained for editors."""
    document = copy.deepcopy(schema.original_schema() if kind == "original" else schema.translation_schema())
    for name, node in document["properties"].items():
        node["description"] = _description(name)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def entry_template(lang: str) -> str:
    """The annotated template of an original entry in `lang`."""
    intro = [messages.render(code, {}, lang, "tools") for code in ("template-intro", "template-comments", "privacy-rule")]
    front = entry_writer.front_matter({}, lang, annotate=True, intro=intro)
    return entry_writer.entry_text(front, entry_writer.body(lang))


def generated_files() -> dict[str, str | bytes]:
    """Every generated contributor file: path in the repository -> content."""
    files: dict[str, str | bytes] = {
        f"{SCHEMA_FOLDER}/{kind}.schema.json": schema_document(kind) for kind in ("original", "translation")
    }
    for lang in vocabularies.languages():
        files[f"{TEMPLATE_FOLDER}/entry-template.{lang}.md"] = entry_template(lang)
    files[f"{TEMPLATE_FOLDER}/practices-template.csv"] = tables.csv_template()
    files[f"{TEMPLATE_FOLDER}/practices-template.xlsx"] = tables.xlsx_template()
    files[issue_form.FILE] = issue_form.form()
    return files


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _same(path: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not path.is_file():
        return False
    if path.suffix == ".xlsx":  # the same files inside, however zlib compressed them
        try:
            return _members(path.read_bytes()) == _members(data)
        except zipfile.BadZipFile:
            return False
    return path.read_bytes() == data


def stale_files(root: Path) -> list[str]:
    """The generated files whose committed copy differs from a fresh one."""
    return [name for name, content in generated_files().items() if not _same(root / name, content)]


def write_files(root: Path) -> list[str]:
    """Write the generated files that changed; returns their names."""
    written = []
    for name, content in generated_files().items():
        path = root / name
        if _same(path, content):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        entry_writer.replace_file(path, content)
        written.append(name)
    return written


def published_files(root: Path) -> list[str]:
    """The generated files the site offers for download, as they are in the repository."""
    folders = (SCHEMA_FOLDER + "/", TEMPLATE_FOLDER + "/")
    return sorted(name for name in generated_files() if name.startswith(folders) and (root / name).is_file())
