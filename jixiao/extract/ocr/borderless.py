"""Tables printed without (all) their rules (text boxes + page → **cell grid** → form).

Called by :mod:`.lines` for what its ruling lines cannot give:

- a table ruled only horizontally (三线表, or Word tables with the vertical borders switched off):
  the rows come from the rules, the columns from the text — :func:`column_bounds` finds the
  x positions a vertical line could pass between the columns' texts, and :func:`virtual_rules`
  draws those lines except where a text crosses them (a cell spanning two columns stays one);
- a table with no rules at all: :func:`borderless_tables` clusters the text boxes into columns by
  x (the same gaps) and into rows by y (blank bands between text), gives a box crossing a column
  or row boundary the cells it covers (merged cells, labels printed one character per line), and
  gives a label centred on a run of otherwise empty rows (a merged cell whose borders were not
  printed) the rows it is centred on.

The text boxes are those of the OCR pass, so this costs no image work. There is no library for
this step in the dependencies (camelot's "stream" mode needs a PDF text layer); the rules here are
the standard whitespace analysis (column gaps in the x-coverage profile, row gaps in the y one).
"""
from __future__ import annotations

from typing import Optional

import numpy as np

Rect = tuple[float, float, float, float]

def stack_vertical(rects: list[Rect], one_char: Optional[list[bool]] = None) -> list[Rect]:
    """Boxes of single characters stacked one under another in a column (a label printed one
    character per line: 产/出/指/标) joined into one tall box. ``one_char`` flags the boxes that
    read as one character, when the reading is known: a column of short values (``1次`` ⏎ ``1个``)
    is no stacked label; without it, any box about as wide as high may be one."""
    out: list[Rect] = []
    flags = one_char if one_char is not None and len(one_char) == len(rects) else [True] * len(rects)
    singles = sorted((r for r, flag in zip(rects, flags) if flag and (r[2] - r[0]) <= 1.5 * (r[3] - r[1])),
                     key=lambda r: (r[1], r[0]))
    used: set[int] = set()
    for i, r in enumerate(singles):
        if i in used:
            continue
        x0, y0, x1, y1 = r
        size = y1 - y0
        chain = [i]
        for j in range(i + 1, len(singles)):
            if j in used:
                continue
            s = singles[j]
            h = s[3] - s[1]
            if s[1] - y1 > 1.0 * max(size, h):
                break
            same_column = abs((s[0] + s[2]) / 2 - (x0 + x1) / 2) <= 0.35 * max(size, h)
            if same_column and 0.6 < h / max(size, 1.0) < 1.6 and s[1] >= y1 - 0.3 * size:
                chain.append(j)
                x0, x1, y1 = min(x0, s[0]), max(x1, s[2]), max(y1, s[3])
        if len(chain) >= 2:
            used.update(chain)
            out.append((x0, r[1], x1, y1))
    out += [r for k, r in enumerate(singles) if k not in used]
    out += [r for r, flag in zip(rects, flags) if not flag or (r[2] - r[0]) > 1.5 * (r[3] - r[1])]
    return out


def _line_height(rects: list[Rect]) -> float:
    heights = [r[3] - r[1] for r in rects if (r[2] - r[0]) >= (r[3] - r[1])]
    return float(np.median(heights)) if heights else 20.0


def column_bounds(rects: list[Rect], x0: float, x1: float) -> list[float]:
    """Inner column boundaries between ``x0`` and ``x1``.

    Each box votes for the gap between it and the next box to its right on its line
    (``support``). Where two or more rows' gaps overlap, a boundary may lie; such a stretch can
    hold a whole column whose texts sit at different places in their rows (centred names, say),
    so it is cut where boxes pile up (``cover`` above the middle of its range and above the
    support) and each remaining
    piece gives one boundary, in the middle of its best-supported stretch. A count of crossing boxes
    alone would not do: between two sparse label columns the few labels are outnumbered by the
    labels spanning both."""
    if len(rects) < 2:
        return []
    lo, hi = int(np.floor(x0)), int(np.ceil(x1))
    n = max(1, hi - lo)
    support = np.zeros(n, dtype=np.int32)
    cover = np.zeros(n, dtype=np.int32)
    height = _line_height(rects)
    for r in rects:
        a, b = int(max(lo, r[0])) - lo, int(min(hi, r[2])) - lo
        if b > a:
            cover[a:b] += 1
        # the next box to the right on the same line, or within half a line of it (a label
        # centred on two rows sits between their lines)
        right = [q for q in rects if q[0] >= r[2] - 0.2 * height
                 and min(r[3], q[3]) - max(r[1], q[1]) >= -0.5 * height]
        if not right:
            continue
        nxt = min(right, key=lambda q: q[0])
        a, b = int(r[2]) - lo, int(nxt[0]) - lo
        if b - a >= 0.8 * height:
            support[max(0, a):max(0, min(n, b))] += 1
    bounds: list[float] = []
    for start, end in _runs(support >= 2):
        part = cover[start:end]
        level = part.min() + 0.5 * (part.max() - part.min())
        for s0, s1 in _runs((part <= level) | (part <= support[start:end])):
            if s1 - s0 < 0.3 * height:
                continue
            sup = support[start + s0:start + s1]
            at = np.nonzero(sup == sup.max())[0]
            bounds.append(lo + start + s0 + float(at[0] + at[-1]) / 2)
    return bounds


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True in ``flags``."""
    out = []
    k, n = 0, len(flags)
    while k < n:
        if not flags[k]:
            k += 1
            continue
        start = k
        while k < n and flags[k]:
            k += 1
        out.append((start, k))
    return out


def virtual_rules(shape: tuple[int, int], bounds: list[float], rects: list[Rect], ox: float, oy: float) -> np.ndarray:
    """A vertical-rule mask (``shape``, origin ``ox, oy``) with a line at each boundary, broken
    wherever a text box crosses it (so a cell spanning the boundary stays one region)."""
    h, w = shape
    mask = np.zeros((h, w), dtype=np.uint8)
    for b in bounds:
        x = int(round(b - ox))
        if not 0 < x < w - 1:
            continue
        mask[:, max(0, x - 1):x + 1] = 255
        for r in rects:
            if r[0] < b < r[2]:
                pad = 0.15 * (r[3] - r[1])
                top, bottom = int(max(0, r[1] - pad - oy)), int(min(h, r[3] + pad - oy))
                if bottom > top:
                    mask[top:bottom, max(0, x - 1):x + 1] = 0
    return mask


def _row_bands(rects: list[Rect], height: float, join: float = 0.45) -> list[tuple[float, float]]:
    """Rows as y bands: runs of y covered by text lines (tall boxes — stacked labels, long wraps —
    excluded), lines closer than ``join`` of a line joined (lines of one cell)."""
    flat = sorted((r for r in rects if r[3] - r[1] <= 2.6 * height), key=lambda r: r[1])
    bands: list[list[float]] = []
    for r in flat:
        if bands and r[1] <= bands[-1][1] + join * height:
            bands[-1][1] = max(bands[-1][1], r[3])
        else:
            bands.append([r[1], r[3]])
    return [(a, b) for a, b in bands]


ROW_GAP_MIN = 0.2  # lines of the busiest column this many text lines apart may be rows of their own


def _lines(rects: list[Rect]) -> list[tuple[float, float, float, float]]:
    """Text lines as (top, bottom, left, right): boxes whose y ranges overlap are one line (the
    lines of a wrapped cell set tight overlap too, and stay one)."""
    out: list[list[float]] = []
    for r in sorted(rects, key=lambda r: r[1]):
        if out and r[1] < out[-1][1]:
            out[-1] = [out[-1][0], max(out[-1][1], r[3]), min(out[-1][2], r[0]), max(out[-1][3], r[2])]
        else:
            out.append([r[1], r[3], r[0], r[2]])
    return [(a, b, c, d) for a, b, c, d in out]


def _split_bands(bands: list[tuple[float, float]], anchor_rects: list[Rect], flat: list[Rect],
                 x_edges: list[float], anchor: int, height: float) -> list[tuple[float, float]]:
    """Row bands of the busiest column cut between two of its lines that belong to different
    cells (a dense table's rows stand closer than half a line): when another column holds a text
    of its own beside each (the heading ``三级指标`` and the first name, with ``指标值`` and
    ``1346.0088万平方米`` beside them), or when the two lines span different columns (``地方资金``
    in its column, the goal text below it across two). Lines closer than :data:`ROW_GAP_MIN` of a
    line are never cut (a wrapped cell's lines)."""
    def columns(line: tuple[float, float, float, float]) -> tuple[int, int]:
        return _index_range(x_edges, line[2], line[3], 0.3 * height)

    out: list[tuple[float, float]] = []
    for a, b in bands:
        lines = _lines([r for r in anchor_rects if a <= (r[1] + r[3]) / 2 <= b])
        if len(lines) < 2:
            out.append((a, b))
            continue
        start = lines[0][0]
        for p, q in zip(lines, lines[1:]):
            if q[0] - p[1] >= ROW_GAP_MIN * height and (
                    columns(p) != columns(q) or _beside_each(p[0], p[1], q[0], q[1], flat, x_edges, anchor)):
                out.append((start, p[1]))
                start = q[0]
        out.append((start, lines[-1][1]))
    return out


def _rows_between(rows: list[tuple[float, float]], flat: list[Rect], x_edges: list[float],
                  height: float) -> list[tuple[float, float]]:
    """A text standing in a gap between two rows, in a column holding another text beside one of
    them (``实施单位`` below ``主管部门``, its value left blank), is a row of its own. A label in
    such a gap with nothing of its column beside its neighbours is a merged cell centred on them
    and adds no row."""
    def column(r: Rect) -> int:
        return int(np.searchsorted(x_edges, (r[0] + r[2]) / 2, side="right")) - 1

    def beside(r: Rect, band: tuple[float, float]) -> bool:
        return r[1] < band[1] and r[3] > band[0]

    added: list[tuple[float, float]] = []
    for r in flat:
        if any(beside(r, band) for band in rows):
            continue
        above = [band for band in rows if band[1] <= r[1]]
        below = [band for band in rows if band[0] >= r[3]]
        if not above or not below:
            continue
        # a text of the column beside the row above or below, and not the line before or after
        # this one in the same cell
        mates = [q for q in flat if q is not r and column(q) == column(r)
                 and (q[3] <= r[1] - 0.45 * height or q[1] >= r[3] + 0.45 * height)]
        if any(beside(q, above[-1]) for q in mates) or any(beside(q, below[0]) for q in mates):
            added.append((r[1], r[3]))
    return sorted(rows + added)


def _beside_each(p0: float, p1: float, q0: float, q1: float, flat: list[Rect], x_edges: list[float],
                 anchor: int) -> bool:
    """Whether a column other than ``anchor`` holds one text centred beside the line [p0, p1] and
    another, below it, centred beside the line [q0, q1]."""
    for j in range(len(x_edges) - 1):
        if j == anchor:
            continue
        col = [r for r in flat if x_edges[j] <= (r[0] + r[2]) / 2 < x_edges[j + 1]]
        upper = [r for r in col if p0 <= (r[1] + r[3]) / 2 <= p1]
        lower = [r for r in col if q0 <= (r[1] + r[3]) / 2 <= q1]
        if any(u[3] <= w[1] for u in upper for w in lower):
            return True
    return False


def _index_range(edges: list[float], a: float, b: float, margin: float) -> tuple[int, int]:
    """The cells (between consecutive ``edges``) that the span [a, b] covers, ignoring overhangs
    smaller than ``margin``."""
    first = max(0, int(np.searchsorted(edges, a + margin, side="right")) - 1)
    last = max(first + 1, int(np.searchsorted(edges, b - margin, side="left")))
    return first, min(last, len(edges) - 1)


def _table_rows(rects: list[Rect], height: float) -> Optional[tuple[float, float]]:
    """The y range of the longest run of text rows holding two or more boxes side by side with a
    wide gap between them (a title, a unit line or a note has one); one single-box row inside the
    run (a wide goal text) does not end it."""
    bands = _row_bands(rects, height, join=ROW_GAP_MIN)  # a dense table's rows stand 0.4 lines apart

    def multi(band: tuple[float, float]) -> bool:
        inside = sorted((r for r in rects if band[0] - 1 <= (r[1] + r[3]) / 2 <= band[1] + 1), key=lambda r: r[0])
        return any(b[0] - a[2] > 1.5 * height for a, b in zip(inside, inside[1:]))

    flags = [multi(b) for b in bands]
    best: Optional[tuple[int, int]] = None
    start = None
    for k in range(len(flags) + 1):
        flag = k < len(flags) and flags[k]
        bridged = (not flag and start is not None and k + 1 < len(flags) and flags[k + 1])
        if flag and start is None:
            start = k
        elif not flag and not bridged and start is not None:
            if best is None or k - start > best[1] - best[0]:
                best = (start, k)
            start = None
    if best is None or best[1] - best[0] < 3:
        return None
    return bands[best[0]][0], bands[best[1] - 1][1]


def borderless_tables(rects: list[Rect], page_w: int, page_h: int, min_cols: int = 2,
                      one_char: Optional[list[bool]] = None):
    """Tables made of aligned text alone (at most one per page), from the boxes given (those
    outside every ruled table; ``one_char`` flags those read as one character). Returns a list
    of :class:`~.lines.TableGrid`."""
    from jixiao.extract.ocr.grid import GridCell, TableGrid, compact as _compact

    flags = one_char if one_char is not None and len(one_char) == len(rects) else [True] * len(rects)
    kept = [(r, f) for r, f in zip(rects, flags) if r[2] > r[0] and r[3] > r[1]]
    rects = stack_vertical([r for r, _ in kept], [f for _, f in kept])
    if len(rects) < 6:
        return []
    height = _line_height(rects)
    span = _table_rows(rects, height)
    if span is None:
        return []
    members = [r for r in rects if span[0] - 0.3 * height <= (r[1] + r[3]) / 2 <= span[1] + 0.3 * height]
    x0 = min(r[0] for r in members) - 0.5 * height
    x1 = max(r[2] for r in members) + 0.5 * height
    inner = column_bounds(members, x0, x1)
    if len(inner) + 1 < min_cols:
        return []
    x_edges = [x0] + inner + [x1]
    n_cols = len(x_edges) - 1
    # rows: the text lines of the busiest column (a label centred between two rows, or printed
    # one character per line over several, must not merge or add rows)
    flat = [r for r in members if r[3] - r[1] <= 2.6 * height]
    counts = [sum(1 for r in flat if x_edges[j] <= (r[0] + r[2]) / 2 < x_edges[j + 1]) for j in range(n_cols)]
    anchor = int(np.argmax(counts))
    in_anchor = [r for r in flat if r[0] < x_edges[anchor + 1] and r[2] > x_edges[anchor]]
    rows = _split_bands(_row_bands(in_anchor, height), in_anchor, flat, x_edges, anchor, height)
    rows = _rows_between(rows, flat, x_edges, height)
    if len(rows) < 3:
        return []
    top = min(rows[0][0], min(r[1] for r in members)) - 0.3 * height
    bottom = max(rows[-1][1], max(r[3] for r in members)) + 0.3 * height
    y_edges = [top] + [(a[1] + b[0]) / 2 for a, b in zip(rows, rows[1:])] + [bottom]
    n_rows = len(rows)
    owner = [[-1] * n_cols for _ in range(n_rows)]
    spans: list[tuple[int, int, int, int]] = []
    extents: list[list[float]] = []
    for r in sorted(members, key=lambda r: -(r[3] - r[1]) * (r[2] - r[0])):
        c0, c1 = _index_range(x_edges, r[0], r[2], 0.3 * height)
        r0, r1 = _index_range(y_edges, r[1], r[3], 0.3 * height)
        taken = {owner[i][j] for i in range(r0, r1) for j in range(c0, c1)} - {-1}
        if taken:
            # inside a cell already placed (another line of a wrapped cell): widen its text extent
            if len(taken) == 1:
                k = taken.pop()
                extents[k] = [min(extents[k][0], r[1]), max(extents[k][1], r[3])]
            continue
        for i in range(r0, r1):
            for j in range(c0, c1):
                owner[i][j] = len(spans)
        spans.append((r0, c0, r1 - r0, c1 - c0))
        extents.append([r[1], r[3]])
    centres = [(a + b) / 2 for a, b in extents]
    _centred_labels(owner, spans, centres, y_edges)
    cells: list[GridCell] = []
    seen: set[int] = set()
    for i in range(n_rows):
        for j in range(n_cols):
            k = owner[i][j]
            if k >= 0:
                if k in seen:
                    continue
                seen.add(k)
                r0, c0, rs, cs = spans[k]
            else:
                r0, c0, rs, cs = i, j, 1, 1
            cells.append(GridCell(int(x_edges[c0]), int(y_edges[r0]), int(x_edges[c0 + cs]), int(y_edges[r0 + rs]),
                                  r0, c0, rs, cs))
    _compact(cells)
    table = TableGrid(int(x0), int(top), int(x1), int(bottom), cells)
    table.n_rows = max(c.row + c.rowspan for c in cells)
    table.n_cols = max(c.col + c.colspan for c in cells)
    return [table]


def _centred_labels(owner: list[list[int]], spans: list[tuple[int, int, int, int]], centres: list[float],
                    y_edges: list[float]) -> None:
    """Labels centred on runs of otherwise empty rows in their column are merged cells whose
    borders were not printed: each takes the rows it is centred on.

    Per column, a stretch of rows between two fixed boundaries (consecutive rows held by
    different cells), holding only that column's labels and empty cells, is split into one group
    of consecutive rows per label, each label as near its group's centre as possible (dynamic
    programming over the group boundaries). The split is used only when every label lies within a
    third of a row of its group's centre and the rows it takes are empty in all its columns:
    labels printed at the top of their merged cells are left as they are (the parser carries
    labels down)."""
    n_rows = len(owner)
    n_cols = len(owner[0]) if owner else 0
    for col in range(n_cols):
        def mine(i: int, col: int = col) -> bool:
            k = owner[i][col]
            return k < 0 or spans[k][1] == col

        i = 0
        while i < n_rows:
            if not mine(i):
                i += 1
                continue
            s = i
            while i < n_rows and mine(i):
                # a fixed boundary: two labelled rows of different cells meet
                if i > s and owner[i][col] >= 0 and owner[i - 1][col] >= 0 and owner[i][col] != owner[i - 1][col]:
                    break
                i += 1
            _split_stretch(owner, spans, centres, y_edges, col, s, i)


def _split_stretch(owner, spans, centres, y_edges, col: int, s: int, e: int) -> None:
    labels: list[int] = []
    for i in range(s, e):
        k = owner[i][col]
        if k >= 0 and (not labels or labels[-1] != k):
            labels.append(k)
    if not labels or all(owner[i][col] >= 0 for i in range(s, e)):
        return
    m = len(labels)
    inf = float("inf")
    # best[j][g]: cost of giving rows s..g-1 to the first j labels; choice[j][g]: where label j-1 starts
    best = [[inf] * (e + 1) for _ in range(m + 1)]
    choice = [[-1] * (e + 1) for _ in range(m + 1)]
    best[0][s] = 0.0
    for j, k in enumerate(labels, start=1):
        a_k, rs = spans[k][0], spans[k][2]
        for g in range(a_k + rs, e + 1):
            if j == m and g != e:
                continue
            if j < m and g > spans[labels[j]][0]:
                break
            for start in range(s, a_k + 1):
                prev = best[j - 1][start]
                if prev == inf:
                    continue
                cost = prev + ((y_edges[start] + y_edges[g]) / 2 - centres[k]) ** 2
                if cost < best[j][g]:
                    best[j][g] = cost
                    choice[j][g] = start
    if best[m][e] == inf:
        return
    groups = []
    g = e
    for j in range(m, 0, -1):
        start = choice[j][g]
        groups.append((labels[j - 1], start, g))
        g = start
    for k, a, b in groups:
        row_h = min(y_edges[i + 1] - y_edges[i] for i in range(a, b))
        if abs((y_edges[a] + y_edges[b]) / 2 - centres[k]) > row_h / 3:
            return
        c0, cs = spans[k][1], spans[k][3]
        if any(owner[i][c] not in (-1, k) for i in range(a, b) for c in range(c0, c0 + cs)):
            return
    for k, a, b in groups:
        r0, c0, rs, cs = spans[k]
        for i in range(a, b):
            for c in range(c0, c0 + cs):
                owner[i][c] = k
        spans[k] = (a, c0, b - a, cs)
