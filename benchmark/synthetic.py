"""Synthetic practices: any number of valid entries, the same for the same seed.

They measure the catalogue at sizes the real entries will reach only in
years: a realistic mix of types, scopes and original languages, some
translations missing, bodies of 300 to 1,500 words in the six recommended
sections, partners of every kind, libraries drawn from a shared pool (so a
library gathers several practices) and related links. The building blocks
are in benchmark/synthetic.yml; the entries pass the validator like real ones.
"""

from __future__ import annotations

import json
import math
import random
from functools import cache
from pathlib import Path

import yaml

from catalogue.map.geo import distance_to_rings_km, in_rings
from catalogue.map.outlines import outlines

from catalogue.model import vocabularies
from catalogue.model.glossary import section_headings
from catalogue.model.slugs import slug

BODY_WORDS = (300, 1500)
# Shares of the realistic mix (weights, not percentages of anything measured).
ORIGINAL_LANGUAGES = {"pl": 45, "cs": 35, "sk": 20}
LANGUAGE_COUNTRY = {"cs": "CZ", "pl": "PL", "sk": "SK"}
TYPES = {"event": 35, "project": 35, "thematic-partnership": 15, "strategic-partnership": 15}
SCOPES = {"local": 40, "regional": 25, "national": 10, "cross-border": 15, "international": 10}
STATUSES = {"finished": 45, "ongoing": 35, "recurring": 20}
# Share of the body each section gets, in the order of glossary.yml.
SECTION_SHARES = {"context": 0.15, "activities": 0.3, "partners": 0.15, "results": 0.15, "tips": 0.15, "costs": 0.1}
PRACTICES_PER_LIBRARY = 5  # on average; a few busy libraries gather many more


@cache
def _pools() -> dict:
    with open(Path(__file__).parent / "synthetic.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def library_pool(count: int) -> dict[str, list[dict]]:
    """The libraries practices are drawn from, per country, about one per `PRACTICES_PER_LIBRARY`."""
    pools = _pools()
    total = sum(ORIGINAL_LANGUAGES.values())
    libraries = {}
    for lang, weight in ORIGINAL_LANGUAGES.items():
        country = LANGUAGE_COUNTRY[lang]
        places, patterns = pools["places"][country], pools["library_names"][country]
        size = max(3, round(count * weight / total / PRACTICES_PER_LIBRARY))
        libraries[country] = []
        for index in range(size):
            place = places[index % len(places)]
            name = patterns[(index // len(places)) % len(patterns)].format(place=place)
            branch = index // (len(places) * len(patterns))
            if branch:
                name += ", " + pools["branch"][country].format(number=branch)
            libraries[country].append({"name": name, "place": place, "country": country})
    return libraries


def _draw_library(rng: random.Random, pool: list[dict]) -> dict:
    # Busy libraries first: the k-th library is chosen about 1/sqrt(k) as often.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(pool))]
    return dict(rng.choices(pool, weights=weights)[0])


def _project_name(rng: random.Random) -> str:
    syllables = _pools()["syllables"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()


def _skeleton(seed: int, index: int, pool: dict[str, list[dict]]) -> tuple[random.Random, dict]:
    """What the slug depends on, drawn first so that slugs are known before links."""
    rng = random.Random(f"{seed}:{index}")
    lang = _pick(rng, ORIGINAL_LANGUAGES)
    library = _draw_library(rng, pool[LANGUAGE_COUNTRY[lang]])
    project = _project_name(rng)
    name = f"{slug(project)}-{slug(library['place'])}-{index + 1}"
    return rng, {"slug": name, "lang": lang, "library": library, "project": project}


def _countries(rng: random.Random, home: str, scope: str) -> list[str]:
    if scope == "cross-border":
        return [home, rng.choice([code for code in LANGUAGE_COUNTRY.values() if code != home])]
    if scope == "international":
        return [home, rng.choice(_pools()["abroad"])]
    return [home]


def _partner(rng: random.Random, country: str) -> dict:
    pools = _pools()
    kind = rng.choice(vocabularies.ids("partner_kind"))
    place = rng.choice(pools["places"][country])
    name = pools["partner_names"][kind][country].format(place=place, number=rng.randint(1, 12))
    partner = {"name": name, "kind": kind}
    if rng.random() < 0.5:
        partner["country"] = country
    if rng.random() < 0.3:
        partner["url"] = f"https://{slug(name)}.example/"
    return partner


def _facts(rng: random.Random, skeleton: dict, pool: dict, slugs: list[str]) -> dict:
    pools = _pools()
    home = LANGUAGE_COUNTRY[skeleton["lang"]]
    scope = _pick(rng, SCOPES)
    countries = _countries(rng, home, scope)
    # Partners come mostly from home; names exist for the three countries only.
    near = [home] * 3 + [code for code in countries if code in LANGUAGE_COUNTRY.values()]
    libraries = [skeleton["library"]]
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        other = _draw_library(rng, pool[home])
        if other["name"] not in {library["name"] for library in libraries}:
            libraries.append(other)
    if scope == "cross-border":
        libraries.append(_draw_library(rng, pool[countries[1]]))
    status = _pick(rng, STATUSES)
    started = rng.randint(1995, 2025) if rng.random() < 0.9 else None
    facts = {
        "type": _pick(rng, TYPES),
        "scope": scope,
        "countries": countries,
        "place": skeleton["library"]["place"],
        "region": rng.choice(pools["regions"][home]),
        "libraries": libraries,
        "partners": [_partner(rng, rng.choice(near)) for _ in range(rng.randint(0, 5))],
        "audience": rng.sample(vocabularies.ids("audience"), rng.randint(1, 3)),
        "topics": rng.sample(pools["topic_tags"], rng.randint(1, 3)),
        "started": started,
        "status": status,
        "funding": rng.sample(pools["funding"], 1) if rng.random() < 0.4 else [],
        "sources": [{"title": title} for title in rng.sample(pools["sources"], rng.randint(1, 2))],
        "contact": f"info@{slug(libraries[0]['place'])}.example" if rng.random() < 0.3 else None,
        "location": {"lat": round(rng.uniform(48, 51), 4), "lon": round(rng.uniform(12, 23), 4)} if rng.random() < 0.25 else None,
        "related": sorted(set(rng.sample(slugs, min(len(slugs), rng.choice([0, 0, 1, 1, 2, 3])))) - {skeleton["slug"]}),
        "updated": f"{rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    if status == "finished" and started is not None:
        facts["ended"] = started + rng.randint(0, 4)
    if status in ("ongoing", "recurring"):  # as of the year the practice was last checked
        facts["status_as_of"] = max(started or 0, int(facts["updated"][:4]))
    if rng.random() < 0.5:
        del facts["region"]
    # `started` stays even when empty: an empty value says the sources give no year.
    return {name: value for name, value in facts.items() if value not in (None, []) or name == "started"}


def _slots(rng: random.Random, names: list[str]) -> dict:
    """The values one sentence may quote; the same in every language."""
    return {
        "partner": rng.choice(names),
        "year": rng.randint(2000, 2025),
        "n": rng.randint(12, 4000),
        "pct": rng.randint(5, 60),
        "cost": rng.randrange(500, 40000, 50),
        "hours": rng.randint(10, 300),
    }


@cache
def _shortest_sentence() -> int:
    sentences = _pools()["sentences"]
    return min(len(text.split()) for section in sentences.values() for texts in section.values() for text in texts)


def _plan(rng: random.Random, names: list[str], words: int) -> dict[str, list[tuple[int, dict, bool]]]:
    """Per section: which sentence comes next, its values, and whether a paragraph ends there.

    The plan is long enough for the section's share of `words` even in
    shortest sentences; each language reads it until its own text is long
    enough, so translations stay parallel.
    """
    sentences = _pools()["sentences"]
    plan = {}
    for section, share in SECTION_SHARES.items():
        count = len(sentences[section]["cs"])
        paragraph, previous, steps = rng.randint(3, 5), -1, []
        for position in range(math.ceil(words * share / _shortest_sentence())):
            index = rng.randrange(count - 1)
            previous = index + (index >= previous)  # never the same sentence twice in a row
            steps.append((previous, _slots(rng, names), position % paragraph == paragraph - 1))
        plan[section] = steps
    return plan


def _body(plan: dict, lang: str, words: int, fixed: dict) -> str:
    sentences = _pools()["sentences"]
    headings = dict(zip(SECTION_SHARES, section_headings(lang)))
    parts = []
    for section, share in SECTION_SHARES.items():
        quota, written, lines = words * share, 0, []
        for index, slots, paragraph_ends in plan[section]:
            sentence = sentences[section][lang][index].format(**slots, **fixed)
            lines.append(f"- {sentence}\n" if section == "tips" else sentence + ("\n\n" if paragraph_ends else " "))
            written += len(sentence.split())
            if written >= quota:
                break
        parts.append(f"## {headings[section]}\n\n" + "".join(lines).strip() + "\n")
    return "\n".join(parts)


def _front(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def practice_files(seed: int, index: int, pool: dict, slugs: list[str]) -> tuple[str, dict[str, str]]:
    """The slug and the language files (name -> text) of synthetic practice `index`."""
    slug, files, _ = _practice(seed, index, pool, slugs)
    return slug, files


def _practice(seed: int, index: int, pool: dict, slugs: list[str]) -> tuple[str, dict[str, str], list[dict]]:
    """The slug, the language files and the libraries of synthetic practice `index`."""
    pools = _pools()
    rng, skeleton = _skeleton(seed, index, pool)
    facts = _facts(rng, skeleton, pool, slugs)
    names = [partner["name"] for partner in facts.get("partners", [])] or [skeleton["library"]["name"]]
    topic = rng.randrange(len(pools["topics"]["cs"]))
    title, summary = rng.randrange(len(pools["titles"]["cs"])), rng.randrange(len(pools["summaries"]["cs"]))
    fixed = {"project": skeleton["project"], "place": skeleton["library"]["place"], "library": skeleton["library"]["name"]}
    numbers = {"n": rng.randint(20, 900), "year": facts.get("started") or 2020}
    # Leave room for the longest section to overshoot its share by a sentence.
    words = round(rng.triangular(BODY_WORDS[0], BODY_WORDS[1] - 250, 600))
    plan = _plan(rng, names, words)
    missing = rng.random()
    others = [lang for lang in vocabularies.languages() if lang != skeleton["lang"]]
    written = [skeleton["lang"]] + (others if missing >= 0.2 else rng.sample(others, 1) if missing >= 0.05 else [])
    files = {}
    for lang in written:
        words_of = {**fixed, "topic": pools["topics"][lang][topic]}
        front = {
            "title": pools["titles"][lang][title].format(**words_of),
            "summary": pools["summaries"][lang][summary].format(**words_of, **numbers),
        }
        if lang == skeleton["lang"]:
            front.update(facts)
        files[f"{lang}.md"] = _front(front) + _body(plan, lang, words, words_of)
    return skeleton["slug"], files, facts["libraries"]


@cache
def town_location(place: str, country: str) -> tuple[float, float]:
    """A plausible (lat, lon) for a synthetic town: the same for the same name, inside its country,
    at least 5 km from its border (drawn from the map's outlines)."""
    shapes = outlines()
    west, south, east, north = shapes.boxes()[country]
    rng = random.Random(f"town:{country}:{place}")
    while True:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if in_rings((lon, lat), shapes.countries[country]) and distance_to_rings_km((lon, lat), shapes.countries[country]) > 5:
            return round(lat, 4), round(lon, 4)


def libraries_file(libraries: dict[str, dict]) -> str:
    """entries/libraries.yml locating every library (by name) in its town; branches a little apart."""
    lines = ["# Synthetic libraries, each located in its town (benchmark/synthetic.py).\n"]
    for name in sorted(libraries):
        library = libraries[name]
        lat, lon = town_location(library["place"], library["country"])
        # Libraries of one town sit within about a kilometre of each other, as in a real town.
        rng = random.Random(f"library:{name}")
        lat, lon = round(lat + rng.uniform(-0.006, 0.006), 4), round(lon + rng.uniform(-0.009, 0.009), 4)
        lines.append(f"- name: {json.dumps(name, ensure_ascii=False)}\n  location: {{lat: {lat}, lon: {lon}}}\n")
    return "".join(lines)


def write_entries(target: Path, count: int, seed: int = 1) -> list[str]:
    """Write `count` synthetic practices into `target` (an entries folder); returns their slugs."""
    pool = library_pool(count)
    slugs = [_skeleton(seed, index, pool)[1]["slug"] for index in range(count)]
    libraries: dict[str, dict] = {}
    for index in range(count):
        slug, files, named = _practice(seed, index, pool, slugs)
        folder = target / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        for library in named:
            libraries.setdefault(library["name"], library)
    (target / "libraries.yml").write_text(libraries_file(libraries), encoding="utf-8")
    return slugs
