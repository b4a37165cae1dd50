"""Asking a contributor for the facts of a new practice, one question at a time.

Each question shows what the field means and, for a vocabulary, its terms
numbered with their labels; a wrong answer is explained and asked again.
`read` and `write` are `input` and `print` at a terminal, stubs in tests.
"""

from __future__ import annotations

from typing import Callable

from catalogue.model import fields, messages, vocabularies
from catalogue.model.errors import ToolError
from catalogue.contributing.scaffold import FACTS, PARSERS, Facts, free_slug, proposed_slug

Read = Callable[[str], str]
Write = Callable[[str], None]
FIELD_OF_FACT = {"country": "countries"}
TOOL_LABELS = {"library": "lead-library", "source": "source-title"}
PROMPTS = {"country": "prompt-codes", "started": "prompt-year", "summary": "prompt-later", "audience": "prompt-numbers"}



def question(fact: str, lang: str) -> tuple[list[str], str]:
    """The lines that explain the question, and the prompt to answer after."""
    name = FIELD_OF_FACT.get(fact, fact)
    if fact in TOOL_LABELS:
        lines = [messages.tool_text(TOOL_LABELS[fact], lang)]
    else:
        lines = [f"{fields.label(name, lang)} – {fields.help_text(name, lang)}"]
    vocabulary = fields.vocabulary_of(name) if name in fields.original_fields() else None
    if vocabulary:
        terms = vocabularies.terms(vocabulary).values()
        lines += [f"  {number:>2}  {term.label[lang]} ({term.id})" for number, term in enumerate(terms, 1)]
        return lines, messages.tool_text(PROMPTS.get(fact, "prompt-number"), lang)
    return lines, messages.tool_text(PROMPTS[fact], lang) if fact in PROMPTS else ""


def ask(fact: str, lang: str, read: Read, write: Write):
    lines, prompt = question(fact, lang)
    write("")
    for line in lines:
        write(line)
    while True:
        answer = read(f"{prompt}: " if prompt else "> ")
        try:
            return PARSERS[fact](answer)
        except ToolError as error:
            write(error.message(lang))


def ask_slug(title: str, taken: dict[str, str], lang: str, read: Read, write: Write) -> str:
    proposal = proposed_slug(title)
    write("")
    while True:
        if proposal:
            answer = read(messages.tool_text("slug-proposal", lang, slug=proposal) + ": ").strip() or proposal
        else:
            write(messages.tool_text("no-slug-ask", lang, title=title))
            answer = read("> ").strip()
        try:
            return free_slug(answer, taken)
        except ToolError as error:
            write(error.message(lang))


def ask_missing(facts: Facts, given: set[str], read: Read, write: Write) -> Facts:
    """Ask for every fact not `given` yet."""
    for fact in FACTS:
        if fact not in given:
            setattr(facts, fact, ask(fact, facts.lang, read, write))
    return facts

