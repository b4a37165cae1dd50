#!/usr/bin/env python3
"""Put a freshly built site in place of the old one in one step.

    python scripts/swap_site.py build/site.new site

`site/` is at every moment either the old complete site or the new one,
however the process ends (SIGKILL, a CI timeout, a full disk): the two
folders are exchanged by one `renameat2(RENAME_EXCHANGE)` call, which
Linux does atomically, and only then is the old site, now at the new
one's path, deleted. A deletion cut short leaves a partial *old* site in
the build folder, which the next build clears. Where the exchange is not
available (another system, a file system without it), the old site is
renamed aside and the new one renamed into place: two renames, between
which `site/` is missing for an instant, never partial.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(first: str, second: str) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), first)


def swap(new: str, site: str) -> None:
    """Make `new` the site at `site`; the old site is deleted afterwards."""
    if not os.path.isdir(new):
        raise SystemExit(f"{new} is not a built site")
    if not os.path.lexists(site):
        os.rename(new, site)
        return
    if exchange(new, site):
        old = new
    else:
        old = f"{new}.old"
        shutil.rmtree(old, ignore_errors=True)
        os.rename(site, old)
        os.rename(new, site)
    shutil.rmtree(old)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: swap_site.py NEW_SITE SITE")
    swap(sys.argv[1], sys.argv[2])
