"""A spike: the practice pages of one language rendered without MkDocs, timed against the MkDocs build.

    python -m benchmark.minimal_renderer --practices 1000 --lang pl --runs 3

What it measures is the floor of an exit from MkDocs: the engine-neutral
core writes its generated Markdown tree (`catalogue.build.generate_docs`,
what the MkDocs hook calls), then Jinja2 and Python-Markdown, with the
Markdown extensions of mkdocs.yml, turn every practice page of one language
(`build/docs/practices/<slug>.<lang>.md`) into `<lang>/practices/<slug>/index.html`
with the head the theme override writes (canonical address, link-preview
tags, JSON-LD, html lang). It does not render the lists, the other pages,
the navigation, Material's header, styles and scripts, the sitemap, the
search index or the 404 page: ENGINE.md lists what a real engine must add.

Each run builds a copy of the project with MkDocs (all languages, as `make
build`) and then runs the spike on the same copy as its own process; the
table gives the medians. The spike's output of the last run is kept in
`--keep DIR` when given, to look at.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup
import yaml

from .machine import machine, versions
from .projects import catalogue_project
from .timed_build import build_environment, timed_build

ROOT = Path(__file__).resolve().parent.parent

PAGE = jinja2.Template(
    """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ meta.title }} - {{ site_name }}</title>
<meta name="description" content="{{ meta.description }}">
<link rel="canonical" href="{{ head.canonical }}">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<link rel="stylesheet" href="{{ root }}assets/catalogue.css">
{%- for property, content in head.properties %}
<meta property="{{ property }}" content="{{ content }}">
{%- endfor %}
{%- for name, content in head.names %}
<meta name="{{ name }}" content="{{ content }}">
{%- endfor %}
{%- if head.jsonld %}
<script type="application/ld+json">{{ head.jsonld | tojson }}</script>
{%- endif %}
</head>
<body>
<header><a href="{{ root }}{{ home }}">{{ site_name }}</a>
<nav>{% for alternate in head.alternates if alternate.hreflang != "x-default" %}
<a href="{{ alternate.href }}" hreflang="{{ alternate.hreflang }}">{{ alternate.hreflang | upper }}</a>{% endfor %}
</nav></header>
<main>
{{ content }}
</main>
</body>
</html>
""",
    autoescape=True,
)


def markdown_settings(config: Path) -> tuple[list, dict]:
    """The Markdown extensions of mkdocs.yml and their settings."""
    extensions, settings = [], {}
    for entry in yaml.safe_load(config.read_text(encoding="utf-8"))["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        extensions.append(name)
        settings[name] = options or {}
    return extensions, settings


def split_front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), body


def render(project: Path, lang: str, out: Path) -> dict[str, float]:
    """Generate the docs tree, then the practice pages of `lang`; the seconds of each step."""
    from catalogue.build import generate_docs
    from catalogue.model import vocabularies
    from catalogue.model.interface import word

    started = time.perf_counter()
    site_url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    docs = project / "build" / "docs"
    generate_docs(project, docs, site_url)
    generated = time.perf_counter()
    extensions, settings = markdown_settings(project / "mkdocs.yml")
    converter = markdown.Markdown(extensions=extensions, extension_configs=settings)
    prefix = "" if lang == vocabularies.default_language() else f"{lang}/"
    pages = 0
    for source in sorted((docs / "practices").glob(f"*.{lang}.md")):
        meta, body = split_front_matter(source.read_text(encoding="utf-8"))
        slug = source.name.removesuffix(f".{lang}.md")
        html = PAGE.render(
            lang=lang,
            meta=meta,
            head=meta.get("head") or {},
            site_name=word("site_name", lang),
            root="../../" + ("../" if prefix else ""),
            home=prefix,
            content=Markup(converter.reset().convert(body)),
        )
        target = out / prefix / "practices" / slug / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        pages += 1
    done = time.perf_counter()
    return {"generate": generated - started, "render": done - generated, "pages": pages}


def spike_process(project: Path, lang: str, out: Path) -> dict[str, float]:
    """The spike as its own process, like a build: imports included in its wall time."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "benchmark.minimal_renderer", "--render", str(project), "--lang", lang, "--out", str(out)],
        capture_output=True,
        text=True,
        env=build_environment(),
        cwd=ROOT,
        check=True,
    )
    timing = json.loads(result.stdout)
    timing["seconds"] = time.perf_counter() - started
    return timing


def project_of(practices: int, target: Path) -> Path:
    project = catalogue_project(ROOT, target, max(practices, 1), seed=1)
    if not practices:
        shutil.rmtree(project / "entries")
        shutil.copytree(ROOT / "entries", project / "entries")
    return project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, nargs="+", default=[1000], help="sizes; 0 is the real entries")
    parser.add_argument("--lang", default="pl")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the spike's pages of the last run here")
    parser.add_argument("--render", type=Path, help=argparse.SUPPRESS)  # one spike run, as a child process
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.render:
        print(json.dumps(render(args.render, args.lang, args.out)))
        return 0
    print(f"Machine: {machine()}\nVersions: {versions()}\n")
    print(
        f"| practices | MkDocs build, 3 languages | of which {args.lang} | spike, {args.lang} practice pages "
        "| of which the core's tree | of which rendering | pages | spike / MkDocs build | spike / MkDocs's "
        f"{args.lang} |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for practices in args.practices:
        builds, spikes = [], []
        with tempfile.TemporaryDirectory(prefix="spike-") as folder:
            project = project_of(practices, Path(folder) / "project")
            for _ in range(args.runs):
                builds.append(timed_build(project))
                out = Path(folder) / "spike"
                shutil.rmtree(out, ignore_errors=True)
                spikes.append(spike_process(project, args.lang, out))
            if args.keep:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(out, args.keep)
        build = statistics.median(timing.seconds for timing in builds)
        language = statistics.median(timing.languages[args.lang] for timing in builds)
        spike = {key: statistics.median(run[key] for run in spikes) for key in ("seconds", "generate", "render")}
        label = f"{practices:,}" if practices else "real entries"
        print(
            f"| {label} | {build:.2f} s | {language:.2f} s | {spike['seconds']:.2f} s | {spike['generate']:.2f} s "
            f"| {spike['render']:.2f} s | {spikes[-1]['pages']:,} | {spike['seconds'] / build:.2f} "
            f"| {spike['seconds'] / language:.2f} |"
        )
    print(f"\nMedians of {args.runs} runs; the MkDocs build and the spike alternate on the same copy.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
