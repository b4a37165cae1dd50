"""The search index: one record per practice and language, indexed by Pagefind.

Each language's index holds every practice as that language's site shows
it (its own text, else the original), so a reader searches what the lists
of their language show. A further index, `mul` ("multiple languages"),
holds each practice once with all its texts, for "search all languages".

Records are small HTML documents made from the model, never published:
the words of each text as tokens (folded and stemmed, see `search_text`),
the facet values as filters, and what a result shows as metadata.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import site, vocabularies
from .docs_tree import write_if_changed
from .glossary import place_name
from .model import Catalogue, Practice
from .render import environment
from .search_bundle import index_records
from .search_facets import facet_values
from .search_text import fold, tokens

ALL_LANGUAGES = "mul"
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# Texts one Pagefind run indexes at most. Pagefind holds every word of a
# run in memory (some 0.3 MB a text), so a large catalogue is indexed in
# parts, one run after another; each part is a language of its own in the
# bundle, and the search page merges the parts of the index it searches.
# Smaller parts need less memory but more files for a reader's first search.
# (The environment variable lets the tests split a small catalogue.)
PART_TEXTS = int(os.environ.get("CATALOGUE_SEARCH_PART_TEXTS", "1700"))
# Pagefind's ready-made interfaces, which the search page does not use.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the catalogue."""


@dataclass(frozen=True)
class IndexedText:
    """The words of one text of a practice, as tokens, by weight.

    Its title, its summary, and the rest: the names in its facts and its body.
    """

    lang: str
    title_tokens: str
    summary_tokens: str
    other_tokens: str


# Bounded: a text is asked for by its language's index and by the
# all-languages index; an unbounded cache would hold every word of the
# catalogue in the indexing process.
@lru_cache(maxsize=2048)
def _body_tokens(body: str) -> list[str]:
    return tokens(body)


def facts_text(practice: Practice, lang: str) -> str:
    """Names a reader may search for: places, libraries, partners, funders, labels."""
    names = [place_name(practice.place, lang), practice.region or ""]
    names += [f"{library.name} {place_name(library.place, lang)}" for library in practice.libraries]
    names += [partner.name for partner in practice.partners]
    names += practice.funding
    names.append(vocabularies.label("type", practice.type, lang))
    names += [vocabularies.label("audience", audience, lang) for audience in practice.audience]
    names += [vocabularies.label("partner_kind", partner.kind, lang) for partner in practice.partners]
    return " · ".join(name for name in names if name)


def indexed_text(practice: Practice, text_lang: str, facts_lang: str) -> IndexedText:
    text = practice.texts[text_lang]
    return IndexedText(
        lang=text_lang,
        title_tokens=_distinct(tokens(text.title)),
        summary_tokens=_distinct(tokens(text.summary)),
        other_tokens=_distinct(tokens(facts_text(practice, facts_lang)) + _body_tokens(text.body)),
    )


def _distinct(words: list[str]) -> str:
    # Once each: the stemmed words find pages, the text itself ranks them.
    return " ".join(dict.fromkeys(words))


def language_record(practice: Practice, lang: str, part: str | None = None) -> str:
    """The practice as `lang`'s site shows it, for the index part `part` (by default `lang`)."""
    shown = practice.shown_language(lang)
    text = practice.text(lang)
    meta = {
        "title": text.title,
        "summary": text.summary,
        "place": place_name(practice.place, lang),
        "slug": practice.slug,
        "lang": shown,
    }
    return _record(practice, lang, part or lang, meta, [indexed_text(practice, shown, lang)])


def all_languages_record(practice: Practice, part: str = ALL_LANGUAGES) -> str:
    """The practice once, with every text it has; results pick the reader's."""
    meta = {"slug": practice.slug, "original": practice.original_language}
    for lang, text in practice.texts.items():
        meta[f"title_{lang}"] = text.title
        meta[f"summary_{lang}"] = text.summary
    for lang in vocabularies.languages():
        meta[f"place_{lang}"] = place_name(practice.place, lang)
    texts = [indexed_text(practice, lang, lang) for lang in practice.texts]
    return _record(practice, ALL_LANGUAGES, part, meta, texts)


def _record(practice: Practice, lang: str, part: str, meta: dict, texts: list[IndexedText]) -> str:
    return environment().get_template("search_record.html.j2").render(
        lang=part,
        slug=practice.slug,
        meta=meta,
        filters=facet_values(practice),
        sort_title=fold(practice.text(lang).title),
        texts=texts,
    )


def part_name(index: str, number: int) -> str:
    """`pl`, then `pl-x-2`, `pl-x-3`, …: Pagefind keeps each as a language of its own."""
    return index if number == 1 else f"{index}-x-{number}"


def index_parts(catalogue: Catalogue, part_texts: int = PART_TEXTS) -> dict[str, list[tuple[str, list[Practice]]]]:
    """Each index (a language, or all languages) as parts of at most `part_texts` texts."""
    indexes = {}
    for index in (*vocabularies.languages(), ALL_LANGUAGES):
        groups: list[list[Practice]] = [[]]
        texts = 0
        for practice in catalogue.practices:
            size = len(practice.texts) if index == ALL_LANGUAGES else 1
            if groups[-1] and texts + size > part_texts:
                groups.append([])
                texts = 0
            groups[-1].append(practice)
            texts += size
        indexes[index] = [(part_name(index, number), group) for number, group in enumerate(groups, start=1)]
    return indexes


def part_records(index: str, part: str, practices: list[Practice]) -> dict[str, str]:
    """The records of one part, by a path that mirrors the page each stands for."""
    files = {}
    for practice in practices:
        page = site.practice_page(practice.slug)
        if index == ALL_LANGUAGES:
            files[f"{ALL_LANGUAGES}/{page}index.html"] = all_languages_record(practice, part)
        else:
            files[f"{site.in_language(page, index)}index.html"] = language_record(practice, index, part)
    return files


def record_files(catalogue: Catalogue, part_texts: int = PART_TEXTS) -> dict[str, str]:
    """Every record of every part."""
    files = {}
    for index, parts in index_parts(catalogue, part_texts).items():
        for part, practices in parts:
            files.update(part_records(index, part, practices))
    return files


def _run_pagefind(records: dict[str, str], output: Path) -> None:
    """Index `records` into `output`, the same bytes from the same records (see search_bundle)."""
    # One thread: the site engine, working at the same time, keeps a core of its own.
    threads = os.environ.get("RAYON_NUM_THREADS")
    os.environ["RAYON_NUM_THREADS"] = "1"
    try:
        index_records(records, output)
    except Exception as error:  # the service's errors carry Pagefind's message
        raise SearchIndexError(f"Pagefind failed: {error}") from error
    finally:
        if threads is None:
            del os.environ["RAYON_NUM_THREADS"]
        else:
            os.environ["RAYON_NUM_THREADS"] = threads


def _merge_bundle(part: Path, bundle: Path) -> None:
    """Add one run's bundle to `bundle`: its files, and its languages in pagefind-entry.json."""
    entry = bundle / ENTRY
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"] if entry.is_file() else {}
    shutil.copytree(part, bundle, dirs_exist_ok=True)
    merged = json.loads(entry.read_text(encoding="utf-8"))
    merged["languages"] = dict(sorted({**languages, **merged["languages"]}.items()))
    entry.write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _index(catalogue: Catalogue, output: Path, part_texts: int = PART_TEXTS) -> None:
    """Run Pagefind over the catalogue's records into `output`, one part at a time."""
    with tempfile.TemporaryDirectory(prefix="catalogue-search-") as scratch:
        for index, parts in index_parts(catalogue, part_texts).items():
            for part, practices in parts:
                built = Path(scratch) / "bundle"
                _run_pagefind(part_records(index, part, practices), built)
                _merge_bundle(built, output)
                shutil.rmtree(built)


def _write_files(files: Callable[[], Iterable[tuple[str, str]]], folder: Path) -> None:
    made: set[str] = set()
    for name, content in files():
        write_if_changed(str(folder), name, content, None, made)


def _child(catalogue: Catalogue, output: Path, failure: Path, part_texts: int, files, files_folder: Path) -> None:
    # Behind the site engine: when both want the processor, the pages come first.
    os.nice(5)
    try:
        if files is not None:
            _write_files(files, files_folder)
        _index(catalogue, output, part_texts)
    except SearchIndexError as error:
        failure.write_text(str(error), encoding="utf-8")
    except BaseException as error:  # a child's traceback would be lost: say it in the failure file
        failure.write_text(f"Indexing failed: {error!r}", encoding="utf-8")
        raise


class SearchIndexJob:
    """The catalogue being indexed in a child process while the site engine builds the pages.

    The records come from the model, not from the built pages, so the index
    can be made at the same time as the site, on another processor core.
    `files` (a function giving (site path, text) pairs) makes other files for the
    site in the same child: each forked child ends up copying much of the
    memory it shares with this process, so one child does both.
    """

    def __init__(self, catalogue: Catalogue, part_texts: int = PART_TEXTS, files: Callable[[], Iterable[tuple[str, str]]] | None = None):
        self._scratch = Path(tempfile.mkdtemp(prefix="catalogue-index-"))
        self._output, self._failure = self._scratch / BUNDLE, self._scratch / "failure.txt"
        self._files = self._scratch / "files"
        # fork: the child shares the catalogue already in memory instead of reading the entries again;
        # frozen, the objects are left alone by the child's garbage collector, which would copy them.
        gc.collect()
        gc.freeze()
        context = multiprocessing.get_context("fork")
        self._process = context.Process(
            target=_child, args=(catalogue, self._output, self._failure, part_texts, files, self._files), daemon=True
        )
        self._process.start()
        gc.unfreeze()

    def finish(self, site_dir: Path) -> None:
        """Wait for the index and put it at `site_dir`/pagefind (replacing what was there)."""
        try:
            self._process.join()
            if self._failure.is_file() or self._process.exitcode != 0 or not self._output.is_dir():
                problem = self._failure.read_text(encoding="utf-8") if self._failure.is_file() else ""
                raise SearchIndexError(problem or f"Indexing stopped (exit {self._process.exitcode}).")
            for pattern in UNUSED:
                for path in self._output.glob(pattern):
                    path.unlink()
            self._move_files(site_dir)
            shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
            shutil.move(str(self._output), str(site_dir / BUNDLE))
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def _move_files(self, site_dir: Path) -> None:
        for base, _, names in os.walk(self._files):
            for name in names:
                source = os.path.join(base, name)
                target = os.path.join(site_dir, os.path.relpath(source, self._files))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(source, target)

    def cancel(self) -> None:
        """Stop indexing: the build it was for failed or was replaced."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        shutil.rmtree(self._scratch, ignore_errors=True)

