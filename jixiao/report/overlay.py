"""Cells drawn onto a page image with PIL (what :func:`jixiao.debug.plot` returns).

The same colours as the HTML report (:mod:`jixiao.report.roles`); boxes are given in page units and
scaled to the image with the page's :class:`~jixiao.report.pages.PageInfo`.
"""
from __future__ import annotations

from typing import Iterable, Optional

from jixiao.report.pages import PageInfo
from jixiao.report.roles import colour_of

HIGHLIGHT = (255, 220, 0)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def draw_cells(image, info: PageInfo, cells: Iterable[dict], highlight: Optional[str] = None):
    """A copy of ``image`` (PIL) with each cell's box (``box`` in page units, ``role``, ``rec``)
    outlined in its role's colour, lightly filled; cells whose ``rec`` equals ``highlight``
    (``"indicator:3"`` means the first form's, ``"2:indicator:3"`` the second's) filled yellow.
    Unread cells are drawn thicker."""
    from PIL import Image, ImageDraw

    if highlight is not None and highlight.count(":") == 1:
        highlight = "1:" + highlight
    base = image.convert("RGBA")
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    sx = base.width / info.width if info.width else 1.0
    sy = base.height / info.height if info.height else 1.0
    width = max(1, round(base.width / 700))
    for c in cells:
        box = c.get("box")
        if not box:
            continue
        x0, y0, x1, y1 = box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy
        rgb = _rgb(colour_of(c.get("role")))
        rec = c.get("rec") or ""
        lit = highlight is not None and rec == highlight
        fill = (*HIGHLIGHT, 120) if lit else (*rgb, 28)
        w = width * (2 if c.get("role") == "unread" or lit else 1)
        draw.rectangle([x0, y0, x1, y1], outline=(*rgb, 255), fill=fill, width=w)
    return Image.alpha_composite(base, layer).convert("RGB")
