"""Data shipped with policykg: the sample corpus (a real newspaper page) is the default input."""

from importlib.resources import files
from pathlib import Path


def sample_corpus() -> Path:
    """Path of the sample newspaper page shipped with the package."""
    return Path(str(files(__name__) / "corpus" / "cqzxb-2025-07-03-p2.txt"))
