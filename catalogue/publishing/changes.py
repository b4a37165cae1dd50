"""Which entries changed against a git base: what a pull request touches."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

DEFAULT_BASES = ("origin/main", "main")


class GitError(Exception):
    """git could not answer; the message says why."""


class UnknownBase(GitError):
    """The base to compare with is not a commit of this clone."""

    def __init__(self, base: str | None):
        super().__init__(base or "")
        self.base = base  # None: no default base exists


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"git {args[0]} failed")
    return result.stdout


def default_base(root: Path) -> str:
    """origin/main when the clone has it (CI, forks), else main."""
    _git(root, "rev-parse", "--show-toplevel")  # not a git clone: git's own message
    for base in DEFAULT_BASES:
        if _is_commit(root, base):
            return base
    raise UnknownBase(None)


def _is_commit(root: Path, name: str) -> bool:
    try:
        _git(root, "rev-parse", "--verify", "--quiet", name + "^{commit}")
    except GitError:
        return False
    return True


def changed_files(root: Path, base: str) -> list[str]:
    """Files changed since `base` forked off: committed, staged, unstaged and new."""
    _git(root, "rev-parse", "--show-toplevel")  # not a git clone: git's own message
    if not _is_commit(root, base):
        raise UnknownBase(base)
    fork_point = _git(root, "merge-base", base, "HEAD").strip()
    # -z: names as they are, not quoted ("entries/Noc_v_Knihovn\\304\\233")
    changed = _git(root, "diff", "-z", "--name-only", "--no-renames", fork_point).split("\0")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard").split("\0")
    return sorted(set(changed) | set(untracked) - {""})


def changed_slugs(root: Path, entries_dir: Path, base: str) -> set[str]:
    """Slugs of the practices with a changed (or deleted) file below `entries_dir`."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    prefix = PurePosixPath(entries_dir.resolve().relative_to(top.resolve()).as_posix())
    slugs = set()
    for name in changed_files(top, base):
        path = PurePosixPath(name)
        if prefix in path.parents:
            slugs.add(path.relative_to(prefix).parts[0])
    return slugs
