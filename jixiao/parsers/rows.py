"""Document → one stream of rows, the form parser's input.

Tables become their grid rows (a cell merged over several rows appears in each of them, marked
``carried`` below its first row; a cell spanning columns appears once); free text lines become
one-cell rows. Page breaks vanish here: a table continued on the next page is simply more rows,
which is how the parser stitches split tables; a line that is only a page's number (``第 1 页，共 2 页``) vanishes
with them. Every cell keeps where it came from (page and box,
or table and row number) so each record can say where it was read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from jixiao.model import BBox, Document, Table, TextLine
from jixiao.normalize.pages import is_page_marker
from jixiao.parsers.vocab import squash


@dataclass(frozen=True)
class RowCell:
    text: str  # as printed: whitespace removed
    col: int
    span: int = 1
    carried: bool = False  # continues a cell merged down from an earlier row
    raw: str = ""  # the original text, line breaks kept
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    confidence: Optional[float] = None
    table: Optional[int] = None  # 1-based table number in the document (None for a text line)
    row: Optional[int] = None  # 1-based row of its table where the cell starts
    glued: bool = False  # cut by the lexer from glued text: it may still hold several cells
    role: Optional[str] = None  # the indicator role glued_rows gave a piece, when the decoder cannot place it

    def piece(self, text: str, col: int, glued: bool = True, role: Optional[str] = None) -> "RowCell":
        """A part of this cell (cut from glued text) standing at ``col``, with the cell's provenance."""
        return RowCell(text, col, 1, self.carried, text, self.page, self.bbox, self.confidence, self.table,
                       self.row, glued, role)

    def moved(self, col: int, carried: Optional[bool] = None) -> "RowCell":
        """The same cell at another column (when a flattened run is cut into rows)."""
        return RowCell(self.text, col, 1, self.carried if carried is None else carried, self.raw, self.page,
                       self.bbox, self.confidence, self.table, self.row, self.glued)


@dataclass
class Row:
    cells: list[RowCell]
    page: Optional[int] = None
    table: Optional[int] = None  # 1-based table number; None for a text line
    flat: bool = False  # cut from a flattened run (one cell per line, a table on one line): no real row
    exact: bool = False  # its cells stand in the source's own grid columns (an office or HTML table)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def filled(self) -> list[RowCell]:
        return [c for c in self.cells if c.text]


def document_rows(doc: Document) -> list[Row]:
    rows: list[Row] = []
    n_table = 0
    for block in doc.blocks:
        if isinstance(block, TextLine):
            t = squash(block.text)
            if t and not is_page_marker(t):
                rows.append(Row([RowCell(t, 0, 1, False, block.text, block.page, block.bbox, block.confidence)],
                                page=block.page))
        elif isinstance(block, Table):
            n_table += 1
            rows.extend(table_rows(block, n_table))
    return rows


def table_rows(table: Table, number: int) -> list[Row]:
    out = []
    grid = table.grid()
    for r, line in enumerate(grid):
        cells: list[RowCell] = []
        seen = set()
        page = None
        for c, cell in enumerate(line):
            if cell is None:
                cells.append(RowCell("", c, table=number, row=r + 1, page=table.page))
                continue
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            span = min(cell.col + cell.colspan, table.n_cols) - c
            page_of = cell.page if cell.page is not None else table.page
            cells.append(RowCell(squash(cell.text), c, span, cell.row != r, cell.text, page_of, cell.bbox,
                                 cell.confidence, number, cell.row + 1))
            if cell.row == r and page is None:
                page = cell.page
        out.append(Row(cells, page=page if page is not None else table.page, table=number, exact=table.exact))
    return out
