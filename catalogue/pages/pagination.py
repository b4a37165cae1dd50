"""Splitting a long list over pages: page 1 at the list's address, then page/2/, page/3/, …

A list of thousands of practices on one page would weigh megabytes; every
page of a list stays small however large the catalogue grows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Pagination:
    number: int  # this page, counted from 1
    pages: tuple[str, ...]  # the site path of every page of the list, in order

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def page(self) -> str:
        return self.pages[self.number - 1]

    @property
    def previous(self) -> str | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.number] if self.number < self.count else None


def page_path(first: str, number: int) -> str:
    """`types/event/` for page 1, `types/event/page/2/` for page 2."""
    return first if number == 1 else f"{first}page/{number}/"


def paginate(items: Sequence, size: int, first: str, path: Callable[[str, int], str] = page_path) -> list[tuple[Pagination, Sequence]]:
    """`items` in pages of at most `size`; an empty list still has its first page."""
    count = max(1, -(-len(items) // size))
    pages = tuple(path(first, number) for number in range(1, count + 1))
    return [(Pagination(number, pages), items[(number - 1) * size : number * size]) for number in range(1, count + 1)]
