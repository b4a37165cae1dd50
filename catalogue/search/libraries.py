"""Libraries as a second kind of search result.

The practices' index (Pagefind) holds practices only; the libraries are few
enough to travel as one small file, `search/libraries.json`, that the search
page fetches after its first results and matches in the browser with the
same folding and stemming as the index (docs/assets/search/libraries.js).
"""

from __future__ import annotations

import json

from catalogue.model import vocabularies
from catalogue.model.glossary import place_name
from catalogue.model.libraries import library_records
from catalogue.model.practice import Catalogue

FILE = "search/libraries.json"


def library_search_file(catalogue: Catalogue) -> str:
    """Every library: its address, name, country, place in each language and number of practices."""
    records = [
        {
            "slug": record.slug,
            "name": record.name,
            "country": record.country,
            "place": {lang: place_name(record.place, lang) for lang in vocabularies.languages()},
            "practices": len(record.practices),
        }
        for record in library_records(catalogue)
    ]
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
