"""The intermediate model: what every reader in ``jixiao/extract/`` produces and every parser consumes.

A source file becomes a :class:`Document`: its blocks in document order, each either a
:class:`Table` (a grid of :class:`Cell` objects with row/column spans) or a :class:`TextLine`
(free text around the tables: titles, ``单位：万元``, notes). Nothing after ``extract/`` knows the
file format; the only trace of it is ``Document.method`` (reported in the forms table).

Conventions every reader follows:
- a merged cell is ONE :class:`Cell` at its top-left position with ``rowspan``/``colspan`` > 1,
  never repeated per grid position;
- ``text`` keeps the line breaks of the source cell (``\\n``); parsers decide what to do with them;
- ``page`` is 1-based, ``bbox`` is ``(x0, top, x1, bottom)`` in the page's own units, both
  ``None`` for formats without pages;
- ``confidence`` is the OCR confidence in [0, 1] (``None`` where the text is exact).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Union

BBox = tuple[float, float, float, float]


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    confidence: Optional[float] = None


@dataclass
class Table:
    """A grid of cells. ``n_rows``/``n_cols`` cover every span."""

    cells: list[Cell]
    n_rows: int = 0
    n_cols: int = 0
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    exact: bool = False  # the columns are the source's own grid (an office or HTML table), not inferred

    def __post_init__(self) -> None:
        for c in self.cells:
            self.n_rows = max(self.n_rows, c.row + c.rowspan)
            self.n_cols = max(self.n_cols, c.col + c.colspan)

    def grid(self) -> list[list[Optional[Cell]]]:
        """Each grid position mapped to the cell covering it (``None`` where no cell does)."""
        g: list[list[Optional[Cell]]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if g[r][k] is None:
                        g[r][k] = c
        return g

    def text_rows(self) -> list[list[str]]:
        """Plain text grid, merged cells repeated over their span (handy in tests and debugging)."""
        return [[c.text if c else "" for c in row] for row in self.grid()]

    @classmethod
    def from_rows(cls, rows: list[list[str]], page: Optional[int] = None) -> "Table":
        """A table of unmerged cells from a list of text rows."""
        cells = [Cell(text=t, row=r, col=c, page=page) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return cls(cells=cells, n_rows=len(rows), n_cols=max((len(r) for r in rows), default=0), page=page)


@dataclass
class TextLine:
    text: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    confidence: Optional[float] = None


Block = Union[Table, TextLine]


@dataclass
class Document:
    """One source file as the readers see it."""

    blocks: list[Block] = field(default_factory=list)
    method: str = "text"
    pages: Optional[int] = None
    warnings: list[str] = field(default_factory=list)

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))


class ReadError(Exception):
    """A file that cannot be read. The message is shown to users as is: one clear sentence."""
