"""Files published beside the pages: open data (JSON, CSV, GeoJSON, Data
Package), feeds, sitemaps, link previews, permanent links and redirects,
and the manifest of every address the site has published.

Imports the model, reading and `catalogue.pages` (for addresses and page snippets).
"""
