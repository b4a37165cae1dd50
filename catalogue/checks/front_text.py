"""What the front matter's text must not hold beyond its schema.

- Unicode format characters (category Cf: U+202E RIGHT-TO-LEFT OVERRIDE,
  U+200B ZERO WIDTH SPACE, …) in any text: invisible, they hide or reverse
  what readers see (a library name that displays backwards gets its own
  library page).
- Plain (unquoted) values that this project reads as text but ordinary YAML
  readers do not: YAML 1.1 readers (PyYAML, python-frontmatter) read `NO`,
  `ON`, `Y` as booleans, YAML 1.2 readers `1e3` as a number. Quoted, every
  reader reads the same text.
- Addresses (`url`, `contact`) that browsers read differently from what is
  written: a backslash or a control character in them (the WHATWG URL
  parser, as for the addresses of bodies).
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from catalogue.model import weburls
from catalogue.model.errors import Problem
from catalogue.model.messages import Phrase
from catalogue.reading.parser import EntryFile

STR = "tag:yaml.org,2002:str"
# YAML 1.2 (core schema) numbers, which PyYAML's YAML 1.1 rules read as text.
YAML12_NUMBER = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)

YAML11_ONLY_BOOLEANS = {"y": "true", "Y": "true", "n": "false", "N": "false"}


def code_points(text: str) -> str:
    if text.isascii() or text.isprintable():  # format characters are neither
        return ""
    found = sorted({char for char in text if unicodedata.category(char) == "Cf"})
    return ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}" for char in found)


def yaml11_reading(value: str) -> Phrase | None:
    """How YAML 1.1 or 1.2 readers read a plain scalar this project reads as the text `value`."""
    if value in YAML11_ONLY_BOOLEANS:  # YAML 1.1 has them; PyYAML leaves them out
        return Phrase.of("reading-boolean", reading=YAML11_ONLY_BOOLEANS[value])
    tag = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:bool":
        return Phrase.of("reading-boolean", reading=str(yaml.safe_load(value)).lower())
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return Phrase.of("reading-number", reading=repr(yaml.safe_load(value)))
    if YAML12_NUMBER.match(value):
        return Phrase.of("reading-number", reading=value)
    return None


def _scalars(node: yaml.Node, path: str):
    if isinstance(node, yaml.ScalarNode):
        yield path, node
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, f"{path}[{index}]")
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, f"{path}.{key.value}" if path else str(key.value))


def front_text_problems(entry: EntryFile) -> list[Problem]:
    """Format characters in any text, and plain values other YAML readers read otherwise."""
    if entry.node is None:
        return []
    problems = []
    for field, node in _scalars(entry.node, ""):
        line = node.start_mark.line + entry.front_line
        if node.tag != STR:
            continue
        if found := code_points(node.value):
            problems.append(Problem.at(entry.path, line, "format-character", field=field, character=found))
        if not node.style and (reading := yaml11_reading(node.value)):  # plain: None, or "" from libyaml
            problems.append(Problem.at(entry.path, line, "yaml-ambiguous", value=node.value, reading=reading))
        if not any(char.isspace() for char in node.value) and (code := address_refusal(field, node.value)):
            # Spaces are the schema's to report; what its pattern lets through is judged as browsers judge it.
            problems.append(Problem.at(entry.path, line, code, url=node.value[:60]))
    return problems


def address_refusal(field: str, value: str) -> str | None:
    """Why an address of the front matter (`url` of a library, partner or source; `contact`) is refused."""
    if field == "contact":
        return weburls.contact_refusal(value)
    if field.endswith(".url") and value.startswith(("http://", "https://")):
        return weburls.web_refusal(value)
    return None
