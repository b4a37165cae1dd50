"""A safe YAML loader (and the matching dumper) with the few changes entries need.

- Only `true`/`false` are booleans, so the country code `NO` stays "NO"
  (YAML 1.1 would read it, like `no`, `on` and `off`, as a boolean).
- Dates stay strings ("2026-11-22"), as JSON Schema expects them.
- Anchors and aliases are refused before anything is built, so a
  "billion laughs" document cannot exhaust memory; so is nesting deeper
  than entries need, which would exhaust the recursive composer.
- A field given twice is refused rather than silently overwritten.
- Numbers must be finite and short: Python refuses to convert integers of
  thousands of digits, and NaN compares as valid against any bound.
- libyaml parses when PyYAML has it (thousands of entries are read on each
  build); syntax errors are always reported by the pure-Python parser, so
  messages do not depend on how PyYAML was built.
"""

from __future__ import annotations

import math
import re

import yaml

# Entries nest three levels (front matter > libraries > one library); a
# little room above that keeps the message about the schema, not the depth.
MAX_DEPTH = 5
MAX_DIGITS = 18


class EntryProblem(yaml.YAMLError):
    """A front matter that is valid YAML but not acceptable in an entry."""

    def __init__(self, line: int, code: str, **params):
        super().__init__(f"{code} at line {line}")
        self.line, self.code, self.params = line, code, params


class EntryLoader(yaml.SafeLoader):
    def construct_yaml_int(self, node):
        digits = node.value.lstrip("+-").replace("_", "")
        if len(digits) > MAX_DIGITS:
            raise EntryProblem(node.start_mark.line + 1, "yaml-number", value=node.value[:20] + "…")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise EntryProblem(node.start_mark.line + 1, "yaml-number", value=node.value)
        return value


EntryLoader.add_constructor("tag:yaml.org,2002:int", EntryLoader.construct_yaml_int)
EntryLoader.add_constructor("tag:yaml.org,2002:float", EntryLoader.construct_yaml_float)
EntryLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EntryLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class EntryDumper(yaml.SafeDumper):
    """Writes values every ordinary YAML reader reads as EntryLoader does.

    Text that YAML 1.1 readers (PyYAML, python-frontmatter) would read as a
    boolean or a number (`NO`, `on`, `Y`) or YAML 1.2 readers as a number
    (`1e3`) is quoted; dates stay unquoted.
    """


EntryDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
EntryDumper.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:y|Y|n|N)$"), list("yYnN"))
EntryDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+.0123456789"),
)


def flow(value) -> str:
    """`value` as one line of YAML: a scalar, `[a, b]` or `{k: v}`; None is empty."""
    if value is None:
        return ""
    text = yaml.dump(
        value, Dumper=EntryDumper, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1_000_000
    )
    return text.removesuffix("...\n").strip()


def _check_events(text: str, loader: type) -> None:
    """Refuse aliases and deep nesting while streaming, before any tree is built."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise EntryProblem(line, "yaml-alias")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise EntryProblem(line, "yaml-too-deep", limit=MAX_DEPTH)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_duplicate_keys(node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        first_lines: dict = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode):
                if key.value in first_lines:
                    raise EntryProblem(line, "yaml-duplicate-key", field=key.value, first=first_lines[key.value])
                first_lines[key.value] = line
            _check_duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item)


class _FastEntryLoader(getattr(yaml, "CSafeLoader", EntryLoader)):
    """The same loader on libyaml's parser, many times faster when PyYAML has it."""


_FastEntryLoader.yaml_implicit_resolvers = EntryLoader.yaml_implicit_resolvers


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text` (positions included); raises EntryProblem."""
    for loader in (_FastEntryLoader, EntryLoader):
        try:
            # libyaml's parser streams without recursion; its composer recurses,
            # so the events are checked for depth first.
            _check_events(text, loader)
            node = yaml.compose(text, Loader=loader)
            break
        except EntryProblem:
            raise
        except yaml.YAMLError:
            if loader is EntryLoader:
                raise  # the pure-Python parser's own words
    if node is not None:
        _check_duplicate_keys(node)
    return node


def construct(node: yaml.Node):
    loader = EntryLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
