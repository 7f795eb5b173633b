"""Document → one stream of rows, the form parser's input.

Tables become their grid rows (a cell merged over several rows appears in each of them, marked
``carried`` below its first row; a cell spanning columns appears once); free text lines become
one-cell rows. Page breaks vanish here: a table continued on the next page is simply more rows,
which is how the parser stitches split tables.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from jixiao.model import Document, Table, TextLine
from jixiao.parsers.vocab import squash


@dataclass(frozen=True)
class RowCell:
    text: str  # as printed: whitespace removed
    col: int
    span: int = 1
    carried: bool = False  # continues a cell merged down from an earlier row
    raw: str = ""  # the original text, line breaks kept


@dataclass
class Row:
    cells: list[RowCell]
    page: Optional[int] = None
    table: Optional[int] = None  # index of the source table; None for a text line

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def filled(self) -> list[RowCell]:
        return [c for c in self.cells if c.text]


def document_rows(doc: Document) -> list[Row]:
    rows: list[Row] = []
    for ti, block in enumerate(doc.blocks):
        if isinstance(block, TextLine):
            t = squash(block.text)
            if t:
                rows.append(Row([RowCell(t, 0, 1, False, block.text)], page=block.page))
        elif isinstance(block, Table):
            rows.extend(table_rows(block, ti))
    return rows


def table_rows(table: Table, index: int) -> list[Row]:
    out = []
    grid = table.grid()
    for r, line in enumerate(grid):
        cells: list[RowCell] = []
        seen = set()
        page = None
        for c, cell in enumerate(line):
            if cell is None:
                cells.append(RowCell("", c))
                continue
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            span = min(cell.col + cell.colspan, table.n_cols) - c
            cells.append(RowCell(squash(cell.text), c, span, cell.row != r, cell.text))
            if cell.row == r and page is None:
                page = cell.page
        out.append(Row(cells, page=page if page is not None else table.page, table=index))
    return out
