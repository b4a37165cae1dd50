"""The single definitions in `catalogue/data/`, each read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def data_file(name: str) -> dict:
    """The YAML file `catalogue/data/<name>` as plain data (read once; do not change it)."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
