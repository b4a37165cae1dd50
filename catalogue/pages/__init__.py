"""The site's pages as Markdown: practice, type, library and home pages,
their addresses (`urls`), paging, the citation box, QR codes, and the
generated docs tree the site engine reads.

Imports `catalogue.model`, `catalogue.reading` and `catalogue.checks`.
"""
