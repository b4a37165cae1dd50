"""Pages written by a forked child beside this process: all of them, once, and failures reported."""

from __future__ import annotations

import pytest

from catalogue.pages.docs_tree import sync_folder
from catalogue.background import write_beside


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

