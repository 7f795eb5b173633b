"""Shared grid helpers for the office and web readers (DOCX, DOC, XLSX, XLS, HTML).

Part of ``extract/``: every office reader first finds, for each source cell, its row, column and
spans; these helpers turn such placed cells into a :class:`jixiao.model.Table` (empty edge rows and
columns trimmed, rows renumbered), build a spreadsheet's grid from cell texts and merged ranges
(the XLSX and XLS readers), lay out HTML-style rows whose columns are implied by earlier rowspans,
and drop header rows repeated in the middle of a table.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from jixiao.model import Cell, Table


@dataclass
class PlacedCell:
    """A source cell at its grid position (0-based), before trimming."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def build_table(cells: list[PlacedCell]) -> Optional[Table]:
    """A Table from placed cells; empty rows/columns at the edges are trimmed. None when all empty.

    Cells are clipped so that no two cells cover the same grid position (the earlier cell wins)."""
    filled = [c for c in cells if c.text.strip()]
    if not filled:
        return None
    top = min(c.row for c in filled)
    left = min(c.col for c in filled)
    bottom = max(c.row + c.rowspan for c in filled)
    right = max(c.col + c.colspan for c in filled)
    out: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        r0, c0 = max(c.row, top), max(c.col, left)
        r1, c1 = min(c.row + c.rowspan, bottom), min(c.col + c.colspan, right)
        if r0 >= r1 or c0 >= c1:
            continue
        if (r0, c0) in taken:
            continue
        # shrink a span that would run into a position already covered
        width = 0
        while c0 + width < c1 and (r0, c0 + width) not in taken:
            width += 1
        height = 0
        while r0 + height < r1 and all((r0 + height, k) not in taken for k in range(c0, c0 + width)):
            height += 1
        for r in range(r0, r0 + height):
            for k in range(c0, c0 + width):
                taken.add((r, k))
        out.append(Cell(text=c.text, row=r0 - top, col=c0 - left, rowspan=height, colspan=width))
    return _drop_covered_lines(Table(cells=out, n_rows=bottom - top, n_cols=right - left, exact=True))


def covered_cells(merged: Iterable[tuple[int, int, int, int]]) -> set[tuple[int, int]]:
    """Positions inside merged ranges ``(first row, first col, last row, last col)`` (inclusive)
    other than each range's top-left cell."""
    covered = set()
    for r0, c0, r1, c1 in merged:
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    return covered


def sheet_table(texts: Iterable[tuple[int, int, str]], merged: Iterable[tuple[int, int, int, int]]) -> Optional[Table]:
    """One spreadsheet's grid from its cells' display texts at ``(row, col)`` and its merged ranges
    ``(first row, first col, last row, last col)``, inclusive, all 0-based: a range's top-left cell
    spans it, the cells it covers are dropped, empty cells outside ranges are left out, line ends
    become ``\n`` and text is stripped."""
    merged = list(merged)
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merged}
    covered = covered_cells(merged)
    placed: list[PlacedCell] = []
    for r, c, text in texts:
        if (r, c) in covered:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if not text and (r, c) not in spans:
            continue
        rowspan, colspan = spans.get((r, c), (1, 1))
        placed.append(PlacedCell(text=text, row=r, col=c, rowspan=rowspan, colspan=colspan))
    return build_table(placed)


def _drop_covered_lines(table: Table) -> Table:
    """Remove grid columns (rows) where no cell starts: every cell there continues a span from the
    left (above), so the column carries nothing (a Word grid column used only inside merges, two
    spreadsheet columns always merged). The same form then has the same grid in every format."""
    col_starts = {c.col for c in table.cells}
    row_starts = {c.row for c in table.cells}
    if len(col_starts) == table.n_cols and len(row_starts) == table.n_rows:
        return table
    col_map = {k: i for i, k in enumerate(sorted(col_starts))}
    row_map = {k: i for i, k in enumerate(sorted(row_starts))}

    def new_index(mapping: dict[int, int], start: int, span: int, size: int) -> tuple[int, int]:
        end = start + span  # first old line after the span
        later = [mapping[k] for k in mapping if k >= end]
        new_end = min(later) if later else len(mapping)
        return mapping[start], max(1, new_end - mapping[start])

    cells = []
    for c in table.cells:
        col, colspan = new_index(col_map, c.col, c.colspan, table.n_cols)
        row, rowspan = new_index(row_map, c.row, c.rowspan, table.n_rows)
        cells.append(Cell(text=c.text, row=row, col=col, rowspan=rowspan, colspan=colspan, page=c.page,
                          bbox=c.bbox, confidence=c.confidence))
    return Table(cells=cells, n_rows=len(row_map), n_cols=len(col_map), page=table.page, bbox=table.bbox,
                 exact=table.exact)


def layout_html_rows(rows: list[list[tuple[str, int, int]]]) -> list[PlacedCell]:
    """Place rows of ``(text, rowspan, colspan)`` the way browsers do: each cell takes the first
    column not covered by a rowspan from above. A rowspan of 0 runs to the last row."""
    n_rows = len(rows)
    occupied: set[tuple[int, int]] = set()
    placed: list[PlacedCell] = []
    for r, row in enumerate(rows):
        col = 0
        for text, rowspan, colspan in row:
            while (r, col) in occupied:
                col += 1
            rowspan = n_rows - r if rowspan <= 0 else min(rowspan, n_rows - r)
            colspan = max(1, colspan)
            for rr in range(r, r + rowspan):
                for cc in range(col, col + colspan):
                    occupied.add((rr, cc))
            placed.append(PlacedCell(text=text, row=r, col=col, rowspan=rowspan, colspan=colspan))
            col += colspan
    return placed


def row_signature(cells: list[PlacedCell]) -> tuple:
    """What makes two rows 'the same row': each cell's column, width and whitespace-free text."""
    return tuple((c.col, c.colspan, "".join(c.text.split())) for c in sorted(cells, key=lambda c: c.col))


def drop_repeated_rows(rows: list[list], header_rows: int, signature) -> list[list]:
    """Drop rows after the header that repeat a header row (a header row repeated on each page, or
    pasted again where a table was split). ``header_rows`` is the number of rows marked as header;
    with none marked, the first row counts as the header when it has at least two different
    non-empty cells (a label row, never a data row in these forms). ``signature(row)`` gives a
    comparable key of a row: a tuple of (column, width, text) triples."""
    if not rows:
        return rows
    if header_rows <= 0:
        texts = {text for _, _, text in signature(rows[0]) if text}
        if len(texts) < 2:
            return rows
        header_rows = 1
    heads = {signature(r) for r in rows[:header_rows]}
    heads = {h for h in heads if any(text for _, _, text in h)}
    kept = rows[:header_rows]
    for row in rows[header_rows:]:
        if signature(row) in heads:
            continue
        kept.append(row)
    return kept
