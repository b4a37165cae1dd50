"""A new translation of a practice, prefilled from its original.

The translation gets the original's headings in the new language (the
recommended ones translated, others kept) and, as comments, the original's
title, summary and text of each section, to translate in place.
"""

from __future__ import annotations

import re
from pathlib import Path

from catalogue.contributing import entry_writer
from catalogue.model import glossary, messages
from catalogue.model.errors import ToolError
from catalogue.model.interface import language_name
from catalogue.reading.loader import read_entry_folder
from catalogue.reading.parser import EntryFile
from catalogue.checks.rules import split_original

HEADING = re.compile(r"^## +(.+?) *$", re.MULTILINE)


def original_of(entries_dir: Path, slug: str) -> EntryFile:
    folder = entries_dir / slug
    if not slug or not folder.is_dir() or folder.name.startswith("."):
        raise ToolError("no-practice", slug=slug)
    entry_folder, _ = read_entry_folder(folder, entries_dir.parent)
    original, _, problems = split_original(entry_folder)
    if original is None or problems:
        raise ToolError("original-invalid", slug=slug)
    return original


def sections_of(body: str) -> list[tuple[str | None, str]]:
    """(heading, text) pairs of a body; the text before the first heading has none."""
    marks = list(HEADING.finditer(body))
    parts = [(None, body[: marks[0].start()] if marks else body)]
    for mark, following in zip(marks, marks[1:] + [None]):
        parts.append((mark.group(1), body[mark.end() : following.start() if following else len(body)]))
    return [(heading, text.strip()) for heading, text in parts if heading or text.strip()]


def as_comment(text: str, lang: str) -> str:
    # A comment cannot hold its own end marker: break any inside the text.
    safe = text.replace("-->", "-- >").replace("<!--", "< !--")
    return f"<!-- {lang}:\n{safe}\n-->"


def translation_text(original: EntryFile, lang: str) -> str:
    source = original.lang
    intro = messages.render("translation-intro", {"language": language_name(source, lang)}, lang, "tools")
    lines = ["---", entry_writer.MODELINE.format(kind="translation"), *entry_writer.comment_lines(intro)]
    for name in ("title", "summary"):
        lines += entry_writer.comment_lines(f"{source}: {original.data.get(name, '')}") + [f"{name}:"]
    lines.append("---")
    ids = {heading: section_id for section_id, heading in glossary.sections(source).items()}
    headings = glossary.sections(lang)
    parts = []
    for heading, text in sections_of(original.body):
        if heading is not None:
            parts.append(f"## {headings[ids[heading]] if heading in ids else heading}")
        if text:
            parts.append(as_comment(text, source))
    return "\n".join(lines) + "\n\n" + "\n\n".join(parts) + "\n"


def write_translation(entries_dir: Path, slug: str, lang: str) -> Path:
    """Create entries/<slug>/<lang>.md from the original; never replaces a file."""
    original = original_of(entries_dir, slug)
    path = entries_dir / slug / f"{lang}.md"
    if path.exists():
        raise ToolError("file-exists", path=f"entries/{slug}/{lang}.md")
    try:
        return entry_writer.write_new_file(path, translation_text(original, lang))
    except entry_writer.EntryExists:
        raise ToolError("file-exists", path=f"entries/{slug}/{lang}.md") from None
