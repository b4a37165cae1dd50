"""The GitHub files: workflows that actionlint accepts, pinned and least-privileged; the form; pre-commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.utils import canonicalize_name

from catalogue.contributing import flat_fields, issue_form
from catalogue.model import vocabularies

from tests.conftest import ROOT
from tests.lockfiles import pins_here

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True; BaseLoader keeps every key and value a string.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def actionlint() -> str:
    if ACTIONLINT is None:
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint is missing: pip install -r requirements-dev.txt")
        pytest.skip("actionlint is missing: pip install -r requirements-dev.txt")
    return ACTIONLINT


def test_workflows_pass_actionlint(actionlint: str):
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]
    result = subprocess.run([actionlint, "-color=false", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_would_catch_a_broken_workflow(actionlint: str, tmp_path: Path):
    broken = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    (tmp_path / "broken.yml").write_text(broken.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: nothing"))
    result = subprocess.run([actionlint, "-color=false", str(tmp_path / "broken.yml")], capture_output=True, text=True)
    assert result.returncode == 1
    assert 'job "check" needs job "nothing" which does not exist' in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_by_commit(path: Path):
    uses = re.findall(r"uses: *(\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: name the version in a comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_least(path: Path):
    workflow = load(path)
    allowed = {"contents": "read", "pages": "write", "id-token": "write"}
    assert "permissions" in workflow, "set the workflow's permissions explicitly"
    granted = [workflow["permissions"]] + [job.get("permissions", {}) for job in workflow["jobs"].values()]
    for permissions in granted:
        for scope, level in (permissions or {}).items():
            assert allowed.get(scope) == level, f"{scope}: {level}"
    writers = [name for name, job in workflow["jobs"].items() if "write" in (job.get("permissions") or {}).values()]
    assert writers in ([], ["deploy"])


def test_pull_requests_validate_changed_entries_build_and_test():
    workflow = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert list(workflow["on"]) == ["pull_request"]
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert ".venv/bin/python scripts/validate.py --changed \"origin/${GITHUB_BASE_REF}\"" in runs
    assert runs[-2:] == ["make build", "make test"]


def test_pull_requests_build_on_the_newest_python_too():
    workflow = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    job = workflow["jobs"]["newest-python"]
    assert job["container"] == "python:3.13-bookworm"
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs[1:] == [
        "make .venv/.dev-installed .venv-properdocs/.installed",
        "make build",
        ".venv/bin/python -m pytest tests/unit/test_locks.py tests/build/test_build.py tests/build/test_engines.py",
    ]


def test_main_is_published_to_pages():
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert [step.get("run") for step in build["steps"] if "run" in step] == ["make build"]
    assert build["steps"][-1]["with"]["path"] == "site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_pre_commit_runs_the_validator_with_the_project_pins():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["validate-entries"]["entry"] == "python scripts/validate.py"
    assert hooks["validate-entries"]["files"] == "^entries/"
    pins = {name: pin.version for name, pin in pins_here(ROOT / "requirements.txt").items()}
    for hook in hooks.values():
        for requirement in hook["additional_dependencies"]:
            name, version = requirement.split("==")
            assert pins.get(canonicalize_name(name)) == version, requirement


def test_issue_form_maps_onto_the_front_matter():
    form = load(ROOT / issue_form.FILE)
    fields = [element for element in form["body"] if element["type"] != "markdown"]
    ids = [element["id"] for element in fields]
    assert len(ids) == len(set(ids))
    assert set(ids) - {"privacy"} <= set(flat_fields.columns())
    assert set(flat_fields.required_columns()) <= set(ids)
    by_id = {element["id"]: element for element in fields}
    assert by_id["audience"]["attributes"]["multiple"] == "true"
    for column in ("type", "scope", "status", "audience"):
        options = by_id[column]["attributes"]["options"]
        assert [flat_fields.term_id(column, option) for option in options] == vocabularies.ids(column)
    assert by_id["privacy"]["attributes"]["options"][0]["required"] == "true"
