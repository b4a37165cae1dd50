"""Peak memory of a process together with its child processes, sampled from /proc.

The kernel's own peak (`ru_maxrss`) is per process: it misses that the
search indexer runs beside the site build, and that both hold memory at
the same moment. Sampling the sum every few tenths of a second may miss a
short spike, so the report gives the larger of the two figures.
"""

from __future__ import annotations

import os
import threading

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
INTERVAL = 0.2  # seconds


def _parents() -> dict[int, int]:
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                    # The command name (field 2) may hold spaces; the fields after its ')' do not.
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                pass  # the process ended while we looked
    return parents


def _resident(pid: int) -> int:
    """The process's proportional share of memory (PSS): a page it shares with
    its parent (the forked indexer) counts half in each, not fully in both."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_resident(root: int) -> int:
    """Memory of `root` and all its descendants now, in bytes."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    total, waiting = 0, [root]
    while waiting:
        pid = waiting.pop()
        total += _resident(pid)
        waiting.extend(children.get(pid, []))
    return total


class TreeMemorySampler:
    """Samples `tree_resident(pid)` in a thread until stopped; `peak` is the largest sum seen."""

    def __init__(self, pid: int):
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(INTERVAL):
            self.peak = max(self.peak, tree_resident(self.pid))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak
