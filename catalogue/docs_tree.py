"""Keeping a folder identical to a set of files, touching only what changed.

The site engine watches the folder it builds from: rewriting an unchanged
file would make it rebuild again and again.
"""

from __future__ import annotations

from pathlib import Path


def authored_files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its relative POSIX path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def sync_folder(target: Path, files: dict[str, bytes | str]) -> int:
    """Make `target` hold exactly `files`; returns how many files were written."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = target / name
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for path in sorted(target.rglob("*"), reverse=True):
        name = path.relative_to(target).as_posix()
        if path.is_file() and name not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written
