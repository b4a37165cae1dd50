"""MkDocs adapter for the catalogue: all the work happens in `catalogue/`.

static-i18n builds once per language and runs every event each time, so
each handler here is idempotent and cheap when called again.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from catalogue import site, vocabularies  # noqa: E402
from catalogue.contributor_files import published_files  # noqa: E402
from catalogue.errors import InvalidCatalogue  # noqa: E402
from catalogue.feeds import feed_link  # noqa: E402
from catalogue.generate import generate_docs, site_files  # noqa: E402
from catalogue.interface import word  # noqa: E402
from catalogue.search_index import SearchIndexError, SearchIndexJob  # noqa: E402
from catalogue.sitemaps import split_sitemap  # noqa: E402


_state: dict = {}


class Download(File):
    """A file offered as it is, at its repository path: a Markdown template too."""

    def is_documentation_page(self) -> bool:
        return False


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return (i18n and i18n.current_language) or vocabularies.default_language()


def _other_language_pass(config) -> bool:
    """True while static-i18n re-runs the build for its other languages."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def _preview(config) -> str | None:
    """The one practice a preview (scripts/preview.py) builds, named in extra.catalogue_preview."""
    return (config.extra or {}).get("catalogue_preview")


def on_config(config):
    # The pages of every language are written in the first pass of a build;
    # checking thousands of entries again for each language would be wasted.
    if not _other_language_pass(config):
        if not config.site_url:
            raise Abort("Set site_url in mkdocs.yml: permanent links and shared pages need the full address.")
        _cancel_jobs()
        url = config.site_url

        def start_beside(catalogue):
            # Made from the model while MkDocs renders the pages: on_post_build collects them.
            _state["search_index"] = SearchIndexJob(catalogue, files=lambda: site_files(catalogue, url))

        try:
            _state["catalogue"] = generate_docs(ROOT, Path(config.docs_dir), url, only=_preview(config), on_loaded=start_beside)
        except InvalidCatalogue as invalid:
            raise Abort("The entries are invalid; nothing was built.\n" + invalid.report())
        if "search_index" not in _state:  # nothing changed since the last build: the catalogue was kept
            start_beside(_state["catalogue"])
    catalogue = _state["catalogue"]
    lang = _language(config)
    _state["last_updated"] = catalogue.last_updated()
    config.site_name = word("site_name", lang)
    config.extra["catalogue_feed"] = feed_link(lang)
    config.nav = [site.nav_file(page) for page in site.top_pages()]
    # Every language build writes the site-wide 404.html; only the default
    # language's may, or the page would speak whichever language came last.
    if lang == vocabularies.default_language():
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    # The header's search box (overrides/partials/header.html).
    config.extra["catalogue_search"] = {
        "url": site.in_language(site.SEARCH, lang),
        "label": word("search.label", lang),
        "placeholder": word("search.placeholder", lang),
        "button": word("search.button", lang),
    }
    config.extra["catalogue_footer"] = _footer(lang, config.extra.get("catalogue_editors"))
    return config


# Open data at the site's root, as the footer links it (overrides/partials/catalogue-footer.html).
DOWNLOADS = (
    ("JSON", "catalogue.json", "application/json"),
    ("CSV", "catalogue.csv", "text/csv"),
    ("GeoJSON", "catalogue.geojson", "application/geo+json"),
)


def _footer(lang: str, editors: str | None) -> dict:
    # The theme's `url` filter links from the language's root; the data sit at the site's.
    up = "" if lang == vocabularies.default_language() else "../"
    feed = feed_link(lang)["href"]
    words = {key: word(f"footer.{key}", lang) for key in ("label", "licence", "data", "repository", "write", "credit")}
    return {
        **words,
        "lang": lang,
        "feed": feed.removeprefix(f"{lang}/") if up else feed,
        "feed_label": word("footer.feed", lang),
        "downloads": [(name, up + path, kind) for name, path, kind in DOWNLOADS],
        "email": editors,
    }


def on_files(files, config):
    # Outside docs_dir, so static-i18n keeps them once, at the site root.
    for name in published_files(ROOT):
        if files.get_file_from_path(name) is None:
            # Included outright: MkDocs would otherwise skip a folder named templates/.
            download = Download(name, str(ROOT), config.site_dir, config.use_directory_urls)
            download.inclusion = InclusionLevel.INCLUDED
            files.append(download)
    return files


# After static-i18n's own on_post_build (-100), which builds the other
# languages: the outermost call comes last, when the whole site is there.
@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    split_sitemap(Path(config.site_dir), config.site_url, vocabularies.languages()[1:])
    try:
        _state.pop("search_index").finish(Path(config.site_dir))
    except SearchIndexError as failure:
        raise Abort(str(failure))


def _cancel_jobs() -> None:
    job = _state.pop("search_index", None)
    if job is not None:
        job.cancel()


def on_build_error(error):
    _cancel_jobs()


def on_page_markdown(markdown, page, config, files):
    # Dates come from the entries, never from the clock: the sitemap and its
    # archive stay the same from one build to the next.
    page.update_date = str(page.meta.get("updated") or _state["last_updated"])
    return markdown


def on_post_page(output, page, config):
    # static-i18n keeps every page of every language until the sitemap is
    # written; with thousands of practices their Markdown and HTML would fill
    # the memory. The sitemap needs only addresses, dates and alternates;
    # the navigation of later pages the title (empty, not None: MkDocs reads
    # None as "not read yet" and would give no title).
    page.markdown = ""
    page.content = ""
    head = page.meta.get("head")
    if head:
        page.meta["head"] = {"alternates": head.get("alternates", [])}
    return output


def on_template_context(context, template_name, config):
    # The 404 page belongs to no page: its language switcher leads to the
    # language homes, not to the alternates of the last page rendered.
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n and i18n.extra_alternate:
        config.extra["alternate"] = copy.deepcopy(i18n.extra_alternate)
    return context
