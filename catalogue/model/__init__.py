"""What the catalogue is made of: a practice, its vocabularies and fields,
the JSON Schema of an entry, the glossary, interface words and messages.

It reads only the single definitions of `catalogue/data/` and imports no
other part of the catalogue; everything else builds on it.
"""
