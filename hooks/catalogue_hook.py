"""MkDocs adapter for the catalogue: all the work happens in `catalogue/`.

static-i18n builds once per language and runs every event each time, so
each handler here is idempotent and cheap when called again.
"""

from __future__ import annotations

import copy
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from catalogue.background import BackgroundJobError
from catalogue.build import Build, site_settings
from catalogue.contributing.contributor_files import published_files
from catalogue.model import vocabularies
from catalogue.model.errors import InvalidCatalogue
from catalogue.pages.sanitise import UnmarkedBody, sanitise_page
from catalogue.publishing.sitemaps import split_sitemap

ROOT = Path(__file__).resolve().parent.parent
# The build of the site being made; `mkdocs serve` keeps it from one rebuild to the next.
_build: Build | None = None


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
    global _build
    # The pages of every language are written in the first pass of a build;
    # checking thousands of entries again for each language would be wasted.
    if not _other_language_pass(config):
        if not config.site_url:
            raise Abort("Set site_url in mkdocs.yml: permanent links and shared pages need the full address.")
        wanted = Build(ROOT, Path(config.docs_dir), config.site_url, only=_preview(config))
        if _build is None or _build.settings() != wanted.settings():
            if _build is not None:
                _build.cancel()
            _build = wanted
        try:
            _build.prepare()
        except InvalidCatalogue as invalid:
            raise Abort("The entries are invalid; nothing was built.\n" + invalid.report())
    lang = _language(config)
    settings = site_settings(lang)
    config.site_name = settings["site_name"]
    config.extra["catalogue_feed"] = settings["feed"]
    config.extra["catalogue_search"] = settings["search"]  # the header's search box (overrides/partials/header.html)
    # The footer (overrides/partials/catalogue-footer.html), with the editors' address of mkdocs.yml.
    config.extra["catalogue_footer"] = {**settings["footer"], "email": config.extra.get("catalogue_editors")}
    config.nav = settings["nav"]
    # Every language build writes the site-wide 404.html; only the default
    # language's may, or the page would speak whichever language came last.
    if lang == vocabularies.default_language():
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config


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
        _build.finish(Path(config.site_dir))
    except BackgroundJobError as failure:
        raise Abort(str(failure))


def on_build_error(error):
    if _build is not None:
        _build.cancel()


def on_page_markdown(markdown, page, config, files):
    # Dates come from the entries, never from the clock: the sitemap and its
    # archive stay the same from one build to the next.
    page.update_date = str(page.meta.get("updated") or _build.last_updated)
    return markdown


def on_page_content(html, page, config, files):
    # A practice body's HTML passes an allow-list sanitiser, whatever the validator let through.
    practice = _build.catalogue.by_slug.get(page.url.rstrip("/").rsplit("/", 1)[-1]) if _build and _build.catalogue else None
    try:
        return sanitise_page(html, page.url, practice.images if practice else ())
    except UnmarkedBody as error:
        raise Abort(str(error))


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


def on_env(env, config, files):
    # Material's templates indent their block tags; each such line would
    # reach every page as spaces. Stripped, only the line breaks stay: a
    # run of white space is never removed, so pages render as before.
    env.lstrip_blocks = True
    return env
