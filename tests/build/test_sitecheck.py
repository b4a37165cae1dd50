"""The site checks themselves, on a tiny hand-made site: each finds what it is meant to."""

from __future__ import annotations

from pathlib import Path

from tests.sitecheck import broken_links, cross_language_links, foreign_resources, missing_images

LANGUAGES = ("cs", "pl", "sk")


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html lang="cs"><head></head><body>{body}</body></html>', encoding="utf-8")


def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write(site, "index.html", '<a href="pl/">pl</a><img src="logo.png"><h2 id="a">A</h2>')
    write(site, "pl/index.html", '<div class="md-select"><a class="md-select__link" href="../">cs</a></div>')
    (site / "logo.png").write_bytes(b"\x89PNG")
    return site


def test_a_link_to_another_language_outside_the_switcher_is_found(tmp_path: Path):
    site = tiny_site(tmp_path)
    assert cross_language_links(site, LANGUAGES) == ["index.html: pl/"]
    write(site, "index.html", '<nav class="other-languages"><ul><li><a href="pl/">pl</a></li></ul></nav><a hreflang="pl" href="pl/">')
    write(site, "pl/index.html", '<div class="admonition fallback-notice"><p><a href="../">cs</a></p></div><p><a href="./">pl</a></p>')
    assert cross_language_links(site, LANGUAGES) == []


def test_a_missing_image_or_icon_is_found(tmp_path: Path):
    site = tiny_site(tmp_path)
    assert missing_images(site) == []
    write(site, "pl/index.html", '<link rel="icon" href="../favicon.png"><img src="../logo.png" srcset="../big.png 2x">')
    assert missing_images(site) == ["pl/index.html: ../favicon.png", "pl/index.html: ../big.png"]


def test_a_broken_anchor_is_found(tmp_path: Path):
    site = tiny_site(tmp_path)
    write(site, "pl/index.html", '<a href="../#a">ok</a><a href="../#b">broken</a>')
    assert broken_links(site) == ["pl/index.html: ../#b (no anchor)"]


def test_anything_fetched_from_another_origin_is_found(tmp_path: Path):
    site = tiny_site(tmp_path)
    write(
        site,
        "pl/index.html",
        '<a href="https://example.org/">a link is fine</a><link rel="license" href="https://example.org/l">'
        '<link rel="stylesheet" href="https://fonts.example/css"><script src="//cdn.example/x.js"></script>',
    )
    (site / "style.css").write_text("body{background:url(https://img.example/b.png)}", encoding="utf-8")
    assert foreign_resources(site) == [
        "pl/index.html: https://fonts.example/css",
        "pl/index.html: //cdn.example/x.js",
        "style.css: https://img.example/b.png",
    ]
