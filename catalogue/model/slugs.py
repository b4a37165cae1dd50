"""Slugs: ASCII names for addresses and sort keys, made by python-slugify.

The transliteration backend is named: left on 'auto', python-slugify tries
to import the optional Unidecode package on every call, and a failed import
searches the whole path (thousands of calls per build).
"""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify

BACKEND = "text-unidecode"


@lru_cache(maxsize=100_000)
def slug(text: str, separator: str = "-") -> str:
    """`Łódź` -> `lodz`, `Kącik Malucha` -> `kacik-malucha`."""
    return slugify(text, separator=separator, backend=BACKEND)
