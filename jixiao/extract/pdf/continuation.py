"""Tables continued on the next page → the same column grid as their first part.

Last step of the PDF reader (objects → grid → blocks → **aligned continuations**). A table cut by
a page break comes out as one table per page, and the part on the next page often lacks some
column rulings (a column split only in the header or budget rows, say), so it would get fewer
columns than its first part. When the first table of a page has the same left and right edges as
the last table of the previous page and each of its column boundaries is one of that table's,
its cells are re-expressed on the previous table's columns: same ``n_cols``, a cell covering two
of those columns gets ``colspan`` 2. The parser then sees one consistent row stream.
"""
from __future__ import annotations

from bisect import bisect_left

from jixiao.model import Block, Table

TOLERANCE = 3.0  # points


def column_bounds(table: Table) -> list[float] | None:
    """The table's column boundaries from its cells' boxes (None without boxes)."""
    bounds: dict[int, float] = {}
    for cell in table.cells:
        if cell.bbox is None:
            return None
        bounds.setdefault(cell.col, cell.bbox[0])
        bounds.setdefault(cell.col + cell.colspan, cell.bbox[2])
    if len(bounds) != table.n_cols + 1:
        return None
    return [bounds[k] for k in range(table.n_cols + 1)]


def _index(bounds: list[float], x: float) -> int | None:
    i = bisect_left(bounds, x - TOLERANCE)
    if i < len(bounds) and abs(bounds[i] - x) <= TOLERANCE:
        return i
    return None


def realign(table: Table, bounds: list[float]) -> bool:
    """Re-express ``table`` on the column ``bounds`` of its first part; False when they do not fit."""
    mapping: dict[int, int] = {}
    own = column_bounds(table)
    if own is None:
        return False
    for k, x in enumerate(own):
        j = _index(bounds, x)
        if j is None:
            return False
        mapping[k] = j
    if mapping[0] != 0 or mapping[len(own) - 1] != len(bounds) - 1:
        return False
    for cell in table.cells:
        start, end = mapping[cell.col], mapping[cell.col + cell.colspan]
        cell.col, cell.colspan = start, end - start
    table.n_cols = len(bounds) - 1
    return True


def align_continuations(pages: dict[int, list[Block]]) -> None:
    """Align the first table of each page with the last table of the page before (in place)."""
    previous: Table | None = None
    previous_page = None
    for number in sorted(pages):
        blocks = pages[number]
        tables = [b for b in blocks if isinstance(b, Table)]
        if previous is not None and tables and previous_page == number - 1:
            first = tables[0]
            bounds = column_bounds(previous)
            if bounds is not None and first.n_cols < previous.n_cols:
                realign(first, bounds)
        if tables:
            previous, previous_page = tables[-1], number
