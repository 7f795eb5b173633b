"""Printed 一级/二级 names → the canonical level they stand for, tolerantly.

``产出指标(50分)``, ``项目完成指标`` and ``產出指標`` all count as 产出指标; ``效果指标`` counts as
效益指标. The name is first reduced by :func:`jixiao.normalize.names.name_key` (weights, marks,
numbering removed, Traditional folded), then matched against ``data/check_levels.csv``: the first
row whose word the key contains decides. A 二级 may also say which 一级 it implies (数量指标 →
产出指标), used for forms printed without a 一级 column.
"""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib.resources import files
from typing import Optional

from jixiao.normalize.names import name_key

OUTPUT, EFFECT, SATISFACTION, COST = "产出指标", "效益指标", "满意度指标", "成本指标"


@lru_cache(maxsize=None)
def _table() -> dict[int, list[tuple[str, str, str]]]:
    text = files("jixiao").joinpath("data", "check_levels.csv").read_text(encoding="utf-8")
    out: dict[int, list[tuple[str, str, str]]] = {1: [], 2: []}
    for row in csv.DictReader(io.StringIO(text)):
        out[int(row["level"])].append((row["contains"], row["canonical"], row["implies_level1"] or ""))
    return out


@lru_cache(maxsize=4096)
def _match(name: Optional[str], level: int) -> tuple[str, str]:
    key = name_key(name) if name else ""
    if not key:
        return "", ""
    for word, canonical, implies in _table()[level]:
        if word in key:
            return canonical, implies
    return "", ""


def level1_canonical(name: Optional[str]) -> str:
    """The canonical 一级 a printed 一级 name stands for ('' when none)."""
    return _match(name, 1)[0]


def level2_canonical(name: Optional[str]) -> str:
    """The canonical 二级 a printed 二级 name stands for ('' when none)."""
    return _match(name, 2)[0]


def level1_of(level1: Optional[str], level2: Optional[str]) -> str:
    """The canonical 一级 of an indicator row: its 一级 column, or — where that is empty — the 一级
    its 二级 implies (数量指标 → 产出指标)."""
    if level1 and name_key(level1):
        return level1_canonical(level1)
    return _match(level2, 2)[1]
