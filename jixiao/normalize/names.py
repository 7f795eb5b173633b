"""Indicator and level names → comparable keys (marks, template hints, tags, numbering, weights removed).

Part of ``normalize/``: pure string functions. The patterns are data (``data/name_marks.tsv``), one
per kind: ``mark`` (★ *), ``hint`` (``(≥**人)``), ``tag`` (``(必填硬性指标)``), ``weight`` (``(10分)``)
and ``number`` (``指标1:`` ``（一）`` ``1、``). The printed name is never changed; these keys are for
matching a name against a vocabulary or the same indicator across forms and years.

    name_key("★(一)受益建档立卡贫困人口数(≥**人)") → "受益建档立卡贫困人口数"
    name_key("學(xué)生資助覆蓋率") → "学生资助覆盖率"
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from .folding import fold_chars, fold_text


@lru_cache(maxsize=None)
def _patterns() -> dict[str, list[re.Pattern]]:
    out: dict[str, list[re.Pattern]] = {}
    with resources.files("jixiao.data").joinpath("name_marks.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.setdefault(row["kind"], []).append(re.compile(row["pattern"]))
    return out


def numbering_at(text: str, pos: int = 0) -> int:
    """Length of the numbering that opens a name at text[pos] (``任务1:``, ``（一）``, ``1、``), 0 if none."""
    window = fold_chars(text[pos:pos + 12])  # 任務1: on a mirror page, matched as 任务1:
    for p in _patterns().get("number", ()):
        m = p.match(window)
        if m and m.end():
            return m.end()
    return 0


def strip_marks(text: str, kinds: tuple[str, ...] = ("hint", "tag", "weight", "mark", "number")) -> str:
    """Remove the decorations of the given kinds (in that order), then surrounding punctuation."""
    pats = _patterns()
    t = text
    for kind in kinds:
        for p in pats.get(kind, ()):
            t = p.sub("", t)
    return t.strip(" :：、,，;；")


@lru_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """The comparable key of a printed 三级/二级/一级 name (empty for an empty name)."""
    if not text:
        return ""
    folded = fold_text(text)
    key = strip_marks(folded)
    return key or folded
