"""The browser helpers: without a browser, a skip locally and a failure in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import browser
from tests.browser import require_browser


def test_a_missing_chromium_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", Path("/nowhere/chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Browser tests cannot run: /nowhere/chromium is missing"):
        require_browser()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Browser tests skipped: /nowhere/chromium is missing"):
        require_browser()


def test_the_site_server_serves_a_folder(tmp_path: Path):
    import urllib.request

    (tmp_path / "index.html").write_text("<p>ahoj</p>", encoding="utf-8")
    with browser.SiteServer(tmp_path) as server:
        assert server.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url) as response:
            assert response.read() == b"<p>ahoj</p>"
