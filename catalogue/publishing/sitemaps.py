"""The site's sitemaps: every page in `sitemap-pages.xml`, a small index in `sitemap.xml`.

The theme's script downloads `sitemap.xml` beside every `<link
rel="alternate">` of a page, the language feeds included, on every page
view. A sitemap of every page grows with the catalogue (megabytes at a few
thousand practices), so `sitemap.xml` is a sitemap index (the form search
engines read for large sites) naming `sitemap-pages.xml`; the theme finds
no pages in it and downloads a few hundred bytes.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path
from xml.sax.saxutils import escape

from catalogue.pages import urls

INDEX = "sitemap.xml"
PAGES = "sitemap-pages.xml"


def sitemap_index(base_url: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"    <sitemap><loc>{escape(urls.absolute(base_url, PAGES))}</loc></sitemap>\n"
        "</sitemapindex>\n"
    )


def split_sitemap(site_dir: Path, base_url: str, languages: list[str]) -> None:
    """Move the engine's full sitemap to `sitemap-pages.xml`; put the index in the root and each language root."""
    full = site_dir / INDEX
    if not full.is_file():
        return
    full.replace(site_dir / PAGES)
    index = sitemap_index(base_url).encode("utf-8")
    for folder in [site_dir, *(site_dir / lang for lang in languages)]:
        if folder.is_dir():
            (folder / INDEX).write_bytes(index)
    archive = site_dir / (INDEX + ".gz")
    # The engine dated its archive from the entries (not the clock): keep that date.
    mtime = struct.unpack("<I", archive.read_bytes()[4:8])[0] if archive.is_file() else 0
    archive.write_bytes(gzip.compress(index, mtime=mtime))
