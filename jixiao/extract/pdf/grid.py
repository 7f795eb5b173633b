"""Ruling segments → table grids with merged cells (the lattice step of the PDF reader).

Second step of the PDF reader (file → objects → **grid** → form → row). Collinear segments are
snapped and joined into ruling lines; lines that touch form one table; the table's distinct line
positions give an elementary grid, and an elementary boundary with no ruling drawn along it means
the cells on both sides are one merged cell. The result is a :class:`GridLayout` per table: row
and column boundaries plus rectangular regions (row, col, rowspan, colspan). Knows nothing about
characters; :mod:`jixiao.extract.pdf.layout` fills the regions with text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from jixiao.extract.pdf.objects import Segment

SNAP = 2.5  # line positions closer than this are one line (points)
JOIN = 3.0  # collinear pieces with gaps up to this are one line
TOUCH = 3.0  # a horizontal and a vertical line this close touch
COVER = 0.6  # a boundary exists where ruling covers this share of it
MIN_CELL = 2.0  # rows/columns thinner than this are double rules, not cells
MAX_LINES = 400  # more ruling lines than this in one group is a drawing (chart, hatching), not a table
SLIVER = 6.0  # a row/column thinner than this holds no text: its weaker boundary is dropped


@dataclass
class Line:
    pos: float  # y of a horizontal line, x of a vertical one
    start: float
    end: float


@dataclass
class Region:
    row: int
    col: int
    rowspan: int
    colspan: int


@dataclass
class GridLayout:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    regions: list[Region] = field(default_factory=list)
    owner: list[list[int]] = field(default_factory=list)  # elementary cell -> region index

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def region_at(self, x: float, y: float) -> int:
        """Index of the region containing point (x, y), or -1 when outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return -1
        col = min(bisect_right(self.xs, x) - 1, len(self.xs) - 2)
        row = min(bisect_right(self.ys, y) - 1, len(self.ys) - 2)
        return self.owner[row][col]

    def region_bbox(self, region: Region) -> tuple[float, float, float, float]:
        return (self.xs[region.col], self.ys[region.row],
                self.xs[region.col + region.colspan], self.ys[region.row + region.rowspan])


def merge_lines(positions: list[tuple[float, float, float]]) -> list[Line]:
    """Snap (pos, start, end) pieces onto shared positions and join collinear overlapping pieces."""
    lines: list[Line] = []
    if not positions:
        return lines
    positions = sorted(positions)
    clusters: list[list[tuple[float, float, float]]] = [[positions[0]]]
    for piece in positions[1:]:
        if piece[0] - clusters[-1][-1][0] <= SNAP:
            clusters[-1].append(piece)
        else:
            clusters.append([piece])
    for cluster in clusters:
        pos = sum(p[0] for p in cluster) / len(cluster)
        spans = sorted((p[1], p[2]) for p in cluster)
        start, end = spans[0]
        for s, e in spans[1:]:
            if s <= end + JOIN:
                end = max(end, e)
            else:
                lines.append(Line(pos, start, end))
                start, end = s, e
        lines.append(Line(pos, start, end))
    return lines


def find_grids(segments: list[Segment]) -> list[GridLayout]:
    """Every ruled table on a page, as elementary grids with merged regions."""
    horizontals = merge_lines([(s.top, s.x0, s.x1) for s in segments if s.horizontal])
    verticals = merge_lines([(s.x0, s.top, s.bottom) for s in segments if not s.horizontal])
    horizontals = [h for h in horizontals if h.end - h.start > MIN_CELL]
    verticals = [v for v in verticals if v.end - v.start > MIN_CELL]
    if len(horizontals) < 2 or len(verticals) < 2:
        return []
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    nh = len(horizontals)
    verticals.sort(key=lambda v: v.pos)
    v_positions = [v.pos for v in verticals]
    for i, h in enumerate(horizontals):
        lo = bisect_left(v_positions, h.start - TOUCH)
        hi = bisect_right(v_positions, h.end + TOUCH)
        for j in range(lo, hi):
            v = verticals[j]
            if v.start - TOUCH <= h.pos <= v.end + TOUCH:
                a, b = find(i), find(nh + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Line], list[Line]]] = {}
    for i, h in enumerate(horizontals):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(verticals):
        groups.setdefault(find(nh + j), ([], []))[1].append(v)
    grids = []
    for hs, vs in groups.values():
        if len(hs) >= 2 and len(vs) >= 2 and len(hs) + len(vs) <= MAX_LINES:
            grid = _grid(hs, vs)
            if grid is not None:
                grids.append(grid)
    grids.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return grids


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] < MIN_CELL:
            continue
        out.append(v)
    return out


def _drop_slivers(bounds: list[float], lines: list[Line], start: float, end: float) -> list[float]:
    """Remove inner boundaries that cut a sliver no text fits in, keeping the better-ruled one.

    A merged cell split by a page break can end a few points away from the row boundaries of the
    other columns (LibreOffice does this); that stray rule would split a whole row in two.
    """
    bounds = list(bounds)
    i = 1
    while i < len(bounds):
        if bounds[i] - bounds[i - 1] < SLIVER and len(bounds) > 2:
            a, b = i - 1, i
            weaker = min((a, b), key=lambda k: (k not in (0, len(bounds) - 1), _coverage(lines, bounds[k], start, end)))
            del bounds[weaker]
            i = max(1, i - 1)
            continue
        i += 1
    return bounds


def _coverage(lines: list[Line], pos: float, start: float, end: float) -> float:
    span = end - start
    if span <= 0:
        return 1.0
    covered = 0.0
    for line in lines:
        if abs(line.pos - pos) <= SNAP:
            covered += max(0.0, min(end, line.end) - max(start, line.start))
    return covered / span


def _grid(hs: list[Line], vs: list[Line]) -> GridLayout | None:
    xs = _positions([v.pos for v in vs])
    ys = _positions([h.pos for h in hs])
    # open tables: horizontal rules reaching past the outermost vertical make an outer column
    left, right = min(h.start for h in hs), max(h.end for h in hs)
    top, bottom = min(v.start for v in vs), max(v.end for v in vs)
    if left < xs[0] - 3 * MIN_CELL:
        xs.insert(0, left)
    if right > xs[-1] + 3 * MIN_CELL:
        xs.append(right)
    if top < ys[0] - 3 * MIN_CELL:
        ys.insert(0, top)
    if bottom > ys[-1] + 3 * MIN_CELL:
        ys.append(bottom)
    ys = _drop_slivers(ys, hs, xs[0], xs[-1])
    xs = _drop_slivers(xs, vs, ys[0], ys[-1])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    # wall_v[r][c]: ruling on the left edge of elementary cell (r, c), for c in 1..n_cols-1
    wall_v = [[True] * (n_cols + 1) for _ in range(n_rows)]
    for r in range(n_rows):
        for c in range(1, n_cols):
            wall_v[r][c] = _coverage(vs, xs[c], ys[r], ys[r + 1]) >= COVER
    # wall_h[r][c]: ruling on the top edge of elementary cell (r, c), for r in 1..n_rows-1
    wall_h = [[True] * n_cols for _ in range(n_rows + 1)]
    for r in range(1, n_rows):
        for c in range(n_cols):
            wall_h[r][c] = _coverage(hs, ys[r], xs[c], xs[c + 1]) >= COVER
    regions, owner = regions_from_walls(wall_v, wall_h, n_rows, n_cols)
    return GridLayout(xs, ys, regions, owner)


def regions_from_walls(wall_v: list[list[bool]], wall_h: list[list[bool]], n_rows: int,
                       n_cols: int) -> tuple[list[Region], list[list[int]]]:
    """Merge elementary cells not separated by a wall into rectangular regions.

    ``wall_v[r][c]``: a ruling on the left edge of elementary cell (r, c); ``wall_h[r][c]``: on
    its top edge. A region grows right while no wall stops it, then down while the next row has
    no wall across it and no wall inside it.
    """
    owner = [[-1] * n_cols for _ in range(n_rows)]
    regions: list[Region] = []
    for r in range(n_rows):
        for c in range(n_cols):
            if owner[r][c] != -1:
                continue
            c2 = c
            while c2 + 1 < n_cols and not wall_v[r][c2 + 1] and owner[r][c2 + 1] == -1:
                c2 += 1
            r2 = r
            while r2 + 1 < n_rows:
                nr = r2 + 1
                if any(wall_h[nr][k] or owner[nr][k] != -1 for k in range(c, c2 + 1)):
                    break
                if any(wall_v[nr][k] for k in range(c + 1, c2 + 1)):
                    break
                r2 = nr
            index = len(regions)
            regions.append(Region(r, c, r2 - r + 1, c2 - c + 1))
            for rr in range(r, r2 + 1):
                for cc in range(c, c2 + 1):
                    owner[rr][cc] = index
    return regions, owner
