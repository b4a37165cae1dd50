"""`make build` replaces site/ in one step: killed at any moment, it leaves the old complete site or the new one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

FILES = 1_000  # enough that deleting a site takes a while


def write_site(folder: Path, marker: str, files: int = FILES) -> None:
    for number in range(files):
        path = folder / f"page-{number // 100}" / f"{number}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(marker, encoding="utf-8")
    (folder / "index.html").write_text(marker, encoding="utf-8")


def state(site: Path) -> str:
    """'old' or 'new' when `site` is one complete site; otherwise what is wrong with it."""
    if not site.is_dir():
        return "missing"
    files = [path for path in site.rglob("*") if path.is_file()]
    markers = {path.read_text(encoding="utf-8") for path in files}
    if len(files) != FILES + 1 or len(markers) != 1:
        return f"partial ({len(files)} files, {sorted(markers)})"
    return markers.pop()


def killed_after(command: list[str], cwd: Path, delay: float) -> int | None:
    """Run `command`, SIGKILL its whole process group after `delay` seconds; its exit code if it ended first."""
    process = subprocess.Popen(command, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


DELAYS = (0.0, 0.01, 0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 10.0)


def test_the_swap_killed_at_any_moment_leaves_a_complete_site(tmp_path: Path):
    seen = set()
    for delay in DELAYS:
        shutil.rmtree(tmp_path / "build", ignore_errors=True)
        shutil.rmtree(tmp_path / "site", ignore_errors=True)
        write_site(tmp_path / "site", "old")
        write_site(tmp_path / "build" / "site.new", "new")
        command = [sys.executable, str(ROOT / "scripts" / "swap_site.py"), "build/site.new", "site"]
        code = killed_after(command, tmp_path, delay)
        result = state(tmp_path / "site")
        assert result in ("old", "new"), f"killed after {delay}s: site/ is {result}"
        leftover = tmp_path / "build" / "site.new"
        seen.add((result, code is None and leftover.exists()))
        if code is not None:
            assert code == 0 and result == "new" and not leftover.exists()
    # Some kills fell before the swap, and the run left alone finished it.
    assert ("old", True) in seen and ("new", False) in seen


FAKE_MKDOCS = """#!/bin/sh
# A site engine that takes a while and writes {files} pages into the folder after -d.
while [ "$1" != "-d" ]; do shift; done
sleep 0.3
exec {python} -c '
import sys
from pathlib import Path
out = Path(sys.argv[1])
for number in range({files}):
    path = out / f"page-{{number // 100}}" / f"{{number}}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("new", encoding="utf-8")
(out / "index.html").write_text("new", encoding="utf-8")
' "$2"
"""


def test_make_build_killed_at_any_moment_leaves_a_complete_site(tmp_path: Path):
    """The Makefile's own recipe, with a site engine that writes slowly, killed at several moments."""
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "swap_site.py", tmp_path / "scripts" / "swap_site.py")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    mkdocs = venv / "bin" / "mkdocs"
    mkdocs.write_text(FAKE_MKDOCS.format(files=FILES, python=sys.executable), encoding="utf-8")
    mkdocs.chmod(0o755)
    for name in ("requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    time.sleep(0.01)
    (venv / ".site-installed").touch()
    (tmp_path / "build" / "docs").mkdir(parents=True)
    command = ["make", "--no-print-directory", "build", f"VENV={venv}"]
    results = []
    for delay in (0.1, 0.4, 0.8, 1.2, 1.6, 2.0, 60.0):
        shutil.rmtree(tmp_path / "site", ignore_errors=True)
        write_site(tmp_path / "site", "old")
        code = killed_after(command, tmp_path, delay)
        result = state(tmp_path / "site")
        assert result in ("old", "new"), f"make build killed after {delay}s: site/ is {result}"
        results.append(result)
    assert code == 0 and results[0] == "old" and results[-1] == "new"


def test_the_make_recipe_touches_site_only_through_the_swap(tmp_path: Path):
    """What `make build` would run: no command but the swap removes, moves or writes site/."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "-W", "requirements.txt", "build", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    commands = [command.strip() for line in result.stdout.splitlines() for command in line.split("&&")]
    changing = ("rm", "mv", "cp", "ln", "rsync", "mkdir")
    touching = [command for command in commands if command.split()[:1] and command.split()[0] in changing
                and any(word in ("site", "site/", "./site") for word in command.split())]
    assert any(command.endswith("scripts/swap_site.py build/site.new site") for command in commands), result.stdout
    assert touching == [], result.stdout
