"""The OCR path: scanned PDF pages and photos → the same grid model as every other reader.

file → page image (:mod:`.render`, or decoded by :mod:`jixiao.extract.image`) → clean upright grey
page (:mod:`.preprocess`: light evened out, red seals suppressed, skew or perspective removed) →
text boxes from one OCR pass over the whole page (:mod:`.engine`; a box round several lines of a
narrow column read again line by line) + tables as cell grids (ruled: :mod:`.lines`; ruled only
horizontally or not at all: :mod:`.borderless`) → unsure look-alike characters set right by the
words around them (:mod:`.lexicon`) → boxes assigned to cells (:mod:`.assign`) → confusions fixed
(:mod:`.confusions`; comparison signs the recogniser cannot read, ``≧ ≦ ═``, read from their
drawing by :mod:`.signs`) → :class:`Table` and :class:`TextLine` blocks in reading
order, every cell and line with its box on the scan and its confidence.

Entry points used by the readers:

- :func:`ocr_pdf_pages` / :func:`ocr_pdf_pages_with_warnings` — for the PDF reader, pages without a
  usable text layer;
- :func:`ocr_image_pages` / :func:`ocr_images_with_warnings` — for image files.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from jixiao.model import Block, Cell, Table, TextLine



@dataclass(frozen=True)
class OcrSettings:
    """The OCR path's thresholds, in one place (the defaults are the ones the samples and the
    corpus were measured with). Pass one to :func:`ocr_page`, or as ``options.ocr_settings`` to
    the readers."""

    low_confidence: float = 0.80  # a cell or line whose mean character confidence is below this is reported
    quoted: int = 5  # texts quoted in a page's low-confidence warning (the rest are counted)
    min_box_score: float = 0.3  # text boxes the recogniser scores below this are dropped
    lone_sure: float = 0.9  # a one-character cell read less surely than this is read again on its own
    alone_min_score: float = 0.8  # … and a reading on its own is kept from this score (an empty cell's ink too)
    alone_max_lines: float = 1.8  # ink taller than this many text lines is no lone sign (not read on its own)
    alone_sign_min_score: float = 0.5  # … a comparison sign alone in an empty cell is kept from this score
    speck_min_score: float = 0.6  # a box under half a text line high is kept only from this score (dust read 设 at 0.30)


DEFAULT_SETTINGS = OcrSettings()


def settings_of(options) -> OcrSettings:
    return getattr(options, "ocr_settings", None) or DEFAULT_SETTINGS


@dataclass
class PageResult:
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ocr_page(image: np.ndarray, page: int, scale: float = 1.0, settings: Optional[OcrSettings] = None) -> PageResult:
    """OCR one page image (BGR or grey uint8). Cell/line boxes are returned in page units: the
    scan's own pixels divided by ``scale`` (PDF points for a rendered PDF page, pixels of an image
    file), whatever rotation or perspective correction the page needed. A cell or line read with
    a mean confidence below ``settings.low_confidence`` is named in a warning for the page."""
    settings = settings or DEFAULT_SETTINGS
    from jixiao.extract.ocr.assign import assign
    from jixiao.extract.ocr.confusions import (dash_lengths, dash_read_as_one, sign_as_drawn, fix_cell, fix_label, fix_level_headings, fix_target,
                                               fix_text, is_target_header, one_lost_before, slash_read_as_one,
                                               unit_superscripts)
    from jixiao.extract.ocr.engine import recognise, reread, reread_stacked
    from jixiao.extract.ocr.lexicon import fix_unsure_glyphs
    from jixiao.extract.ocr.lines import find_tables
    from jixiao.extract.ocr.preprocess import clean

    cleaned = clean(image)
    for_lines, for_ocr, transform = cleaned.for_lines, cleaned.for_ocr, cleaned.transform
    boxes = recognise(for_ocr, min_score=settings.min_box_score)
    if cleaned.stamped:
        boxes = reread(boxes, cleaned.alternatives, settings.min_box_score)
    boxes = reread_stacked(boxes, for_ocr, settings.min_box_score)
    boxes = fix_unsure_glyphs(_without_specks(boxes, settings))
    boxes = dash_lengths(unit_superscripts(boxes, for_ocr), for_ocr)
    tables = find_tables(for_lines, tuple((b.x0, b.y0, b.x1, b.y1) for b in boxes),
                         tuple(len(b.text.strip()) == 1 for b in boxes))
    filled, free = assign(boxes, tables)
    _read_alone(filled, for_ocr, boxes, settings)
    line_height = _line_height(boxes)

    def to_units(x0: float, y0: float, x1: float, y1: float):
        # upright page → the scan's own pixels → page units
        x0, y0, x1, y1 = transform.to_source(x0, y0, x1, y1)
        return (round(x0 / scale, 2), round(y0 / scale, 2), round(x1 / scale, 2), round(y1 / scale, 2))

    placed: list[tuple[float, Block]] = []
    low: list[str] = []
    for table in filled:
        cells: list[Cell] = []
        target_cols: set[int] = set()
        by_row: dict[int, list] = {}
        for ct in sorted(table.cells, key=lambda ct: ct.cell.col):
            by_row.setdefault(ct.cell.row, []).append(ct)
        for row in by_row.values():
            for ct, fixed in zip(row, fix_level_headings([ct.text for ct in row])):
                ct.text = fixed
        for ct in table.cells:
            if is_target_header(ct.text):
                target_cols.update(range(ct.cell.col, ct.cell.col + ct.cell.colspan))
        for ct in table.cells:
            text = fix_label(fix_cell(fix_text(ct.text)), ct.confidence)
            if len(text.strip()) == 1:  # a lone mark: a flat bar is —, a leaning stroke / (both often read 1)
                interior = _interior(for_ocr, ct.cell)
                text = "—" if dash_read_as_one(text, interior) else "/" if slash_read_as_one(text, interior) else text
            if ct.cell.col in target_cols and not is_target_header(text):
                text = fix_target(text, ct.lead_score)
            if ct.lead_box is not None:
                text = sign_as_drawn(text, _lead_pixels(for_ocr, ct.lead_box))
                text = one_lost_before(text, _pixels_before(for_ocr, ct.cell, ct.lead_box))
                text = _lost_before(for_ocr, ct.cell, ct.lead_box, line_height, settings) + text
            if ct.confidence is not None and ct.confidence < settings.low_confidence and text.strip():
                low.append(text.replace("\n", ""))
            c = ct.cell
            cells.append(Cell(text=text, row=c.row, col=c.col, rowspan=c.rowspan, colspan=c.colspan, page=page,
                              bbox=to_units(c.x0, c.y0, c.x1, c.y1), confidence=ct.confidence))
        cells.sort(key=lambda c: (c.row, c.col))
        grid = table.grid
        placed.append((grid.y0, Table(cells=cells, page=page, bbox=to_units(grid.x0, grid.y0, grid.x1, grid.y1),
                                      exact=True)))  # a ruled grid: the scan's own columns and rows
    for line in free:
        text = fix_text(line.text)
        if line.confidence < settings.low_confidence:
            low.append(text)
        placed.append(((line.y0 + line.y1) / 2, TextLine(text=text, page=page, bbox=to_units(line.x0, line.y0, line.x1, line.y1),
                                                        confidence=line.confidence)))
    placed.sort(key=lambda item: item[0])
    placed = _in_page_script(placed)
    warnings = []
    if low:
        n = settings.quoted
        shown = "、".join(f"'{t[:12]}'" for t in low[:n])
        more = f" and {len(low) - n} more" if len(low) > n else ""
        warnings.append(f"low OCR confidence on page {page}: {shown}{more}")
    return PageResult([b for _, b in placed], warnings)


def _in_page_script(placed: list[tuple[float, Block]]) -> list[tuple[float, Block]]:
    """The page's texts with the Simplified readings of a Traditional page set back (:mod:`.traditional`)."""
    from jixiao.extract.ocr.traditional import as_traditional, traditional_forms

    texts = [c.text for _, b in placed for c in (b.cells if isinstance(b, Table) else [b])]
    forms = traditional_forms(texts)
    if not forms:
        return placed
    return [(y, replace(b, cells=[replace(c, text=as_traditional(c.text, forms)) for c in b.cells])
             if isinstance(b, Table) else replace(b, text=as_traditional(b.text, forms))) for y, b in placed]


def _without_specks(boxes, settings: OcrSettings):
    """The boxes without dust the recogniser read as a character: smaller than half the page's usual
    line both ways and read unsurely (a 12-px speck beside a table came back 设 at 0.30 and became a
    level label)."""
    line = _line_height(boxes)
    if not line:
        return boxes
    half = 0.5 * line
    return [b for b in boxes if b.score >= settings.speck_min_score or b.height >= half or (b.x1 - b.x0) >= half]


def _read_alone(filled, page: np.ndarray, boxes, settings: OcrSettings) -> None:
    """Cells the page's reading left empty though they hold ink, or filled with one unsure
    character, are read again on their own (:func:`.engine.read_ink`): the detector passes over a
    lone small sign (a ``≥`` alone in its column) and reads one as a letter (``≧`` → ``M``).
    Measured on 40 PDFs of the real forms rasterized at 200 dpi: four signs come back (three the
    detector passed over, one read M); with the cell rule kept out of :func:`.confusions.sign_as_drawn`,
    indicators F1 0.969 → 0.985."""
    from jixiao.extract.ocr.engine import read_ink, read_ink_lines

    line = _line_height(boxes)
    if not line:
        return
    unread = None  # the page with every box read painted out: ink left in an empty cell is unread
    for table in filled:
        for ct in table.cells:
            text = ct.text.strip()
            lone = len(text) == 1 and (ct.confidence if ct.confidence is not None else 1.0) < settings.lone_sure
            if text and not lone:
                continue
            if not text and unread is None:
                unread = page.copy()
                for b in boxes:
                    unread[max(0, int(b.y0)):int(np.ceil(b.y1)), max(0, int(b.x0)):int(np.ceil(b.x1))] = 255
            c = ct.cell
            pad = _rule_margin(c)
            source = page if text else unread
            box = read_ink(source, c.x0 + pad, c.y0 + pad, c.x1 - pad, c.y1 - pad, line, settings.alone_max_lines)
            if box is None and not text:  # a label of several lines the detector passed over
                box = read_ink_lines(source, c.x0 + pad, c.y0 + pad, c.x1 - pad, c.y1 - pad, line,
                                     settings.alone_min_score)
            drawn = _drawn_sign(source, box, settings.alone_min_score) \
                if box is not None and box.score < settings.alone_min_score else None
            if drawn is not None:  # a sign by its drawing replaces an unsure reading (≧ read M)
                box = drawn
            elif box is not None and not text and box.text.strip() in LONE_SIGNS and box.score >= settings.alone_sign_min_score:
                pass  # a sign alone in an empty cell, read unsurely: nothing else reads as one (⩾ slanted, 0.54–0.72)
            elif box is None or box.score < settings.alone_min_score or \
                    (text and (len(box.text.strip()) != 1 or box.score <= (ct.confidence or 0.0))):
                continue
            ct.text, ct.confidence, ct.lead_score = box.text.strip(), round(box.score, 4), box.score
            ct.lead_box = (box.x0, box.y0, box.glyphs[0].x1, box.y1)


def _line_height(boxes) -> float:
    """The page's usual text line height: the median height of its boxes (0.0 with none)."""
    heights = sorted(b.height for b in boxes)
    return heights[len(heights) // 2] if heights else 0.0


LONE_SIGNS = frozenset("≥≤≧≦><=═＝")  # what a lone sign in a sign column reads as


def _drawn_sign(page: np.ndarray, box, score: float):
    """A lone glyph the recogniser read unsurely that is a comparison sign by its drawing
    (:func:`.signs.read_sign`): the sign, as sure as a reading that is kept (h31's ``≧`` alone in a
    narrow column came back ``M`` 0.65 and ``≥`` 0.60). None when the ink is no sign."""
    from jixiao.extract.ocr.engine import Glyph, TextBox
    from jixiao.extract.ocr.signs import read_sign

    h = box.y1 - box.y0
    top, bottom = int(max(0, box.y0 - 0.2 * h)), int(min(page.shape[0], box.y1 + 0.2 * h))
    left, right = int(max(0, box.x0 - 0.2 * h)), int(min(page.shape[1], box.x1 + 0.2 * h))
    sign = read_sign(page[top:bottom, left:right])
    if sign is None:
        return None
    return TextBox(sign, box.x0, box.y0, box.x1, box.y1, score, [Glyph(sign, box.x0, box.y0, box.x1, box.y1, score)])


def _lead_pixels(page: np.ndarray, box) -> np.ndarray:
    """The start of a text line: from just left of its first character to about a character
    height past it (the whole first character whatever its width)."""
    x0, y0, _x1, y1 = box
    h = y1 - y0
    top, bottom = int(max(0, y0)), int(min(page.shape[0], y1))
    left, right = int(max(0, x0 - 0.1 * h)), int(min(page.shape[1], x0 + 1.2 * h))
    return page[top:bottom, left:right]


def _pixels_before(page: np.ndarray, cell, box) -> np.ndarray:
    """The cell's pixels left of its first character read, the height of that character's line
    (what a lost 一 would have left: :func:`.confusions.one_lost_before`)."""
    x0, y0, _x1, y1 = box
    left = int(cell.x0 + _rule_margin(cell))
    return page[int(max(0, y0)):int(y1), left:max(left, int(x0) - 1)]


LOST_LEAD_WIDTH = 0.6  # of a text line's height: the blank a cell's first text line may start after
LOST_LEAD_MAX = 3.0  # …and the widest ink (in line heights) read as what the detector left out there
LOST_LEAD_GAP = 1.0  # …and the widest blank between it and the first character read (、 leaves half a character)
FLAT_STROKES = frozenset("一二三_-—=＝~")  # what a rule's remnant reads as: never a lost start on its own


def _lost_before(page: np.ndarray, cell, box, line: float, settings: OcrSettings) -> str:
    """What the detector left out at the start of a cell's first text line, read on its own
    (:func:`.engine.read_ink`): ink between the cell's rule and the first character read, wider than
    a blank indent allows and ending where that character starts (``二、`` against the rule before
    化肥减量增效田间试验 — its two flat strokes taken for the rule's — was lost on the scan and the photo
    of x044). Ink wider than a few characters, or read as flat strokes alone, is a rule's remnant.
    '' when there is none. Real forms scanned (image PDFs): indicators 0.970 → 0.975 (the rest is x045's
    misprinted 顼目产出, which the scan reads 项目产出); photos, the dev corpus unchanged."""
    from jixiao.extract.ocr.engine import read_ink

    x0, y0, _x1, y1 = box
    left = int(cell.x0 + _rule_margin(cell))
    if not line or x0 - left < LOST_LEAD_WIDTH * line:
        return ""
    inset = 0.15 * (y1 - y0)  # (a row's rule may run along the line's edge)
    lost = read_ink(page, left, int(y0 + inset), int(x0) - 1, int(np.ceil(y1 - inset)), line, 1.2)
    if lost is None or lost.score < settings.alone_min_score or \
            not LOST_LEAD_WIDTH * line <= lost.x1 - lost.x0 <= LOST_LEAD_MAX * line or \
            x0 - lost.x1 > LOST_LEAD_GAP * line:
        return ""
    text = lost.text.strip()
    return "" if set(text) <= FLAT_STROKES else text


def _rule_margin(cell) -> int:
    """Pixels cut from each side of a cell to leave its rules out: a share of its smaller side (a
    tall narrow sign column cut by a share of its height lost the sign's own edges: h31's ≧ in a
    column 55 px wide and 119 high came back as ≤)."""
    return max(3, int(0.12 * min(cell.y1 - cell.y0, cell.x1 - cell.x0)))


def _interior(page: np.ndarray, cell) -> np.ndarray:
    """The cell's pixels without its rules."""
    pad = _rule_margin(cell)
    return page[cell.y0 + pad:cell.y1 - pad, cell.x0 + pad:cell.x1 - pad]


def ocr_pdf_pages_with_warnings(path: Path, pages: list[int], options=None) -> tuple[list[Block], list[str]]:
    """OCR the given 1-based pages of a PDF; blocks in reading order and reviewer warnings."""
    from jixiao.extract.ocr.render import render_pdf_pages

    password = getattr(options, "password", None)
    blocks: list[Block] = []
    warnings: list[str] = []
    for page_image in render_pdf_pages(Path(path), list(pages), password=password):
        result = ocr_page(page_image.image, page_image.page, page_image.scale, settings_of(options))
        blocks.extend(result.blocks)
        warnings.extend(result.warnings)
    return blocks, warnings


def ocr_pdf_pages(path: Path, pages: list[int], options=None) -> list[Block]:
    """OCR the given 1-based pages of a PDF into blocks (see :func:`ocr_pdf_pages_with_warnings`)."""
    return ocr_pdf_pages_with_warnings(path, pages, options)[0]


def ocr_images_with_warnings(images: Iterable[np.ndarray], first_page: int = 1,
                             settings: Optional[OcrSettings] = None) -> tuple[list[Block], list[str]]:
    """OCR page images (BGR/grey arrays, page numbers from ``first_page``)."""
    blocks: list[Block] = []
    warnings: list[str] = []
    for offset, image in enumerate(images):
        result = ocr_page(image, first_page + offset, settings=settings)
        blocks.extend(result.blocks)
        warnings.extend(result.warnings)
    return blocks, warnings


def ocr_image_pages(images: Iterable[np.ndarray]) -> list[Block]:
    """OCR page images into blocks in reading order (pages numbered from 1)."""
    return ocr_images_with_warnings(images)[0]


__all__ = ["ocr_page", "ocr_pdf_pages", "ocr_pdf_pages_with_warnings", "ocr_image_pages",
           "ocr_images_with_warnings", "PageResult", "OcrSettings", "DEFAULT_SETTINGS"]
