"""Reading the lock files (requirements*.txt, written by `make lock`) and their sources (*.in)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+?)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$")
HASH = re.compile(r"^\s+--hash=(sha256:[0-9a-f]{64})\s*\\?$")


@dataclass
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: list[str]

    def applies(self) -> bool:
        """True where the pin's environment marker holds here (or it has none)."""
        return self.marker is None or self.marker.evaluate()


def read_lock(path: Path) -> list[Pin]:
    """Every pin of a lock file, with its hashes; any other line is an error."""
    pins: list[Pin] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (pin := PIN.match(line)) is not None:
            marker = pin["marker"]
            pins.append(Pin(canonicalize_name(pin["name"]), pin["version"], Marker(marker) if marker else None, []))
        elif (digest := HASH.match(line)) is not None and pins:
            pins[-1].hashes.append(digest[1])
        else:
            raise AssertionError(f"{path.name}:{number}: neither a pin (name==version) nor a hash: {line!r}")
    return pins


def pins_here(path: Path) -> dict[str, Pin]:
    """The pins of a lock file that apply to this Python and platform, by package name."""
    found: dict[str, Pin] = {}
    for pin in read_lock(path):
        if pin.applies():
            assert pin.name not in found, f"{path.name}: {pin.name} is pinned twice for this environment"
            found[pin.name] = pin
    return found


def read_sources(path: Path) -> list[Requirement]:
    """The requirements a .in file states, its -r includes followed (-c constraints are not requirements)."""
    found: list[Requirement] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-c "):
            continue
        if line.startswith("-r "):
            found += read_sources(path.parent / line[3:].strip())
        else:
            found.append(Requirement(line))
    return found
