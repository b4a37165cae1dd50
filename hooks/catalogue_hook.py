"""MkDocs adapter for the catalogue: all the work happens in `catalogue/`.

static-i18n builds once per language and runs every event each time, so
each handler here is idempotent and cheap when called again.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from catalogue import site, vocabularies  # noqa: E402
from catalogue.errors import InvalidCatalogue  # noqa: E402
from catalogue.generate import generate_docs  # noqa: E402
from catalogue.interface import word  # noqa: E402

_dates: dict[str, str | None] = {}


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return (i18n and i18n.current_language) or vocabularies.default_language()


def on_config(config):
    try:
        catalogue = generate_docs(ROOT, Path(config.docs_dir))
    except InvalidCatalogue as invalid:
        raise Abort("The entries are invalid; nothing was built.\n" + invalid.report())
    _dates["newest"] = max((practice.updated for practice in catalogue.practices), default=None)
    language = _language(config)
    config.site_name = word("site_name", language)
    config.nav = [site.nav_file(page) for page in site.top_pages()]
    # Every language build writes the site-wide 404.html; only the default
    # language's may, or the page would speak whichever language came last.
    if language == vocabularies.default_language():
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config


def on_page_markdown(markdown, page, config, files):
    # MkDocs dates every page (and the gzip header of sitemap.xml.gz) with
    # the day of the build; the entries' dates keep two builds identical.
    updated = page.meta.get("updated") or _dates.get("newest")
    if updated:
        page.update_date = str(updated)
    return markdown


def on_template_context(context, template_name, config):
    # The 404 page belongs to no page: its language switcher leads to the
    # language homes, not to the alternates of the last page rendered.
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n and i18n.extra_alternate:
        config.extra["alternate"] = copy.deepcopy(i18n.extra_alternate)
    return context

