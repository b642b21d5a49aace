"""The installed `policykg` console script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from policykg.cli import main


def _console_script() -> str:
    """The `policykg` executable installed beside this interpreter."""
    script = Path(sys.executable).with_name("policykg")
    assert script.exists(), f"the policykg console script is not installed next to {sys.executable}"
    return str(script)


def test_help_lists_the_registered_commands():
    result = subprocess.run([_console_script(), "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: policykg" in result.stdout
    for name in main.commands:
        assert name in result.stdout


def test_every_command_has_working_help():
    context = click.Context(main, info_name="policykg")
    for name, command in main.commands.items():
        text = command.get_help(click.Context(command, info_name=name, parent=context))
        assert text.startswith(f"Usage: policykg {name}"), name
        assert command.help or command.short_help, f"`policykg {name}` has no description"


def test_version_option():
    result = subprocess.run([_console_script(), "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.startswith("policykg, version ")
