"""Every rule an entry must follow, each a small check that returns the
problems it finds as `path:line: message`; `validate` runs them all.

Imports `catalogue.model` and `catalogue.reading`.
"""
