#!/usr/bin/env python3
"""Build and serve one practice only: its page in every language and the lists it appears in.

    make preview ENTRY=entries/kacik-malucha
    python scripts/preview.py entries/kacik-malucha [--port 8001]
    python scripts/preview.py entries/kacik-malucha --build-only DIR   # build into DIR, no server

A fraction of the full build: only that practice is validated and rendered
(its `related` links may name practices left out of the preview). The
server rebuilds when the entry changes. Messages follow --lang (default: the
system locale).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

from catalogue.model import messages, vocabularies
from catalogue.contributing.scaffold import locale_language


def preview_config(slug: str, folder: Path) -> dict:
    """The project's mkdocs.yml, building into `folder`, for the one practice `slug`."""
    return {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(folder / "docs"),
        "site_dir": str(folder / "site"),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "hooks" / "catalogue_hook.py")],
        "watch": [str(ROOT / "entries" / slug), str(ROOT / "docs"), str(ROOT / "catalogue")],
        "extra": {"catalogue_preview": slug},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("entry", help="the practice's folder, entries/<slug>")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--build-only", metavar="DIR", help="build the preview site into DIR and stop")
    parser.add_argument("--lang", choices=vocabularies.languages(), help="language of the messages")
    args = parser.parse_args(argv)
    folder = Path(args.entry.rstrip("/")).resolve()
    if folder.parent != ROOT / "entries" or not folder.is_dir() or folder.name.startswith("."):
        message = messages.render("preview-no-entry", {"path": args.entry}, args.lang or locale_language(), "tools")
        print(message, file=sys.stderr)
        return 2
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="preview-") as scratch:
        work = Path(scratch)
        (work / "docs").mkdir()
        config = work / "mkdocs.yml"
        config.write_text(yaml.safe_dump(preview_config(folder.name, work)), encoding="utf-8")
        mkdocs = [sys.executable, "-m", "mkdocs"]
        if args.build_only:
            command = [*mkdocs, "build", "--strict", "--quiet", "-f", str(config), "-d", str(Path(args.build_only).resolve())]
        else:
            command = [*mkdocs, "serve", "--strict", "-f", str(config), "-a", f"127.0.0.1:{args.port}"]
        process = subprocess.Popen(command, cwd=ROOT, env=env)
        # Stopped either way, the server stops too and the scratch folder goes.
        signal.signal(signal.SIGTERM, lambda *_: process.terminate())
        try:
            return process.wait()
        except KeyboardInterrupt:  # the server got the same Ctrl+C
            process.wait()
            return 0


if __name__ == "__main__":
    sys.exit(main())
