"""Cells of a text line that open with level names run into the row: ``产出指标数量指标足额保障率=100%``.

Part of ``parsers/`` (pure; rows → rows, before rows are regrouped). A crawled page may print each
indicator row as one run with no separator between its level cells, its name and its target, and
spaces only around the score (``产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5``). Too short
to be read as a glued form (lexer.is_glued), such a cell opens with the vocabulary's level names
(:func:`indicators.peel_levels`) and ends in a value expression: it is cut into the level names, the
name and the value. A line holding one such cell holds a table's rows, so its other cells that end in
a signed value (``科目调整次数≤10次``) are cut into name and value too.

Only lines read from text (no cell has a page position) are cut: a grid's cell is printed as one.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from jixiao.parsers.indicators import peel_levels
from jixiao.parsers.lexer import fold_chars, value_at
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import column_roles, key, level_of

SENTENCE = re.compile(r"[，。；;]")  # a name holds no sentence's punctuation (a report's line is no row)
NAME_MIN = 2  # characters of a name before its value


def _value_cut(text: str, signed_only: bool) -> Optional[int]:
    """Where a value expression running to the text's end starts after a name (足额保障率|=100%,
    示范区建立|≧20000亩, 保障率|不低于95%), if one does; ``signed_only``: one opening with its comparison."""
    folded = fold_chars(text)
    if value_at(folded, 0) == len(folded):
        return None  # a value whole (大于等于1次): no name before it
    for p in range(NAME_MIN, len(folded)):
        prev = folded[p - 1]
        if prev.isdigit() or (signed_only and folded[p].isdigit()) or not ("\u4e00" <= prev <= "\u9fff" or prev in ")）"):
            continue
        if value_at(folded, p) == len(folded):
            return None if level_of(text[:p]) else p  # (产出指标40分: a level and its weight)
    return None


def _opened(cell: RowCell) -> Optional[list[str]]:
    """The pieces of a cell opening with level names and ending in a value, or None."""
    levels, rest = peel_levels(cell.text)
    if not levels or not rest or level_of(rest) or rest[0] in ":：":
        return None
    cut = _value_cut(rest, signed_only=False)
    if cut is None or SENTENCE.search(rest[:cut]):
        return None
    return levels + [rest[:cut], rest[cut:]]


def _signed(cell: RowCell, signed_only: bool = True) -> Optional[list[str]]:
    """A name and its signed value run together (科目调整次数≤10次; alone on its line, any value: 森林受灾率1%), or None."""
    cut = _value_cut(cell.text, signed_only)
    return [cell.text[:cut], cell.text[cut:]] if cut and not SENTENCE.search(cell.text[:cut]) else None


def split_level_openings(rows: list[Row]) -> list[Row]:
    """The rows with their run-together cells cut (see the module's docstring); other rows as they were."""
    out: list[Row] = []
    in_run = False  # the lines before were a table's rows run together: a name and its value alone are cut too
    for row in rows:
        if not any(c.text for c in row.cells) or any(c.bbox is not None or c.glued for c in row.cells):
            out.append(row)
            in_run = False
            continue
        filled = [c for c in row.cells if c.text]
        if len(filled) >= 2 and all(key(c.text) in column_roles() for c in filled):
            out.append(row)  # the indicator table's header: its rows may follow run together
            in_run = True
            continue
        # (a line of one cell opens a run only after the header's line or a row cut so: alone, it may be a
        # glued form's line, which the lexer reads with its header)
        opened = [_opened(c) if c.text and (in_run or len(filled) > 1) else None for c in row.cells]
        if any(opened):  # its other cells ending in a signed value are cut too
            in_run = True
            opened = [p if p is not None or not c.text else _signed(c) for c, p in zip(row.cells, opened)]
        elif in_run:  # alone on its line, or first before the row's other values (38508人 | 37442人 | 3 | 3): any value
            opened = [_signed(c, signed_only=len(filled) > 1 and c is not filled[0]) if c.text else None
                      for c in row.cells]
        if not any(opened):
            out.append(row)
            in_run = False
            continue
        cells: list[RowCell] = []
        for c, pieces in zip(row.cells, opened):
            for text in pieces or [c.text]:
                cells.append(c.piece(text, len(cells), glued=False))
        # a line of one cell read as text stands in no table: cut, it is a row of the table the lines before are
        table = row.table if row.table is not None else next((r.table for r in reversed(out) if r.table is not None), None)
        out.append(replace(row, cells=cells, table=table))
    return out
