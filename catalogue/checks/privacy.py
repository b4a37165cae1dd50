"""Personal data in entries: phone numbers and private e-mail addresses.

Entries name institutions only. Outside `contact`, no field and no text may
hold a phone number or a personal-looking e-mail address; `contact` takes
only an institutional address (see data/privacy.yml for the rule).
"""

from __future__ import annotations

import re


from catalogue.model.errors import Problem
from catalogue.reading.parser import EntryFile
from catalogue.model.slugs import slug
from catalogue.model.datafiles import data_file

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
# 9 to 15 digits in groups, as phone numbers are written: +44 20 7946 0321,
# 123 456 789, (12) 345-67-89, 0044207946032. Counted after matching.
PHONE = re.compile(r"(?<![\w+.,/-])(?:\+|\(\+?)?\d(?:[ ./-]?\(?\d\)?)+(?![\w-]|[.,/]\d)")
PHONE_DIGITS = range(9, 16)


def _rules() -> dict:
    return data_file("privacy.yml")


def is_institutional(address: str) -> bool:
    """Whether the e-mail `address` belongs to a role, not a person."""
    local = address.removeprefix("mailto:").split("@", 1)[0]
    first_word = slug(local, separator=" ").split(" ")[0].rstrip("0123456789")
    return first_word in _rules()["role_mailboxes"]


def _labelled(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 6].split()
    rules = _rules()
    return bool(
        (before and before[-1].rstrip(":") in rules["number_labels"])
        or (after and after[0].rstrip(".,;)") in rules["currencies"])
    )


def _numbers_of_phone_length(text: str):
    for match in PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group()) in PHONE_DIGITS:
            yield match


def phone_numbers(text: str) -> list[str]:
    return [match.group() for match in _numbers_of_phone_length(text) if not _labelled(text, match.start(), match.end())]


def personal_emails(text: str) -> list[str]:
    return [address for address in EMAIL.findall(text) if not is_institutional(address)]


def _strings(value, path: tuple = ()):
    """Every text in a front matter value, with its path of keys."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _problems_in(text: str, path: str, line) -> list[Problem]:
    """`line`: a function giving the line, asked only when there is a problem to place."""
    numbers = phone_numbers(text)
    addresses = personal_emails(text) if "@" in text else []
    if not numbers and not addresses:
        return []
    where = line()
    problems = [Problem.at(path, where, "phone-number", number=number) for number in numbers]
    problems += [Problem.at(path, where, "personal-email", address=address) for address in addresses]
    return problems


def personal_data_problems(entry: EntryFile) -> list[Problem]:
    """Phone numbers and personal e-mail addresses anywhere in `entry`."""
    problems = []
    for keys, text in _strings(entry.data):
        if keys == ("contact",):
            if "@" in text and not is_institutional(text):
                problems.append(Problem.at(entry.path, entry.line_of("contact"), "contact-not-institutional", contact=text))
            continue
        problems += _problems_in(text, entry.path, lambda: entry.line_of(*keys))
    # Line by line only when the body holds something that may be a number or an address.
    # (A number never runs across lines, but its label may stand on the line before.)
    if "@" in entry.body or next(_numbers_of_phone_length(entry.body), None):
        for number, line in entry.body_lines():
            problems += _problems_in(line, entry.path, lambda number=number: number)
    return problems
