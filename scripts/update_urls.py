#!/usr/bin/env python3
"""Record the site's published addresses in urls.txt.

    python scripts/update_urls.py                  # build the site, then record
    python scripts/update_urls.py --site site      # record an existing build
    python scripts/update_urls.py --check          # only report, change nothing

New addresses are added. An address the build no longer publishes is
reported and the manifest is left unchanged (exit status 1), unless
--allow-removal says that losing it is intended.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from catalogue.publishing.url_manifest import (
    MANIFEST,
    lost_message,
    lost_urls,
    manifest_text,
    published_urls,
    read_manifest,
    unrecorded_urls,
)


def build(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site to read (default: build one now)")
    parser.add_argument("--manifest", type=Path, default=ROOT / MANIFEST)
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("--allow-removal", action="store_true", help="drop addresses the build no longer has")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as temporary:
        site = args.site
        if site is None:
            site = Path(temporary) / "site"
            build(site)
        published = published_urls(site)
    recorded = read_manifest(args.manifest)
    lost, added = lost_urls(recorded, published), unrecorded_urls(recorded, published)
    for url in lost:
        print(lost_message(url))
    for url in added:
        print(f"{url}: new address")
    if args.check:
        return 1 if lost or added else 0
    if lost and not args.allow_removal:
        print(f"{MANIFEST} left unchanged: {len(lost)} address(es) would be lost")
        return 1
    kept = published if args.allow_removal else sorted(set(recorded) | set(published))
    args.manifest.write_text(manifest_text(kept), encoding="utf-8")
    print(f"{MANIFEST}: {len(kept)} addresses ({len(added)} new, {len(lost) if args.allow_removal else 0} removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
