"""The licence of the catalogue's data and texts, named in every published file."""

DATA_LICENSE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
