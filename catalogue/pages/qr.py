"""QR codes of permanent links, drawn at build time as inline SVG."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup


# Every language's page of a practice shows the same code: drawn once.
@lru_cache(maxsize=20_000)
def qr_svg(url: str) -> Markup:
    """A scalable QR code of `url`: black modules on white, the quiet zone included."""
    # A fixed mask: choosing the best of the eight is most of segno's work
    # (five times the rest), and any mask gives a standard, readable code.
    code = segno.make(url, error="m", micro=False, mask=0)
    return Markup(
        code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff", svgclass="qr-code", lineclass=None, title=url)
    )
