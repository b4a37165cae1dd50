"""Pagefind's bundle made the same bytes from the same records.

Pagefind 1.5.2 gives two runs over the same records different files:

- it numbers pages in the order it walks the records folder, which is the
  order the file system lists them (on ext4, a hash of each name seeded per
  file system), so the page numbers, and every file holding them, depend
  on the machine;
- it writes each filter's values, and the list of filters in the
  language's `.pf_meta`, in the order of a randomly seeded hash map
  (`build_indexes` in pagefind/src/index/mod.rs; fixed upstream after
  1.5.2 by "completion of deterministic output", #1124, not yet released).

So the records are given to Pagefind one at a time in the order of their
paths, through its indexing service (which handles one request after
another, so that order is the page order), and the filter files and the
list of filters are then written again in sorted order, under names made
as Pagefind makes them (SHA-1 of the content). Everything else Pagefind
writes is already ordered by word or by page number.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
from pathlib import Path, PurePosixPath

ENTRY = "pagefind-entry.json"
# Every compressed Pagefind file is this signature and a CBOR document, gzipped.
SIGNATURE = b"pagefind_dcd"


class BundleFormatError(RuntimeError):
    """A file of the bundle is not what Pagefind 1.5 writes."""


def index_records(records: dict[str, str], output: Path) -> None:
    """Index `records` (HTML by the site path each stands for) into the bundle `output`."""
    with _Service() as service:
        index = service.ask({"type": "NewIndex", "config": None}, "NewIndex")["index_id"]
        for path in sorted(records):
            request = {"type": "AddFile", "index_id": index, "file_path": path, "url": None, "file_contents": records[path]}
            service.ask(request, "IndexedFile")
        # The files come back in the answer and are written here: Pagefind
        # 1.5.2 answers WriteFiles before its own writes are flushed, and ends
        # at once when its input ends (fixed upstream by #1272, unreleased).
        files = service.ask({"type": "GetFiles", "index_id": index}, "GetFiles")["files"]
    for file in files:
        path = PurePosixPath(file["path"])
        if path.is_absolute() or ".." in path.parts:
            raise BundleFormatError(f"Pagefind named a file outside its bundle: {file['path']}")
        target = output.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))
    normalise_bundle(output)


class _Service:
    """Pagefind's indexing service (`pagefind --service`), one request and its answer at a time.

    The protocol of its Python wrapper (base64 JSON messages, each followed
    by a comma), spoken directly: the wrapper waits a tenth of a second
    before reading each answer, which would make a large catalogue's index
    take minutes.
    """

    def __init__(self):
        from pagefind.service import get_executable

        executable = get_executable()
        if executable is None:
            raise FileNotFoundError("Pagefind's binary was not found (pagefind[bin] installs it)")
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._message = 0
        self._buffer = b""

    def __enter__(self) -> "_Service":
        return self

    def __exit__(self, *exc) -> None:
        self._process.stdin.close()  # the service ends when its input ends
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        self._process.stderr.close()

    def ask(self, payload: dict, answer_type: str) -> dict:
        self._message += 1
        request = {"message_id": self._message, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
        self._process.stdin.flush()
        while b"," not in self._buffer:
            chunk = self._process.stdout.read1(1 << 16)
            if not chunk:
                raise RuntimeError(f"Pagefind's service stopped: {self._process.stderr.read().decode(errors='replace')}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b",", 1)
        answer = json.loads(base64.b64decode(message))
        if answer.get("message_id") != self._message or answer["payload"]["type"] != answer_type:
            raise RuntimeError(f"Pagefind's service answered {answer['payload']} to {payload['type']}")
        return answer["payload"]


def pagefind_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1, each byte in hex without a leading zero (`{:x?}`)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def read_compressed(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name} does not start with Pagefind's signature")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError(f"{path.name} has bytes after its CBOR document")
    return value


def compressed(value) -> tuple[bytes, bytes]:
    """(the CBOR document, the file's bytes): gzip without a name or a date, as Pagefind writes."""
    document = _encode(value)
    return document, gzip.compress(SIGNATURE + document, compresslevel=9, mtime=0)


def normalise_bundle(bundle: Path) -> None:
    """Sort each filter's values and each language's list of filters, renaming what changed."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = read_compressed(meta_path)
        # MetaIndex: [version, pages, index_chunks, filters, sorts, meta_fields]; a filter is [name, hash].
        filters = []
        for name, old_hash in meta[3]:
            filters.append([name, _normalise_filter(bundle / "filter", old_hash, language)])
        meta[3] = sorted(filters)
        document, data = compressed(meta)
        new_hash = f"{language}_{pagefind_hash(document)[: len(language) + 8]}"
        meta_path.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(data)
        about["hash"] = new_hash
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _normalise_filter(folder: Path, old_hash: str, language: str) -> str:
    path = folder / f"{old_hash}.pf_filter"
    # FilterIndex: [filter, values]; a value is [value, pages].
    index = read_compressed(path)
    index[1] = sorted(index[1], key=lambda value: value[0])
    document, data = compressed(index)
    new_hash = f"{language}_{pagefind_hash(document)}"[: len(language) + 8]
    target = folder / f"{new_hash}.pf_filter"
    if target != path and target.exists() and target.read_bytes() != data:
        raise BundleFormatError(f"two filters of {language} would be named {target.name}")
    os.remove(path)
    target.write_bytes(data)
    return new_hash


# The CBOR that minicbor writes for Pagefind's structures: unsigned integers,
# text strings and definite-length arrays, each in its shortest form.
def _decode(data: bytes, at: int):
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise BundleFormatError(f"unexpected CBOR item {data[at - 1]:#x}")
    if major == 0:
        return argument, at
    if major == 3:
        return data[at : at + argument].decode("utf-8"), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise BundleFormatError(f"unexpected CBOR major type {major}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise BundleFormatError(f"{argument} is too large for CBOR")


def _encode(value) -> bytes:
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise BundleFormatError(f"cannot encode {type(value).__name__}")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)
