"""A safe YAML loader (and the matching dumper) with the few changes entries need.

- Only `true`/`false` are booleans, so the country code `NO` stays "NO"
  (YAML 1.1 would read it, like `no`, `on` and `off`, as a boolean).
- Dates stay strings ("2026-11-22"), as JSON Schema expects them.
- Anchors and aliases are refused before anything is built, so a
  "billion laughs" document cannot exhaust memory.
"""

from __future__ import annotations

import re

import yaml


class EntryLoader(yaml.SafeLoader):
    pass


EntryLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EntryLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class EntryDumper(yaml.SafeDumper):
    """Writes values the way EntryLoader reads them: `NO` and dates unquoted."""


EntryDumper.yaml_implicit_resolvers = EntryLoader.yaml_implicit_resolvers


def flow(value) -> str:
    """`value` as one line of YAML: a scalar, `[a, b]` or `{k: v}`; None is empty."""
    if value is None:
        return ""
    text = yaml.dump(
        value, Dumper=EntryDumper, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1_000_000
    )
    return text.removesuffix("...\n").strip()


class AliasFound(yaml.YAMLError):
    def __init__(self, line: int):
        super().__init__(f"alias at line {line}")
        self.line = line


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text` (positions included), refusing aliases."""
    for event in yaml.parse(text, Loader=EntryLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasFound(event.start_mark.line + 1)
    return yaml.compose(text, Loader=EntryLoader)


def construct(node: yaml.Node):
    loader = EntryLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
