"""Indicator lists written as prose → cells: ``【产出指标-数量指标】`` ⏎ ``指标1:机柜数量(≥77台)``.

Part of ``parsers/`` (pure), a step of the row stream before runs are collected (``forms.regroup``).
Some disclosures print a project's indicators as a list rather than a table (Anhui's 项目绩效目标和指标:
each block opens with its level path in brackets, then one line per indicator with its target in
brackets after the name). Such a line is cut into the cells a table would hold: the path into its
一级 and 二级 names (both from the level vocabulary, or ending as level names do), an indicator line
into its name and target (the last bracket, when it reads as a value or a target in words). Every
piece keeps its line's provenance. A name line counts only inside a list (after a level path, before
any other line), so a note in brackets elsewhere (``产出指标(50分)``) is left alone.
"""
from __future__ import annotations

import re

from jixiao.normalize import parse_target
from jixiao.parsers.rows import Row
from jixiao.parsers.vocab import level_of, looks_like_level_label

LEVEL_PATH = re.compile(r"^[【\[〔]\s*([^【】\[\]〔〕]{2,16}?)\s*[-—－–·/]\s*([^【】\[\]〔〕]{2,20}?)\s*[】\]〕]$")
NAME_TARGET = re.compile(r"^(.{2,60}?)\s*[（(]([^（）()]{1,30})[）)]$")
WORDS_RUN = re.compile(r"[\u4e00-\u9fff]{5}")  # a clause inside the brackets (详见附件2所列的…), no unit
PHRASE_TARGET_MAX = 8  # characters of a target in words inside the brackets (正面支撑, 有力保障)


def split_bracket_paths(rows: list[Row]) -> list[Row]:
    """Rows with each level-path line cut into its two names and each indicator line of the list after
    it into name and target, one row per piece (the run collector then reads them as one cell per line)."""
    out: list[Row] = []
    in_list = False
    for row in rows:
        line = row.cells[0] if len(row.cells) == 1 and row.table is None else None
        pieces = None
        if line is not None:
            path = level_path(line.text)
            if path is not None:
                in_list, pieces = True, path
            elif in_list:
                pieces = name_and_target(line.text)
                in_list = pieces is not None
        else:
            in_list = False
        if pieces is None:
            out.append(row)
            continue
        out.extend(Row([line.piece(p, 0, glued=False)], page=row.page, table=None) for p in pieces)
    return out


def level_path(text: str) -> tuple[str, str] | None:
    """``【产出指标-数量指标】`` → (产出指标, 数量指标); None unless both are level names."""
    m = LEVEL_PATH.match(text.strip())
    if not m:
        return None
    one, two = m.group(1), m.group(2)
    if 1 not in level_of(one) or not (2 in level_of(two) or looks_like_level_label(two)):
        return None
    return one, two


def name_and_target(text: str) -> tuple[str, str] | None:
    """``指标1:机柜数量(≥77台)`` → (指标1:机柜数量, ≥77台); None when the bracket holds no target."""
    m = NAME_TARGET.match(text.strip())
    if not m:
        return None
    name, target = m.group(1), m.group(2).strip()
    if re.search(r"\d", target):  # a value: its words are a unit and a comparison, not a clause
        if parse_target(target).comparator in ("", "text") or WORDS_RUN.search(target):
            return None
    elif len(target) > PHRASE_TARGET_MAX:
        return None
    return name, target
