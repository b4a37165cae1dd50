"""Validator messages, by code, in English and the catalogue's languages.

The texts live in `data/messages.yml`; a message missing in a language
falls back to English so that a new rule never breaks the validator.
"""

from __future__ import annotations

from functools import cache

import yaml

from .vocabularies import DATA_DIR

MESSAGE_LANGUAGES = ("en", "cs", "pl", "sk")


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    with open(DATA_DIR / "messages.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def codes() -> list[str]:
    return list(_catalogue())


def render(code: str, params: dict, lang: str = "en") -> str:
    texts = _catalogue()[code]
    template = texts.get(lang) or texts["en"]
    return template.format(**params)
