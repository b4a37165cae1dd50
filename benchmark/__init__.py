"""Measuring the catalogue's build at many practices against a bare MkDocs site.

`scripts/bench.py` is the command; this package holds its parts. Nothing
here imports MkDocs: every build runs as its own process, as people run it.
"""
