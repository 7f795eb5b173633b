"""Tables continued on the next page → one column grid for all their parts.

Last step of the PDF reader (objects → grid → blocks → **aligned continuations**). A table cut by
a page break comes out as one table per page, and each part may lack some column rulings the
other has (a column split only in the header or budget rows, say), so the parts would disagree on
``n_cols``. When the first table of a page has the same left and right edges as the last table of
the previous page, with only page furniture (page numbers, 续表) between them, all parts of the
run are re-expressed on the union of their column boundaries: same ``n_cols`` everywhere, a cell
covering two of those columns gets ``colspan`` 2. The parser then sees one consistent row stream.

A row allowed to break across pages (Word's default) leaves a fragment at the top of the next
page: the rest of its wrapped cells, with the row's other cells empty. When the previous table
runs to the foot of its page and nothing but page furniture stands between the two parts, such
a fragment (below any repeated header rows) is merged back into the row it belongs to.
"""
from __future__ import annotations

from bisect import bisect_left

from jixiao.extract.pdf.layout import join_lines
from jixiao.model import Block, Cell, Table, TextLine

TOLERANCE = 3.0  # points
SCAN_EDGE = 0.03  # of a table's width: how far a scanned part's edges may stand off the part before it
SCAN_RULE = 0.02  # of a table's width: how far a scanned part's column rule may stand off, its edges fitted
# (measured: 5.5 pt on a 440 pt table), and never more than 0.4 of the narrowest column
FOOT = 0.8  # a table ending below this share of the page height runs to the page foot
FURNITURE = 8  # text lines this short (page numbers, 续表) do not separate two table parts


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


def _index(bounds: list[float], x: float, tolerance: float = TOLERANCE) -> int | None:
    i = bisect_left(bounds, x - tolerance)
    if i < len(bounds) and abs(bounds[i] - x) <= tolerance:
        return i
    return None


def _scanned(table: Table) -> bool:
    """Read by OCR: a scanned page sits a few points off the one before (shifted, scaled, askew)."""
    return any(c.confidence is not None for c in table.cells)


def _fitted(own: list[float], ref: list[float]) -> list[float]:
    """A scanned part's column bounds carried onto ``ref``'s frame: its outer edges onto ref's."""
    if own[-1] == own[0]:
        return own
    scale = (ref[-1] - ref[0]) / (own[-1] - own[0])
    return [ref[0] + (x - own[0]) * scale for x in own]


def _tolerance(table: Table, bounds: list[float]) -> float:
    if not _scanned(table):
        return TOLERANCE
    narrowest = min(b - a for a, b in zip(bounds, bounds[1:]))
    return max(TOLERANCE, min(SCAN_RULE * (bounds[-1] - bounds[0]), 0.4 * narrowest))


def realign(table: Table, bounds: list[float]) -> bool:
    """Re-express ``table`` on the column ``bounds`` of its first part; False when they do not fit.
    A scanned part is compared with its outer edges fitted onto the bounds' (a page scanned a few
    points off)."""
    mapping: dict[int, int] = {}
    own = column_bounds(table)
    if own is None:
        return False
    tolerance = TOLERANCE
    if _scanned(table) and len(bounds) >= 2:
        own, tolerance = _fitted(own, bounds), _tolerance(table, bounds)
    for k, x in enumerate(own):
        j = _index(bounds, x, tolerance)
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


def align_continuations(pages: dict[int, list[Block]], heights: dict[int, float] | None = None) -> None:
    """Give the parts of each table cut by page breaks one column grid and merge rows split by a
    break back together (in place)."""
    heights = heights or {}
    for chain in _chains(pages):
        parts = [table for _, table in chain]
        if any(_scanned(t) for t in parts):
            # scanned parts: each rule of a continuation must fall on one of the first part's (fitted, a
            # few points off); their union would split columns at rules that are the same rule
            first = column_bounds(parts[0]) or []
            fits = 1
            while fits < len(parts) and realign(parts[fits], first):
                fits += 1
            chain, parts = chain[:fits], parts[:fits]
        else:
            shared = _union_bounds(parts)
            for table in parts:
                realign(table, shared)
        for (page_a, a), (page_b, b) in zip(chain, chain[1:]):
            _join_cut_cells(a, b, parts[0])  # its own evidence: also after a manual page break
            if _runs_on(pages[page_a], a, pages[page_b], b, heights.get(page_a)):
                _merge_split_row(a, b, parts[0])


def _chains(pages: dict[int, list[Block]]) -> list[list[tuple[int, Table]]]:
    """Runs of tables continued page after page: the last table of a page and the first of the
    next with the same outer edges and nothing but page furniture between them. Where text does
    stand between (a repeated title), the second part is still aligned when its columns fit."""
    chains: list[list[tuple[int, Table]]] = []
    current: list[tuple[int, Table]] = []
    for number in sorted(pages):
        blocks = pages[number]
        tables = [b for b in blocks if isinstance(b, Table)]
        if not tables:
            current = []
            continue
        first = tables[0]
        if current and current[-1][0] == number - 1 and _same_edges(current[-1][1], first):
            prev_page, prev = current[-1]
            if _only_furniture_between(pages[prev_page], prev, blocks, first):
                current.append((number, first))
            else:
                bounds, own = column_bounds(prev), column_bounds(first)
                if bounds is not None and own is not None and not realign(first, bounds):
                    realign(prev, own)
        if len(tables) > 1 or not current or current[-1][1] is not first:
            current = [(number, tables[-1])]  # the page's last table may continue on the next page
            chains.append(current)
    return [c for c in chains if len(c) > 1]


def _same_edges(a: Table, b: Table) -> bool:
    ba, bb = column_bounds(a), column_bounds(b)
    if ba is None or bb is None:
        return False
    tolerance = max(TOLERANCE, SCAN_EDGE * (ba[-1] - ba[0])) if _scanned(a) and _scanned(b) else TOLERANCE
    return abs(ba[0] - bb[0]) <= tolerance and abs(ba[-1] - bb[-1]) <= tolerance


def _union_bounds(tables: list[Table]) -> list[float]:
    xs = sorted(x for t in tables for x in (column_bounds(t) or []))
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= TOLERANCE:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [sum(c) / len(c) for c in clusters]


def _only_furniture_between(prev_blocks: list[Block], prev: Table, blocks: list[Block], first: Table) -> bool:
    after = prev_blocks[prev_blocks.index(prev) + 1:]
    before = blocks[:blocks.index(first)]
    return all(_furniture(b) for b in after + before)


def _furniture(block: Block) -> bool:
    return isinstance(block, TextLine) and len(block.text.replace(" ", "")) <= FURNITURE


def _runs_on(prev_blocks: list[Block], prev: Table, blocks: list[Block], first: Table, height: float | None) -> bool:
    """True when ``first`` continues ``prev`` row for row: prev reaches the page foot."""
    if height is None or prev.bbox is None or prev.bbox[3] < FOOT * height:
        return False
    return _only_furniture_between(prev_blocks, prev, blocks, first)


def _row_cells(table: Table, row: int) -> dict[tuple[int, int], Cell]:
    return {(c.col, c.colspan): c for c in table.cells if c.row == row}


def _bottom_cells(table: Table) -> dict[tuple[int, int], Cell]:
    return {(c.col, c.colspan): c for c in table.cells if c.row + c.rowspan == table.n_rows}


def _same_row(a: list[str], b: list[str]) -> bool:
    pairs = [(x, y) for x, y in zip(a, b) if x or y]
    return bool(pairs) and sum(1 for x, y in pairs if x == y) >= 0.6 * len(pairs)


def _body_start(cont: Table, head: Table) -> int:
    """The first row of ``cont`` below any header rows repeated from ``head``."""
    head_rows = head.text_rows()[:4]
    rows = cont.text_rows()
    body = 0
    while body < len(rows) - 1 and any(_same_row(rows[body], h) for h in head_rows):
        body += 1
    return body


def _join_cut_cells(prev: Table, cont: Table, head: Table) -> None:
    """A merged cell cut by the page break, printed as one cell: give both parts its whole text.

    Spreadsheet exports (Calc, Excel) lay a merged cell's text out over the whole merged area and
    cut it at the page edge: ``绩效`` at the foot of page 1 and ``指标`` on top of page 2, or the
    whole label on page 2 and nothing above the break (then the rows on page 1 would take the
    label of the cell before). The two parts are one cell when the text reads as centred over
    both parts together — or, with text in both parts, when it runs up to the cut on both sides —
    and no cell to their left that holds them ends at the break (a 二级 cell does not run on past
    the end of its 一级: ``质量指标`` at a page foot and ``服务对象满意度指标`` under a new 一级 on top
    of the next page are two labels, however their lines happen to fall).

    A label cell whose top part at the page foot is an empty cell of its own beside a row's name and
    value, and whose rest on the next page prints the label at its top (Writer's merged cells split by
    a page break), is that label too: the row is the first of the next page's group.
    """
    body = _body_start(cont, head)
    bottom = _bottom_cells(prev)
    parted: list[Cell] = []  # page-1 cells whose column starts a new cell of its own text on page 2
    for key, top in sorted(_row_cells(cont, body).items()):
        below = bottom.get(key)
        if below is None:
            continue
        if any(p.col + p.colspan <= below.col and p.row <= below.row for p in parted):
            continue  # a cell to the left holding this one ends at the break: so does this one
        if not below.text and top.text and top.rowspan > 1 and below.rowspan == 1 and _filled_right_of(prev, below):
            below.text = top.text  # an empty cell of its own under the last name of the page: its label went over
            continue
        if (below.rowspan == 1 and top.rowspan == 1) or not (below.text or top.text) or not _one_cut_cell(below, top):
            if below.text and top.text:
                parted.append(below)
            continue
        text = join_lines([below.text, top.text])
        below.text = top.text = text


def _filled_right_of(table: Table, cell: Cell) -> bool:
    """Does the row of ``cell`` hold text to its right (a name and a value beside an empty label cell)?"""
    return any(c.text for c in table.cells if c.row == cell.row and c.col >= cell.col + cell.colspan)


def _one_cut_cell(below: Cell, top: Cell) -> bool:
    """The text of ``below`` (page foot) and ``top`` (next page) is laid out as one block centred
    over both parts together, not over either part; with text on both sides, its lines also keep
    their pitch across the cut."""
    ink_b, ink_t = getattr(below, "ink", None), getattr(top, "ink", None)
    if below.bbox is None or top.bbox is None or (below.text and ink_b is None) or (top.text and ink_t is None):
        return False
    h_b, h_t = below.bbox[3] - below.bbox[1], top.bbox[3] - top.bbox[1]
    glyph = (ink_b or ink_t)[2]
    tolerance = max(2.0, 0.3 * glyph)
    # the text block in one coordinate down the joined cell: the page-1 part on top
    start = ink_b[0] - below.bbox[1] if ink_b else h_b + ink_t[0] - top.bbox[1]
    end = h_b + ink_t[1] - top.bbox[1] if ink_t else ink_b[1] - below.bbox[1]
    centre = (start + end) / 2
    if abs(centre - (h_b + h_t) / 2) > tolerance:
        return False
    if ink_b and ink_t:
        pitch = ink_b[3] or ink_t[3]
        across = (below.bbox[3] - ink_b[4]) + (ink_t[0] - top.bbox[1])  # last line above → first line below
        return pitch is not None and abs(across - pitch) <= max(1.5, 0.15 * pitch)
    own = h_b / 2 if ink_b else h_b + h_t / 2  # centred in its own part: an ordinary cell
    return abs(centre - own) > 3 * tolerance


def _merge_split_row(prev: Table, cont: Table, head: Table) -> None:
    head_rows = head.text_rows()[:4]
    rows = cont.text_rows()
    body = 0
    while body < len(rows) - 1 and any(_same_row(rows[body], h) for h in head_rows):
        body += 1
    if body >= cont.n_rows:
        return
    bottom = _bottom_cells(prev)
    fragment = _row_cells(cont, body)
    for key, cell in fragment.items():
        if cell.text and key not in bottom:
            return  # not the same cell structure: a new row
    singles = sorted((k for k, c in bottom.items() if c.rowspan == 1 and c.text), key=lambda k: k[0])
    if not singles:
        return
    filled = [k for k in singles if k in fragment and fragment[k].text and fragment[k].rowspan == 1]
    leftmost = fragment.get(singles[0])
    # only cells that wrapped can run on: text under the row's first cell is a new row's, unless every
    # text of the fragment stands under a cell of several lines (a name and an actual value, both cut)
    wrapped_only = bool(filled) and all("\n" in bottom[k].text for k in filled)
    if (leftmost is not None and leftmost.text and not wrapped_only) or not filled or \
            (2 * len(filled) >= len(singles) > 2):
        return
    if any(c.rowspan > 1 and c.row == body and c.text and c.text != bottom.get(k, c).text
           for k, c in fragment.items() if k in singles):
        return
    for key in filled:
        bottom[key].text = join_lines([bottom[key].text, fragment[key].text])
    for key, cell in fragment.items():  # the rest of a merged label the break cut (社会效益 ⏎ 指标)
        below = bottom.get(key)
        if cell.text and cell.rowspan == 1 and below is not None and below.rowspan > 1 and below.text:
            below.text = join_lines([below.text, cell.text])
    _drop_row(cont, body)


def _drop_row(table: Table, row: int) -> None:
    kept = []
    for c in table.cells:
        if c.row == row and c.rowspan == 1:
            continue
        if c.row <= row < c.row + c.rowspan:
            c.rowspan -= 1
        elif c.row > row:
            c.row -= 1
        kept.append(c)
    table.cells = kept
    table.n_rows -= 1
