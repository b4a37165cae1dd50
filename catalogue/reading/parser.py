"""Reading one entry file: front matter, body and where each field stands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from catalogue.reading import yaml_loader
from catalogue.model.glossary import section_headings
from catalogue.model.errors import Problem

# Real entries are a few kilobytes with lines under a thousand characters;
# the limits stop a mistaken paste or a hostile file long before it costs time.
MAX_FILE_BYTES = 200_000
MAX_LINE_CHARS = 5_000


# What a scaffolded body holds before anyone writes: headings and hints.
NOT_TEXT = re.compile(r"<!--.*?-->|^ {0,3}#{1,6}(?: [^\n]*)?$", re.DOTALL | re.MULTILINE)


def has_text(body: str) -> bool:
    """Whether `body` says anything beyond headings and HTML comments."""
    return bool(NOT_TEXT.sub("", body).strip())


@dataclass
class EntryFile:
    """One language file of a practice, as read from disk."""

    path: str  # as shown in messages, e.g. entries/kacik-malucha/pl.md
    lang: str
    data: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the first line after the front matter
    body_start: int = 1  # the line holding body[0]
    # The front matter as parsed starts on the opening `---` line, so a
    # node's 0-based line plus this offset is its line in the file.
    front_line: int = 1
    node: yaml.Node | None = None
    _lines: FieldLines | None = field(default=None, repr=False, compare=False)

    def body_lines(self):
        """(line number in the file, text) of every line of the body."""
        return enumerate(self.body.split("\n"), start=self.body_start)

    def line_of(self, *keys) -> int:
        """Line of the field at `keys` (e.g. "libraries", 0, "name")."""
        return self.field_lines().line_of(*keys)

    def field_lines(self) -> FieldLines:
        """Where each field stands: all that checks across practices need of this file."""
        if self._lines is None:
            self._lines = FieldLines(self.path, dict(_node_lines(self.node, (), self.front_line)), self.front_line)
        return self._lines


@dataclass(frozen=True)
class FieldLines:
    """The lines of an entry file's fields, without the file: light enough to pass between processes."""

    path: str
    lines: dict[tuple, int]  # ("libraries", 0, "name") -> line in the file
    front_line: int = 1

    def line_of(self, *keys) -> int:
        """Line of the field at `keys`, or of the nearest field above it that exists."""
        for end in range(len(keys), 0, -1):
            if (line := self.lines.get(keys[:end])) is not None:
                return line
        return self.front_line


def _node_lines(node: yaml.Node | None, path: tuple, offset: int):
    """(keys, line) of every field below `node`; the first of two equal keys wins, as when reading."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if not isinstance(key.value, str) or key.value in seen:
                continue
            seen.add(key.value)
            yield (*path, key.value), key.start_mark.line + offset
            yield from _node_lines(value, (*path, key.value), offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield (*path, index), item.start_mark.line + offset
            yield from _node_lines(item, (*path, index), offset)


def yaml_problem(shown_path: str, error: yaml.YAMLError, first_line: int = 1, code: str = "yaml-syntax") -> Problem:
    """Where and why YAML text (starting on `first_line`) does not parse."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark else first_line
    reason = getattr(error, "problem", None) or str(error)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and context_mark.line + first_line != line:
        reason += f" ({context} started on line {context_mark.line + first_line})"
    return Problem.at(shown_path, line, code, reason=reason)


def read_entry_file(path: Path, shown_path: str, lang: str) -> tuple[EntryFile, list[Problem]]:
    """Parse `path`; problems that stop the file from being read are returned."""
    entry = EntryFile(path=shown_path, lang=lang)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return entry, [Problem.at(shown_path, 1, "file-too-large", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}")]
    raw = path.read_bytes()
    if b"\x00" in raw:
        return entry, [Problem.at(shown_path, 1, "nul-byte")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return entry, [Problem.at(shown_path, line, "not-utf8")]
    text = text.replace("\r\n", "\n")
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return entry, [Problem.at(shown_path, number, "line-too-long", length=f"{len(line):,}", limit=f"{MAX_LINE_CHARS:,}")]
    if not text.startswith("---\n"):
        return entry, [Problem.at(shown_path, 1, "no-front-matter")]
    try:
        front, body = frontmatter.YAMLHandler().split(text)
    except ValueError:
        return entry, [Problem.at(shown_path, 1, "unclosed-front-matter")]
    closing_line = 1 + front.count("\n")
    entry.body_line = closing_line + 1
    entry.body_start = text.count("\n", 0, len(text) - len(body)) + 1
    entry.body = body
    try:
        entry.node = yaml_loader.compose(front)
        data = yaml_loader.construct(entry.node) if entry.node is not None else None
    except yaml_loader.EntryProblem as found:
        return entry, [Problem.at(shown_path, found.line, found.code, **found.params)]
    except yaml.YAMLError as error:
        return entry, [yaml_problem(shown_path, error)]
    if not isinstance(data, dict):
        return entry, [Problem.at(shown_path, 1, "front-matter-not-mapping")]
    entry.data = data
    if not has_text(body):
        sections = ", ".join(section_headings(lang))
        return entry, [Problem.at(shown_path, entry.body_line, "empty-body", sections=sections)]
    return entry, []
