"""Characters + grids → the page's blocks: :class:`Table` cells and :class:`TextLine` s in reading order.

Third step of the PDF reader (file → objects → grid → **blocks** → form → row). Each character
goes to the innermost table region holding its centre; the rest form text lines. Cell text is read
line by line, top to bottom; the line breaks of wrapped text are removed (no space between CJK
pieces or a number broken over two lines, one space between Latin words), so one-character-per-line vertical labels in
narrow merged cells read as words. Glyphs rotated by 90° are read along their own direction.
"""
from __future__ import annotations

from jixiao.extract.pdf.grid import GridLayout
from jixiao.extract.pdf.lines import group_lines
from jixiao.extract.pdf.objects import Char
from jixiao.extract.pdf.overflow import reassign_overflow
from jixiao.model import Block, Cell, Table, TextLine


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x3000 <= o <= 0x303F or 0x20000 <= o <= 0x2FFFF)


def _letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def line_text(line: list[Char], along_x: bool = True) -> str:
    """One line's text; a gap wider than a space inserts one (wide gaps only between CJK glyphs)."""
    out = [line[0].text]
    for prev, ch in zip(line, line[1:]):
        gap = (ch.x0 - prev.x1) if along_x else abs(ch.cy - prev.cy) - (prev.bottom - prev.top + ch.bottom - ch.top) / 2
        size = max(prev.size, ch.size)
        cjk_left, cjk_right = is_cjk(prev.text), is_cjk(ch.text)
        if cjk_left and cjk_right:
            threshold = 2.0 * size  # justified or spaced-out CJK: a space only for a real gap
        elif cjk_left or cjk_right:
            threshold = 1.0 * size  # CJK next to Latin/digits gets auto-spacing, not a space
        else:
            threshold = 0.3 * size
        if gap > threshold or (ch.space_before and gap > -0.1 * size):
            out.append(" ")
        out.append(ch.text)
    return "".join(out)


def join_lines(texts: list[str]) -> str:
    """Wrapped lines joined: nothing between CJK pieces or number pieces, a space between Latin words."""
    out = ""
    for t in texts:
        if not t:
            continue
        if out and _letter(out[-1]) and _letter(t[0]):
            out += " "
        out += t
    return out


def cell_text(chars: list[Char]) -> str:
    if not chars:
        return ""
    upright = [c for c in chars if c.upright]
    rotated = [c for c in chars if not c.upright]
    if len(rotated) > len(upright):
        return _rotated_text(rotated)
    return join_lines([line_text(line) for line in group_lines(upright)])


def _rotated_text(chars: list[Char]) -> str:
    """Text written with glyphs turned 90° (columns of text): read along each column."""
    ccw = sum(1 for c in chars if c.angle == 90) >= len(chars) / 2
    columns: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: c.cx, reverse=not ccw):
        if columns and abs(ch.cx - columns[-1][-1].cx) <= 0.5 * max(ch.size, columns[-1][-1].size):
            columns[-1].append(ch)
        else:
            columns.append([ch])
    texts = []
    for column in columns:
        column.sort(key=lambda c: c.cy, reverse=ccw)
        texts.append(line_text(column, along_x=False))
    return join_lines(texts)


def page_blocks(page_number: int, chars: list[Char], grids: list[GridLayout]) -> list[Block]:
    """A page's tables and text lines, top to bottom."""
    by_area = sorted(range(len(grids)), key=lambda i: _area(grids[i].bbox))
    assigned: list[list[list[Char]]] = [[[] for _ in g.regions] for g in grids]
    loose: list[Char] = []
    for ch in chars:
        x, y = ch.cx, ch.cy
        for i in by_area:
            k = grids[i].region_at(x, y)
            if k >= 0:
                assigned[i][k].append(ch)
                break
        else:
            loose.append(ch)
    for grid, region_chars in zip(grids, assigned):
        reassign_overflow(grid, region_chars)  # wrapped lines printed across a row rule
    placed: list[tuple[float, float, Block]] = []
    for grid, region_chars in zip(grids, assigned):
        if len(grid.regions) == 1:  # a frame around text, not a table
            loose.extend(region_chars[0])
            continue
        cells = []
        for region, rchars in zip(grid.regions, region_chars):
            cell = Cell(text=cell_text(rchars), row=region.row, col=region.col,
                        rowspan=region.rowspan, colspan=region.colspan, page=page_number,
                        bbox=_round(grid.region_bbox(region)))
            cell.ink = ink_extent(rchars)
            cells.append(cell)
        table = Table(cells=cells, n_rows=len(grid.ys) - 1, n_cols=len(grid.xs) - 1, page=page_number,
                      bbox=_round(grid.bbox), exact=True)
        placed.append((grid.ys[0], grid.xs[0], table))
    for line in _loose_lines(loose):
        text = line_text(line)
        bbox = (min(c.x0 for c in line), min(c.top for c in line), max(c.x1 for c in line), max(c.bottom for c in line))
        placed.append((bbox[1], bbox[0], TextLine(text=text, page=page_number, bbox=_round(bbox))))
    placed.sort(key=lambda t: (t[0], t[1]))
    return [b for _, _, b in placed]


def ink_extent(chars: list[Char]) -> tuple[float, float, float, float | None, float] | None:
    """(top, bottom, glyph height, line pitch or None, top of the last line) of a cell's printed
    text; None for an empty cell. Lines are counted down the page (a label stacked one character
    per line has one line per character).

    Kept on the PDF reader's cells as ``cell.ink`` (not part of the model): the continuation step
    uses it to recognise one merged cell cut by a page break.
    """
    if not chars:
        return None
    heights = sorted(c.bottom - c.top for c in chars)
    glyph = heights[len(heights) // 2]
    tops: list[float] = []
    for t in sorted(c.top for c in chars):
        if not tops or t - tops[-1] > 0.5 * glyph:
            tops.append(t)
    steps = sorted(b - a for a, b in zip(tops, tops[1:]))
    pitch = steps[len(steps) // 2] if steps else None
    return min(c.top for c in chars), max(c.bottom for c in chars), glyph, pitch, tops[-1]


def _loose_lines(chars: list[Char]) -> list[list[Char]]:
    upright = [c for c in chars if c.upright]
    rotated = [c for c in chars if not c.upright]
    lines = group_lines(upright)
    if rotated:  # stray rotated text (side notes, stamps): one line per run
        lines.append(sorted(rotated, key=lambda c: (c.cx, c.cy)))
    return lines


def _area(b: tuple[float, float, float, float]) -> float:
    return (b[2] - b[0]) * (b[3] - b[1])


def _round(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(b[0], 2), round(b[1], 2), round(b[2], 2), round(b[3], 2))
