"""The form-shaped workbook: one sheet per form, laid out like the printed form (openpyxl).

Part of the dataset layer's output edge (``--format forms-xlsx`` → ``OUTDIR/forms.xlsx``, and the
web page's download). Each sheet renders the :class:`~jixiao.dataset.formlayout.FormLayout` of one
form: title, header fields, funding block, goals, the indicator table with 一级/二级 merged down and
the parsed target beside the printed one; borders, wrapping, column widths and row heights set;
the title and header fields frozen; A4 print set-up fitted to the page width, the printed area
ending with the form (the review notes below it are not printed). Sheet names are unique and at
most 31 characters, as Excel requires.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from jixiao.dataset.formlayout import FORM_TYPE_NAMES, FormLayout, layout_form

SHEET_NAME_MAX = 31
FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
FONT = "宋体"
FILLS = {"label": "F2F2F2", "head": "DDE5F0", "parsed-head": "E2EFDA", "parsed": "F3F9EF", "level": "FAFAFA"}
NO_FORMS = "未找到绩效表"


def sheet_names(titles: Iterable[str]) -> list[str]:
    """``"<n> <title>"`` for each, without the characters Excel forbids, at most 31 long, unique."""
    out: list[str] = []
    seen: set[str] = set()
    for n, title in enumerate(titles, start=1):
        base = FORBIDDEN.sub("", str(title or "")).strip().strip("'") or "表"
        name = f"{n} {base}"[:SHEET_NAME_MAX].rstrip()
        k = 2
        while name.lower() in seen:  # cannot happen with the numbers, but Excel compares case-blind
            suffix = f"~{k}"
            name = name[: SHEET_NAME_MAX - len(suffix)] + suffix
            k += 1
        seen.add(name.lower())
        out.append(name)
    return out


def short_title(form: dict) -> str:
    return (form.get("project") or form.get("department")
            or FORM_TYPE_NAMES.get(form.get("form_type") or "unknown", "表"))


def _records(table) -> list[dict]:
    """Rows of a table given as a list of dicts or a DataFrame (missing values as None)."""
    if table is None:
        return []
    if isinstance(table, list):
        return table
    if table.empty:
        return []
    frame = table.astype(object).where(table.notna(), None)
    return frame.to_dict("records")


def _by_form(rows: list[dict]) -> dict:
    out: dict = {}
    for r in rows:
        out.setdefault(r.get("form_id"), []).append(r)
    return out


def form_layouts(tables: dict) -> list[FormLayout]:
    """Every form's layout, in the forms table's order."""
    forms = _records(tables.get("forms"))
    parts = {t: _by_form(_records(tables.get(t))) for t in ("indicators", "budget", "goals", "checks")}
    return [layout_form(f, *(parts[t].get(f.get("form_id"), []) for t in ("indicators", "budget", "goals", "checks")))
            for f in forms]


def forms_workbook(tables: dict):
    """An openpyxl Workbook with one sheet per form (a single explanatory sheet when there are none)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    forms = _records(tables.get("forms"))
    layouts = form_layouts(tables)
    for name, layout in zip(sheet_names(short_title(f) for f in forms), layouts):
        render_sheet(wb.create_sheet(name), layout)
    if not layouts:
        _no_forms_sheet(wb, _records(tables.get("documents")))
    return wb


def write_forms_xlsx(tables: dict, path: Path) -> Path:
    """Write the form-shaped workbook to ``path`` (under a temporary name, then renamed)."""
    path = Path(path)
    tmp = path.with_name("." + path.name + ".tmp")
    forms_workbook(tables).save(tmp)
    tmp.replace(path)
    return path


def render_sheet(ws, layout: FormLayout) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in FILLS.items()}
    fonts = {"title": Font(name=FONT, size=16, bold=True), "label": Font(name=FONT, size=10.5, bold=True),
             "head": Font(name=FONT, size=10.5, bold=True), "parsed-head": Font(name=FONT, size=10.5, bold=True, italic=True),
             "parsed": Font(name=FONT, size=10.5, italic=True, color="375623"),
             "note": Font(name=FONT, size=9, italic=True, color="666666"),
             "check": Font(name=FONT, size=10, color="C00000")}
    plain = Font(name=FONT, size=10.5)
    for k, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    for cell in layout.cells:
        target = ws.cell(row=cell.row, column=cell.col, value=cell.value)
        horizontal = {"title": "center", "label": "center", "head": "center", "parsed-head": "center",
                      "level": "center", "num": "right", "parsed": "center"}.get(cell.style, "left")
        if cell.style == "note" and cell.row == 2:
            horizontal = "right"
        target.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        target.font = fonts.get(cell.style, plain)
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=cell.row, start_column=cell.col, end_row=cell.row + cell.rowspan - 1,
                           end_column=cell.col + cell.colspan - 1)
        framed = cell.style not in ("title", "note", "check")
        fill = fills.get(cell.style)
        if framed or fill:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    part = ws.cell(row=r, column=c)
                    if framed:
                        part.border = box
                    if fill:
                        part.fill = fill
    ws.row_dimensions[1].height = 30
    for row, height in layout.heights.items():
        ws.row_dimensions[row].height = height
    ws.freeze_panes = f"A{layout.freeze_row}"
    last = get_column_letter(layout.n_cols)
    ws.print_area = f"A1:{last}{layout.print_rows}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sum(layout.widths) > 110 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.sheet_view.zoomScale = 100


def _no_forms_sheet(wb, documents: list[dict]) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(NO_FORMS)
    ws["A1"] = NO_FORMS
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 80
    for k, doc in enumerate(documents, start=3):
        ws.cell(row=k, column=1, value=doc.get("source"))
        ws.cell(row=k, column=2, value=doc.get("status"))
        ws.cell(row=k, column=3, value=doc.get("error") or "")
