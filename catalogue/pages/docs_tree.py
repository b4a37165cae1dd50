"""Keeping a folder identical to a set of files, touching only what changed.

The site engine watches the folder it builds from: rewriting an unchanged
file would make it rebuild again and again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path


def authored_files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its relative POSIX path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def _existing_files(target: str) -> tuple[dict[str, int], list[str]]:
    """Every file below `target` (relative POSIX name -> size) and every folder, deepest first."""
    files, folders = {}, []
    for base, dirs, names in os.walk(target):
        relative = os.path.relpath(base, target).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            files[prefix + name] = os.stat(os.path.join(base, name)).st_size
        folders.extend(os.path.join(base, folder) for folder in dirs)
    return files, sorted(folders, key=len, reverse=True)


def write_if_changed(root: str, name: str, content: bytes | str, size: int | None, made: set[str]) -> bool:
    """Write `content` to `root`/`name` unless the file (of `size` bytes, None if absent) holds it already."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = os.path.join(root, name)
    if size == len(data):
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with open(path, "wb") as handle:
        handle.write(data)
    return True


def sync_folder(
    target: Path,
    files: Mapping[str, bytes | str] | Iterable[tuple[str, bytes | str]],
    written_elsewhere: Callable[[], set[str]] = set,
) -> int:
    """Make `target` hold exactly `files` (name -> content, or such pairs); returns how many were written.

    `written_elsewhere`: the names of files another process writes into
    `target` at the same time; asked for (and waited for) before anything
    is deleted.
    """
    # os functions on strings, not pathlib: this runs for thousands of files per build.
    root = str(target)
    os.makedirs(root, exist_ok=True)
    existing, folders = _existing_files(root)
    made, wanted = set(), set()
    written = 0
    for name, content in files.items() if isinstance(files, Mapping) else files:
        wanted.add(name)
        written += write_if_changed(root, name, content, existing.get(name), made)
    wanted |= written_elsewhere()
    for name in existing.keys() - wanted:
        os.unlink(os.path.join(root, name))
    for folder in folders:
        if not os.listdir(folder):
            os.rmdir(folder)
    return written
