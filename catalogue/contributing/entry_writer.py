"""Writing entry files: front matter in the house style, the recommended headings.

The entry tools (template, `new_entry.py`, spreadsheet and issue import)
all write through here, so their files look alike and read back as
written. A new file or folder appears whole or not at all, and an
existing one is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

from catalogue.model import fields, glossary, messages, schema, vocabularies
from catalogue.reading.yaml_loader import flow

MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"
FOLD_AFTER = 80  # longer one-line texts are written as a folded block (>-)


class EntryExists(Exception):
    """The entry folder or file is already there; nothing was written."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def comment_lines(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, 96 - len(indent))]


def field_comments(name: str, lang: str) -> list[str]:
    """What the field means, and its allowed values with their labels."""
    label = fields.label(name, lang)
    if name in fields.original_fields() and not fields.required(name):
        label += f" ({messages.render('field-optional', {}, lang, 'tools')})"
    lines = comment_lines(f"{label}: {fields.help_text(name, lang)}")
    vocabulary = fields.vocabulary_of(name)
    if vocabulary:
        terms = vocabularies.terms(vocabulary)
        width = max(len(term_id) for term_id in terms)
        lines += [f"#   {term_id:<{width}}  {term.label[lang]}" for term_id, term in terms.items()]
    return lines


def value_lines(name: str, value) -> list[str]:
    """`name: value` in the style of the catalogue's entries."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        lines = [f"{name}:"]
        for item in value:
            for index, (key, sub) in enumerate(item.items()):
                lines.append(f"{'  - ' if index == 0 else '    '}{key}: {flow(sub)}".rstrip())
        return lines
    if isinstance(value, dict):
        return [f"{name}:"] + [f"  {key}: {flow(sub)}".rstrip() for key, sub in value.items()]
    if isinstance(value, str) and len(value) > FOLD_AFTER and value.isprintable() and value == value.strip():
        return [f"{name}: >-", f"  {value}"]
    return [f"{name}: {flow(value)}".rstrip()]


def skeleton_lines(name: str, node: dict) -> list[str]:
    """An empty value of the field's shape, to fill in."""
    if node.get("type") == "array" and node["items"].get("type") == "object":
        item = node["items"]
        keys = [key for key in item["properties"] if key in item["required"]]
        optional = [key for key in item["properties"] if key not in item["required"]]
        return [f"{name}:", f"  - {keys[0]}:"] + [f"    {key}:" for key in keys[1:]] + [f"    # {key}:" for key in optional]
    if node.get("type") == "array":
        return [f"{name}: []"]
    if node.get("type") == "object":
        return [f"{name}:"] + [f"  {key}:" for key in node["properties"]]
    return [f"{name}:"]


def front_matter(values: dict, lang: str, kind: str = "original", annotate: bool = False, hints: bool = False,
                 modeline: bool = True, intro: list[str] = (), skeletons: bool = True) -> str:
    """The front matter of an original or a translation.

    `annotate`: explain every field; `hints`: list the absent optional
    fields, commented out, with their explanation; `intro`: comment lines
    to open with; `skeletons`: give an absent required field an empty
    value to fill in (else leave it out).
    """
    lines = ["---"]
    if modeline:
        lines.append(MODELINE.format(kind=kind))
    lines += [line for text in intro for line in comment_lines(text)]
    names = fields.original_fields() if kind == "original" else schema.TEXT_FIELDS
    for name in names:
        node = fields.original_fields()[name]
        present = name in values
        optional = kind == "original" and not fields.required(name)
        if not (present or annotate or (hints and optional)):
            if not optional and skeletons:
                lines += skeleton_lines(name, node)
            continue
        if annotate or (hints and not present):
            lines += [""] + field_comments(name, lang)
        if present:
            lines += value_lines(name, values[name])
        elif optional:
            lines += [f"# {line}" for line in skeleton_lines(name, node)]
        else:
            lines += skeleton_lines(name, node)
    lines.append("---")
    return "\n".join(lines) + "\n"


def body(lang: str, texts: dict[str, str] | None = None, hints: bool = True) -> str:
    """The recommended sections as `## ` headings, with the text given for each.

    A section without text gets its guiding question as an HTML comment
    (`hints`), or is left out.
    """
    parts = []
    for section_id, heading in glossary.sections(lang).items():
        text = ((texts or {}).get(section_id) or "").strip()
        if text:
            parts += [f"## {heading}", text]
        elif hints:
            parts += [f"## {heading}", f"<!-- {fields.section_hint(section_id, lang)} -->"]
    return "\n\n".join(parts) + "\n"


def entry_text(front: str, text: str) -> str:
    return f"{front}\n{text}"


def write_new_entry(entries_dir: Path, slug: str, files: dict[str, str]) -> Path:
    """Create `entries_dir/slug/` holding `files`, whole or not at all."""
    target = entries_dir / slug
    if target.exists():
        raise EntryExists(target)
    # A dot folder is invisible to the validator while it is being filled.
    temp = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=entries_dir))
    try:
        for name, text in files.items():
            (temp / name).write_text(text, encoding="utf-8")
        temp.chmod(0o755)
        if target.exists():
            raise EntryExists(target)
        os.rename(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return target


def write_new_file(path: Path, text: str) -> Path:
    """Create the file `path` with `text`, whole or not at all; never replace one."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        try:
            os.link(temp, path)  # refuses an existing path, atomically
        except FileExistsError:
            raise EntryExists(path) from None
    finally:
        os.unlink(temp)
    return path


def replace_file(path: Path, data: bytes | str) -> None:
    """Write `path` through a temporary file, so it is never half-written."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
