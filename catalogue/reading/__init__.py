"""Reading entry files as plain data: safe YAML, front matter and body,
entry folders, and `entries/libraries.yml`.

Imports only `catalogue.model`.
"""
