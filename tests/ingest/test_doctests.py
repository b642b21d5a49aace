"""The examples in the ingest modules' docstrings run and hold."""

import doctest

import pytest

from policykg.extract import proposer, recommendations


@pytest.mark.parametrize("module", [proposer, recommendations])
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0
