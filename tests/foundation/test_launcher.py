"""scripts/neo4j-local/neo4j without a running server: status, usage, and missing tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "scripts" / "neo4j-local" / "neo4j"
# What the launcher needs from PATH before it looks for java, javac and mvn.
BASIC_TOOLS = ["bash", "dirname", "mkdir", "cat", "env"]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(LAUNCHER), *args], capture_output=True, text=True, env=env, timeout=60)


def _environment(home: Path, path: str) -> dict[str, str]:
    return {"PATH": path, "POLICYKG_NEO4J_HOME": str(home), "NEO4J_BOLT_PORT": "1", "NEO4J_HTTP_PORT": "2"}


def test_status_of_a_stopped_instance_exits_3(tmp_path):
    result = _run("status", env=_environment(tmp_path / "home", os.environ["PATH"]))
    assert result.returncode == 3
    assert "not running" in result.stdout


def test_unknown_command_prints_usage(tmp_path):
    result = _run("restart-everything", env=_environment(tmp_path / "home", os.environ["PATH"]))
    assert result.returncode == 2
    assert "usage:" in result.stderr and "start|stop|status" in result.stderr


def test_start_without_java_or_maven_names_what_is_missing(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in BASIC_TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    result = _run("start", env=_environment(tmp_path / "home", str(bin_dir)))
    assert result.returncode == 1
    for missing in ("java", "javac", "mvn"):
        assert f"  - {missing} (" in result.stderr
    assert not (tmp_path / "home" / "launcher.pid").exists()


def test_conf_puts_the_guide_on_the_api_port(tmp_path):
    env = _environment(tmp_path / "home", os.environ["PATH"])
    default = _run("conf", env=env)
    assert default.returncode == 0 and "browser.post_connect_cmd=play http://127.0.0.1:8000/guide\n" in default.stdout
    moved = _run("conf", env={**env, "POLICYKG_PORT": "9123"})
    assert moved.returncode == 0
    assert moved.stdout.count("browser.post_connect_cmd=") == 1
    assert "browser.post_connect_cmd=play http://127.0.0.1:9123/guide\n" in moved.stdout
    assert "server.bolt.enabled=true" in moved.stdout, "the rest of neo4j.conf is kept"


def test_conf_refuses_a_port_that_is_no_port(tmp_path):
    result = _run("conf", env={**_environment(tmp_path / "home", os.environ["PATH"]), "POLICYKG_PORT": "80; rm"})
    assert result.returncode == 1 and "POLICYKG_PORT must be a port number" in result.stderr
