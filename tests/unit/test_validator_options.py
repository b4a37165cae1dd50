"""The validator's options: messages in cs/pl/sk, named entries, entries changed in git."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.model import messages
from catalogue.checks.validate import check_catalogue

from tests.conftest import FIXTURE_ENTRIES, ROOT
from tests.fixture_edits import CS, NOC, PL, edit

VALIDATE = ROOT / "scripts" / "validate.py"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def run_validate(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(VALIDATE), *args], capture_output=True, text=True, cwd=cwd)


def texts_of(entry) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


@pytest.mark.parametrize(("name", "code"), [(name, code) for name in messages.BOOKS for code in messages.codes(name)])
def test_every_message_is_translated_with_the_same_placeholders(name: str, code: str):
    entry = messages.book(name)[code]
    wanted = set(PLACEHOLDER.findall("".join(texts_of(entry["en"]))))
    for lang in ("cs", "pl", "sk"):
        assert lang in entry, f"{code} has no {lang} text"
        for text in texts_of(entry[lang]):
            assert set(PLACEHOLDER.findall(text)) == wanted, (code, lang, text)
        if isinstance(entry[lang], dict):
            assert "other" in entry[lang] and entry["plural"] in wanted


def problems_in(entries: Path, lang: str) -> list[str]:
    _, problems = check_catalogue(entries, entries.parent)
    return [problem.format(lang) for problem in sorted(problems)]


def test_vocabulary_message_in_each_language(entries: Path):
    edit(entries, PL, "type: project", "type: workshop")
    allowed = "event, project, thematic-partnership, strategic-partnership"
    assert problems_in(entries, "cs") == [
        f"entries/{PL}:4: hodnota 'workshop' není v poli type povolena; povolené hodnoty: {allowed}"
    ]
    assert problems_in(entries, "pl") == [
        f"entries/{PL}:4: wartość 'workshop' jest niedozwolona w polu type; dozwolone wartości: {allowed}"
    ]
    assert problems_in(entries, "sk") == [
        f"entries/{PL}:4: hodnota 'workshop' nie je v poli type povolená; povolené hodnoty: {allowed}"
    ]


def test_parts_of_messages_are_translated_too(entries: Path):
    edit(entries, PL, "started: 2010", 'started: "2005a"')
    edit(entries, PL, "partners:", "partnres:")
    edit(entries, NOC, "countries: [CZ, \"NO\"]", "countries: [CZ, Polska]")
    assert problems_in(entries, "pl") == [
        f"entries/{PL}:12: nieznane pole 'partnres' (czy chodziło o 'partners'?); dozwolone pola: title, summary, "
        "type, scope, countries, place, region, libraries, partners, audience, topics, started, ended, status, status_as_of, "
        "funding, sources, contact, location, related, aliases, updated",
        f"entries/{PL}:20: pole started powinno zawierać rok, np. 2005 (albo nic, gdy źródła nie podają roku), "
        "a nie tekst '2005a'",
        f"entries/{NOC}:6: wartość 'Polska' jest niedozwolona w polu countries[1]; dozwolone wartości: "
        "dwuliterowy kod kraju według ISO 3166-1, np. CZ, PL lub SK",
    ]


def test_counted_words_take_the_plural_form_of_the_language(entries: Path):
    edit(entries, CS, "summary: Obecní", "summary: " + "x" * 300 + " Obecní")
    assert problems_in(entries, "cs") == [f"entries/{CS}:3: pole summary má 381 znaků; povoleno je nejvýše 300"]
    assert problems_in(entries, "pl") == [f"entries/{CS}:3: pole summary ma 381 znaków; można użyć najwyżej 300"]
    assert messages.render("too-long", {"field": "title", "length": 122, "limit": 120}, "pl") == (
        "pole title ma 122 znaki; można użyć najwyżej 120"
    )
    assert [messages.render("summary", {"count": n}, "cs") for n in (1, 3, 5)] == [
        "Nalezen 1 problém",
        "Nalezeny 3 problémy",
        "Nalezeno 5 problémů",
    ]


def test_script_reports_in_slovak_with_a_count(entries: Path):
    edit(entries, PL, "type: project", "type: workshop")
    edit(entries, NOC, "status: recurring", "status: sometimes")
    result = run_validate("--entries", str(entries), "--lang", "sk")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "Našli sa 2 problémy"


def test_headings_and_hints_alone_are_an_empty_body(entries: Path):
    (entries / CS).write_text(
        "---\ntitle: Koutek\nsummary: Hrací koutek.\n---\n\n## Kontext a potřeba\n\n<!-- Co chybělo? -->\n\n## Výsledky\n",
        encoding="utf-8",
    )
    assert problems_in(entries, "en") == [
        f"entries/{CS}:5: the text below the front matter is empty; describe the practice under the headings "
        "Kontext a potřeba, Co se udělalo, Partneři a jejich role, Výsledky, Tipy pro zopakování, Náklady a náročnost"
    ]


def test_named_entry_limits_the_report(entries: Path):
    edit(entries, PL, "type: project", "type: workshop")
    edit(entries, NOC, "status: recurring", "status: sometimes")
    result = run_validate("--entries", str(entries), str(entries / NOC))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"entries/{NOC}:15: 'sometimes' is not allowed in status; allowed: ongoing, recurring, finished",
        "1 problem(s) found",
    ]


def test_a_path_outside_the_entries_is_refused(entries: Path, tmp_path: Path):
    result = run_validate("--entries", str(entries), str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"'{tmp_path}' is not an entry: name a folder or file inside {entries}\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A clone-like repository: main holds the fixture entries; HEAD is a branch off it."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_ENTRIES, repo / "entries")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "entries")
    git(repo, "checkout", "-q", "-b", "proposal")
    return repo


def test_changed_reports_only_the_entries_a_branch_touches(repo: Path):
    entries = repo / "entries"
    # A problem on main that this branch did not cause is not reported...
    edit(entries, NOC, "status: recurring", "status: sometimes")
    git(repo, "commit", "-q", "-am", "broken on main")
    git(repo, "branch", "-f", "main")
    # ...while the entry the branch changes (committed) and a new one (untracked) are.
    edit(entries, PL, "type: project", "type: workshop")
    git(repo, "commit", "-q", "-am", "change")
    (entries / "nova-praxe").mkdir()
    (entries / "nova-praxe" / "cs.md").write_text("---\ntitle: Nová\nsummary: Nic.\n---\n\nText.\n", encoding="utf-8")
    result = run_validate("--entries", str(entries), "--changed", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"entries/{PL}:4: 'workshop' is not allowed in type; allowed: "
        "event, project, thematic-partnership, strategic-partnership",
        "entries/nova-praxe/cs.md:1: no file of this practice carries the facts (type, scope, countries, ...): "
        "one language file must be the original",
        "2 problem(s) found",
    ]


def test_changed_reports_entries_linking_to_a_deleted_practice(repo: Path):
    shutil.rmtree(repo / "entries" / "noc-v-knihovne")
    result = run_validate("--entries", str(repo / "entries"), "--changed", "main", cwd=repo)
    assert result.stdout.splitlines() == [
        f"entries/{PL}:27: related practice 'noc-v-knihovne' does not exist; "
        "use the folder name of a practice in entries/",
        "1 problem(s) found",
    ]


def test_changed_without_changes_says_so(repo: Path):
    result = run_validate("--entries", str(repo / "entries"), "--changed", "--lang", "cs", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "oproti main se žádný záznam nezměnil\n")


def test_changed_against_an_unknown_base_is_refused(repo: Path):
    result = run_validate("--entries", str(repo / "entries"), "--changed", "origin/nope", cwd=repo)
    assert result.returncode == 2
    assert result.stderr == (
        "'origin/nope' is not a branch, tag or commit of this clone; fetch it first (git fetch origin main) "
        "or name another\n"
    )
