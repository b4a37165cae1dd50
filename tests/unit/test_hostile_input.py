"""Hostile or broken files: each gets one precise message, fast, and leaves the other entries alone."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pytest

from catalogue.checks.validate import check_catalogue

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
