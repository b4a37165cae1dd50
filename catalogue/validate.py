"""Loading and validating the whole catalogue: every problem, then one verdict."""

from __future__ import annotations

from pathlib import Path

from .errors import InvalidCatalogue, Problem
from .loader import read_entries
from .markup import body_problems
from .model import Catalogue, practice_from_files
from .privacy import personal_data_problems
from .rules import check_aliases, check_related, check_slug, check_years, split_original
from .schema_check import schema_problems


def check_catalogue(entries_dir: Path, root: Path) -> tuple[Catalogue, list[Problem]]:
    """The valid practices and every problem found in `entries_dir`."""
    folders, problems = read_entries(entries_dir, root)
    practices, originals = [], {}
    for folder in folders:
        folder_problems = check_slug(folder)
        original, translations, split_problems = split_original(folder)
        folder_problems += split_problems
        if original is not None:
            folder_problems += schema_problems(original, "original")
            folder_problems += check_years(original)
        for translation in translations:
            folder_problems += schema_problems(translation, "translation")
        for entry in folder.files:
            folder_problems += personal_data_problems(entry) + body_problems(entry)
        problems += folder_problems
        if original is not None and not folder_problems:
            practice = practice_from_files(folder.slug, original, translations)
            practice.images = folder.images
            practices.append(practice)
            originals[folder.slug] = original
    known = {folder.slug for folder in folders}
    for practice in practices:
        problems += check_related(practice, originals[practice.slug], known)
    problems += check_aliases(practices, originals)
    return Catalogue(practices), problems


def load_catalogue(entries_dir: Path, root: Path) -> Catalogue:
    """The catalogue, or InvalidCatalogue listing every problem."""
    catalogue, problems = check_catalogue(entries_dir, root)
    if problems:
        raise InvalidCatalogue(problems)
    return catalogue

