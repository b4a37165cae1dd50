"""Loading and validating the whole catalogue: every problem, then one verdict."""

from __future__ import annotations

from pathlib import Path

from catalogue.model.errors import InvalidCatalogue, Problem
from catalogue.checks.library_names import check_library_addresses, read_library_names
from catalogue.checks.locations import location_problems, missing_locations
from catalogue.reading.loader import read_entries
from catalogue.checks.front_text import front_text_problems
from catalogue.checks.markup import body_problems
from catalogue.model.practice import Catalogue, practice_from_files
from catalogue.checks.privacy import personal_data_problems
from catalogue.checks.rules import (
    check_aliases, check_related, check_scope, check_slug, check_status_as_of, check_years, split_original,
)
from catalogue.checks.schema_check import schema_problems


def check_catalogue(
    entries_dir: Path, root: Path, only: str | None = None, known: frozenset[str] = frozenset()
) -> tuple[Catalogue, list[Problem]]:
    """The valid practices and every problem found in `entries_dir`.

    `only`: read just that practice's folder (a preview); `known`: slugs
    that exist besides the folders read, so `related` may point at them.
    """
    folders, problems = read_entries(entries_dir, root, only)
    practices, originals = [], {}
    for folder in folders:
        folder_problems = check_slug(folder)
        original, translations, split_problems = split_original(folder)
        folder_problems += split_problems
        if original is not None:
            folder_problems += schema_problems(original, "original")
            folder_problems += check_years(original)
            folder_problems += check_scope(original)
            folder_problems += check_status_as_of(original)
        for translation in translations:
            folder_problems += schema_problems(translation, "translation")
        for entry in folder.files:
            folder_problems += personal_data_problems(entry) + front_text_problems(entry) + body_problems(entry, folder.images)
        problems += folder_problems
        if original is not None and not folder_problems:
            practice = practice_from_files(folder.slug, original, translations)
            practice.images = folder.images
            practices.append(practice)
            originals[folder.slug] = original
    known = {folder.slug for folder in folders} | set(known)
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


def load_catalogue(entries_dir: Path, root: Path, only: str | None = None) -> Catalogue:
    """The catalogue (or the one practice `only`), or InvalidCatalogue listing every problem."""
    known = frozenset(path.name for path in entries_dir.iterdir()) if only else frozenset()
    catalogue, problems = check_catalogue(entries_dir, root, only, known)
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
