"""Characters → text lines: the one grouping the PDF reader's later steps share.

Part of the PDF reader (file → objects → grid → blocks): :mod:`.overflow` judges lines printed
across a row rule and :mod:`.layout` reads each cell's lines, both on this grouping.
"""
from __future__ import annotations

from jixiao.extract.pdf.objects import Char


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Upright characters grouped into text lines, top to bottom, each line left to right."""
    lines: list[list[Char]] = []
    spans: list[list[float]] = []  # [top, bottom] of each line
    for ch in sorted(chars, key=lambda c: (c.cy, c.x0)):
        if lines:
            top, bottom = spans[-1]
            overlap = min(bottom, ch.bottom) - max(top, ch.top)
            if overlap >= 0.5 * min(bottom - top, ch.bottom - ch.top) or top <= ch.cy <= bottom:
                lines[-1].append(ch)
                spans[-1] = [min(top, ch.top), max(bottom, ch.bottom)]
                continue
        lines.append([ch])
        spans.append([ch.top, ch.bottom])
    for line in lines:
        line.sort(key=lambda c: c.x0)
    return lines
