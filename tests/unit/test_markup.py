"""Entry bodies are Markdown only: raw HTML, unsafe links and attributes, foreign images refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from catalogue.checks import markup

from tests.conftest import ROOT
from tests.fixture_edits import NOC, edit, messages

RAW_HTML_RULE = (
    "is not allowed in the text; write Markdown: ## headings, paragraphs, - lists, **bold**, *italic*, "
    "> quotes, [links](https://…)"
)
URL_CHARACTERS_RULE = (
    "contains a backslash, a space or an invisible control character, which browsers read differently "
    "from what is written; write the address without them"
)


def image_rule(slug: str = "noc-v-knihovne") -> str:
    return (
        f"is not a file of this entry's folder; put the image in entries/{slug}/ and write just its name, "
        "such as ![description](photo.jpg)"
    )


LINK_RULE = "is not allowed; a link must start with https://, http:// or mailto:, or lead to another page of the catalogue"


def add_to_body(entries: Path, text: str) -> None:
    """`text` as new paragraphs at line 27 of the noc-v-knihovne original."""
    path = entries / NOC
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


CASES = {
    "a script element": (
        "<script>alert(1)</script>",
        [f"entries/{NOC}:28: raw HTML '<script>alert(1)</script>' {RAW_HTML_RULE}"],
    ),
    "an inline image with onerror": (
        "Text <img src=x onerror=alert(1)> dál.",
        [f"entries/{NOC}:28: raw HTML '<img src=x onerror=alert(1)>' {RAW_HTML_RULE}"],
    ),
    "an svg breaking out of a paragraph": (
        '"><svg onload=alert(1)>',
        [f"entries/{NOC}:28: raw HTML '<svg onload=alert(1)>' {RAW_HTML_RULE}"],
    ),
    "a script behind a comment": (
        "<!-- nápověda --><script>alert(1)</script>",
        [f"entries/{NOC}:28: raw HTML '<script>alert(1)</script>' {RAW_HTML_RULE}"],
    ),
    "a javascript: link": (
        "[klikni](javascript:alert(1))",
        [f"entries/{NOC}:28: link 'javascript:alert(1)' {LINK_RULE}"],
    ),
    "a javascript: link hidden by an entity": (
        "[klikni](java&#115;cript:alert(1))",
        [f"entries/{NOC}:28: link 'javascript:alert(1)' {LINK_RULE}"],
    ),
    "a data: link": (
        "[klikni](data:text/html;base64,PHNjcmlwdD4=)",
        [f"entries/{NOC}:28: link 'data:text/html;base64,PHNjcmlwdD4=' {LINK_RULE}"],
    ),
    "an event handler in an attribute list": (
        '## Výsledky {: onmouseover="alert(1)" }',
        [
            f"entries/{NOC}:28: attribute 'onmouseover' is not allowed in the text; "
            "a Markdown attribute list {: … } may set only an id or a class"
        ],
    ),
    "an image from another site": (
        "![počítadlo](https://tracker.example/pixel.gif)",
        [
            f"entries/{NOC}:28: image 'https://tracker.example/pixel.gif' would be loaded from another site, "
            "which then learns who reads the catalogue; put images in the entry folder"
        ],
    ),
    # Comments as the HTML5 tokenizer reads them: `<!-->` and `<!--->` end at once.
    "markup after an abruptly closed comment": (
        "<!--><img src=x onerror=alert(1)> -->",
        [f"entries/{NOC}:28: raw HTML '<!--><img src=x onerror=alert(1)> -->' {RAW_HTML_RULE}"],
    ),
    "markup after a comment closed by three hyphens": (
        "<!---><svg onload=alert(1)> -->",
        [f"entries/{NOC}:28: raw HTML '<!---><svg onload=alert(1)> -->' {RAW_HTML_RULE}"],
    ),
    "markup after a comment closed by --!>": (
        "<!-- x --!><img src=x onerror=alert(1)> -->",
        [f"entries/{NOC}:28: raw HTML '<img src=x onerror=alert(1)>' {RAW_HTML_RULE}"],
    ),
    "a bogus comment of a processing instruction": (
        "<?x --><img src=x onerror=alert(1)>",
        [f"entries/{NOC}:28: raw HTML '<img src=x onerror=alert(1)>' {RAW_HTML_RULE}"],
    ),
    # Addresses as the WHATWG URL parser reads them.
    "an image whose backslash makes it another site's": (
        "![x](/\\evil.example/x.png)",
        [f"entries/{NOC}:28: address '/\\evil.example/x.png' {URL_CHARACTERS_RULE}"],
    ),
    "a link whose backslashes make it another site's": (
        "[x](\\\\evil.example/)",
        [f"entries/{NOC}:28: address '\\evil.example/' {URL_CHARACTERS_RULE}"],
    ),
    "a javascript: link split by a tab entity": (
        "[klikni](java&#9;script:alert(1))",
        [f"entries/{NOC}:28: address 'java script:alert(1)' {URL_CHARACTERS_RULE}"],
    ),
    "a javascript: link behind a control character": (
        "[klikni](&#1;javascript:alert(1))",
        [f"entries/{NOC}:28: address '\x01javascript:alert(1)' {URL_CHARACTERS_RULE}"],
    ),
    "a link to a place on the page behind a control character": (
        "[nahoru](#&#1;nahoru)",
        [f"entries/{NOC}:28: address '#\x01nahoru' {URL_CHARACTERS_RULE}"],
    ),
    "a protocol-relative image": (
        "![x](//evil.example/x.png)",
        [
            f"entries/{NOC}:28: image '//evil.example/x.png' would be loaded from another site, "
            "which then learns who reads the catalogue; put images in the entry folder"
        ],
    ),
    # Images are files of the entry folder.
    "an image of another entry's folder": (
        "![x](../kacik-pro-nejmensi/x.png)",
        [f"entries/{NOC}:28: image '../kacik-pro-nejmensi/x.png' {image_rule()}"],
    ),
    "an image given by an absolute path": (
        "![x](/etc/passwd)",
        [f"entries/{NOC}:28: image '/etc/passwd' {image_rule()}"],
    ),
    "an image climbing out by percent-encoded dots": (
        "![x](%2e%2e/%2e%2e/etc/passwd)",
        [f"entries/{NOC}:28: image '%2e%2e/%2e%2e/etc/passwd' {image_rule()}"],
    ),
    "an image with an encoded slash": (
        "![x](..%2Fkacik-pro-nejmensi%2Fx.png)",
        [f"entries/{NOC}:28: image '..%2Fkacik-pro-nejmensi%2Fx.png' {image_rule()}"],
    ),
    "an image that is not there": (
        "![x](chybi.png)",
        [f"entries/{NOC}:28: image 'chybi.png' {image_rule()}"],
    ),
    # Characters that turn the text around.
    "a right-to-left override": (
        "Knihovna \u202eanavihnK",
        [
            f"entries/{NOC}:28: the text contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE, "
            "which changes the direction of the text readers see; delete it"
        ],
    ),
    "a right-to-left isolate": (
        "Text \u2067skrytý\u2069 dál.",
        [
            f"entries/{NOC}:28: the text contains the invisible character U+2067 RIGHT-TO-LEFT ISOLATE, "
            "U+2069 POP DIRECTIONAL ISOLATE, which changes the direction of the text readers see; delete it",
        ],
    ),
    "emphasis nested beyond the renderer's depth": (
        "**" * 1_200 + "x" + "**" * 1_200,
        [
            f"entries/{NOC}:23: the text nests too deeply to be rendered within 3 seconds; "
            "look for long runs of brackets, asterisks or '>' quote marks"
        ],
    ),
    "brackets that take the renderer minutes": (
        ("[" * 4_900 + "\n\n") * 4,
        [
            f"entries/{NOC}:23: the text nests too deeply to be rendered within 3 seconds; "
            "look for long runs of brackets, asterisks or '>' quote marks"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_unsafe_body_is_refused(entries: Path, case: str):
    text, expected = CASES[case]
    add_to_body(entries, text)
    started = time.monotonic()
    assert messages(entries) == expected
    assert time.monotonic() - started < markup.RENDER_SECONDS + 2


def test_plain_markdown_passes(entries: Path):
    add_to_body(
        entries,
        "## Výsledky {: #vysledky }\n\n- **tučně**, *kurzíva*, `<kód>` a A&nbsp;B\n- [web](https://knihovna.example/), "
        "[e-mail](mailto:info@knihovna.example), [jiná praxe](../kacik-pro-nejmensi/), [výše](#vysledky)\n\n> citace\n\n"
        "!!! note \"Poznámka\"\n    Text poznámky.\n\n![fotka](fotka.jpg) ![zase](./fotka.jpg)\n\n"
        "<!-- nápověda šablony -->\n\nZnak\u200bs nulovou šířkou smí být v textu.",
    )
    (entries / "noc-v-knihovne" / "fotka.jpg").write_bytes(b"\xff\xd8\xff")
    assert messages(entries) == []


def test_topics_are_tags_not_markup(entries: Path):
    edit(entries, "kacik-pro-nejmensi/pl.md", "topics: [early-childhood]", "topics: ['<script>alert(1)</script>']")
    assert messages(entries) == [
        "entries/kacik-pro-nejmensi/pl.md:19: topics[0]: '<script>alert(1)</script>' is not valid; "
        "use lower-case ASCII words joined by hyphens, e.g. 'reading-promotion'"
    ]


def test_the_validator_renders_bodies_as_the_site_does():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert tuple(names) == markup.EXTENSIONS


@pytest.mark.parametrize(
    "body, rendered",
    [
        ("## Kontext\n\nZwykły tekst z **pogrubieniem**, *kursywą* i listą:\n\n- raz\n- dwa\n", False),
        ("Tekst z [odnośnikiem](https://example.org).", True),
        ("Tekst z <b>tagiem</b>.", True),
        ("Encja &amp; w tekście.", True),
        ("Akapit {: .klasa }", True),
        ("> cytat", True),
        ("***" * 3 + "x", True),
    ],
)
def test_only_bodies_that_could_hold_html_links_or_deep_nesting_are_rendered(monkeypatch, body, rendered):
    calls = []
    monkeypatch.setattr(markup, "_renderer", lambda: calls.append(body) or (_ for _ in ()).throw(RuntimeError("rendered")))
    lines = lambda self: enumerate(body.split("\n"), start=5)  # noqa: E731
    entry = type("Entry", (), {"body": body, "path": "entries/x/pl.md", "body_line": 5, "body_lines": lines})()
    if rendered:
        with pytest.raises(RuntimeError, match="rendered"):
            markup.body_problems(entry)
    else:
        assert markup.body_problems(entry) == []
    assert calls == ([body] if rendered else [])
