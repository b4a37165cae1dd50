"""Writing part of the generated pages in a forked child, on the other processor core.

Rendering thousands of pages is plain Python and uses one core; a child
forked after validation shares the catalogue already in memory and writes
its share of the pages while this process writes the rest.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from .docs_tree import write_if_changed

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
