"""Canonical names and the coreference test on made-up mentions."""

from __future__ import annotations

import doctest

import pytest

from policykg.extract import normalize
from policykg.extract.normalize import canonical_name, is_coreferent, resolve_short_form


@pytest.mark.parametrize(("surface", "type_", "canonical", "aliases"), [
    ("5G 专网", "Platform", "5G专网", ["5G 专网"]),
    ("科技成果信\n息共享平台", "Platform", "科技成果信息共享平台", []),
    ("“数智化绿色化转型专项基金”", "Fund", "数智化绿色化转型专项基金", []),
    ("“双技”融合公共服务平台", "Platform", "双技融合公共服务平台", ["“双技”融合公共服务平台"]),
    ("国企", "Institution", "国有企业", ["国企"]),
    ("市属国企", "Institution", "市属国有企业", ["市属国企"]),
    ("创投子基金", "Fund", "创业投资子基金", ["创投子基金"]),
    ("高等院校", "Institution", "高校", ["高等院校"]),
    ("ＡＩ创新中心", "Platform", "AI创新中心", ["ＡＩ创新中心"]),
    ("Open Lab 平台", "Platform", "Open Lab平台", ["Open Lab 平台"]),
    ("创新中心(重庆)有限公司", "Institution", "创新中心（重庆）有限公司", ["创新中心(重庆)有限公司"]),
    ("种子基金", "Fund", "种子基金", []),
])
def test_canonical_names(surface, type_, canonical, aliases):
    assert canonical_name(surface, type_) == (canonical, aliases)


def test_abbreviations_respect_type():
    # 国企 as a Fund makes no sense; the Institution rule must not fire for other types.
    assert canonical_name("国企", "Fund")[0] == "国企"
    # a term-scope alias does not fire on a longer name
    assert canonical_name("区县人民政府", "Institution")[0] == "区县人民政府"


@pytest.mark.parametrize(("short", "long", "expected"), [
    ("领军企业", "科技领军企业", True),
    ("引导基金", "市级科技成果转化引导基金", True),
    ("国企", "国有企业", True),
    ("综合体", "产业创新综合体", True),
    ("企业", "科技型企业", False),          # a bare head says nothing alone
    ("基金", "种子基金", False),
    ("国有企业", "非国有企业", False),      # contrastive prefix
    ("节点", "二级节点", False),
    ("平台", "共享平台", False),
    ("信息共享平台", "科技成果信息共享平台", True),
    ("共享平台", "科技成果的共享平台", False),  # dropped part is a clause
    ("母基金", "种子基金", False),          # not a suffix
    ("科技领军企业", "领军企业", False),    # longer cannot refer to shorter
])
def test_coreference(short, long, expected):
    assert is_coreferent(short, long) is expected


def test_resolution_refuses_ambiguity():
    assert resolve_short_form("激励机制", ["考核激励机制", "投资激励机制"]) is None
    assert resolve_short_form("激励机制", ["考核激励机制", "激励机制"]) == "考核激励机制"
    assert resolve_short_form("领军企业", []) is None


def test_docstring_examples_run():
    assert doctest.testmod(normalize).failed == 0


@pytest.mark.parametrize("surface", ["", "   ", "“”", "😀基金", "ＡＢＣ　平台"])
def test_odd_surfaces_give_clean_names(surface):
    canonical, aliases = canonical_name(surface, "Fund")
    assert canonical == canonical.strip() and "“" not in canonical
    assert all(alias != canonical for alias in aliases)


def test_alias_file_is_well_formed():
    from policykg.extract.datafiles import read_tsv
    from policykg.extract.records import ENTITY_TYPES

    rows = read_tsv("aliases.tsv")
    assert rows
    for row in rows:
        assert row["alias"] != row["canonical"]
        assert row["type"] in (*ENTITY_TYPES, "*")
        assert row["scope"] in ("term", "suffix")
