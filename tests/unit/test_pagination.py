"""Type lists in pages: every practice once, in title order, pages linked both ways."""

from __future__ import annotations

import math
import re

import pytest

from tests.conftest import rendered_pages
from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.pages.engine_conventions import source_file
from catalogue.pages.pagination import page_path, paginate
from catalogue.pages.render import TYPE_PAGE_SIZE, title_order, type_pages
from benchmark.synthetic import write_entries
from catalogue.checks.validate import load_catalogue

SIZE = 7


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    entries = tmp_path_factory.mktemp("paged") / "entries"
    write_entries(entries, 60, seed=3)
    return load_catalogue(entries, entries.parent)


def links(markdown: str, css_class: str) -> list[str]:
    return re.findall(rf'<a class="{css_class}"[^>]*href="([^"]+)"', markdown)


def resolve(page: str, href: str) -> str:
    parts = [part for part in page.split("/") if part]
    for step in href.split("/"):
        if step == "..":
            parts.pop()
        elif step not in ("", "."):
            parts.append(step)
    return "/".join(parts) + "/" if parts else ""


def test_pages_live_at_the_list_address_then_under_page():
    assert page_path("types/event/", 1) == "types/event/"
    assert page_path("types/event/", 3) == "types/event/page/3/"
    assert source_file(page_path("types/event/", 2), "pl") == "types/event/page/2.pl.md"
    assert [len(items) for _, items in paginate(list(range(15)), 7, "x/")] == [7, 7, 1]
    only, items = paginate([], 7, "x/")[0]
    assert (only.count, only.previous, only.next, list(items)) == (1, None, None, [])


def test_every_practice_is_listed_once_in_title_order(catalogue):
    for type_id in vocabularies.ids("type"):
        expected = sorted(catalogue.of_type(type_id), key=lambda practice: title_order(practice, "sk"))
        pages = type_pages(catalogue, type_id, "sk", page_size=SIZE)
        assert list(pages) == [page_path(urls.type_page(type_id), n) for n in range(1, math.ceil(len(expected) / SIZE) + 1)]
        listed = [
            resolve(page, href).split("/")[-2]
            for page, markdown in pages.items()
            for href in re.findall(r'<h\d class="practice-card__title"><a href="([^"]+)"', markdown)
        ]
        assert listed == [practice.slug for practice in expected]


def test_pages_link_to_their_neighbours_and_name_their_number(catalogue):
    pages = type_pages(catalogue, "event", "cs", page_size=SIZE)
    paths = list(pages)
    assert len(paths) >= 3
    for number, path in enumerate(paths, start=1):
        markdown = pages[path]
        previous = [resolve(path, href) for href in re.findall(r'rel="prev" href="([^"]+)"', markdown)]
        following = [resolve(path, href) for href in re.findall(r'rel="next" href="([^"]+)"', markdown)]
        assert previous == paths[number - 2 : number - 1]
        assert following == paths[number : number + 1]
        numbered = re.findall(r'<li><a href="([^"]+)">\d+</a></li>', markdown)
        assert [resolve(path, href) for href in numbered] == [other for other in paths if other != path]
        assert f'<span aria-current="page">{number}</span>' in markdown
        assert f"Strana {number} z {len(paths)}." in markdown
    assert 'title: "Společná akce – strana 2 z' in pages[paths[1]]
    assert 'title: "Společná akce"' in pages[paths[0]]


def test_a_short_list_has_one_page_and_no_pager(catalogue):
    pages = type_pages(catalogue, "event", "pl")
    assert list(pages) == ["types/event/"] and TYPE_PAGE_SIZE >= 60
    assert "pagination" not in pages["types/event/"]


def test_render_pages_writes_every_page_of_every_list(catalogue):
    files = rendered_pages(catalogue, type_page_size=SIZE)
    for lang in vocabularies.languages():
        count = math.ceil(len(catalogue.of_type("project")) / SIZE)
        assert f"types/project/page/{count}.{lang}.md" in files
        assert f"types/project/page/{count + 1}.{lang}.md" not in files
