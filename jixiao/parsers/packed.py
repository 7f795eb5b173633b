"""Indicator blocks printed without a table: a level name, then its indicators written as text.

Part of ``parsers/`` (pure; ``read_form`` uses it where a form has no indicator header). Older
department templates (Hunan's 2017 部门整体支出绩效目标申报表) print the 年度绩效指标 block as a level
name and a run of text instead of rows:

- several numbered items in the cell beside a 一级 name (``产出指标 | 指标1部门重点支出占部门整体支出的比例
  是15%: 指标2三公经费…增加公务接待费990元: …``): each item is an indicator, its name up to the value it
  ends with (a connector 是/为 before that value dropped), or up to its colon when one parts them
  (``指标1(经济效益):预计收费4000元``);
- a 二级 name and a colon opening the text (``质量指标:学校的教育教学秩序良好…``): the text is what the
  二级 targets, with no 三级 name of its own.

Each becomes a row of cells with fixed roles (一级, 二级, 三级 name, target) for the headerless reader.
Template fillers (``……``) are no indicators.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from jixiao.normalize.folding import fold_chars
from jixiao.normalize.names import numbering_at
from jixiao.parsers.lexer import value_at
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import _rows, level_of

ITEM_SEPARATORS = " :：;；,，、"  # what stands between packed items (and closes each)
TRAILING_FILLER = re.compile(r"[\s:：;；,，、]*…+$")  # a template's filler (……) standing for more items
LABEL_COLON = re.compile(r"^([^:：]{2,20})[:：](.+)$", re.S)
NUMBERED_ITEM = re.compile(r"(?:指标|任务|目标)\d{1,2}")  # an item's numbering in words
MIN_ITEMS = 2  # numbered items that make a cell a packed list


@lru_cache(maxsize=None)
def connectors() -> tuple[str, ...]:
    """Words joining an item's name to its value, part of neither (是, 为, 达到; data/cell_words.csv), longest first."""
    return tuple(sorted((r["text"] for r in _rows("cell_words.csv") if r["kind"] == "connector"), key=len, reverse=True))


def items_of(text: str) -> list[str]:
    """The numbered items a cell packs (``指标1…: 指标2…``), each without the separators around it; []
    when the cell does not open with a numbering or holds fewer than MIN_ITEMS."""
    # (a numbering in words, 指标2, opens an item where the text squashed its separators: …4000元指标2(…))
    folded = fold_chars(text)  # (指標2 of a mirror page; positions kept)
    starts = [i for i in range(len(text)) if numbering_at(text, i) and not text[i].isdigit()
              and (i == 0 or text[i - 1] in ITEM_SEPARATORS or NUMBERED_ITEM.match(folded, i))]
    if len(starts) < MIN_ITEMS or starts[0] != 0:
        return []
    bounds = starts + [len(text)]
    items = [TRAILING_FILLER.sub("", text[a:b]).strip(ITEM_SEPARATORS) for a, b in zip(bounds, bounds[1:])]
    return [t for t in items if t]


def split_item(item: str) -> tuple[str, str]:
    """(name, target) of one packed item: at its colon after the numbering, else before the value it
    ends with (its connector dropped), else the whole item as the name."""
    at = numbering_at(item)
    m = LABEL_COLON.match(item[at:])
    if m:
        return (item[:at] + m.group(1)).strip(), m.group(2).strip()
    folded = fold_chars(item)  # (１００％ of a full-width page; positions kept)
    start = next((i for i in range(at + 1, len(item)) if value_at(folded, i) == len(item)
                  and not folded[i - 1].isdigit() and folded[i - 1] != "."), None)
    if start is None:
        return item, ""
    name = item[:start]
    for word in connectors():
        if fold_chars(name).endswith(word) and len(name) - len(word) > at:  # (爲 of a mirror page too)
            name = name[:-len(word)]
            break
    return name, item[start:]


def labelled(text: str) -> Optional[tuple[str, str]]:
    """(二级 name, text) of a cell opening with a 二级 name and a colon (``质量指标:学校的…``), else None."""
    m = LABEL_COLON.match(text)
    if m and 2 in level_of(m.group(1)) and not level_of(m.group(2)):
        return m.group(1), m.group(2).strip()
    return None


def block_start(row: Row) -> Optional[int]:
    """The index in the row's own cells of the 一级 name that opens a block printed as text: the
    next cell a numbered list or a labelled 二级 text. None when the row opens no such block."""
    own = [c for c in row.cells if c.text and not c.carried]
    for k, c in enumerate(own[:-1]):
        nxt = own[k + 1].text
        if 1 in level_of(c.text) and (items_of(nxt) or labelled(nxt)):
            return k
    return None


def block_rows(cells: list[RowCell], row: Row) -> list[Row]:
    """The rows a run of a block's cells stands for: a 一级 name heads the rows after it (a row of its
    own), a numbered list gives one row per item, a labelled text one row with no 三级 name. Other
    cells are left out (the caller reports them)."""
    out: list[Row] = []
    for c in cells:
        if level_of(c.text) and 1 in level_of(c.text) and not labelled(c.text):
            out.append(Row([c.piece(c.text, 0, glued=False, role="level1")], page=row.page, table=row.table))
            continue
        items = items_of(c.text)
        if items:
            for item in items:
                name, target = split_item(item)
                pieces = [c.piece(name, 2, glued=False, role="indicator")]
                if target:
                    pieces.append(c.piece(target, 3, glued=False, role="target"))
                out.append(Row(pieces, page=row.page, table=row.table))
            continue
        pair = labelled(c.text)
        if pair:
            out.append(Row([c.piece(pair[0], 1, glued=False, role="level2"),
                            c.piece(pair[1], 3, glued=False, role="target")], page=row.page, table=row.table))
    return out
