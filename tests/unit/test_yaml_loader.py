"""The entry YAML loader: libyaml and the pure-Python parser read entries alike."""

from __future__ import annotations

import frontmatter
import pytest
import yaml

from catalogue.reading import yaml_loader

from tests.conftest import ROOT

ENTRY_FILES = sorted((ROOT / "entries").glob("*/*.md"))


def lines(node, found=None):
    """Every node's line, in document order."""
    found = [] if found is None else found
    found.append(node.start_mark.line)
    children = node.value if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) else []
    for child in children:
        for part in child if isinstance(child, tuple) else (child,):
            lines(part, found)
    return found


@pytest.mark.parametrize("path", ENTRY_FILES[:12], ids=lambda path: f"{path.parent.name}/{path.name}")
def test_both_parsers_give_the_same_values_and_lines(path):
    front, _ = frontmatter.YAMLHandler().split(path.read_text(encoding="utf-8"))
    fast = yaml_loader.compose(front)
    slow = yaml.compose(front, Loader=yaml_loader.EntryLoader)
    assert yaml_loader.construct(fast) == yaml_loader.construct(slow)
    assert lines(fast) == lines(slow)


def test_pyyaml_has_libyaml():
    # The pinned PyYAML wheels include it; without it every build reads entries several times slower.
    assert yaml.__with_libyaml__


def test_country_no_stays_text_and_dates_stay_text():
    data = yaml_loader.construct(yaml_loader.compose("countries: [NO, CZ]\nupdated: 2026-11-22\nok: true\n"))
    assert data == {"countries": ["NO", "CZ"], "updated": "2026-11-22", "ok": True}


def test_errors_are_worded_by_the_python_parser():
    with pytest.raises(yaml.YAMLError) as raised:
        yaml_loader.compose("title: [a, b\nsummary: x\n")
    assert raised.value.problem == "expected ',' or ']', but got ':'"


def test_anchors_are_refused_even_in_text_with_ampersands():
    with pytest.raises(yaml_loader.EntryProblem) as raised:
        yaml_loader.compose("title: A & B\nbase: &name x\nother: *name\n")
    assert (raised.value.line, raised.value.code) == (2, "yaml-alias")
