"""The camelot engine (``--pdf-engine camelot``): camelot-py's lattice finds the table grids.

Alternative to :mod:`jixiao.extract.pdf.grid` in the PDF reader (objects → **grid** → blocks):
camelot detects each table's rows, columns and cell borders (rendering the page and finding
the rulings with OpenCV); a missing border between two cells means they are one merged cell,
exactly as in the native engine. Cell text is then filled from pypdfium2's characters by
:mod:`jixiao.extract.pdf.layout`, so both engines produce the same model and the same text
rules (wrapped lines joined, vertical labels read whole).
"""
from __future__ import annotations

import contextlib
import io
import logging
import warnings
from pathlib import Path

import pypdfium2 as pdfium

from jixiao.extract.pdf.grid import GridLayout, regions_from_walls
from jixiao.extract.pdf.layout import page_blocks
from jixiao.extract.pdf.objects import _Frame, page_objects
from jixiao.model import Block, ReadError


def camelot_grids(table, frame: _Frame) -> GridLayout | None:
    """One camelot table as a grid in the page's displayed frame."""
    cells = table.cells
    if not cells or not cells[0]:
        return None
    n_rows, n_cols = len(cells), len(cells[0])
    corners = [frame.point(c.x1, c.y2) for c in cells[0]] + [frame.point(cells[0][-1].x2, cells[0][-1].y2)]
    xs = [p[0] for p in corners]
    ys = [frame.point(row[0].x1, row[0].y2)[1] for row in cells] + [frame.point(cells[-1][0].x1, cells[-1][0].y1)[1]]
    if xs != sorted(xs) or ys != sorted(ys):
        return None  # rotated page: camelot's own frame differs; leave the page to text lines
    wall_v = [[True] + [bool(cells[r][c].left) for c in range(1, n_cols)] + [True] for r in range(n_rows)]
    wall_h = [[True] * n_cols] + [[bool(cells[r][c].top) for c in range(n_cols)] for r in range(1, n_rows)] + \
        [[True] * n_cols]
    regions, owner = regions_from_walls(wall_v, wall_h, n_rows, n_cols)
    return GridLayout(xs, ys, regions, owner)


def camelot_blocks(path: Path, pages: list[int], password: str | None = None) -> dict[int, list[Block]]:
    """Blocks of the given 1-based pages, with camelot's lattice tables."""
    try:
        import camelot
    except ImportError:
        raise ReadError("the camelot PDF engine needs the Python package 'camelot-py', which is not installed") from None
    logging.getLogger("camelot").setLevel(logging.ERROR)
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(str(path), pages=",".join(map(str, pages)), flavor="lattice", password=password)
    by_page: dict[int, list] = {}
    for table in found:
        by_page.setdefault(int(table.page), []).append(table)
    out: dict[int, list[Block]] = {}
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        for number in pages:
            page = pdf[number - 1]
            frame = _Frame(page)
            page.close()
            grids = [g for g in (camelot_grids(t, frame) for t in by_page.get(number, [])) if g is not None]
            objects = page_objects(pdf, number - 1)
            out[number] = page_blocks(number, objects.chars, grids)
    finally:
        pdf.close()
    return out
