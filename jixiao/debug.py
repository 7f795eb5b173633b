"""Notebook helpers: see what jixiao read where on a page.

    >>> import jixiao.debug
    >>> jixiao.debug.plot("绩效自评表.pdf", page=1)          # a PIL image; Jupyter shows it
    >>> jixiao.debug.plot("scan.jpg", highlight="indicator:3")  # that row's cells in yellow

:func:`plot` runs the whole pipeline on the file (read → parse → rows) and draws every cell of the
form accounting on the page in the colour of its role, like the review report
(``jixiao report``). Where the parser gave no cell accounting, the rows' own boxes are drawn
(indicators in the 三级 colour, funding lines in the funding colour, goals in the goal colour).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult, process_file
from jixiao.report.overlay import draw_cells
from jixiao.report.pages import DEFAULT_DPI, has_pages, render_page

ROW_ROLES = {"indicators": "indicator", "budget": "funding_label", "goals": "goal"}
RECORD_KIND = {"indicators": "indicator", "budget": "budget", "goals": "goal"}


def page_cells(result: FileResult, page: int) -> list[dict]:
    """The boxes to draw on one page: the cells table's rows of that page, or — without cells —
    the rows' own boxes. ``rec`` is ``"<form n>:<kind>:<k>"`` like the report's."""
    forms = {f["form_id"]: n for n, f in enumerate(result.forms, start=1)}

    def box(r):
        b = [r.get(k) for k in ("x0", "top", "x1", "bottom")]
        return None if any(v is None for v in b) else b

    cells = [{"role": c.get("role"), "box": box(c),
              "rec": f"{forms.get(c['form_id'])}:{c['record']}" if c.get("record") else None}
             for c in result.cells if c.get("page") == page]
    if cells:
        return cells
    out = []
    for table, role in ROW_ROLES.items():
        seen: dict[str, int] = {}
        for r in getattr(result, table):
            k = seen[r["form_id"]] = seen.get(r["form_id"], 0) + 1
            if r.get("page") == page and box(r):
                out.append({"role": role, "box": box(r), "rec": f"{forms.get(r['form_id'])}:{RECORD_KIND[table]}:{k}"})
    return out


def plot(path: Union[str, Path], page: int = 1, *, highlight: Optional[str] = None, dpi: int = DEFAULT_DPI,
         ocr: str = "auto", result: Optional[FileResult] = None):
    """Page ``page`` of ``path`` (PDF or image) as a PIL image with every read cell outlined in the
    colour of its role. ``highlight``: a row id such as ``"indicator:3"`` (or ``"2:budget:1"`` for
    the second form) drawn filled. ``result``: reuse a :func:`jixiao.pipeline.process_file` result."""
    path = Path(path)
    if result is None:
        result = process_file(path, path.name, ReadOptions(ocr=ocr))
    fmt = result.documents.get("format") or path.suffix.lstrip(".").lower()
    if not has_pages(fmt, str(path)):
        raise ValueError(f"{path.name} is a {fmt} file and has no pages to draw on; "
                         "`jixiao report OUTDIR` shows its cells as a grid")
    image, info = render_page(path, fmt, page, dpi)
    return draw_cells(image, info, page_cells(result, page), highlight=highlight)


__all__ = ["plot", "page_cells"]
