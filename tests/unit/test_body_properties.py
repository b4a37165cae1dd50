"""The body pipeline, tried with generated Markdown: whatever goes in, only the allow-list comes out.

Bodies are made of Markdown, HTML fragments, comments as the HTML5
tokenizer reads them, entities and addresses browsers read in their own
way; each goes through validation, rendering (as the site renders bodies)
and the sanitiser, and the final HTML is read by an HTML5 parser.

`make test` tries a few hundred bodies; more with
`pytest tests/unit/test_body_properties.py --hypothesis-profile=thorough`.
"""

from __future__ import annotations

import ada_url
import html5lib
from hypothesis import example, given
from hypothesis import strategies as st

from catalogue.checks import markup
from catalogue.model import weburls
from catalogue.pages import sanitise
from catalogue.reading.parser import EntryFile

SLUG = "zkouska"
PAGE = f"practices/{SLUG}/"
IMAGES = ["foto.jpg"]

SCHEMES = ["", "http:", "https:", "mailto:", "javascript:", "JaVaScRiPt:", "java\tscript:", "vbscript:", "data:", "file:"]
HOSTS = ["", "//evil.example", "/\\evil.example", "\\\\evil.example", "//catalogue.invalid", "/\t/evil.example"]
PATHS = ["", "/", "foto.jpg", "./foto.jpg", "../jiny/foto.jpg", "/etc/passwd", "%2e%2e/x.png", "..%2Fx.png", "alert(1)", "x"]
ENTITIES = ["&#106;", "&#x09;", "&#10;", "&#1;", "&colon;", "&Tab;", "&NewLine;", "&amp;", "&lt;", "&nbsp;", "&#x3C;"]

urls = st.builds(
    lambda scheme, host, path, entity, at: (scheme + host + path)[:at] + entity + (scheme + host + path)[at:],
    st.sampled_from(SCHEMES),
    st.sampled_from(HOSTS),
    st.sampled_from(PATHS),
    st.sampled_from(["", *ENTITIES]),
    st.integers(0, 12),
)
comments = st.sampled_from(
    ["<!--", "-->", "<!-->", "<!--->", "--!>", "<!-- nápověda -->", "<!-- <!-- -->", "<?x -->", "<!x>", "<![CDATA[", "]]>"]
)
tags = st.sampled_from(
    ["script", "img", "svg", "iframe", "a", "p", "div", "style", "math", "details", "form", "object", "base", "meta", "b", "h2"]
)
attributes = st.sampled_from(["src", "href", "onerror", "onload", "style", "id", "class", "title", "srcset", "action", "formaction"])
html_fragments = st.builds(
    lambda tag, attribute, value, close: f'<{tag} {attribute}="{value}">' + (f"</{tag}>" if close else ""),
    tags,
    attributes,
    urls,
    st.booleans(),
)
markdown_fragments = st.one_of(
    st.builds(lambda text, url: f"[{text}]({url})", st.sampled_from(["odkaz", "x", ""]), urls),
    st.builds(lambda text, url: f"![{text}]({url})", st.sampled_from(["foto", "x", ""]), urls),
    st.builds(lambda url: f"<{url}>", urls),
    st.builds(lambda attribute, url: f'## Nadpis {{: {attribute}="{url}" }}', attributes, urls),
    st.sampled_from(["## Nadpis", "- položka", "1. bod", "> citace", "**tučně**", "*kurzíva*", "`kód <b>`", "!!! note", "    odsazený kód <script>"]),
)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
pieces = st.one_of(html_fragments, markdown_fragments, comments, st.sampled_from(ENTITIES), words)
bodies = st.lists(st.tuples(pieces, st.sampled_from(["", " ", "\n", "\n\n"])), min_size=1, max_size=12).map(
    lambda parts: "\n\n## Kontext\n\n" + "".join(piece + gap for piece, gap in parts) + "\n"
)

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
BASE = f"{weburls.SITE}/{PAGE}"


def allow_list_violations(html: str) -> list[str]:
    """What in `html` is not on the allow-list, as an HTML5 parser reads it."""
    found = []
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    for element in list(tree.iter())[1:]:
        if not isinstance(element.tag, str):
            found.append("a comment")
            continue
        if element.tag not in sanitise.TAGS:
            found.append(f"<{element.tag}>")
        allowed = sanitise.ATTRIBUTES["*"] | sanitise.ATTRIBUTES.get(element.tag, set())
        found += [f"<{element.tag} {name}>" for name in element.attrib if name not in allowed]
        for name in ("href", "src"):
            if name in element.attrib:
                value = element.attrib[name]
                try:
                    url = ada_url.URL(value, BASE)
                except ValueError:
                    found.append(f"{name}={value!r} does not parse")
                    continue
                same_origin = url.origin == weburls.SITE
                if name == "src" and not (same_origin and url.pathname.startswith(f"/{PAGE}")):
                    found.append(f"src={value!r}")
                if name == "href" and not (same_origin or url.protocol in ALLOWED_SCHEMES):
                    found.append(f"href={value!r}")
                if weburls.unsafe_characters(value):
                    found.append(f"{name}={value!r} has characters browsers drop")
    return found


def rendered(body: str) -> str:
    renderer = markup._renderer()
    renderer.reset()
    return renderer.convert(body)


@given(bodies)
@example("\n\n<!--><img src=x onerror=alert(1)> -->\n")
@example("\n\n![x](/\\evil.example/x.png)\n")
@example("\n\n[x](java&#9;script:alert(1))\n")
@example("\n\n![x](%2e%2e/%2e%2e/etc/passwd)\n")
def test_only_the_allow_list_comes_out_of_the_pipeline(body: str):
    entry = EntryFile(path=f"entries/{SLUG}/cs.md", lang="cs", body=body, body_line=20, body_start=20)
    problems = markup.body_problems(entry, IMAGES)
    if any(problem.code == "body-too-complex" for problem in problems):
        return
    html = rendered(body)
    final = sanitise.sanitise_body(html, PAGE, IMAGES)
    assert allow_list_violations(final) == []
    # What the validator accepts is already on the allow-list: the sanitiser only removes comments.
    if not problems:
        assert [found for found in allow_list_violations(html) if found != "a comment"] == []


@given(bodies)
def test_a_marked_body_cannot_end_its_mark_early(body: str):
    """A page sanitised as the site engine's hook does: the body's marks hold whatever the body says."""
    page = f"<aside>před</aside>\n{sanitise.body_start(body)}\n{rendered(body)}\n{sanitise.body_end(body)}\n<footer>po</footer>"
    result = sanitise.sanitise_page(page, PAGE, IMAGES)
    assert result.startswith("<aside>před</aside>\n") and result.endswith("\n<footer>po</footer>")
    assert allow_list_violations(result.removeprefix("<aside>před</aside>\n").removesuffix("\n<footer>po</footer>")) == []
