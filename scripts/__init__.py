"""Command-line tools of the catalogue; each is also installed as a `catalogue-…` command."""
