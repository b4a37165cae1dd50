"""Compare two built sites file by file: the same pages, whatever built them.

    python scripts/compare_sites.py SITE_A SITE_B

prints every file that is missing from one site or differs between the two,
and exits with 1 when there is any. One thing is normalised, and only this:
the generator meta tag, which names the engine (`mkdocs-1.6.1` or
`properdocs-1.6.7`) when a theme writes one: it is left out of every page.
Every other file, the search index included (the catalogue makes it the same
byte for byte from one build to the next), is compared byte for byte.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*"\s*/?>')


def differences(site_a: Path, site_b: Path) -> list[str]:
    """The files that are missing from one site or differ, as `path: how`."""
    a, b = canonical(site_a), canonical(site_b)
    found = [f"{path}: only in {site_a}" for path in sorted(a.keys() - b.keys())]
    found += [f"{path}: only in {site_b}" for path in sorted(b.keys() - a.keys())]
    found += [f"{path}: differs" for path in sorted(a.keys() & b.keys()) if a[path] != b[path]]
    return sorted(found)


def canonical(site: Path) -> dict[str, bytes]:
    """Every file of `site` by its path, in the form that is compared."""
    files: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            name = path.relative_to(site).as_posix()
            data = path.read_bytes()
            files[name] = GENERATOR.sub(b"", data) if name.endswith(".html") else data
    return files


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    site_a, site_b = (Path(arg) for arg in argv)
    found = differences(site_a, site_b)
    for line in found:
        print(line)
    print(f"{len(found)} difference(s) between {site_a} and {site_b}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
