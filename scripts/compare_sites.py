"""Compare two built sites file by file: the same pages, whatever built them.

    python scripts/compare_sites.py SITE_A SITE_B

prints every file that is missing from one site or differs between the two,
and exits with 1 when there is any. Two things are normalised, and only these:

- the generator meta tag, which names the engine (`mkdocs-1.6.1` or
  `properdocs-1.6.7`) when a theme writes one: it is left out of every page;
- the names Pagefind gives its search index files. Pagefind writes the values
  of each search filter in hash-map order, different in every run, and names
  a filter file, the language's metadata file (which lists the filters in
  hash-map order too) and its line in pagefind-entry.json after hashes of
  those bytes. The filter files are
  therefore compared decoded, with their values sorted, and each name that is
  a hash is replaced by what it names. Every other file of the search index
  (its fragments, word index, scripts, WebAssembly) is compared byte for byte.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*"\s*/?>')
PAGEFIND = "pagefind"
SIGNATURE = b"pagefind_dcd"


def differences(site_a: Path, site_b: Path) -> list[str]:
    """The files that are missing from one site or differ, as `path: how`."""
    a, b = canonical(site_a), canonical(site_b)
    found = [f"{path}: only in {site_a}" for path in sorted(a.keys() - b.keys())]
    found += [f"{path}: only in {site_b}" for path in sorted(b.keys() - a.keys())]
    found += [f"{path}: differs" for path in sorted(a.keys() & b.keys()) if a[path] != b[path]]
    return sorted(found)


def canonical(site: Path) -> dict[str, object]:
    """Every file of `site` by its path, in the form that is compared."""
    files: dict[str, object] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if name.split("/")[0] == PAGEFIND:
            continue
        data = path.read_bytes()
        files[name] = GENERATOR.sub(b"", data) if name.endswith(".html") else data
    if (site / PAGEFIND).is_dir():
        files.update(_search_index(site / PAGEFIND))
    return files


def _search_index(root: Path) -> dict[str, object]:
    filters = {path.stem: _sorted_filter(_decode(path.read_bytes())) for path in (root / "filter").glob("*.pf_filter")}

    def resolved(value):
        """`value` with every name of a filter file replaced by the file's content."""
        if isinstance(value, list):
            return [resolved(item) for item in value]
        if isinstance(value, dict):
            return {key: resolved(item) for key, item in value.items()}
        if isinstance(value, str) and value in filters:
            return filters[value]
        return value

    files: dict[str, object] = {}
    metas: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        if name.startswith("filter/") and name.endswith(".pf_filter"):
            continue  # compared where the metadata names them
        if name.endswith(".pf_meta"):
            # pagefind.<language>_<hash>.pf_meta
            language_hash = name.removeprefix("pagefind.").removesuffix(".pf_meta")
            meta = resolved(_decode(path.read_bytes()))
            # [version, pages, word index files, filters, sorts, ...]: the filters in hash-map order too.
            meta[3] = sorted(meta[3])
            metas[language_hash] = meta
            files[f"{PAGEFIND}/pagefind.{language_hash.rsplit('_', 1)[0]}.pf_meta"] = metas[language_hash]
        elif name != "pagefind-entry.json":
            files[f"{PAGEFIND}/{name}"] = path.read_bytes()
    entry = root / "pagefind-entry.json"
    if entry.is_file():
        index = json.loads(entry.read_text(encoding="utf-8"))
        for language in index.get("languages", {}).values():
            language["hash"] = metas.get(language.get("hash"), language.get("hash"))
        files[f"{PAGEFIND}/pagefind-entry.json"] = index
    return files


def _sorted_filter(chunk):
    """A filter file, [filter, [[value, pages], ...]], with its values in a fixed order."""
    name, values = chunk
    return [name, sorted(values)]


def _decode(data: bytes):
    """A Pagefind data file: gzip, a signature, then CBOR."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise ValueError("not a Pagefind data file")
    value, end = _cbor(raw, len(SIGNATURE))
    if end != len(raw):
        raise ValueError("trailing bytes after the CBOR value")
    return value


def _cbor(data: bytes, at: int):
    """The CBOR value at `at` and where it ends (the types Pagefind writes)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        number = info
    elif info <= 27:
        size = 1 << (info - 24)
        number = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR item {head:#x} at {at - 1} is not supported")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major in (2, 3):
        chunk = data[at : at + number]
        return (chunk if major == 2 else chunk.decode("utf-8")), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _cbor(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(number):
            key, at = _cbor(data, at)
            mapping[key], at = _cbor(data, at)
        return mapping, at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    raise ValueError(f"CBOR item {head:#x} at {at - 1} is not supported")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    site_a, site_b = (Path(arg) for arg in argv)
    found = differences(site_a, site_b)
    for line in found:
        print(line)
    print(f"{len(found)} difference(s) between {site_a} and {site_b}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
