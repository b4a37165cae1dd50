"""Texts in their own words: no run of eight words shared with a source, no private person named.

The sources' texts are not kept: only fingerprints of them, made by
`scripts/fingerprint_sources.py`. A run of words is compared as its hash,
after folding case and diacritics, so a copied sentence is found however it
was retyped; a name of a person is compared the same way.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

RUN = 8  # words: a shared run this long is a copied phrase, not a shared name or term
WORD = re.compile(r"\w+")


def folded_words(text: str) -> list[str]:
    """The words of `text`, lower-case, without diacritics (ł as l too)."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    return WORD.findall("".join(char for char in plain if not unicodedata.combining(char)))


def _key(words: list[str], size: int) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=size).hexdigest()


def run_fingerprints(text: str) -> set[str]:
    """A short hash of every run of RUN consecutive words."""
    words = folded_words(text)
    return {_key(words[start:start + RUN], 4) for start in range(len(words) - RUN + 1)}


def person_key(name: str) -> str:
    """The fingerprint of a person's name, as it is kept in place of the name."""
    return _key(folded_words(name), 8)


def name_candidates(text: str, longest: int = 3) -> set[str]:
    """Fingerprints of every run of one to `longest` words: where a name could stand."""
    words = folded_words(text)
    return {_key(words[start:start + size], 8) for size in range(1, longest + 1) for start in range(len(words) - size + 1)}
