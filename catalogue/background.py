"""Work done in forked children, on the other processor core, while the site is built.

Checking thousands of entries, rendering their pages and indexing them is
plain Python (and one Pagefind process) on one core each. A forked child
shares what is already in memory: `map_beside` checks every other entry
folder, `write_beside` writes a share of the pages, and `BackgroundJob`
makes files for the built site (the search index, short links, citation
downloads) that the site engine never needs to see.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar
from pathlib import Path

from catalogue.pages.docs_tree import write_if_changed

T, R = TypeVar("T"), TypeVar("R")
SEPARATOR = "\n"
FAILED = "\0failed\0"


def _write_all(root: str, pages: Iterable[tuple[str, str]]) -> list[str]:
    made: set[str] = set()
    names = []
    for name, content in pages:
        path = os.path.join(root, name)
        size = os.path.getsize(path) if os.path.exists(path) else None
        write_if_changed(root, name, content, size, made)
        names.append(name)
    return names


def write_beside(target: Path, pages: Iterable[tuple[str, str]]) -> Callable[[], set[str]]:
    """Start writing `pages` into `target` in a child; the function returned waits and gives their names."""
    os.makedirs(target, exist_ok=True)
    if (os.cpu_count() or 1) < 2:
        names = set(_write_all(str(target), pages))
        return lambda: names
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: write, report the names (or the failure), and leave at once
        os.close(reading)
        try:
            message = SEPARATOR.join(_write_all(str(target), pages))
            status = 0
        except BaseException:
            message, status = FAILED + traceback.format_exc(), 1
        with os.fdopen(writing, "w", encoding="utf-8") as pipe:
            pipe.write(message)
        os._exit(status)
    os.close(writing)

    def names() -> set[str]:
        with os.fdopen(reading, "r", encoding="utf-8") as pipe:
            message = pipe.read()
        os.waitpid(child, 0)
        if message.startswith(FAILED):
            raise RuntimeError("Writing the pages failed:\n" + message.removeprefix(FAILED))
        return set(message.split(SEPARATOR)) if message else set()

    return names


# Below this many items a second process costs more than it saves.
WORTH_SHARING = 32


def map_beside(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[function(item) for item in items]`, every other item done by a forked child on the other core.

    The child's results come back pickled: they should be plain data, not
    large trees of objects, or unpickling them costs what was saved.
    """
    if (os.cpu_count() or 1) < 2 or len(items) < WORTH_SHARING:
        return [function(item) for item in items]
    reading, writing = os.pipe()
    gc.freeze()  # the child's garbage collector then leaves the shared objects (and their pages) alone
    child = os.fork()
    if child == 0:
        os.close(reading)
        try:
            payload, status = pickle.dumps((True, [function(item) for item in items[1::2]]), pickle.HIGHEST_PROTOCOL), 0
        except BaseException:
            payload, status = pickle.dumps((False, traceback.format_exc())), 1
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(payload)
        os._exit(status)
    gc.unfreeze()
    os.close(writing)
    try:
        mine = [function(item) for item in items[::2]]
    finally:
        with os.fdopen(reading, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(child, 0)
    done, theirs = pickle.loads(payload) if payload else (False, "the child process ended without a word")
    if not done:
        raise RuntimeError("Work shared with a child process failed:\n" + theirs)
    results = mine + theirs
    results[::2], results[1::2] = mine, theirs
    return results


class BackgroundJobError(Exception):
    """The background work failed; the message says how."""


def _run_child(work: Callable[[Path], None], output: Path, failure: Path, label: str, expected: tuple) -> None:
    # Behind the site engine: when both want the processor, the pages come first.
    os.nice(5)
    try:
        work(output)
    except expected as error:  # a failure the work describes itself
        failure.write_text(str(error), encoding="utf-8")
    except BaseException as error:  # a child's traceback would be lost: say it in the failure file
        failure.write_text(f"{label} failed: {error!r}", encoding="utf-8")
        raise


class BackgroundJob:
    """`work(folder)` run in a forked child; `finish` moves what it wrote into the built site.

    Each forked child ends up copying much of the memory it shares with this
    process, so one job does all the work that can wait for the pages.
    Folders named in `replaced` take the place of the site's folder of that
    name as a whole (a fresh search index leaves no stale part behind);
    every other file is moved to its place, replacing a file of that name.
    """

    def __init__(self, work: Callable[[Path], None], replaced: tuple[str, ...] = (), label: str = "The background work",
                 expected: tuple[type[BaseException], ...] = ()):
        self._scratch = Path(tempfile.mkdtemp(prefix="catalogue-job-"))
        self._output, self._failure = self._scratch / "site", self._scratch / "failure.txt"
        self._output.mkdir()
        self._replaced = replaced
        # Frozen, the objects are left alone by the child's garbage collector, which would copy them.
        gc.collect()
        gc.freeze()
        context = multiprocessing.get_context("fork")
        self._process = context.Process(target=_run_child, args=(work, self._output, self._failure, label, (BackgroundJobError, *expected)), daemon=True)
        self._process.start()
        gc.unfreeze()

    def finish(self, site_dir: Path) -> None:
        """Wait for the work and move its files into `site_dir`; raises BackgroundJobError if it failed."""
        try:
            self._process.join()
            if self._failure.is_file() or self._process.exitcode != 0:
                problem = self._failure.read_text(encoding="utf-8") if self._failure.is_file() else ""
                raise BackgroundJobError(problem or f"The background work stopped (exit {self._process.exitcode}).")
            for name in self._replaced:
                if (self._output / name).exists():
                    shutil.rmtree(site_dir / name, ignore_errors=True)
                    shutil.move(str(self._output / name), str(site_dir / name))
            _move_tree(self._output, site_dir)
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def cancel(self) -> None:
        """Stop the work: the build it was for failed or was replaced."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        shutil.rmtree(self._scratch, ignore_errors=True)

    def left_nothing_behind(self) -> bool:
        return not self._process.is_alive() and not self._scratch.exists()


def _move_tree(source_dir: Path, target_dir: Path) -> None:
    for base, _, names in os.walk(source_dir):
        for name in names:
            source = os.path.join(base, name)
            target = os.path.join(target_dir, os.path.relpath(source, source_dir))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
