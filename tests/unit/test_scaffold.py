"""new_entry.py and new_translation.py: a new entry or translation that the validator then guides."""

from __future__ import annotations

import datetime
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.contributing import entry_writer, prompts, scaffold
from catalogue.model.errors import ToolError
from catalogue.checks.validate import check_catalogue

from tests.conftest import ROOT

NEW_ENTRY = ROOT / "scripts" / "new_entry.py"
NEW_TRANSLATION = ROOT / "scripts" / "new_translation.py"
TODAY = datetime.date.today().isoformat()
FLAGS = [
    "--lang", "pl", "--title", "Kącik Malucha w Łodzi", "--type", "project", "--scope", "local",
    "--country", "PL", "--place", "Łódź", "--library", "Biblioteka Testowa w Łodzi",
    "--audience", "toddlers,parents", "--started", "", "--status", "2", "--source", "Sprawozdanie testowe",
]


def run(script: Path, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The script on the entries in `cwd` (never the project's own), with no terminal."""
    return subprocess.run([sys.executable, str(script), *args, "--entries", str(cwd / "entries")],
                          capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL, env=env)


def problems(entries: Path, lang: str = "en") -> list[str]:
    _, found = check_catalogue(entries, entries.parent)
    return [problem.format(lang) for problem in sorted(found)]


def listing(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_scaffold_fill_validate(entries: Path):
    """The contributor's path without a terminal: scaffold, fill in, validate."""
    result = run(NEW_ENTRY, *FLAGS, cwd=entries.parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Utworzono: entries/kacik-malucha-w-lodzi/pl.md. Uzupełnij streszczenie i tekst pod śródtytułami, a potem "
        "sprawdź wpis: python scripts/validate.py entries/kacik-malucha-w-lodzi --lang pl\n"
    )
    path = entries / "kacik-malucha-w-lodzi" / "pl.md"
    text = path.read_text(encoding="utf-8")
    facts = [line for line in text.split("---\n")[1].splitlines() if line and not line.startswith("#")]
    assert facts == [
        "title: Kącik Malucha w Łodzi", "summary:", "type: project", "scope: local", "countries: [PL]",
        "place: Łódź", "libraries:", "  - name: Biblioteka Testowa w Łodzi", "    place: Łódź", "    country: PL",
        "audience: [toddlers, parents]", "started:", "status: recurring", f"status_as_of: {TODAY[:4]}", "sources:",
        "  - title: Sprawozdanie testowe", f"updated: {TODAY}",
    ]
    assert "## Wskazówki dla naśladowców\n\n<!-- Co doradzilibyście" in text
    assert problems(entries, "pl") == [
        "entries/kacik-malucha-w-lodzi/pl.md:5: pole summary powinno zawierać tekst, a nie pustą wartość",
        "entries/kacik-malucha-w-lodzi/pl.md:77: tekst pod nagłówkiem z danymi jest pusty; opisz praktykę pod "
        "śródtytułami Kontekst i potrzeba, Co zrobiono, Partnerzy i ich role, Rezultaty, Wskazówki dla naśladowców, "
        "Koszty i nakład pracy",
    ]
    text = text.replace("summary:\n", "summary: Biblioteka urządziła kącik zabaw dla maluchów.\n")
    text = text.replace("## Co zrobiono\n", "## Co zrobiono\n\nUrządzono kącik zabaw.\n")
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--entries", str(entries)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "no problems found in 3 practice(s)\n")


def test_missing_flags_are_named_and_nothing_is_written(entries: Path):
    before = listing(entries)
    result = run(NEW_ENTRY, "--title", "Noc v knihovně", "--type", "event", cwd=entries.parent,
                 env={**os.environ, "LANG": "cs_CZ.UTF-8"})
    assert result.returncode == 2
    assert result.stderr == (
        "chybí: --lang, --scope, --country, --place, --library, --audience, --started, --status, --source. "
        "Bez terminálu se nic neptám: zadejte všechny údaje přepínači (viz --help)\n"
    )
    assert listing(entries) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--type", "workshop"), "--type: wartość 'workshop' jest niedozwolona w polu type; dozwolone wartości: "
                                 "event, project, thematic-partnership, strategic-partnership"),
        (("--status", "7"), "--status: '7' nie jest numerem od 1 do 3"),
        (("--country", "Polska"), "--country: wartość 'Polska' jest niedozwolona w polu countries; dozwolone "
                                  "wartości: dwuliterowy kod kraju według ISO 3166-1, np. CZ, PL lub SK"),
        (("--started", "2010a"), "--started: pole started powinno zawierać rok, np. 2005, a nie tekst '2010a'"),
        (("--title", "Kącik dla najmłodszych"), "identyfikator 'kacik-dla-najmlodszych' ma już praktyka "
                                                "entries/kacik-dla-najmlodszych/; wybierz inny (--slug lub kolumna slug)"),
        (("--title", "— ? —"), "z nazwy '— ? —' nie da się utworzyć identyfikatora (nie ma liter ani cyfr); "
                               "podaj go samodzielnie (--slug lub kolumna slug)"),
    ],
)
def test_bad_input_is_refused_in_the_contributors_language(entries: Path, change: tuple, message: str):
    (entries / "kacik-dla-najmlodszych").mkdir()
    before = listing(entries)
    flags = list(FLAGS)
    flags[flags.index(change[0]) + 1] = change[1]
    result = run(NEW_ENTRY, *flags, cwd=entries.parent)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert listing(entries) == before


def test_a_slug_that_is_an_old_address_is_taken(entries: Path):
    noc = entries / "noc-v-knihovne" / "cs.md"
    noc.write_text(noc.read_text(encoding="utf-8").replace("updated:", "aliases: [kacik-malucha-w-lodzi]\nupdated:"))
    result = run(NEW_ENTRY, *FLAGS, cwd=entries.parent)
    assert result.stderr == (
        "identyfikator 'kacik-malucha-w-lodzi' to dawny adres praktyki entries/noc-v-knihovne/; wybierz inny (--slug lub kolumna slug)\n"
    )


def test_slug_is_transliterated_from_the_title():
    assert scaffold.proposed_slug("Tvoříme vlastní vydavatelství") == "tvorime-vlastni-vydavatelstvi"
    assert scaffold.proposed_slug("Łódź: Kącik „Żółć“ – Ďáblova noc") == "lodz-kacik-zolc-dablova-noc"
    assert len(scaffold.proposed_slug("Spolupráce " * 20)) <= scaffold.SLUG_MAX


def test_language_comes_from_the_locale():
    assert scaffold.locale_language({"LANG": "pl_PL.UTF-8"}) == "pl"
    assert scaffold.locale_language({"LANGUAGE": "de:sk", "LANG": "pl_PL.UTF-8"}) == "sk"
    assert scaffold.locale_language({"LANG": "C.UTF-8"}) == "cs"


def test_a_wrong_answer_is_explained_and_asked_again():
    answers = iter(["9", "event"])
    said: list[str] = []
    assert prompts.ask("type", "sk", lambda prompt: next(answers), said.append) == "event"
    assert said == [
        "", "Typ spolupráce – Aký typ spolupráce prax predstavuje; jedna hodnota zo zoznamu.",
        "   1  Spoločné podujatie (event)", "   2  Spoločný projekt (project)",
        "   3  Tematické partnerstvo (thematic-partnership)",
        "   4  Miestne strategické partnerstvo (strategic-partnership)",
        "'9' nie je číslo od 1 do 4",
    ]


def at_terminal(args: list[str], answers: list[str], cwd: Path, env: dict) -> str:
    """Run a script with a terminal as its input and output, typing `answers`."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, *args], stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    os.write(master, "".join(answer + "\n" for answer in answers).encode("utf-8"))
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 20)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the script ended and closed the terminal
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=20)
    os.close(master)
    return output.decode("utf-8").replace("\r\n", "\n")


def test_interactive_questions_in_the_locale_language(entries: Path):
    answers = ["Noc w bibliotece", "", "1", "5", "pl, cz", "Racibórz", "Biblioteka w Raciborzu", "2,6",
               "20x5", "2015", "2", "Sprawozdanie", ""]
    env = {**os.environ, "LANG": "pl_PL.UTF-8", "LANGUAGE": ""}
    screen = at_terminal([str(NEW_ENTRY), "--entries", str(entries)], answers, entries.parent, env)
    assert "Typ współpracy – Jaki typ współpracy przedstawia praktyka; jedna wartość z listy." in screen
    assert "   1  Wspólne wydarzenie (event)" in screen
    assert "pole started powinno zawierać rok, np. 2005, a nie tekst '20x5'" in screen
    assert "Identyfikator (część adresu praktyki): noc-w-bibliotece." in screen
    text = (entries / "noc-w-bibliotece" / "pl.md").read_text(encoding="utf-8")
    for line in ("type: event", "scope: international", "countries: [PL, CZ]", "audience: [children, families]",
                 "started: 2015", "status: recurring", "  - name: Biblioteka w Raciborzu"):
        assert f"\n{line}\n" in text


def test_a_failed_write_leaves_nothing(entries: Path, monkeypatch):
    before = listing(entries)

    def broken(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Path, "write_text", broken)
    with pytest.raises(OSError):
        entry_writer.write_new_entry(entries, "nova", {"cs.md": "x"})
    monkeypatch.undo()
    assert listing(entries) == before


def test_translation_is_prefilled_from_the_original(entries: Path):
    result = run(NEW_TRANSLATION, "kacik-pro-nejmensi", "sk", cwd=entries.parent)
    assert result.returncode == 0, result.stderr
    text = (entries / "kacik-pro-nejmensi" / "sk.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\n# yaml-language-server: $schema=../../schema/translation.schema.json\n"
        "# Preklad obsahuje len title, summary a text. Pôvodné znenie (poľština) je v komentároch; keď\n"
        "# budete hotoví, zmažte ich.\n# pl: Kącik dla najmłodszych\ntitle:\n"
    )
    assert "## Kontext a potreba\n\n<!-- pl:\nW gminie brakowało miejsca zabaw dla małych dzieci.\n-->\n" in text
    assert "\n## Čo sa urobilo\n" in text
    assert problems(entries, "sk")[0] == "entries/kacik-pro-nejmensi/sk.md:6: pole title má obsahovať text, nie prázdnu hodnotu"
    filled = text.replace("title:\n", "title: Kútik pre najmenších\n", 1).replace("summary:\n", "summary: Kútik.\n", 1)
    (entries / "kacik-pro-nejmensi" / "sk.md").write_text(filled.replace("-->\n", "-->\n\nText.\n", 1))
    assert problems(entries) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("kacik-pro-nejmensi", "cs"), "entries/kacik-pro-nejmensi/cs.md už existuje; nic nebylo zapsáno"),
        (("neni-tu", "pl"), "praktyka entries/neni-tu/ nie istnieje"),
    ],
)
def test_translation_refuses_bad_input(entries: Path, args: tuple, message: str):
    before = {path: path.read_bytes() for path in entries.rglob("*") if path.is_file()}
    result = run(NEW_TRANSLATION, *args, cwd=entries.parent)
    assert (result.returncode, result.stderr) == (1, message + "\n")
    assert {path: path.read_bytes() for path in entries.rglob("*") if path.is_file()} == before


def test_tool_errors_render_in_every_language():
    error = ToolError("no-slug", title="?")
    assert error.message("en") == "the title '?' gives no slug (it has no letters or digits); give it yourself (--slug, or the column slug)"
