"""One form's rows laid out like the printed form: a grid of cells with spans, ready to render.

Part of the dataset layer, beside the flattening (:mod:`jixiao.dataset.rows`): it takes a form's
rows (dicts, as in the ``forms``, ``indicators``, ``budget``, ``goals`` and ``checks`` tables) and
returns a :class:`FormLayout` — title, header fields, funding block, goals, then the indicator
table with 一级/二级 merged down over their rows and the parsed target (comparator, value, unit)
beside the printed one. Pure: the form-shaped workbook (:mod:`jixiao.dataset.formsheet`) and the
web page (``jixiao serve``) both render this same layout, so what the page shows is what the
workbook holds.

Row and column numbers are 1-based (as in a spreadsheet). Labels are the printed forms' own
wording (Chinese); the parsed columns are marked as jixiao's, not the form's.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from jixiao.dataset.rows import split_warnings

FORM_TYPE_NAMES = {"department_target": "部门（单位）整体支出绩效目标表", "project_target": "项目支出绩效目标表",
                   "department_self_eval": "部门整体支出绩效自评表", "project_self_eval": "项目支出绩效自评表",
                   "unknown": "绩效表"}

# (row key, label) of the header fields, per form kind; a field is shown when the form has a value
HEADER_FIELDS = {
    "project": [("project", "项目名称"), ("agency", "主管部门"), ("department", "实施单位"), ("year", "年度")],
    "department": [("department", "部门（单位）名称"), ("agency", "主管部门"), ("year", "年度")],
}
# budget columns in printed order: (row key, heading); shown when any line has a value
FUNDING_COLUMNS = [("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"), ("amount", "金额"),
                   ("budget_initial", "年初预算数"), ("budget_full_year", "全年预算数"), ("executed", "全年执行数"),
                   ("execution_rate", "执行率（%）"), ("score_max", "分值"), ("score", "得分")]
GOAL_LABELS = {"annual": "年度总体目标", "long_term": "中长期目标", "actual": "实际完成情况"}
# the indicator table: the printed columns, then the self-evaluation ones a form may have
INDICATOR_COLUMNS = [("level1", "一级指标"), ("level2", "二级指标"), ("indicator", "三级指标"),
                     ("target_raw", "指标值")]
SELF_EVAL_COLUMNS = [("actual_raw", "实际完成值"), ("score_max", "分值"), ("score", "得分"),
                     ("deviation", "偏差原因分析及改进措施")]
# jixiao's reading of the target, beside the printed one
PARSED_COLUMNS = [("comparator", "比较符"), ("value", "数值"), ("value_max", "上限"), ("unit", "单位"),
                  ("deadline", "截止日期")]
PARSED_ALWAYS = {"comparator", "value", "unit"}
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<", "between": "区间", "approx": "约",
                    "text": "定性"}
PARSED_NOTE = "注：带底色的“解析”列是 jixiao 对指标值的解读（比较符、数值、单位），不是原表内容。"
AMOUNT_UNIT = "金额单位：万元"

# column widths in spreadsheet units (about one Latin character; a Chinese character takes two)
MIN_WIDTH, MAX_WIDTH = 8.0, 44.0
FIXED_WIDTHS = {"level1": 12.0, "level2": 14.0, "comparator": 8.0, "value": 10.0, "value_max": 10.0,
                "unit": 9.0, "deadline": 12.0, "score_max": 7.0, "score": 7.0}
LINE_HEIGHT = 15.0  # points per wrapped line of 10.5-pt text


@dataclass
class LayoutCell:
    """One cell of the layout. ``style`` names its look: title, note, label, head, parsed-head,
    text, num, parsed, level, check."""

    row: int
    col: int
    value: object
    style: str = "text"
    rowspan: int = 1
    colspan: int = 1
    key: Optional[str] = None  # the row field it shows (indicator cells), for tests and the page


@dataclass
class FormLayout:
    title: str
    n_cols: int
    cells: list[LayoutCell] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # per column, spreadsheet units
    heights: dict[int, float] = field(default_factory=dict)  # row -> points, for wrapped rows
    freeze_row: int = 1  # rows above this stay in view (title and header fields)
    print_rows: int = 1  # the last row of the printed form (notes below it are not printed)
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (first row, last row)
    columns: list[str] = field(default_factory=list)  # the indicator table's field per column

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan - 1 for c in self.cells), default=0)


def text_width(value) -> float:
    """Display width of a value in spreadsheet units: CJK and full-width characters count 2."""
    s = display(value)
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in s)


def display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def _present(v) -> bool:
    return v is not None and not (isinstance(v, float) and v != v) and v != ""


def _number(v):
    """Numbers stay numbers (204.0 → 204) so a spreadsheet can add them up."""
    if isinstance(v, float) and v == v and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def form_kind(form_type: Optional[str]) -> str:
    return "project" if (form_type or "").startswith("project") else "department"


def form_title(form: dict) -> str:
    title = form.get("title") or FORM_TYPE_NAMES.get(form.get("form_type") or "unknown", "绩效表")
    year = form.get("year")
    if _present(year) and str(int(year)) not in title:
        title = f"{int(year)}年度{title}"
    return title


def layout_form(form: dict, indicators: list[dict], budget: list[dict], goals: list[dict],
                checks: list[dict] = ()) -> FormLayout:
    """The printed-form layout of one form from its rows (indicators, budget, goals, checks of that form)."""
    columns = _indicator_columns(indicators)
    funding_cols = [(k, h) for k, h in FUNDING_COLUMNS if any(_present(b.get(k)) for b in budget)]
    with_content = any(_present(b.get("content")) for b in budget)
    # funding: label | item | (content) | amounts…  — at least as wide as the indicator table
    funding_width = 2 + (1 if with_content else 0) + len(funding_cols)
    n_cols = max(len(columns), funding_width if budget else 0, 4)
    out = FormLayout(title=form_title(form), n_cols=n_cols, columns=[k for k, _ in columns])
    add = out.cells.append
    row = 1
    add(LayoutCell(row, 1, out.title, "title", colspan=n_cols))
    out.sections["title"] = (1, 1)
    row += 1
    add(LayoutCell(row, 1, AMOUNT_UNIT, "note", colspan=n_cols))
    row += 1

    first = row
    for key, label in HEADER_FIELDS[form_kind(form.get("form_type"))]:
        value = form.get(key)
        if not _present(value):
            continue
        add(LayoutCell(row, 1, label, "label", colspan=2))
        add(LayoutCell(row, 3, _number(value), "text", colspan=n_cols - 2, key=key))
        row += 1
    out.sections["header"] = (first, row - 1)
    out.freeze_row = row

    if budget:
        first = row
        label = "年度主要任务" if with_content or any(_present(b.get("total")) for b in budget) else "项目资金（万元）"
        add(LayoutCell(row, 1, label, "label", rowspan=len(budget) + 1))
        # item | (content) | amounts…, the last of them stretched to the right edge
        fields = [("item", "任务名称" if with_content else "项目", "text")]
        if with_content:
            fields.append(("content", "主要内容", "text"))
        fields += [(key, heading, "num") for key, heading in funding_cols]
        spans = _spans(2, n_cols, len(fields))
        for (_key, heading, _), (c, span) in zip(fields, spans):
            add(LayoutCell(row, c, heading, "head", colspan=span))
        row += 1
        for b in budget:
            for (key, _, style), (c, span) in zip(fields, spans):
                value = b.get(key)
                add(LayoutCell(row, c, _number(value) if _present(value) else None, style, colspan=span, key=key))
            row += 1
        out.sections["funding"] = (first, row - 1)

    if goals:
        first = row
        for g in goals:
            add(LayoutCell(row, 1, GOAL_LABELS.get(g.get("kind"), g.get("kind") or "目标"), "label", colspan=2))
            add(LayoutCell(row, 3, g.get("text"), "text", colspan=n_cols - 2, key="goal"))
            row += 1
        out.sections["goals"] = (first, row - 1)

    first = row
    for c, (key, heading) in enumerate(columns, start=1):
        parsed = key in dict(PARSED_COLUMNS)
        span = n_cols - len(columns) + 1 if c == len(columns) else 1
        add(LayoutCell(row, c, f"{heading}（解析）" if parsed else heading, "parsed-head" if parsed else "head",
                       colspan=span, key=key))
    out.sections["indicator_head"] = (row, row)
    row += 1
    body_first = row
    for ind in indicators:
        for c, (key, _) in enumerate(columns, start=1):
            span = n_cols - len(columns) + 1 if c == len(columns) else 1
            if key in ("level1", "level2"):
                continue  # merged runs, below
            value = ind.get(key)
            if key == "comparator":
                value = COMPARATOR_SIGNS.get(value, value)
            style = "parsed" if key in dict(PARSED_COLUMNS) else ("num" if key in ("score_max", "score") else "text")
            add(LayoutCell(row, c, _number(value) if _present(value) else None, style, colspan=span, key=key))
        row += 1
    for key in ("level1", "level2"):
        col = out.columns.index(key) + 1
        for start, length, value in _runs(indicators, key):
            add(LayoutCell(body_first + start, col, value, "level", rowspan=length, key=key))
    out.sections["indicators"] = (body_first, row - 1)
    out.print_rows = row - 1

    if any(k in dict(PARSED_COLUMNS) for k in out.columns):
        add(LayoutCell(row, 1, PARSED_NOTE, "note", colspan=n_cols))
        out.print_rows = row
        row += 1
    if form.get("form_id"):
        add(LayoutCell(row, 1, f"来源：{form['form_id']}", "note", colspan=n_cols))
        row += 1
    fails = [c for c in checks if c.get("status") == "fail"]
    warnings = split_warnings(form.get("warnings"))
    if fails or warnings:
        row += 1
        first = row
        add(LayoutCell(row, 1, "审核提示（jixiao 检查，不属于原表）", "check", colspan=n_cols))
        row += 1
        for c in fails:
            add(LayoutCell(row, 1, c.get("rule"), "check", colspan=2))
            add(LayoutCell(row, 3, c.get("detail"), "check", colspan=n_cols - 2))
            row += 1
        for w in warnings:
            add(LayoutCell(row, 1, "warning", "check", colspan=2))
            add(LayoutCell(row, 3, w, "check", colspan=n_cols - 2))
            row += 1
        out.sections["checks"] = (first, row - 1)
    out.widths = _widths(out)
    out.heights = _heights(out)
    return out


def _indicator_columns(indicators: list[dict]) -> list[tuple[str, str]]:
    cols = list(INDICATOR_COLUMNS)
    cols += [(k, h) for k, h in SELF_EVAL_COLUMNS if any(_present(i.get(k)) for i in indicators)]
    cols += [(k, h) for k, h in PARSED_COLUMNS
             if k in PARSED_ALWAYS or any(_present(i.get(k)) for i in indicators)]
    return cols


def _spans(first: int, n_cols: int, count: int) -> list[tuple[int, int]]:
    """``count`` cells from column ``first``, the last one stretched to the grid's right edge."""
    out = []
    for k in range(count):
        col = first + k
        span = n_cols - col + 1 if k == count - 1 else 1
        out.append((col, max(span, 1)))
    return out


def _runs(rows: list[dict], key: str) -> list[tuple[int, int, object]]:
    """(first index, length, value) of runs of equal consecutive values; a 二级 run ends with its 一级's."""
    runs: list[tuple[int, int, object]] = []
    prev = object()
    for i, r in enumerate(rows):
        value = r.get(key)
        boundary = key == "level2" and i > 0 and r.get("level1") != rows[i - 1].get("level1")
        if runs and value == prev and _present(value) and not boundary:
            start, length, v = runs[-1]
            runs[-1] = (start, length + 1, v)
        else:
            runs.append((i, 1, value))
        prev = value
    return runs


def _widths(layout: FormLayout) -> list[float]:
    need = [MIN_WIDTH] * layout.n_cols
    for c in layout.cells:
        if c.colspan != 1 or c.style in ("title", "note", "check"):
            continue
        need[c.col - 1] = max(need[c.col - 1], min(text_width(c.value) + 2, MAX_WIDTH))
    for k, key in enumerate(layout.columns):
        if key in FIXED_WIDTHS and k < layout.n_cols:
            need[k] = max(FIXED_WIDTHS[key], min(need[k], FIXED_WIDTHS[key] + 4))
    return [round(w, 1) for w in need]


def _heights(layout: FormLayout) -> dict[int, float]:
    """Row heights for wrapped text (spreadsheets do not grow rows of merged cells by themselves)."""
    lines: dict[int, int] = {}
    for c in layout.cells:
        if c.value is None or c.style == "title":
            continue
        width = sum(layout.widths[c.col - 1: c.col - 1 + c.colspan]) - 1
        n = max(1, math.ceil(text_width(c.value) / max(width, 1.0)))
        per_row = math.ceil(n / c.rowspan)
        lines[c.row] = max(lines.get(c.row, 1), per_row)
    return {r: LINE_HEIGHT * n + 3 for r, n in lines.items() if n > 1}
