"""The generated parts of the contributor page, in its language.

The page itself (`docs/contribute.<lang>.md`) is written by hand; where it
holds a marker such as `<!-- catalogue:vocabularies -->`, the build puts
the part made from the single definitions: the vocabularies with their
labels and meanings, the spreadsheet columns, the annotated template.
"""

from __future__ import annotations

import re

from catalogue.contributing import contributor_files, flat_fields, tables
from catalogue.model import fields, messages, vocabularies

MARKER = re.compile(r"<!-- catalogue:([a-z-]+) -->")
# Field -> vocabulary, in the order the page explains them.
EXPLAINED = (("type", "type"), ("scope", "scope"), ("status", "status"), ("audience", "audience"),
             ("partners", "partner_kind"))
SHOWN_COUNTRIES = ("CZ", "PL", "SK", "DE", "AT", "UA")



def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def vocabularies_part(lang: str) -> str:
    parts = []
    for field_name, vocabulary in EXPLAINED:
        title = messages.tool_text("docs-partner-kind", lang) if vocabulary == "partner_kind" else fields.label(field_name, lang)
        path = "partners[].kind" if vocabulary == "partner_kind" else field_name
        terms = vocabularies.terms(vocabulary).values()
        described = any(term.description for term in terms)
        head = [messages.tool_text("docs-value", lang), messages.tool_text("docs-label", lang)] + ([messages.tool_text("docs-meaning", lang)] if described else [])
        rows = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
        for term in terms:
            cells = [f"`{term.id}`", term.label[lang]] + ([_cell(term.description.get(lang, ""))] if described else [])
            rows.append(f"| {' | '.join(cells)} |")
        parts.append(f"### {title} (`{path}`)\n\n" + "\n".join(rows))
    examples = ", ".join(f"`{code}` ({vocabularies.country_name(code, lang)})" for code in SHOWN_COUNTRIES)
    parts.append(f"### {fields.label('countries', lang)} (`countries`)\n\n" + messages.tool_text("docs-countries", lang, examples=examples))
    return "\n\n".join(parts)


def columns_part(lang: str) -> str:
    rows = [f"| {messages.tool_text('column-heading', lang)} | {messages.tool_text('docs-what', lang)} |", "|---|---|"]
    rows += [f"| `{column}` | {_cell(tables.column_help(column, lang))} |" for column in flat_fields.columns()]
    return "\n".join(rows)


def template_part(lang: str) -> str:
    return "````markdown\n" + contributor_files.entry_template(lang) + "````"


PARTS = {"vocabularies": vocabularies_part, "columns": columns_part, "template": template_part}


def expand(markdown: str, lang: str) -> str:
    """`markdown` with each catalogue marker replaced by its part in `lang`."""
    return MARKER.sub(lambda match: PARTS[match.group(1)](lang), markdown)
