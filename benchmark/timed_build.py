"""One build as its own process: wall time, time per language, peak memory.

static-i18n builds the languages one after the other and logs
"Building '<lang>' documentation" as each starts; the time between those
lines is the time of each language. What comes before the first line is
start-up: imports, reading the configuration, and the catalogue's
generation of its pages (it runs before static-i18n's own start). After
"Documentation built" comes the exit of the process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .memory import TreeMemorySampler

LANGUAGE_START = re.compile(r"Building '([\w-]+)' documentation")
BUILD_DONE = re.compile(r"Documentation built in")
BUILD_COMMAND = (sys.executable, "-m", "mkdocs", "build")


@dataclass
class BuildTiming:
    seconds: float
    startup: float  # before the first language starts
    languages: dict[str, float]
    shutdown: float  # after the build is done: the process's exit
    peak_memory: int  # bytes: the build with its child processes (the search indexer) at their largest
    cpu: float  # seconds of processor time (user and system): less shaken by other work than `seconds`


class BuildFailed(RuntimeError):
    pass


def build_environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


def timed_build(project: Path, command: tuple[str, ...] = BUILD_COMMAND) -> BuildTiming:
    """Build `project` into its `site/` from scratch and time it."""
    shutil.rmtree(project / "site", ignore_errors=True)
    start = time.monotonic()
    process = subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=build_environment()
    )
    sampler = TreeMemorySampler(process.pid)
    log, starts, done = [], [], None
    for line in process.stdout:
        log.append(line)
        found = LANGUAGE_START.search(line)
        if found:
            starts.append((found.group(1), time.monotonic()))
        elif BUILD_DONE.search(line):
            done = time.monotonic()
    # wait4, not wait: it also reports the process's peak memory.
    _, status, usage = os.wait4(process.pid, 0)
    end = time.monotonic()
    tree_peak = sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.returncode != 0:
        raise BuildFailed(f"the build of {project} failed:\n" + "".join(log[-40:]))
    if not starts:
        raise BuildFailed(f"the build of {project} logged no language: is static-i18n configured?\n" + "".join(log[-40:]))
    done = done or end
    ends = [moment for _, moment in starts[1:]] + [done]
    return BuildTiming(
        seconds=end - start,
        startup=starts[0][1] - start,
        languages={lang: stop - begin for (lang, begin), stop in zip(starts, ends)},
        shutdown=end - done,
        peak_memory=max(usage.ru_maxrss * 1024, tree_peak),  # Linux reports kilobytes
        cpu=usage.ru_utime + usage.ru_stime,
    )
