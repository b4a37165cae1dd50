"""Where a build spends its time: one build under cProfile, summed by area.

Self time (time in a function itself, not in what it calls) is summed per
area of code, so the areas add up to the whole build. The time counted is
processor time, so other work on a shared machine does not inflate it. A few stages are
also given with their cumulative time, which includes what they call.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .timed_build import build_environment

OWN_CODE = ("catalogue", "hooks")
OWN = "the catalogue's own code (catalogue/, hooks/)"
# (area, fragments of a code path that belong to it); the first match wins.
AREAS = (
    ("static-i18n", ("/mkdocs_static_i18n/",)),
    ("Material theme (its templates and plugins)", ("/material/", "/overrides/")),
    ("Markdown to HTML (Python-Markdown, extensions)", ("/markdown/", "/pymdownx/")),
    ("Jinja (template engine)", ("/jinja2/", "/markupsafe/")),
    ("MkDocs core", ("/mkdocs/",)),
    ("YAML", ("/yaml/",)),
    ("JSON Schema validation", ("/jsonschema", "/referencing/", "/rpds/")),
    ("other libraries (slugify, babel, pycountry, frontmatter, …)", ("/site-packages/",)),
    ("Python built-ins and standard library (I/O, regex, …)", ("~", "/lib/python")),
)
# (stage, function name, file fragment): cumulative times worth a line of their own.
STAGES = (
    ("catalogue: validate, render and write the pages (all calls)", "generate_docs", "catalogue/build.py"),
    ("catalogue: load and validate the entries", "load_catalogue", "catalogue/checks/validate.py"),
    ("catalogue: render the practice pages (this process's share)", "iter_practice_pages", "catalogue/pages/render.py"),
    ("catalogue: write the pages (their rendering included)", "sync_folder", "catalogue/pages/docs_tree.py"),
    ("MkDocs: scan the docs folder (per language)", "get_files", "/mkdocs/"),
    ("static-i18n: sort the files by language", "reconfigure_files", "/mkdocs_static_i18n/"),
    ("MkDocs: read and convert the Markdown", "_populate_page", "/mkdocs/"),
    ("MkDocs: theme templates and writing HTML", "_build_page", "/mkdocs/"),
    ("MkDocs: copy the theme's assets (per language)", "copy_static_files", "/mkdocs/"),
    ("static-i18n: search duplicate check (quadratic)", "reconfigure_search_duplicates", "/mkdocs_static_i18n/"),
)


# `python -m cProfile` counts wall time, which other work on the machine
# inflates; this counts the build's own processor time.
PROFILED_BUILD = """
import cProfile, sys, time
from mkdocs.__main__ import cli
profile = cProfile.Profile(time.process_time)
profile.enable()
try:
    cli(["build"])
except SystemExit as exit:
    status = exit.code
finally:
    profile.disable()
    profile.dump_stats(sys.argv[1])
sys.exit(status)
"""


@dataclass
class Profile:
    total: float
    areas: list[tuple[str, float]]  # seconds of self time, largest first
    stages: list[tuple[str, float]]  # cumulative seconds
    own: list[tuple[str, float]]  # the catalogue's costliest functions, cumulative seconds


def area_of(path: str, project: Path) -> str:
    if any(path.startswith(f"{project / folder}/") for folder in OWN_CODE):
        return OWN
    return next((area for area, fragments in AREAS if any(f in path for f in fragments)), "other")


def profile_build(project: Path) -> Profile:
    """Build `project` once under cProfile and summarise where the time went."""
    output = project / "build.prof"
    command = [sys.executable, "-c", PROFILED_BUILD, str(output)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=build_environment())
    if result.returncode != 0:
        raise RuntimeError(f"the profiled build failed:\n{result.stderr[-3000:]}")
    stats = pstats.Stats(str(output)).stats
    areas: dict[str, float] = {}
    stages = {stage: 0.0 for stage, _, _ in STAGES}
    own = []
    for (path, line, name), (_, _, self_time, cumulative, _) in stats.items():
        area = area_of(path, project)
        areas[area] = areas.get(area, 0.0) + self_time
        for stage, function, fragment in STAGES:
            if name == function and fragment in path:
                stages[stage] += cumulative
        if area == OWN:
            own.append((f"{Path(path).parent.name}/{Path(path).name}:{line} {name}", cumulative))
    return Profile(
        total=sum(areas.values()),
        areas=sorted(areas.items(), key=lambda item: -item[1]),
        stages=list(stages.items()),
        own=sorted(own, key=lambda item: -item[1])[:12],
    )


def _share(seconds: float, total: float) -> str:
    return f"{seconds:.1f} s ({seconds / total:.0%})" if total else "–"


def profile_table(ours: Profile, reference: Profile) -> str:
    """Where each build spends its processor time, side by side."""
    lines = ["| area (self time) | catalogue | reference |", "|---|--:|--:|"]
    reference_areas = dict(reference.areas)
    areas = [area for area, _ in ours.areas] + [area for area in reference_areas if area not in dict(ours.areas)]
    for area in areas:
        lines.append(f"| {area} | {_share(dict(ours.areas).get(area, 0.0), ours.total)} | "
                     f"{_share(reference_areas.get(area, 0.0), reference.total)} |")
    lines.append(f"| **profiled total** | {ours.total:.1f} s | {reference.total:.1f} s |")
    lines += ["", "| stage (cumulative) | catalogue | reference |", "|---|--:|--:|"]
    reference_stages = dict(reference.stages)
    for stage, seconds in ours.stages:
        lines.append(f"| {stage} | {_share(seconds, ours.total)} | {_share(reference_stages[stage], reference.total)} |")
    lines += ["", "| the catalogue's costliest functions (cumulative) | seconds |", "|---|--:|"]
    lines += [f"| `{name}` | {time:.2f} |" for name, time in ours.own]
    return "\n".join(lines) + "\n"
