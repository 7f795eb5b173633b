"""One table listing many records → one segment per record, read as a form of its own.

Part of ``parsers/`` (pure; between ``split_forms`` and ``read_form``). Budget disclosures often
print every project of a unit in one table (Hunan's 项目支出绩效目标表, many cities' 部门项目支出绩效
目标表): record columns — 单位代码 | 单位(专项)名称 | 资金总额 | 实施期绩效目标 — stand left of the
indicator columns and are filled on a record's first row only (or merged down its rows). Read as
one form, every project's indicators would land in one record and every name and amount would be
lost.

Here each record becomes a segment of its own: the rows above the table (title, 部门), the record
cells written as the fields a form prints above its table (项目名称 … | 资金总额 … | 实施期绩效目标 …),
the header, and the record's rows with its record cells blanked (they are read once, as fields). A
record with no indicator rows of its own (a unit's total row over its projects) names the unit of
the records below it. The record headings are data (``data/record_columns.csv``).

Crawled or glued text loses the record columns: the headings run together above the indicator
header (单位代码单位(专项)名称资金总额…) and each record prints as one line of code, name and
amount (``505006州民族特殊教育学校30.00``). There a line of that shape, under such headings and
outside the rows of a level name, opens a record (:func:`split_text_records`).

Space-separated text keeps the columns but drops every empty cell: a record's first row prints its
record cells and its first indicator, the rows after it only their indicator cells, from the first
column. Such a row opens a record only when its record columns hold what records print there (not a
level name, 正向, 大于等于 or a unit), and one that prints no level name stands under the 三级 heading
(a real list of two projects, t03: 0 of 15 rows → 15).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from jixiao.parsers.indicators import read_header
from jixiao.parsers.rows import Row, RowCell
from jixiao.normalize.vocab import UNITS, fold
from jixiao.parsers.cellkind import is_operator
from jixiao.parsers.header import as_printed
from jixiao.parsers.lexer import fold_mapped
from jixiao.parsers.vocab import _rows, key, key_no_notes, level_of, nature_words

# a record printed as one line: its code, its name, its amount (505006州民族特殊教育学校30.00)
RECORD_LINE = re.compile(r"^(\d{4,12})[_\-\s]*([^\d\s].{1,40}?)(\d+(?:\.\d+)?)$")
HEADINGS_BEFORE = 3  # rows above the indicator header where run-together record headings are looked for
RUN_TOGETHER_MIN = 8  # characters of a cell holding record headings run together (单位代码单位名称…)

FIELD_LABELS = {"project": "项目名称", "department": "单位名称"}  # how the fields are read (data/fields.csv)


@lru_cache(maxsize=None)
def record_headings() -> dict[str, str]:
    return {key(r["heading"]): r["field"] for r in _rows("record_columns.csv")}


def _field_of(text: str) -> Optional[str]:
    table = record_headings()
    return table.get(key(text)) or table.get(key_no_notes(text))


def record_columns(row: Row) -> dict[int, tuple[str, str]]:
    """column → (field, heading) of the record headings left of an indicator header's first
    column; empty unless they name the record (项目名称 or 单位名称) and say more of it."""
    if row.table is None or not any(c.text and _field_of(c.text) for c in row.cells):
        return {}  # (cheap: most rows name no record heading, and reading a header costs)
    hdr = read_header(row)
    if hdr is None:
        return {}
    header, _ = hdr
    first = min((c for r, c in header.roles if r in ("level1", "level2", "indicator")), default=0)
    cols = {c.col: (_field_of(c.text), c.text) for c in row.cells if c.text and c.col < first and _field_of(c.text)}
    fields = {f for f, _ in cols.values()}
    if not fields & {"project", "department"} or not fields & {"amount", "goal", "code"}:
        return {}
    return cols


def listing_header(row: Row) -> bool:
    """The row is a record list's header: record headings, nothing else, then the indicator header
    (项目名称 项目单位 项目类别 预算数 年度绩效目标 一级指标 …), not a form run onto one line whose
    fields hold their values (项目名称 某项目 … 年度资金总额 10 … 一级指标 …)."""
    cols = record_columns(row)
    if not cols:
        return False
    last = max(cols)
    return all(c.col in cols for c in row.cells if c.text and c.col <= last)


def _blank(row: Row, cols) -> Row:
    return Row([RowCell("", c.col, c.span, c.carried, "", c.page, c.bbox, None, c.table, c.row)
                if c.col in cols else c for c in row.cells], page=row.page, table=row.table, flat=row.flat)


def _field_rows(opener: Row, cols: dict[int, tuple[str, str]], unit: Optional[RowCell]) -> list[Row]:
    """The record's cells as the lines a form prints above its table."""
    out = []
    if unit is not None:
        out.append(Row([unit.piece(FIELD_LABELS["department"], 0, glued=False), unit.moved(1)], page=unit.page))
    for c in opener.cells:
        if c.col not in cols or not c.text or c.carried:
            continue
        field, heading = cols[c.col]
        if field == "code":
            continue
        label = FIELD_LABELS.get(field, heading)
        out.append(Row([c.piece(label, 0, glued=False), c.moved(1)], page=c.page))
    return out


def split_records(rows: list[Row]) -> Optional[list[list[Row]]]:
    """The rows of each record's form when the rows hold a record list, else None."""
    return _split_grid_records(rows) or split_text_records(rows)


def _named_fields(text: str) -> dict[str, str]:
    """field → heading, as printed, of the record headings a run-together text holds (a long cell only;
    a Traditional page's 資金總額 stays 資金總額)."""
    if len(key(text)) < RUN_TOGETHER_MIN:
        return {}
    folded = fold_mapped(text)[0]
    return {f: as_printed(text, h) for h, f in record_headings().items() if len(h) >= 4 and h in folded}


def _record_line(row: Row) -> Optional[tuple[RowCell, str, str]]:
    """(first cell, name, amount) of a row that is a record printed as one line, else None."""
    filled = [c for c in row.cells if c.text]
    m = RECORD_LINE.match("".join(c.text for c in filled)) if filled else None
    if m is None or level_of(m.group(2)):
        return None
    return filled[0], m.group(2).strip("_-| "), m.group(3)


def split_text_records(rows: list[Row]) -> Optional[list[list[Row]]]:
    """Records of a list whose columns text lost: under record headings run together (单位代码单位
    (专项)名称资金总额…) above the indicator header, each line of code, name and amount opens a record."""
    if not any(_named_fields(c.text) for r in rows for c in r.cells if c.text):
        return None  # (cheap: no run-together record headings, no header to look for)
    at = next((i for i, r in enumerate(rows) if read_header(r) is not None), None)
    if at is None:
        return None
    named: dict[str, str] = {}
    for r in rows[max(0, at - HEADINGS_BEFORE):at + 1]:
        for c in r.cells:
            named.update(_named_fields(c.text) if c.text else {})
    if not named.keys() & {"project", "department"} or not named.keys() & {"amount", "code"}:
        return None
    records: list[tuple[tuple[RowCell, str, str], list[Row]]] = []
    for row in rows[at + 1:]:
        line = _record_line(row)
        if line is not None:
            records.append((line, []))
        elif records:
            records[-1][1].append(row)
    # each record line as the record columns of a grid: its name under 项目名称, its amount under
    # the amount heading the text prints (read by _field_rows, as the grid's are)
    cols = {1: ("project", ""), 2: ("amount", named.get("amount", "资金总额"))}
    out, unit = [], None
    for (cell, name, amount), own in records:
        if not own:
            unit = cell.piece(name, 1, glued=False)  # a record without rows: the unit over those below
            continue
        opener = Row([cell.piece(name, 1, glued=False), cell.piece(amount, 2, glued=False)], page=cell.page)
        out.append(rows[:at] + _field_rows(opener, cols, unit) + [rows[at]] + own)
    return out or None


def _aligned(row: Row, level_cols: dict[int, int]) -> Row:
    """A text row whose merged cells were dropped (| 产出指标 | 时效指标 | 维持时效 | ≥ | 1 | 年 |, the
    record cells left of it gone): its cells moved right until its first level name stands under
    that level's heading. A grid row, or one without a level name, stays as it is."""
    if row.exact:
        return row
    first = next(((c, n) for c in row.cells if c.text for n in sorted(level_of(c.text)) if n in level_cols), None)
    if first is None or first[0].col >= level_cols[first[1]]:
        return row
    return _shifted(row, level_cols[first[1]] - first[0].col)


def _shifted(row: Row, shift: int) -> Row:
    return Row([c.moved(c.col + shift) for c in row.cells], page=row.page, table=row.table, flat=row.flat)


def _record_like(text: str) -> bool:
    """A cell a record column may hold: not a level name, an indicator's nature (正向, 定性), a
    comparison or a unit (a space-separated indicator row's cells)."""
    return not (level_of(text) or key(text) in nature_words() or is_operator(text) or fold(text) in UNITS)


def _opens_record(row: Row, cols: dict[int, tuple[str, str]], name_cols: list[int]) -> bool:
    """The row opens a record: its name column is filled and, in text whose rows dropped their empty
    cells, so are two record columns or more, with cells no indicator row prints there (a row
    ``设备验收及时率 正向 大于等于 98 % 5`` under 项目名称 项目单位 项目类别 预算数 … opens none)."""
    if not any(c.col in name_cols and c.text and not c.carried for c in row.cells):
        return False
    if row.exact or any(c.carried for c in row.cells):
        return True
    own = [c for c in row.cells if c.col in cols and c.text]
    return len(own) >= min(2, len(cols)) and all(_record_like(c.text) for c in own)


def _under_names(row: Row, level_cols: dict[int, int], name_col: Optional[int]) -> Row:
    """A text row of a record holding no level name, printed from its first column (its level and
    record cells dropped): moved right so its first cell stands under the 三级 heading."""
    if row.exact or name_col is None or any(level_of(c.text) for c in row.cells if c.text):
        return row
    first = next((c for c in row.cells if c.text), None)
    if first is None or first.col >= name_col:
        return row
    return _shifted(row, name_col - first.col)


def _split_grid_records(rows: list[Row]) -> Optional[list[list[Row]]]:
    at, cols = next(((i, c) for i, c in ((i, record_columns(r)) for i, r in enumerate(rows)) if c), (None, {}))
    if at is None:
        return None
    name_cols = [c for c, (f, _) in cols.items() if f in ("project", "department")]
    # a two-row header's first row loses its record headings too
    before = [_blank(r, {c.col for c in r.cells if c.col in cols and c.text and _field_of(c.text)}) for r in rows[:at]]
    header = _blank(rows[at], cols)
    records: list[tuple[Row, list[Row]]] = []
    hdr = read_header(rows[at])  # (record_columns read it: a header)
    level_cols = {n: c for n, r in ((1, "level1"), (2, "level2")) for role, c in (hdr[0].roles if hdr else [])
                  if role == r}
    name_col = next((c for role, c in (hdr[0].roles if hdr else []) if role == "indicator"), None)
    for row in rows[at + 1:]:
        row = _aligned(row, level_cols)
        opens = _opens_record(row, cols, name_cols)
        if not opens and records:
            row = _under_names(row, level_cols, name_col)
        if opens or not records:
            records.append((row, []))
        records[-1][1].append(_blank(row, cols))
    unit_cols = {c for c, (f, _) in cols.items() if f == "department"}
    out, unit = [], None
    for opener, own in records:
        if not any(c.text for r in own for c in r.cells):
            name = next((c for c in opener.cells if c.col in name_cols and c.text), None)
            unit = name or unit  # a record without rows of its own: the unit over the records below
            continue
        own_unit = next((c for c in opener.cells if c.col in unit_cols and c.text and not c.carried), None)
        if own_unit is not None:  # the record names its unit: it holds for the records below that name none
            unit = None
        out.append(before + _field_rows(opener, cols, unit) + [header] + own)
        if own_unit is not None:
            unit = own_unit
    return out or None

