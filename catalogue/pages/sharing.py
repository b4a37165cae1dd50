"""What a page tells browsers, search engines and link previews about itself.

Each generated page carries a `head` mapping in its front matter; the
theme prints it (escaped) into the HTML head: the canonical address, the
same page in the other languages, Open Graph and Twitter card tags, and
for a practice a schema.org description as JSON-LD.
"""

from __future__ import annotations

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.licence import DATA_LICENSE
from catalogue.model.interface import word
from catalogue.model.practice import Practice

LICENSE_URL = DATA_LICENSE["url"]


def page_head(page: str, lang: str, title: str, description: str, base_url: str, x_default: str | None = None) -> dict:
    """The head of a page that exists in every language; `x_default` is the language for everyone else."""
    url = urls.absolute(base_url, urls.in_language(page, lang))
    languages = vocabularies.languages()
    alternates = [{"hreflang": other, "href": urls.absolute(base_url, urls.in_language(page, other))} for other in languages]
    default = x_default or vocabularies.default_language()
    alternates.append({"hreflang": "x-default", "href": urls.absolute(base_url, urls.in_language(page, default))})
    return {
        "canonical": url,
        "alternates": alternates,
        "properties": [
            ["og:type", "website"],
            ["og:site_name", word("site_name", lang)],
            ["og:title", title],
            ["og:description", description],
            ["og:url", url],
            ["og:locale", word("og_locale", lang)],
            *(["og:locale:alternate", word("og_locale", other)] for other in languages if other != lang),
        ],
        "names": [["twitter:card", "summary"], ["twitter:title", title], ["twitter:description", description]],
    }


def _place(practice: Practice) -> dict:
    place = {"@type": "Place", "name": practice.place, "address": {"@type": "PostalAddress", "addressLocality": practice.place}}
    if practice.region:
        place["address"]["addressRegion"] = practice.region
    if len(practice.countries) == 1:
        place["address"]["addressCountry"] = practice.countries[0]
    if practice.location:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": practice.location["lat"], "longitude": practice.location["lon"]}
    return place


def practice_jsonld(practice: Practice, lang: str, base_url: str) -> dict:
    """schema.org: the page describes a practice, an event or a project run by libraries."""
    text = practice.text(lang)
    url = urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), lang))
    activity = {
        "@type": "Event" if practice.type == "event" else "Project",
        "name": text.title,
        "location": _place(practice),
        "organizer": [
            {"@type": "Library", "name": library.name, **({"url": library.url} if library.url else {})}
            for library in practice.libraries
        ],
    }
    if practice.started is not None:
        activity["startDate"] = str(practice.started)
    if practice.ended is not None:
        activity["endDate"] = str(practice.ended)
    return {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": text.title,
        "description": text.summary,
        "inLanguage": practice.shown_language(lang),
        "license": LICENSE_URL,
        "dateModified": practice.updated,
        "isPartOf": {"@type": "WebSite", "name": word("site_name", lang), "url": urls.absolute(base_url, urls.in_language("", lang))},
        "about": activity,
        **({"keywords": practice.topics} if practice.topics else {}),
    }


def practice_head(practice: Practice, lang: str, base_url: str) -> dict:
    text = practice.text(lang)
    head = page_head(urls.practice_page(practice.slug), lang, text.title, text.summary, base_url, practice.original_language)
    head["properties"][0] = ["og:type", "article"]
    head["properties"].append(["article:modified_time", practice.updated])
    if practice.images:
        image = urls.absolute(base_url, urls.practice_page(practice.slug) + practice.images[0])
        head["properties"].append(["og:image", image])
        head["names"][0] = ["twitter:card", "summary_large_image"]
        head["names"].append(["twitter:image", image])
    head["jsonld"] = practice_jsonld(practice, lang, base_url)
    return head


def image_files(practices: list[Practice], entries_dir) -> dict[str, bytes]:
    """A practice's images, published next to its page in the default language."""
    return {
        urls.practice_page(practice.slug) + name: (entries_dir / practice.slug / name).read_bytes()
        for practice in practices
        for name in practice.images
    }
