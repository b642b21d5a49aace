"""The README's quick start and configuration table agree with the scripts that CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Files whose environment variables the README's configuration table must list.
DOCUMENTED_SOURCES = [
    "scripts/neo4j-local/neo4j",
    "scripts/test",
    ".ci/run",
    "tests/conftest.py",
    "docker-compose.yml",
]
NOT_SETTINGS = {"NEO4J_AUTH", "PIP_PROGRESS_BAR", "DEBIAN_FRONTEND"}


@pytest.fixture(scope="module")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _section(readme: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme, flags=re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _quick_start_commands(readme: str) -> list[str]:
    block = re.search(r"```sh\n(.*?)```", _section(readme, "Quick start"), flags=re.S)
    assert block, "the Quick start section has no ```sh block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands(readme):
    commands = _quick_start_commands(readme)
    assert len(commands) == 2, commands
    main_job, tests = commands
    assert main_job.startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    assert ".venv/bin/policykg serve" in main_job
    assert tests == "scripts/test"


def test_ci_runs_the_readme_test_command(readme):
    test_command = _quick_start_commands(readme)[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines() if not line.lstrip().startswith("#")]
    assert any(line.split(" ||")[0] == test_command for line in lines), f".ci/run does not run `{test_command}`"
    assert "export POLICYKG_REQUIRE_NEO4J=1" in lines
    assert "export POLICYKG_REQUIRE_BROWSER=1" in lines


def test_configuration_table_lists_every_variable_the_scripts_read(readme):
    table = _section(readme, "Configuration")
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", table, flags=re.M))
    used: set[str] = set()
    for name in DOCUMENTED_SOURCES:
        text = (ROOT / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"\b((?:NEO4J|POLICYKG)_[A-Z0-9_]*[A-Z0-9])\b", text))
    used -= NOT_SETTINGS
    assert used <= documented, f"not in the README's configuration table: {sorted(used - documented)}"


def test_readme_keeps_the_markers_for_other_sections(readme):
    assert "<!-- more settings -->" in _section(readme, "Configuration")
    assert "<!-- cli -->" in _section(readme, "CLI")


def test_every_policykg_command_in_the_readme_exists(readme):
    from policykg.cli import main

    blocks = "\n".join(re.findall(r"```sh\n(.*?)```", readme, flags=re.S))
    named = set(re.findall(r"(?:^|[\s/])policykg ([a-z][a-z-]*)", blocks, flags=re.M))
    assert named, "the README shows no policykg command"
    assert named <= set(main.commands), f"README names commands the CLI lacks: {sorted(named - set(main.commands))}"
