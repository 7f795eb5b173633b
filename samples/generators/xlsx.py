"""Sample XLSX workbook for the XLSX reader's tests, rendered from the synthetic forms.

Part of ``samples/`` (not of the pipeline). openpyxl writes merged ranges and typed cells the way
people fill these forms in Excel: amounts as numbers with ``0.00``/``#,##0.00`` formats, percentages
as fractions with ``0.00%``/``0%``, scores as integers; a target typed as ``=15项`` kept as text
(openpyxl would store it as a formula unless told it is a string).

``xlsx_forms.xlsx``: sheet 自评表 holds two self-evaluation forms one above the other; sheet 目标表
holds the department target form (amounts with thousands separators) and a formula without a
saved value; a hidden sheet holds a lookup list. ``bad_truncated.xlsx``: the same file cut short.

Run ``python -m samples.generators.xlsx`` to regenerate; outputs are committed.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import forms  # noqa: E402
from samples.generators.docx import write_expected  # noqa: E402
from samples.generators.pdf import department_target_layouts, self_eval_layout  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
XLSX_DIR = SAMPLES / "xlsx"
BAD_DIR = SAMPLES / "bad"  # files that must fail, kept out of `make run`
FORMULA_CELL = "I2"
_NUMBER = re.compile(r"^\d+(\.(\d+))?(%?)$")


def typed(text: str, thousands: bool = False):
    """(value, number_format) that Excel would store for what a person typed as ``text``."""
    m = _NUMBER.match(text)
    if not m:
        return text, None
    decimals = len(m.group(2) or "")
    digits = "0" + ("." + "0" * decimals if decimals else "")
    if m.group(3):
        return round(float(text[:-1]) / 100, decimals + 2), digits + "%"
    if decimals == 0:
        return int(text), "General"
    return float(text), ("#,##" if thousands else "") + digits


def write_layout(ws, layout, top: int, thousands: bool = False) -> int:
    """Write a layout's cells from sheet row ``top`` (1-based); returns the next free row."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    cells = layout[1]
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    for r, c, rs, cs, text in cells:
        cell = ws.cell(top + r, c + 1)
        value, fmt = typed(text, thousands)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # '=15项' is text someone typed, not a formula
        if fmt:
            cell.number_format = fmt
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r + rs - 1, end_column=c + cs)
    return top + n_rows


def title_rows(ws, form: dict, top: int, n_cols: int) -> int:
    ws.cell(top, 1).value = form["title"]
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=n_cols)
    ws.cell(top + 1, 1).value = f"（{form['year']}年度）"
    ws.merge_cells(start_row=top + 1, start_column=1, end_row=top + 1, end_column=n_cols)
    return top + 2


def forms_workbook(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    row = 2  # row 1 and column A left empty: the reader trims empty edges
    for form in (forms.DEPARTMENT_SELF_EVAL, forms.PROJECT_SELF_EVAL):
        row = title_rows(ws, form, row, 10)
        row = write_layout(ws, self_eval_layout(form), row) + 2  # a blank row between the forms
    ws2 = wb.create_sheet("目标表")
    form = forms.DEPARTMENT_TARGET
    row = title_rows(ws2, form, 1, 6)
    ws2.cell(row, 1).value = "单位：万元"
    row += 1
    first, indicators = department_target_layouts(form)
    row = write_layout(ws2, first, row, thousands=True)
    write_layout(ws2, indicators, row)
    ws2[FORMULA_CELL] = "=SUM(D6:D8)"  # no cached value: openpyxl cannot compute it
    hidden = wb.create_sheet("下拉选项")
    for n, word in enumerate(["产出指标", "效益指标", "满意度指标"], start=1):
        hidden.cell(n, 1).value = word
    hidden.sheet_state = "hidden"
    wb.save(path)


def build() -> list[Path]:
    XLSX_DIR.mkdir(parents=True, exist_ok=True)
    p = XLSX_DIR / "xlsx_forms.xlsx"
    forms_workbook(p)
    write_expected(p.name, "xlsx", [forms.DEPARTMENT_SELF_EVAL, forms.PROJECT_SELF_EVAL, forms.DEPARTMENT_TARGET])
    bad = BAD_DIR / "bad_truncated.xlsx"
    BAD_DIR.mkdir(parents=True, exist_ok=True)
    data = p.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return [p, bad]


if __name__ == "__main__":
    for path in build():
        print(path)
