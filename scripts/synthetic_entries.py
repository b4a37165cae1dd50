#!/usr/bin/env python3
"""Write N valid synthetic practices, for measuring the catalogue at scale.

    python scripts/synthetic_entries.py 5000 /tmp/big/entries

Each practice takes the words of a real entry (its sentences reshuffled),
facts drawn from the vocabularies, and made-up names of places, libraries
and partners, so that the vocabulary grows with the catalogue as it would
with real practices. The same N always gives the same entries.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue import vocabularies  # noqa: E402
from catalogue.validate import load_catalogue  # noqa: E402

SYLLABLES = "ba be bi bo bu ca ce ci co da de di do du fa ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za ze zi zo ch sz cz ł ř ž ś ň".split()
COUNTRIES = ["CZ", "PL", "SK", "DE", "AT", "HU", "NO", "UA", "LT", "GB"]


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def sentences(body: str) -> list[str]:
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
    return [part.strip() for line in lines for part in re.split(r"(?<=[.!?])\s+", line) if part.strip()]


def synthetic_practice(rng: random.Random, number: int, template) -> dict[str, str]:
    """The files of one practice: language -> file text."""
    place = made_up_name(rng)
    country = rng.choice(COUNTRIES)
    started = rng.choice([None, *range(1995, 2026)])
    status = rng.choice(vocabularies.ids("status"))
    ended = started + rng.randint(0, 5) if started and status == "finished" else None
    facts = {
        "type": rng.choice(vocabularies.ids("type")),
        "scope": rng.choice(vocabularies.ids("scope")),
        "countries": sorted({country, *rng.sample(COUNTRIES, rng.randint(0, 2))}),
        "place": place,
        "libraries": [{"name": f"Biblioteka {made_up_name(rng)} {place}", "place": place, "country": country}],
        "partners": [
            {"name": f"{made_up_name(rng)} {made_up_name(rng)}", "kind": rng.choice(vocabularies.ids("partner_kind"))}
            for _ in range(rng.randint(0, 3))
        ],
        "audience": rng.sample(vocabularies.ids("audience"), rng.randint(1, 3)),
        "started": started,
        "status": status,
        "sources": [{"title": f"Zpráva {made_up_name(rng)}"}],
        "updated": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    if ended:
        facts["ended"] = ended
    files = {}
    for lang, text in template.texts.items():
        pool = sentences(text.body)
        rng.shuffle(pool)
        title = f"{text.title[:80]} {place} {number}"
        body = "\n\n".join(f"## {heading}\n\n{' '.join(pool[i::4])}" for i, heading in enumerate(_headings(lang)))
        front = {"title": title, "summary": text.summary[:250], **(facts if lang == template.original_language else {})}
        files[lang] = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
    return files


def _headings(lang: str) -> list[str]:
    from catalogue.glossary import section_headings

    return section_headings(lang)[:4]


def write_entries(count: int, target: Path, seed: int = 3) -> None:
    templates = load_catalogue(ROOT / "entries", ROOT).practices
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        template = templates[number % len(templates)]
        folder = target / f"{template.slug[:60]}-{number}"
        folder.mkdir()
        for lang, text in synthetic_practice(rng, number, template).items():
            (folder / f"{lang}.md").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path, help="an entries folder to create")
    args = parser.parse_args()
    write_entries(args.count, args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
