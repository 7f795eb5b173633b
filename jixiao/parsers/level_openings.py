"""Cells of a text line that open with level names run into the row: ``产出指标数量指标足额保障率=100%``.

Part of ``parsers/`` (pure; rows → rows, before rows are regrouped). A crawled page may print each
indicator row as one run with no separator between its level cells, its name and its target, and
spaces only around the score (``产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5``). Too short
to be read as a glued form (lexer.is_glued), such a cell opens with the vocabulary's level names
(:func:`indicators.peel_levels`) and ends in a value expression: it is cut into the level names, the
name and the value. A line holding one such cell holds a table's rows, so its other cells that end in
a signed value (``科目调整次数≤10次``) are cut into name and value too.

Under a table's header printed on a line of its own, a line whose first cell opens no such run is
still a row run together when the header has more columns than the line has cells: that cell holds
the header's columns the cells after it do not, read by the glued row grammar (glued_rows.decode_row;
``质量指标补助资格合规性合规 达成预期指标 10 10``, ``成本指标建设项目成本参照政府采购成本控制``), unless the
cell after it is a signed target (the cell is then the name alone). A target may open repeating the
name's tail (``项目质量可控性可控性100%``). Measured on the real forms' ``runs`` flattening: indicator F1
0.675 → 0.834; every real page set and the other flattenings unchanged.

Only lines read from text (no cell has a page position, no office grid's exact cells) are cut: a grid's
cell is printed as one. (An office grid's cells have no page position either; cut, a merged block label
``四、年度绩效指标完成情况`` became a level ``完成情况`` and shifted its row: the real forms drawn into
DOCX/XLSX read at indicators 0.992 → 1.000 once such rows are left whole.)
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from jixiao.parsers.glued_rows import decode_row
from jixiao.parsers.indicators import peel_levels
from jixiao.parsers.lexer import fold_chars, fold_mapped, repeated_tail, value_at
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import column_roles, key, level_of

SENTENCE = re.compile(r"[，。；;]")  # a name holds no sentence's punctuation (a report's line is no row)
VALUE_ROLES = ("target", "actual", "score_max", "score")  # a row read holds one of these
NAME_MIN = 2  # characters of a name before its value


def value_cut(text: str, signed_only: bool) -> Optional[int]:
    """Where a value expression running to the text's end starts after a name (足额保障率|=100%,
    示范区建立|≧20000亩, 保障率|不低于95%), if one does; ``signed_only``: one opening with its comparison.
    A target opening with the name's tail printed again keeps it (项目质量可控性|可控性100%)."""
    folded = fold_chars(text)
    if value_at(folded, 0) == len(folded):
        return None  # a value whole (大于等于1次): no name before it
    for p in range(NAME_MIN, len(folded)):
        prev = folded[p - 1]
        if prev.isdigit() or (signed_only and folded[p].isdigit()) or not ("\u4e00" <= prev <= "\u9fff" or prev in ")）"):
            continue
        if value_at(folded, p) == len(folded):
            return None if level_of(text[:p]) else p - repeated_tail(folded[:p])  # (产出指标40分: a level and its weight)
    return None


def _opened(cell: RowCell) -> Optional[list[str]]:
    """The pieces of a cell opening with level names and ending in a value, or None."""
    levels, rest = peel_levels(cell.text)
    if not levels or not rest or level_of(rest) or rest[0] in ":：":
        return None
    cut = value_cut(rest, signed_only=False)
    if cut is None or SENTENCE.search(rest[:cut]):
        return None
    return levels + [rest[:cut], rest[cut:]]


def _signed(cell: RowCell, signed_only: bool = True) -> Optional[list[str]]:
    """A name and its signed value run together (科目调整次数≤10次; alone on its line, any value: 森林受灾率1%), or None."""
    cut = value_cut(cell.text, signed_only)
    return [cell.text[:cut], cell.text[cut:]] if cut and not SENTENCE.search(cell.text[:cut]) else None


def _decoded(text: str, roles: list[str]) -> Optional[list[str]]:
    """A cell under a table's header line read as the header's columns ``roles`` run together: its
    level names peeled off, the rest cut by the value columns (glued_rows.decode_row), or None."""
    if level_of(text) or SENTENCE.search(text):
        return None
    levels, rest = peel_levels(text)
    roles = [r for r in roles if r not in ("level1", "level2", "group")]
    if not rest or "indicator" not in roles or len(roles) < 2:
        return None
    row = decode_row(rest, roles)
    if not row.rows or row.left_over or not any(roles[j] in VALUE_ROLES for j, _ in row.rows[0]):
        return None
    return levels + [t for _, t in row.rows[0]]


def _signed_value(cells: list[RowCell]) -> bool:
    """The cell is a value opening with its comparison (>=2個, 不低于95%): a target, so the cell
    before it holds none."""
    folded = fold_mapped(cells[0].text)[0] if cells else ""  # (Simplified: >=2個 reads as >=2个)
    return bool(folded) and not folded[0].isdigit() and value_at(folded, 0) == len(folded)


def _table(row: Row, before: list[Row]) -> Optional[int]:
    """The table a cut row stands in: a line of one cell read as text stands in none, and is a row
    of the table the lines before are."""
    return row.table if row.table is not None else next((r.table for r in reversed(before) if r.table is not None), None)


def split_level_openings(rows: list[Row]) -> list[Row]:
    """The rows with their run-together cells cut (see the module's docstring); other rows as they were."""
    out: list[Row] = []
    header_roles: list[str] = []  # the roles of the columns the table's header line names
    in_run = False  # the lines before were a table's rows run together: a name and its value alone are cut too
    for row in rows:
        if not any(c.text for c in row.cells) or row.exact or any(c.bbox is not None or c.glued for c in row.cells):
            # (an office grid's cells are its own: 四、年度绩效指标完成情况 is a merged block label, not a run)
            out.append(row)
            in_run = False
            continue
        filled = [c for c in row.cells if c.text]
        if len(filled) >= 2 and all(key(c.text) in column_roles() for c in filled):
            out.append(row)  # the indicator table's header: its rows may follow run together
            in_run = True
            header_roles = [column_roles()[key(c.text)] for c in filled]
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
        if not any(opened) and in_run and len(header_roles) > len(filled) and not _signed_value(filled[1:2]):
            # a row run together whose value no expression ends (…保障有效性有效保障; 合规性合规 | 达成预期指标 | 10 | 10):
            # its first cell holds the header's columns the cells after it do not
            first = filled[0]
            pieces = _decoded(first.text, header_roles[:len(header_roles) - len(filled) + 1])
            opened = [pieces if c is first else None for c in row.cells]
        if not any(opened):
            out.append(row)
            in_run = False
            continue
        cells: list[RowCell] = []
        for c, pieces in zip(row.cells, opened):
            for text in pieces or [c.text]:
                cells.append(c.piece(text, len(cells), glued=False))
        out.append(replace(row, cells=cells, table=_table(row, out)))
    return out
