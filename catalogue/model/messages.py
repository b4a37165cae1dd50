"""Messages of the validator and the contributor tools, by code, in four languages.

The texts live in `data/messages.yml` (the validator) and `data/tools.yml`
(the contributor tools), in English (CI logs) and in Czech, Polish and
Slovak (contributors). A message missing in a language falls back to
English so that a new rule never breaks the validator.

A message may name a `plural` parameter and give one text per plural form
of the language ("1 problém", "3 problémy", "5 problémů"). Parts of a
message that are words themselves ("a whole number", "did you mean …?")
are passed as a `Phrase`, put into words only once the language is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from catalogue.model.datafiles import data_file

MESSAGE_LANGUAGES = ("en", "cs", "pl", "sk")
BOOKS = {"messages": "messages.yml", "tools": "tools.yml"}


@dataclass(frozen=True)
class Phrase:
    """Words inside a message, rendered in the message's language."""

    code: str
    params: tuple = ()

    @classmethod
    def of(cls, code: str, **params) -> "Phrase":
        return cls(code, tuple(sorted(params.items())))


def book(name: str = "messages") -> dict[str, dict]:
    return data_file(BOOKS[name])


def codes(name: str = "messages") -> list[str]:
    return list(book(name))


def _in_words(value, lang: str, name: str):
    if isinstance(value, Phrase):
        return render(value.code, dict(value.params), lang, name)
    return value


def tool_text(code: str, lang: str, **params) -> str:
    """A text of the contributor tools (tools.yml) in `lang`."""
    return render(code, params, lang, "tools")


def render(code: str, params: dict, lang: str = "en", name: str = "messages") -> str:
    texts = book(name).get(code) or book("messages")[code]  # a tool's message may hold a validator's phrase
    template = texts.get(lang) or texts["en"]
    if isinstance(template, dict):
        form = Locale.parse(lang).plural_form(params[texts["plural"]])
        template = template.get(form) or template["other"]
    return template.format(**{key: _in_words(value, lang, name) for key, value in params.items()})
