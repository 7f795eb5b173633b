"""Wrapped cell text printed across a row rule, given back to the cell whose text it continues.

Step of the PDF reader between grid and blocks (file → objects → grid → **overflow** → blocks).
A sheet converted to PDF keeps its fixed row heights: a long name wraps onto more lines than its
row holds and, centred and not clipped, its first line is printed across the rule into the row
above and its last line into the row below. Each character goes to the cell under its centre
(``layout.page_blocks``), so half a name would land in the neighbouring row.

A line whose glyphs straddle the rule between two cells of one column is such a line — text a cell
holds never crosses its own rule. It belongs to the side whose text it continues at the table's
line pitch (the spacing of the wrapped lines the cells hold); a line that continues neither stays
where its centre is. Lines that stay on their side of a rule are never moved.
"""
from __future__ import annotations

from statistics import median
from typing import Optional

from jixiao.extract.pdf.grid import GridLayout
from jixiao.extract.pdf.lines import group_lines
from jixiao.extract.pdf.objects import Char

STRADDLE = 0.15  # a line crosses a rule when it reaches this share of its height past it, both ways
PITCH_SPREAD = 0.06  # line spacings this close (a share) are one spacing (renderers snap lines to pixels)
PITCH_TOLERANCE = 0.2  # of the glyph height: how far a continuing line may sit from one pitch away


def _lines(chars: list[Char]) -> list[list[Char]]:
    return group_lines([c for c in chars if c.upright])


def _cy(line: list[Char]) -> float:
    return sum(c.cy for c in line) / len(line)


def _straddles(line: list[Char], rule: float) -> bool:
    glyph = median(c.bottom - c.top for c in line)
    top, bottom = min(c.top for c in line), max(c.bottom for c in line)
    return top < rule - STRADDLE * glyph and bottom > rule + STRADDLE * glyph


def line_pitch(grid: GridLayout, assigned: list[list[Char]]) -> Optional[float]:
    """The spacing of wrapped lines inside the table's cells, None when no cell wraps: the spacing
    most pairs of a cell's own lines share (lines across a rule left out: they are the question)."""
    steps = []
    for region, chars in zip(grid.regions, assigned):
        top, bottom = grid.ys[region.row], grid.ys[region.row + region.rowspan]
        lines = _lines(chars)
        own = [not (_straddles(x, top) or _straddles(x, bottom)) for x in lines]
        steps.extend(_cy(b) - _cy(a) for (a, b), ok_a, ok_b in zip(zip(lines, lines[1:]), own, own[1:]) if ok_a and ok_b)
    if not steps:
        return None  # no cell wraps within its rules: no pitch to judge a line across one by
    return max(sorted(steps), key=lambda d: sum(1 for e in steps if abs(e - d) <= PITCH_SPREAD * d))


def reassign_overflow(grid: GridLayout, assigned: list[list[Char]]) -> int:
    """Move straddling lines between vertically adjacent cells of one column (``assigned``: each
    region's characters, changed in place). Returns how many lines moved."""
    if len(grid.regions) < 2 or not any(assigned):
        return 0
    crossing = {k for k, (region, chars) in enumerate(zip(grid.regions, assigned)) if _crosses(grid, region, chars)}
    if not crossing:
        return 0  # nothing printed across a rule (the usual table): no line to judge
    pitch = line_pitch(grid, assigned)
    if pitch is None:
        return 0
    below = {(r.col, r.colspan, r.row): k for k, r in enumerate(grid.regions)}
    moved = 0
    for a in sorted(range(len(grid.regions)), key=lambda k: grid.regions[k].row):
        ra = grid.regions[a]
        b = below.get((ra.col, ra.colspan, ra.row + ra.rowspan))
        if b is None or not assigned[a] or not assigned[b] or not (a in crossing or b in crossing):
            continue
        rule = grid.ys[ra.row + ra.rowspan]
        moved += _settle(assigned, a, b, rule, pitch)
    return moved


def _crosses(grid: GridLayout, region, chars: list[Char]) -> bool:
    """Some character of the cell reaches across its top or bottom rule (by the straddle margin)."""
    top, bottom = grid.ys[region.row], grid.ys[region.row + region.rowspan]
    for c in chars:
        margin = STRADDLE * (c.bottom - c.top)
        if (c.top < top - margin and c.bottom > top + margin) or (c.top < bottom - margin and c.bottom > bottom + margin):
            return True
    return False


def _settle(assigned: list[list[Char]], a: int, b: int, rule: float, pitch: float) -> int:
    lines = _lines(assigned[a] + assigned[b])
    straddling = [(line, median(c.bottom - c.top for c in line)) for line in lines if _straddles(line, rule)]
    moved = 0
    for line, glyph in straddling:
        y = _cy(line)
        above = [_cy(x) for x in lines if x is not line and _cy(x) < y]
        under = [_cy(x) for x in lines if x is not line and _cy(x) > y]
        fit_a = abs(y - max(above) - pitch) if above else None
        fit_b = abs(min(under) - y - pitch) if under else None
        tolerance = PITCH_TOLERANCE * glyph
        if fit_a is not None and fit_a <= tolerance and (fit_b is None or fit_a < fit_b):
            side, other = a, b
        elif fit_b is not None and fit_b <= tolerance and (fit_a is None or fit_b < fit_a):
            side, other = b, a
        else:
            continue  # continues neither: it stays where its characters' centres put it
        ids = {id(c) for c in line}
        leaving = [c for c in assigned[other] if id(c) in ids]
        if leaving:
            assigned[other][:] = [c for c in assigned[other] if id(c) not in ids]
            assigned[side].extend(leaving)
            moved += 1
    return moved
