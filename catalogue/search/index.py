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

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.glossary import place_name
from catalogue.model.practice import Catalogue, Practice
from catalogue.pages.render import environment
from catalogue.search.bundle import index_records
from catalogue.search.facets import facet_values
from catalogue.search.text import fold, tokens

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
        page = urls.practice_page(practice.slug)
        if index == ALL_LANGUAGES:
            files[f"{ALL_LANGUAGES}/{page}index.html"] = all_languages_record(practice, part)
        else:
            files[f"{urls.in_language(page, index)}index.html"] = language_record(practice, index, part)
    return files


def _run_pagefind(records: dict[str, str], output: Path) -> None:
    """Index `records` into `output`, the same bytes from the same records (see catalogue.search.bundle)."""
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


def write_index(catalogue: Catalogue, output: Path, part_texts: int = PART_TEXTS) -> None:
    """Run Pagefind over the catalogue's records into `output`, one part at a time.

    Only the parts the search page loads are kept: not Pagefind's own interfaces."""
    with tempfile.TemporaryDirectory(prefix="catalogue-search-") as scratch:
        for index, parts in index_parts(catalogue, part_texts).items():
            for part, practices in parts:
                built = Path(scratch) / "bundle"
                _run_pagefind(part_records(index, part, practices), built)
                _merge_bundle(built, output)
                shutil.rmtree(built)
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()


