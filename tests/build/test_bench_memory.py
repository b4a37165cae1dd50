"""The benchmark's memory figure counts child processes too."""

from __future__ import annotations

import subprocess
import sys

from benchmark.memory import TreeMemorySampler, tree_resident

HOLD = "import sys, time; block = bytearray(80_000_000); block[::4096] = b'x' * len(block[::4096]); print('ready', flush=True); time.sleep(3)"


def test_memory_of_a_grandchild_is_counted():
    # A child that starts a grandchild holding 80 MB: the tree's sum includes it.
    parent = subprocess.Popen(
        [sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD!r}])"],
        stdout=subprocess.PIPE, text=True,
    )
    sampler = TreeMemorySampler(parent.pid)
    assert parent.stdout.readline().strip() == "ready"
    now = tree_resident(parent.pid)
    parent.wait()
    assert now > 80_000_000
    assert sampler.stop() > 80_000_000
