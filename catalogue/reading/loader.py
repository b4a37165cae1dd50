"""Finding the entry folders and reading their files."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.model import vocabularies
from catalogue.model.errors import Problem
from catalogue.reading.parser import EntryFile, read_entry_file

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
LIBRARY_NAMES = "libraries.yml"  # spellings of one library, read by `library_names`


@dataclass
class EntryFolder:
    slug: str
    path: str  # as shown in messages, e.g. entries/kacik-malucha
    files: list[EntryFile] = field(default_factory=list)  # in language order
    images: list[str] = field(default_factory=list)
    unreadable: bool = False  # a language file could not be read at all


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _refused(item: Path, shown: str) -> Problem | None:
    """Names and kinds of file that no entry may hold, whatever their role.

    A name in decomposed Unicode (as some systems write "č") looks right
    but is another name to git, to the web server and to links.
    """
    if item.is_symlink():
        return Problem.at(shown, 1, "symlink", name=item.name)
    if not unicodedata.is_normalized("NFC", item.name):
        return Problem.at(shown, 1, "name-not-nfc", name=item.name)
    return None


def _read_folder(folder: Path, root: Path, problems: list[Problem]) -> EntryFolder:
    entry = EntryFolder(slug=folder.name, path=_shown(folder, root))
    languages = vocabularies.languages()
    by_language = {}
    for item in sorted(folder.iterdir()):
        shown = _shown(item, root)
        if item.name.startswith("."):
            continue
        if refused := _refused(item, shown):
            problems.append(refused)
        elif not item.is_file():
            problems.append(Problem.at(shown, 1, "not-a-file", name=item.name))
        elif item.suffix == ".md" and item.stem in languages:
            parsed, file_problems = read_entry_file(item, shown, item.stem)
            problems.extend(file_problems)
            # An empty body still lets the front matter be checked: all problems at once.
            if any(problem.code != "empty-body" for problem in file_problems):
                entry.unreadable = True
            else:
                by_language[item.stem] = parsed
        elif item.suffix == ".md":
            problems.append(Problem.at(shown, 1, "unknown-language-file", name=item.name))
        elif item.suffix.lower() in IMAGE_SUFFIXES:
            entry.images.append(item.name)
        else:
            problems.append(Problem.at(shown, 1, "unexpected-file", name=item.name, images=", ".join(IMAGE_SUFFIXES)))
    entry.files = [by_language[lang] for lang in languages if lang in by_language]
    if not any((folder / f"{lang}.md").exists() for lang in languages):
        problems.append(Problem.at(entry.path, 1, "empty-folder"))
    return entry


def read_entry_folder(folder: Path, root: Path) -> tuple[EntryFolder, list[Problem]]:
    """One practice folder, with the problems met reading it."""
    problems: list[Problem] = []
    return _read_folder(folder, root, problems), problems


def entry_folders(entries_dir: Path, root: Path, only: str | None = None) -> tuple[list[Path], list[Problem]]:
    """Every practice folder under `entries_dir` (or only the one named), with what stands there wrongly."""
    folders, problems = [], []
    for item in sorted(entries_dir.iterdir()) if only is None else [entries_dir / only]:
        if item.name.startswith(".") or item.name in ("README.md", LIBRARY_NAMES):
            continue
        if refused := _refused(item, _shown(item, root)):
            problems.append(refused)
        elif not item.is_dir():
            problems.append(Problem.at(_shown(item, root), 1, "not-a-folder", name=item.name))
        else:
            folders.append(item)
    return folders, problems


def read_entries(entries_dir: Path, root: Path, only: str | None = None) -> tuple[list[EntryFolder], list[Problem]]:
    """Every practice folder under `entries_dir` (or only the one named), read, with the problems met reading them."""
    paths, problems = entry_folders(entries_dir, root, only)
    return [_read_folder(path, root, problems) for path in paths], problems
