"""The search: the words of a practice folded and stemmed, its facets,
the Pagefind index and the search page.

Imports the model, reading and `catalogue.pages` (for addresses and result snippets).
"""
