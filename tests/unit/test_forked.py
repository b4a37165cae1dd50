"""Work shared with a forked child: all of it done once, in order, and failures reported."""

from __future__ import annotations

import os

import pytest

from catalogue.pages.docs_tree import sync_folder
from catalogue.background import WORTH_SHARING, map_beside, write_beside


def pages(names):
    return [(name, f"# {name}\n") for name in names]


def test_the_child_writes_its_share_and_nothing_of_it_is_deleted(tmp_path):
    (tmp_path / "old.md").write_text("stale", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "kept.md").write_text("# b/kept.md\n", encoding="utf-8")
    children = write_beside(tmp_path, pages(["b/kept.md", "b/new.md", "c/deep/x.md"]))
    sync_folder(tmp_path, pages(["a.md", "d/y.md"]), written_elsewhere=children)
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert written == ["a.md", "b/kept.md", "b/new.md", "c/deep/x.md", "d/y.md"]
    assert (tmp_path / "c" / "deep" / "x.md").read_text(encoding="utf-8") == "# c/deep/x.md\n"


def test_a_failure_in_the_child_is_raised_here(tmp_path):
    def broken():
        yield "a.md", "# a\n"
        raise ValueError("a template failed")

    children = write_beside(tmp_path, broken())
    with pytest.raises(RuntimeError, match="ValueError: a template failed"):
        sync_folder(tmp_path, pages(["b.md"]), written_elsewhere=children)



def test_shared_work_comes_back_in_order_from_two_processes():
    items = list(range(WORTH_SHARING * 3 + 1))
    results = map_beside(lambda item: (item * item, os.getpid()), items)
    assert [square for square, _ in results] == [item * item for item in items]
    workers = {pid for _, pid in results}
    assert len(workers) == 2 and os.getpid() in workers
    # Every other item, starting with the second, was the child's.
    assert {pid for _, pid in results[1::2]} == workers - {os.getpid()}


def test_a_little_work_stays_in_this_process():
    results = map_beside(lambda item: os.getpid(), list(range(WORTH_SHARING - 1)))
    assert set(results) == {os.getpid()}


def test_a_failure_of_the_shared_work_in_the_child_is_raised_here():
    def square(item):
        if item == 5:
            raise ValueError("item 5 is broken")
        return item * item

    with pytest.raises(RuntimeError, match="ValueError: item 5 is broken"):
        map_beside(square, list(range(WORTH_SHARING * 2)))
