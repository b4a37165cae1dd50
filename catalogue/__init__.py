"""The catalogue of good practices of library cooperation.

A plain Python package: it loads the entries, validates them, builds the
model and renders it to Markdown pages and open data. It knows nothing of
the site engine; `hooks/catalogue_hook.py` adapts it to MkDocs.
"""
