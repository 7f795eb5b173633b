"""The cell accounting of a form's header, funding and goal regions (the indicator region's comes
from the decoder): every cell is read into a row, recognised as a label or heading, or unread.

Part of ``parsers/`` (pure). Together with the indicator reader's assignment this is what
``forms.unread_cells`` counts, what the warnings name, and what the review report draws: nothing
inside a form's regions is lost without being reported.
"""
from __future__ import annotations

import re
from typing import Optional

from jixiao.normalize import parse_amount
from jixiao.parsers.cellkind import EMPTYISH, is_noise, is_placeholder
from jixiao.parsers.funding import TASK_GROUP, budget_role, is_budget_label, split_label_amount, unit_label
from jixiao.parsers.goals import collapse, goal_keys_in
from jixiao.parsers.header import field_of, is_form_title, split_fields, year_line
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import key
from jixiao.records import BudgetLine, CellRead, Goal, Origin

AMOUNT_FIELDS = ("total", "fiscal", "other", "amount", "budget_initial", "budget_full_year", "executed",
                 "execution_rate", "score_max", "score")
NOTE_LEN = 30
SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．])")  # a sentence this long in a funding block is a printed note (执行率=执行数/预算数 …)


def origin(cell: RowCell) -> Origin:
    return Origin(cell.page, cell.bbox, cell.table, cell.row)


def read(cell: RowCell, role: str, record: Optional[tuple[str, int]] = None) -> CellRead:
    return CellRead(cell.text, role, origin(cell), cell.col, record, cell.confidence)


def own_cells(row: Row) -> list[RowCell]:
    return [c for c in row.cells if c.text and not c.carried]


def header_cells(row: Row) -> list[CellRead]:
    """A row of the form's header (title, fields): labelled, never unread (the header region holds
    much the tables do not record, such as 项目负责人 or 立项依据)."""
    out = []
    value_next = False
    for c in own_cells(row):
        if is_form_title(c.text):
            role = "title"
        elif field_of(c.text) or split_fields(c.text):
            role, value_next = "field_label", bool(field_of(c.text))
            out.append(read(c, role))
            continue
        elif value_next:
            role = "field_value"
        elif year_line(c.text) or is_noise(c.text):
            role = "noise"
        else:
            role = "heading"
        value_next = False
        out.append(read(c, role))
    return out


def funding_cells(row: Row, lines: list[BudgetLine], first_index: int) -> list[CellRead]:
    """A funding row: labels and the amounts that went into its lines; anything else is unread."""
    amounts = {round(v, 6) for line in lines for f in AMOUNT_FIELDS
               if (v := getattr(line, f)) is not None}
    items = {line.item: first_index + k for k, line in enumerate(lines)}
    contents = {line.content: first_index + k for k, line in enumerate(lines) if line.content}
    out = []
    value_next = False
    for c in own_cells(row):
        if value_next:
            value_next = False
            out.append(read(c, "field_value"))
            continue
        if field_of(c.text) and not is_budget_label(c.text):
            value_next = True
            out.append(read(c, "field_label"))
            continue
        if c.text in items:
            out.append(read(c, "funding_label", ("budget", items[c.text])))
        elif c.text in contents:
            out.append(read(c, "funding_label", ("budget", contents[c.text])))  # a task's 主要内容
        elif key(c.text) in TASK_GROUP:
            out.append(read(c, "heading"))
        elif budget_role(c.text) or is_budget_label(c.text) or split_label_amount(c.text):
            out.append(read(c, "funding_label" if not budget_role(c.text) else "heading"))
        elif c.text in EMPTYISH:
            out.append(read(c, "placeholder"))
        elif _amount_in(c.text, amounts):
            out.append(read(c, "amount", ("budget", first_index) if lines else None))
        elif is_noise(c.text) or len(c.text) >= NOTE_LEN or is_placeholder(c.text) or SECTION.match(c.text) \
                or unit_label(c.text) or (lines and len(c.text) <= 6 and parse_amount(c.text) is None):
            out.append(read(c, "heading"))  # notes, 二、预算执行情况, 项目资金(万元), a block's own 到位数
        else:
            out.append(read(c, "unread"))
    return out


def _amount_in(text: str, amounts: set) -> bool:
    v = parse_amount(text)
    if v is None:
        return False
    return any(abs(v - a) < 1e-6 or abs(v * 1e-4 - a) < 1e-9 for a in amounts)


def goal_cells(row: Row) -> list[CellRead]:
    """A goal row before its texts are known: headings, and texts to be checked when goals close."""
    out = []
    for c in own_cells(row):
        out.append(read(c, "goal_heading" if goal_keys_in(c.text) else "goal"))
    return out


def settle_goals(cells: list[CellRead], goals: list[Goal]) -> None:
    """Goal-text cells whose text became no goal are unread (placeholders excepted)."""
    texts = [g.text for g in goals]
    for cell in cells:
        if cell.role != "goal":
            continue
        t = collapse(cell.text)
        k = next((i for i, g in enumerate(texts) if t and t in g), None)
        if k is not None:
            cell.record = ("goal", k)
        elif is_placeholder(cell.text) or is_noise(cell.text) or len(cell.text) <= 12:
            cell.role = "heading"
        else:
            cell.role = "unread"
