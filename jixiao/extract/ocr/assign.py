"""Text boxes → cells (text boxes + cell grid → **tables and free text lines**).

Every recognised character goes to the cell holding its centre, so a box the engine ran across a
ruling line is split between the cells it covers. Inside a cell the pieces are put in reading
order: grouped into lines by their vertical centre, left to right within a line, lines joined with
``\\n`` — except a label printed top to bottom one character per line (竖排), whose characters
are joined into the label (``产出指标``). Characters outside every table become :class:`TextLine`
blocks.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional, Union

from jixiao.extract.ocr.engine import Glyph, TextBox
from jixiao.extract.ocr.lines import GridCell, TableGrid


@dataclass
class Piece:
    """A run of characters from one text box that landed in one cell (or outside tables)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    scores: list[float]
    first_x1: float = 0.0  # right edge of the first character
    upright: bool = False  # characters one below another (a 竖排 label read as one box)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class CellText:
    cell: GridCell
    text: str
    confidence: Optional[float]
    lead_score: Optional[float] = None  # confidence of the cell's first character
    lead_box: Optional[tuple[float, float, float, float]] = None  # first character: x0, line top, x1, line bottom


@dataclass
class FilledTable:
    grid: TableGrid
    cells: list[CellText]


@dataclass
class FreeLine:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


def _cell_for(table: TableGrid, x: float, y: float) -> GridCell:
    for cell in table.cells:
        if cell.contains(x, y):
            return cell
    return min(table.cells, key=lambda c: c.distance(x, y))


def _upright(box: TextBox) -> bool:
    """A box the engine read top to bottom (a 竖排 label such as 一/级/指/标 ⏎ 产/出/指/标 in a
    narrow column, which may run over the rule between a heading and its first row): at least
    twice as tall as wide, each character below the one before."""
    glyphs = box.glyphs
    if len(glyphs) < 2 or box.height < 2 * (box.x1 - box.x0):
        return False
    return all(b.y0 >= a.y0 + 0.5 * (a.y1 - a.y0) for a, b in zip(glyphs, glyphs[1:]))


def _table_for(tables: list[TableGrid], box: TextBox, upright: bool = False) -> Optional[TableGrid]:
    cx = (box.x0 + box.x1) / 2
    size = (box.x1 - box.x0) if upright else box.height  # the size of one character
    for table in tables:
        if table.contains(cx, box.cy, margin=-size * 0.15):
            return table
    return None


NARROW = ",.:;'!|()[]"  # characters about half a digit wide
NARROW_WIDTH, WIDE_WIDTH = 0.5, 2.0  # widths in digits of a narrow mark and of a CJK character


def _width(ch: str) -> float:
    return NARROW_WIDTH if ch in NARROW else WIDE_WIDTH if unicodedata.east_asian_width(ch) in "WF" else 1.0


def _characters(glyph: Glyph, table: TableGrid, y: float) -> list[Glyph]:
    """A glyph of several characters (the engine boxes a run of digits as one word) that lies over a
    rule between two cells, as characters spread over its width by their printed widths (a CJK
    character two digits wide, a comma half): two amounts printed close either side of a rule
    (``1,000,000.00 | 1,000,000.00``) come back as one word."""
    if len(glyph.text) < 2 or _cell_for(table, glyph.x0 + 1, y) is _cell_for(table, glyph.x1 - 1, y):
        return [glyph]
    widths = [_width(ch) for ch in glyph.text]
    step = (glyph.x1 - glyph.x0) / sum(widths)
    out, x = [], glyph.x0
    for ch, w in zip(glyph.text, widths):
        out.append(Glyph(ch, x, glyph.y0, x + w * step, glyph.y1, glyph.score))
        x += w * step
    return out


def _split(box: TextBox, table: TableGrid, upright: bool = False) -> list[tuple[GridCell, Piece]]:
    """The box's characters grouped by the cell holding each one's centre (along the line, or
    down the column for an upright box)."""
    pieces: list[tuple[GridCell, Piece]] = []
    glyphs = box.glyphs if upright else [c for g in box.glyphs for c in _characters(g, table, box.cy)]
    for glyph in glyphs:
        y0, y1 = (glyph.y0, glyph.y1) if upright else (box.y0, box.y1)
        cell = _cell_for(table, (glyph.x0 + glyph.x1) / 2, (y0 + y1) / 2)
        if pieces and pieces[-1][0] is cell:
            p = pieces[-1][1]
            p.text += glyph.text
            p.x1 = max(p.x1, glyph.x1)
            p.y1 = max(p.y1, y1)
            p.scores.append(glyph.score)
        else:
            pieces.append((cell, Piece(glyph.text, glyph.x0, y0, glyph.x1, y1, [glyph.score], glyph.x1, upright)))
    return pieces


def reading_order(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines (top to bottom), each line left to right."""
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: p.cy):
        if lines:
            line = lines[-1]
            centre = sum(p.cy for p in line) / len(line)
            height = max(p.height for p in line)
            if abs(piece.cy - centre) < 0.5 * min(height, piece.height):
                line.append(piece)
                continue
        lines.append([piece])
    return [sorted(line, key=lambda p: p.x0) for line in lines]


def _join_line(line: list[Piece], spaced: bool) -> str:
    out = ""
    prev: Optional[Piece] = None
    for piece in line:
        if prev is not None:
            gap = piece.x0 - prev.x1
            both_latin = out[-1:].isascii() and out[-1:].isalnum() and piece.text[:1].isascii() and piece.text[:1].isalnum()
            if both_latin or (spaced and gap > 1.5 * max(prev.height, piece.height)):
                out += " "
        out += piece.text
        prev = piece
    return out


def _stacked(lines: list[list[Piece]]) -> bool:
    """A label printed top to bottom, one character per line (竖排: 产/出/指/标): every line one
    character or characters read upright, all on one vertical axis."""
    if len(lines) < 2 or any(len(line) != 1 or (len(line[0].text.strip()) != 1 and not line[0].upright)
                             for line in lines):
        return False
    centres = [(line[0].x0 + line[0].x1) / 2 for line in lines]
    size = max(line[0].x1 - line[0].x0 if line[0].upright else line[0].height for line in lines)
    return max(centres) - min(centres) <= 0.5 * size


def assign(boxes: list[TextBox], tables: list[TableGrid]) -> tuple[list[FilledTable], list[FreeLine]]:
    """Distribute text boxes over table cells; the rest as free text lines."""
    per_cell: dict[int, list[Piece]] = {}
    outside: list[Piece] = []
    for box in boxes:
        upright = _upright(box)
        table = _table_for(tables, box, upright)
        if table is None:
            outside.append(Piece(box.text, box.x0, box.y0, box.x1, box.y1, [g.score for g in box.glyphs] or [box.score]))
            continue
        for cell, piece in _split(box, table, upright):
            per_cell.setdefault(id(cell), []).append(piece)
    filled: list[FilledTable] = []
    for table in tables:
        texts = []
        for cell in table.cells:
            pieces = per_cell.get(id(cell), [])
            lines = reading_order(pieces)
            text = ("" if _stacked(lines) else "\n").join(_join_line(line, spaced=False) for line in lines)
            scores = [s for p in pieces for s in p.scores]
            confidence = round(sum(scores) / len(scores), 4) if scores else None
            lead = lines[0][0].scores[0] if lines and lines[0][0].scores else None
            first = lines[0][0] if lines else None
            lead_box = (first.x0, first.y0, first.first_x1 or first.x1, first.y1) if first else None
            texts.append(CellText(cell, text, confidence, lead, lead_box))
        filled.append(FilledTable(table, texts))
    free: list[FreeLine] = []
    for line in reading_order(outside):
        scores = [s for p in line for s in p.scores]
        free.append(FreeLine(_join_line(line, spaced=True), min(p.x0 for p in line), min(p.y0 for p in line),
                             max(p.x1 for p in line), max(p.y1 for p in line), round(sum(scores) / len(scores), 4)))
    return filled, free


Placed = Union[FilledTable, FreeLine]
