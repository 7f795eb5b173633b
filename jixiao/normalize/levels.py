"""一级/二级 level names → canonical names, so indicators compare across templates and years.

Part of ``normalize/``; pure. The mapping is data (``data/level_std.csv``): a printed name is
reduced with :func:`~jixiao.normalize.names.name_key` (weights such as ``(50分)``, marks and
numbering removed, Traditional folded) and looked up among the level-1 names, then among the
level-2 names. A level-2 name decides its level-1 too (数量指标 → 产出指标; the pre-2021 level-2
成本指标 under 产出指标 → 成本指标/经济成本指标, as 财预〔2021〕101号 moved it), so rows of old and
new templates line up; renamed levels (项目完成指标 → 产出指标, 效果指标 → 效益指标, 产出数量 →
数量指标) map where the table says so. A name the table does not know keeps its key.

    standard_levels("产出指标(50分)", "数量") → ("产出指标", "数量指标")
    standard_levels("", "社会效益")           → ("效益指标", "社会效益指标")
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib.resources import files
from typing import Optional

from .names import name_key


@lru_cache(maxsize=1)
def _read() -> tuple[dict, dict, dict]:
    """level_std.csv once: 一级 names → standard 一级; 二级 names → (standard 一级, standard 二级);
    二级 names → the 一级 they were printed under before a reform moved them (printed_under)."""
    level1: dict[str, str] = {}
    level2: dict[str, tuple[str, str]] = {}
    under: dict[str, str] = {}
    with files("jixiao").joinpath("data", "level_std.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = name_key(row["name"])
            if row["level"] == "1":
                level1[key] = row["level1_std"]
            else:
                level2[key] = (row["level1_std"], row["level2_std"])
                if row.get("printed_under"):
                    under[key] = row["printed_under"]
    return level1, level2, under


def _table() -> tuple[dict, dict]:
    level1, level2, _ = _read()
    return level1, level2


@lru_cache(maxsize=16384)
def standard_levels(level1: Optional[str], level2: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(level1_std, level2_std) of a printed 一级 and 二级 name (either may be empty)."""
    one, two = _table()
    k1, k2 = _known(name_key(level1 or ""), one), _known(name_key(level2 or ""), two)
    std1 = one.get(k1) or (k1 or None)
    std2 = k2 or None
    if k2 in two:
        implied1, std2 = two[k2]
        std2 = std2 or k2  # (a 二级 the table maps to a 一级 only keeps its own name)
        std1 = implied1 or std1
    elif k2 in one and not k1:
        # a level-1 name in the level-2 column (forms with one level column)
        std1, std2 = one[k2], None
    return std1, std2


def known_level1(name: Optional[str]) -> Optional[str]:
    """The standard 一级 a printed 一级 name stands for, None for a name the table does not know."""
    one, _ = _table()
    return one.get(_known(name_key(name or ""), one))


def level1_parents(level2: Optional[str]) -> frozenset:
    """The standard 一级 names a printed 二级 name is found under: its own standard 一级 and, for a
    二级 a reform moved (成本指标, under 产出指标 before 2021), the one it was printed under before.
    Empty for a name the table does not know."""
    _, two, under = _read()
    k = _known(name_key(level2 or ""), two)
    if k not in two:
        return frozenset()
    return frozenset(x for x in (two[k][0], under.get(k)) if x)


BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def _known(k: str, table: dict) -> str:
    """The key as the table knows it: with a bracketed note inside it dropped when only that matches
    (数量指标(或建筑规模指标) → 数量指标, 预算(或投资规模)控制指标 → 预算控制指标)."""
    if k in table:
        return k
    bare = BRACKETED.sub("", k)
    return bare if bare in table else k
