"""The published addresses, recorded so that none is ever lost.

`urls.txt` lists every address the site has published, one per line,
relative to the site root. A build may add addresses (then the list is
updated with `make urls`), but one that drops a recorded address breaks
links in programmes, slides and handouts: rename with `aliases` instead,
and the old address answers with a redirect.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.model.vocabularies import languages

MANIFEST = "urls.txt"
HEADER = (
    "# Every address the catalogue has published, relative to the site root.\n"
    "# Update with `make urls`; a build that drops one of them fails the tests.\n"
)
# The theme's own files: renamed by every theme release, never linked to from outside.
# Theme files and the search index's chunks (named by content hash) are
# not addresses anyone links to; the search pages themselves are.
NOT_ADDRESSES = ("assets", "pagefind")


def _not_an_address(name: str) -> bool:
    parts = name.split("/")
    return parts[0] in NOT_ADDRESSES or (parts[0] in languages() and len(parts) > 1 and parts[1] in NOT_ADDRESSES)


def published_urls(site_dir: Path) -> list[str]:
    """Every address in a built site: pages as their folder ("/pl/"), other files by name."""
    urls = []
    for path in site_dir.rglob("*"):
        name = path.relative_to(site_dir).as_posix()
        if not path.is_file() or _not_an_address(name):
            continue
        urls.append("/" + (name.removesuffix("index.html") if path.name == "index.html" else name))
    return sorted(urls)


def read_manifest(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def manifest_text(urls: list[str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


def lost_urls(recorded: list[str], published: list[str]) -> list[str]:
    """Recorded addresses the build no longer publishes."""
    return sorted(set(recorded) - set(published))


def unrecorded_urls(recorded: list[str], published: list[str]) -> list[str]:
    return sorted(set(published) - set(recorded))


def lost_message(url: str) -> str:
    return (
        f"{url}: published before ({MANIFEST}) but missing from this build; "
        "keep the address: list a renamed practice's old slug in its aliases"
    )
