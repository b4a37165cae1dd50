"""Tools for contributors: a new entry from questions, flags, a spreadsheet
or an issue form, a translation prefilled from the original, and the
generated schema, templates and issue form.

Imports the model, reading and checks; never the pages.
"""
