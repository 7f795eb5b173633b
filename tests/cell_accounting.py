"""Helpers for the review report's tests: a file read with the parser's own cell accounting, or the
same result with the accounting stripped (to test the report's fallbacks to row boxes and pages)."""
from __future__ import annotations


def process_with_cells(path, source=None, options=None):
    """:func:`jixiao.pipeline.process_file` (the parser accounts for every cell of a form's regions)."""
    from jixiao.extract import ReadOptions
    from jixiao.pipeline import process_file

    return process_file(path, source or path.name, options or ReadOptions())


def strip_cells(result, keep_row_boxes: bool = False, drop_row_boxes: bool = False):
    """The result as an extraction without cell accounting; with ``keep_row_boxes`` each indicator
    row gets the box its cells covered (so the report can only fall back to the row's box); with
    ``drop_row_boxes`` no row keeps a box (only its page is left)."""
    if keep_row_boxes:
        boxes: dict = {}
        for c in result.cells:
            if c.get("record") and c.get("x0") is not None:
                key = (c["form_id"], c["record"])
                b = boxes.get(key)
                box = (c["x0"], c["top"], c["x1"], c["bottom"])
                boxes[key] = box if b is None else (min(b[0], box[0]), min(b[1], box[1]), max(b[2], box[2]),
                                                    max(b[3], box[3]))
        seen: dict = {}
        for r in result.indicators:
            k = seen[r["form_id"]] = seen.get(r["form_id"], 0) + 1
            box = boxes.get((r["form_id"], f"indicator:{k}"))
            if box:
                r.update(dict(zip(("x0", "top", "x1", "bottom"), box)))
    if drop_row_boxes:
        for r in result.indicators + result.budget + result.goals:
            r.update(x0=None, top=None, x1=None, bottom=None)
    result.cells = []
    return result
