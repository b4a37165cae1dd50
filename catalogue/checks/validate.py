"""Loading and validating the whole catalogue: every problem, then one verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue.model.errors import InvalidCatalogue, Problem
from catalogue.checks.library_names import check_library_addresses, read_library_names
from catalogue.checks.locations import location_problems, missing_locations
from catalogue.reading.loader import entry_folders, read_entry_folder
from catalogue.reading.parser import FieldLines
from catalogue.checks.front_text import front_text_problems
from catalogue.checks.markup import body_problems
from catalogue.model.practice import Catalogue, practice_from_files
from catalogue.checks.privacy import personal_data_problems
from catalogue.checks.rules import (
    check_aliases, check_related, check_scope, check_slug, check_status_as_of, check_years, split_original,
)
from catalogue.checks.schema_check import schema_problems

FolderMap = Callable[[Callable[[Path], "CheckedFolder"], list[Path]], list["CheckedFolder"]]


@dataclass
class CheckedFolder:
    """One practice folder, read and checked on its own: its problems, or its practice."""

    slug: str
    problems: list[Problem]
    practice: Practice | None = None
    original: FieldLines | None = None  # where the original's fields stand, for the checks across practices


def check_folder(path: Path, root: Path) -> CheckedFolder:
    """Every rule that one practice folder can be held to without the others."""
    folder, read_problems = read_entry_folder(path, root)
    problems = check_slug(folder)
    original, translations, split_problems = split_original(folder)
    problems += split_problems
    if original is not None:
        problems += schema_problems(original, "original")
        problems += check_years(original)
        problems += check_scope(original)
        problems += check_status_as_of(original)
    for translation in translations:
        problems += schema_problems(translation, "translation")
    for entry in folder.files:
        problems += personal_data_problems(entry) + front_text_problems(entry) + body_problems(entry, folder.images)
    # A file that could not be read fully (an empty body) still lets the
    # practice be made, so the checks across practices see it too.
    if original is None or problems:
        return CheckedFolder(folder.slug, read_problems + problems)
    practice = practice_from_files(folder.slug, original, translations)
    practice.images = folder.images
    return CheckedFolder(folder.slug, read_problems, practice, original.field_lines())


def check_catalogue(
    entries_dir: Path,
    root: Path,
    only: str | None = None,
    known: frozenset[str] = frozenset(),
    map_folders: FolderMap = lambda check, paths: [check(path) for path in paths],
) -> tuple[Catalogue, list[Problem]]:
    """The valid practices and every problem found in `entries_dir`.

    `only`: read just that practice's folder (a preview); `known`: slugs
    that exist besides the folders read, so `related` may point at them;
    `map_folders(check, paths)`: the checked folders in the order of
    `paths`, however they are shared out (the build uses two processes).
    """
    paths, problems = entry_folders(entries_dir, root, only)
    checked = map_folders(lambda path: check_folder(path, root), paths)
    practices, originals = [], {}
    for folder in checked:
        problems += folder.problems
        if folder.practice is not None:
            practices.append(folder.practice)
            originals[folder.slug] = folder.original
    known = {path.name for path in paths} | set(known)
    renamed = {alias: practice.slug for practice in practices for alias in practice.aliases if alias not in known}
    notes = []
    for practice in practices:
        related_problems, related_notes = check_related(practice, originals[practice.slug], known, renamed)
        problems += related_problems
        notes += related_notes
    problems += check_aliases(practices, originals)
    names, name_problems = read_library_names(entries_dir, root, practices, all_practices=only is None)
    problems += name_problems + check_library_addresses(practices, names, originals)
    problems += location_problems(practices, names)
    unlocated = missing_locations(practices, names, originals)
    return Catalogue(practices, names.spellings, names.locations, names.urls, notes=sorted(notes), unlocated=unlocated), problems


def load_catalogue(entries_dir: Path, root: Path, only: str | None = None, map_folders: FolderMap | None = None) -> Catalogue:
    """The catalogue (or the one practice `only`), or InvalidCatalogue listing every problem."""
    known = frozenset(path.name for path in entries_dir.iterdir()) if only else frozenset()
    shared = {"map_folders": map_folders} if map_folders else {}
    catalogue, problems = check_catalogue(entries_dir, root, only, known, **shared)
    if problems:
        raise InvalidCatalogue(problems)
    return catalogue



def concerning(problems: list[Problem], slugs: set[str]) -> list[Problem]:
    """The problems inside the practices `slugs`, and those naming one of them.

    A practice that links to a deleted or renamed one is reported too, so a
    pull request cannot break an entry it did not touch.
    """

    def in_practice(problem: Problem) -> bool:
        parts = problem.path.split("/")
        return len(parts) > 1 and parts[1] in slugs

    def names_one(problem: Problem) -> bool:
        return any(value in slugs for _, value in problem.params if isinstance(value, str))

    return [problem for problem in problems if in_practice(problem) or names_one(problem)]
