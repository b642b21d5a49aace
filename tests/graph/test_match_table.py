"""The embedded store's match table finds every text holding a token, once, in order."""

from __future__ import annotations

import pytest

from policykg.graph.embedded import MatchTable

TEXTS = ["中试基金\npilot fund", "", "种子基金\nseed fund\n基金", "基金", "平台"]


def table() -> MatchTable:
    return MatchTable([f"n{i}" for i in range(len(TEXTS))], TEXTS, [None] * len(TEXTS))


@pytest.mark.parametrize("token", ["基金", "fund", "金\n", "d\n基", "平台", "台", "中", "nothing", "\x00", "金\x00基"])
def test_containing_equals_a_plain_scan(token):
    expected = [i for i, text in enumerate(TEXTS) if token in text]
    found = table().containing(token)
    assert [i for i in found if token in TEXTS[i]] == expected  # the store checks each found text
    assert found == sorted(set(found))


def test_an_empty_table_finds_nothing():
    assert MatchTable([], [], []).containing("基金") == []
