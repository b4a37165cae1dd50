"""Hostile or broken files: each gets one precise message, fast, and leaves the other entries alone."""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
from pathlib import Path

import pytest

from catalogue.checks.validate import check_catalogue

from tests.conftest import PAST_THE_VALIDATOR

BAD = "zla-praxe"
BAD_CS = f"{BAD}/cs.md"


def valid_text(entries: Path) -> str:
    """A valid original in Czech, with the facts of the noc-v-knihovne fixture."""
    return (entries / "noc-v-knihovne" / "cs.md").read_text(encoding="utf-8")


def write_bad(entries: Path, text: str | bytes, name: str = "cs.md") -> Path:
    path = entries / BAD / name
    path.parent.mkdir(exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def with_field(entries: Path, field_line: str) -> str:
    """The valid original with `field_line` inserted as its line 2."""
    return valid_text(entries).replace("---\n", f"---\n{field_line}\n", 1)


def replaced(entries: Path, old: str, new: str) -> str:
    text = valid_text(entries)
    assert old in text, old
    return text.replace(old, new, 1)


def invisible(line: int, field: str, characters: str) -> str:
    return (
        f"entries/{BAD_CS}:{line}: field '{field}' contains the invisible character {characters}, "
        "which can hide or reverse the text readers see; delete it"
    )


def address(line: int, url: str) -> str:
    return (
        f"entries/{BAD_CS}:{line}: address '{url}' contains a backslash, a space or an invisible control character, "
        "which browsers read differently from what is written; write the address without them"
    )


def ambiguous(line: int, value: str, reading: str) -> str:
    return (
        f"entries/{BAD_CS}:{line}: '{value}' is read as {reading} by YAML 1.1 readers (PyYAML, python-frontmatter) "
        f'or YAML 1.2 readers, but as text here; write it in quotes: "{value}"'
    )


def five_megabytes(text: str) -> bytes:
    """`text` followed by paragraphs of plain words, 5,000,000 bytes in all."""
    data = text.encode("utf-8") + b"\n"
    paragraph = b"Knihovna a skola pripravily dalsi setkani. " * 20 + b"\n\n"
    data += paragraph * (5_000_000 // len(paragraph) + 1)
    return data[:5_000_000]


def billion_laughs() -> str:
    lines = ['lol: &l0 "lol"']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "---\n" + "\n".join(lines) + "\n---\n\nText.\n"


def outside_folder(entries: Path) -> Path:
    outside = entries.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "cs.md").write_text(valid_text(entries), encoding="utf-8")
    return outside


NFD_FOLDER = unicodedata.normalize("NFD", "zlá-praxe")
NFD_IMAGE = unicodedata.normalize("NFD", "obrázek.jpg")

CASES = {
    "a 5 MB entry": (
        lambda e: write_bad(e, five_megabytes(valid_text(e))),
        [f"entries/{BAD_CS}:1: the file is 5,000,000 bytes long; an entry file may be at most 200,000 bytes: shorten the text"],
    ),
    "a line of 100,000 characters": (
        lambda e: write_bad(e, valid_text(e) + "\n" + "x" * 100_000 + "\n"),
        [
            f"entries/{BAD_CS}:28: this line is 100,000 characters long; at most 5,000 are allowed: "
            "break it into shorter paragraphs"
        ],
    ),
    "deeply nested flow YAML": (
        lambda e: write_bad(e, with_field(e, "title: " + "[" * 2_000 + "]" * 2_000)),
        [
            f"entries/{BAD_CS}:2: the front matter nests lists and groups of fields more than 5 levels deep; "
            "entries need at most 3"
        ],
    ),
    "deeply nested block YAML": (
        lambda e: write_bad(e, with_field(e, "topics:\n" + "".join(" " * depth + "-\n" for depth in range(1, 300)))),
        [
            f"entries/{BAD_CS}:7: the front matter nests lists and groups of fields more than 5 levels deep; "
            "entries need at most 3"
        ],
    ),
    "a YAML bomb": (
        lambda e: write_bad(e, billion_laughs()),
        [f"entries/{BAD_CS}:2: YAML anchors and aliases (&name, *name) are not allowed; write the value out"],
    ),
    "a Python object tag": (
        lambda e: write_bad(e, with_field(e, "region: !!python/object/apply:os.system [ls]")),
        [
            f"entries/{BAD_CS}:2: the front matter is not valid YAML: could not determine a constructor "
            "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        ],
    ),
    "a field given twice": (
        lambda e: write_bad(e, with_field(e, "title: Jiný název")),
        [f"entries/{BAD_CS}:3: field 'title' is given twice (first on line 2); keep one"],
    ),
    "a number of thousands of digits": (
        lambda e: write_bad(e, valid_text(e).replace("started:", "started: " + "9" * 4_300)),
        [
            f"entries/{BAD_CS}:14: '99999999999999999999…' is not a usable number: "
            "write a whole number such as 2005 or a decimal such as 49.75"
        ],
    ),
    "a coordinate that is not a number": (
        lambda e: write_bad(e, with_field(e, "location: {lat: .nan, lon: 18.6}")),
        [
            f"entries/{BAD_CS}:2: '.nan' is not a usable number: "
            "write a whole number such as 2005 or a decimal such as 49.75"
        ],
    ),
    "a NUL byte": (
        lambda e: write_bad(e, valid_text(e).replace("Děti chtěly", "Děti\x00chtěly").encode("utf-8")),
        [f"entries/{BAD_CS}:1: the file contains a NUL byte; save it as plain UTF-8 text"],
    ),
    "a symlink to a folder outside the repository": (
        lambda e: (e / BAD).symlink_to(outside_folder(e), target_is_directory=True),
        [f"entries/{BAD}:1: '{BAD}' is a symbolic link; entries must be real files and folders inside entries/"],
    ),
    "a language file that is a symlink to a file outside": (
        lambda e: ((e / BAD).mkdir(), (e / BAD_CS).symlink_to(outside_folder(e) / "cs.md")),
        [
            f"entries/{BAD_CS}:1: 'cs.md' is a symbolic link; entries must be real files and folders inside entries/"
        ],
    ),
    "a folder name in decomposed Unicode": (
        lambda e: (e / NFD_FOLDER).mkdir() or (e / NFD_FOLDER / "cs.md").write_text(valid_text(e), encoding="utf-8"),
        [
            f"entries/{NFD_FOLDER}:1: '{NFD_FOLDER}' is written in decomposed Unicode (NFD); "
            "rename it so its accented letters are single characters (NFC)"
        ],
    ),
    "an image name in decomposed Unicode": (
        lambda e: (write_bad(e, valid_text(e)), write_bad(e, b"\xff\xd8\xff", NFD_IMAGE)),
        [
            f"entries/{BAD}/{NFD_IMAGE}:1: '{NFD_IMAGE}' is written in decomposed Unicode (NFD); "
            "rename it so its accented letters are single characters (NFC)"
        ],
    ),
    # Invisible characters that hide or reverse text (Unicode category Cf).
    "a right-to-left override in the title": (
        lambda e: write_bad(e, replaced(e, "title: Noc v knihovně", "title: Noc v knihovně \u202eanavihnK")),
        [invisible(2, "title", "U+202E RIGHT-TO-LEFT OVERRIDE")],
    ),
    "a soft hyphen in the summary": (
        lambda e: write_bad(e, replaced(e, "summary: Děti přespí", "summary: Dě\u00adti přespí")),
        [invisible(3, "summary", "U+00AD SOFT HYPHEN")],
    ),
    "an isolate and a word joiner around the place": (
        lambda e: write_bad(e, replaced(e, "place: Český Těšín\nlibraries", "place: \u2067Český Těšín\u2069\u2060\nlibraries")),
        [invisible(7, "place", "U+2060 WORD JOINER, U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE")],
    ),
    "a zero-width space in a library name": (
        lambda e: write_bad(e, replaced(e, "- name: Testovací knihovna", "- name: Testovací\u200b knihovna")),
        [invisible(9, "libraries[0].name", "U+200B ZERO WIDTH SPACE")],
    ),
    "a left-to-right mark in a source title": (
        lambda e: write_bad(e, replaced(e, "- title: Testovací zpráva", "- title: \u200eTestovací zpráva")),
        [invisible(18, "sources[0].title", "U+200E LEFT-TO-RIGHT MARK")],
    ),
    # Addresses of the front matter as browsers read them (WHATWG).
    "a library address whose backslash moves its host": (
        lambda e: write_bad(e, replaced(e, "    url: https://knihovna.example/", "    url: https://knihovna.example\\@evil.example/")),
        [address(12, "https://knihovna.example\\@evil.example/")],
    ),
    "a source address with a control character": (
        lambda e: write_bad(e, replaced(e, "- title: Testovací zpráva", '- title: Testovací zpráva\n    url: "https://zdroj.example/\\x01x"')),
        [address(19, "https://zdroj.example/\x01x")],
    ),
    "a contact with a backslash": (
        lambda e: write_bad(e, replaced(e, "contact: info@knihovna.example", "contact: https://knihovna.example\\kontakt")),
        [address(19, "https://knihovna.example\\kontakt")],
    ),
    # Plain values that YAML 1.1 readers read as booleans, YAML 1.2 readers as numbers.
    "Norway unquoted among the countries": (
        lambda e: write_bad(e, replaced(e, 'countries: [CZ, "NO"]', "countries: [CZ, NO]")),
        [ambiguous(6, "NO", "a yes/no value (false)")],
    ),
    "a place YAML 1.1 reads as true": (
        lambda e: write_bad(e, replaced(e, "place: Český Těšín\nlibraries", "place: on\nlibraries")),
        [ambiguous(7, "on", "a yes/no value (true)")],
    ),
    "a region of one letter Y": (
        lambda e: write_bad(e, with_field(e, "region: Y")),
        [ambiguous(2, "Y", "a yes/no value (true)")],
    ),
    "a region YAML 1.2 reads as a number": (
        lambda e: write_bad(e, with_field(e, "region: 1e3")),
        [ambiguous(2, "1e3", "a number (1e3)")],
    ),
    "a language file that is a pipe": (
        lambda e: (write_bad(e, valid_text(e)), os.mkfifo(e / BAD / "sk.md")),
        [
            f"entries/{BAD}/sk.md:1: 'sk.md' is not a regular file; "
            "an entry folder holds only cs.md, pl.md, sk.md and images"
        ],
    ),
    "a language file that is a folder": (
        lambda e: (write_bad(e, valid_text(e)), (e / BAD / "pl.md").mkdir()),
        [
            f"entries/{BAD}/pl.md:1: 'pl.md' is not a regular file; "
            "an entry folder holds only cs.md, pl.md, sk.md and images"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_hostile_file_gets_one_precise_message_and_spares_the_others(entries: Path, case: str):
    untouched, clean = check_catalogue(entries, entries.parent)
    assert clean == []
    make_it, expected = CASES[case]
    make_it(entries)
    started = time.monotonic()
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert time.monotonic() - started < 2
    assert [problem.format() for problem in sorted(problems)] == expected
    assert [practice for practice in catalogue.practices if practice.slug != BAD] == untouched.practices


def test_bom_and_crlf_in_a_new_entry_are_accepted(entries: Path):
    write_bad(entries, b"\xef\xbb\xbf" + valid_text(entries).encode("utf-8").replace(b"\n", b"\r\n"))
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.by_slug[BAD].texts["cs"].body == catalogue.by_slug["noc-v-knihovne"].texts["cs"].body


PAYLOAD = re.compile(r"__pwned|alert\(|evil\.example|passwd|javascript|vbscript|obrazek\.png|onclick", re.IGNORECASE)


@pytest.mark.parametrize("practice", [path.name for path in sorted(PAST_THE_VALIDATOR.iterdir()) if path.is_dir()])
def test_every_payload_past_the_validator_is_refused_on_its_line(entries: Path, practice: str):
    """Each line of these bodies that carries a payload gets a message; the practice is not published."""
    shutil.copytree(PAST_THE_VALIDATOR / practice, entries / practice)
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert practice not in catalogue.by_slug
    path = f"entries/{practice}/cs.md"
    assert {problem.path for problem in problems} == {path}
    text = (entries / practice / "cs.md").read_text(encoding="utf-8").split("\n")
    payload_lines = {number for number, line in enumerate(text, start=1) if PAYLOAD.search(line) and number > 20}
    assert payload_lines and payload_lines <= {problem.line for problem in problems}, [p.format() for p in problems]
