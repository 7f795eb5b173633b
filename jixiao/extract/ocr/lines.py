"""Table structure from ruling lines (clean page → **cell grid** → form).

The page is binarised; long horizontal and vertical strokes are kept by morphological opening
(text strokes are shorter than the kernels), vertical pieces are kept only where they meet the
horizontal rules (so the upright strokes of characters never pass for lines), and every group of
connected rules is one table. Inside a table each region enclosed by rules is one cell; the edges
of all cells, clustered, give the grid's row and column boundaries, so a merged cell is simply a
region covering several of them (one cell with ``rowspan``/``colspan``).

Tables missing rules are completed from the text (:mod:`.borderless`): three or more horizontal
rules stacked at row spacing are a table even without vertical rules, its columns placed where
the text leaves gaps and snapped to the ends of rules that stop inside it; the text outside every
table may still be one, printed without any rule.
"""
from __future__ import annotations

import cv2
import numpy as np

from jixiao.extract.ocr.grid import GridCell, TableGrid, compact as _compact


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink = 255 (adaptive threshold, tolerant of uneven paper)."""
    block = max(15, (min(grey.shape) // 60) | 1)
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12)


TextRect = tuple[float, float, float, float]
STROKE_SPAN = 2.0  # text line heights: no stroke of a character in a line is this tall


def _rules(binary: np.ndarray, text_rects: tuple[TextRect, ...] = ()) -> tuple[np.ndarray, np.ndarray]:
    h, w = binary.shape
    unit = min(h, w)
    h_len = max(30, unit // 30)
    v_len = max(14, unit // 70)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # bridge small breaks (scan noise, a removed stamp) along each rule
    gap = max(3, unit // 250)
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap * 3, 1)))
    # upright rules get only a small mend: a longer one would join the strokes of characters
    # stacked in consecutive rows into one "rule" crossing the horizontal rule between them
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    return horizontal, _vertical_rules_meeting(vertical, horizontal, v_len, gap, text_rects)


def _vertical_rules_meeting(vertical: np.ndarray, horizontal: np.ndarray, v_len: int, gap: int,
                            text_rects: tuple[TextRect, ...] = ()) -> np.ndarray:
    """Vertical pieces that run from one horizontal rule to the next.

    The vertical mask is cut at every horizontal rule first, so each piece is judged on its own
    stretch between two rules: a rule segment meets a rule at both ends (or at one end when it is
    long: a table's open bottom); the upright stroke of a character, even one lined up with a rule
    below it, stops short of the rule above."""
    tol = max(2, gap // 2)
    band = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    pieces = cv2.bitwise_and(vertical, cv2.bitwise_not(band))
    reach = cv2.dilate(band, cv2.getStructuringElement(cv2.MORPH_RECT, (tol * 2 + 1, tol * 2 + 1)))
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(pieces, connectivity=8)
    keep = np.zeros(n, dtype=bool)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w > max(12, h // 2):
            continue
        xs = slice(x, x + w)
        top = reach[max(y - 1, 0):y + 2, xs].any()
        bottom = reach[max(y + h - 2, 0):y + h + 1, xs].any()
        if (top and bottom) or ((top or bottom) and h >= 3 * v_len):
            keep[i] = True
    _drop_pieces_inside_text(keep, stats, text_rects)
    before = keep.copy()
    _drop_thick_short_pieces(keep, stats, v_len)
    _drop_curved_short_pieces(keep, stats, labels, v_len)
    _restore_collinear(keep, before, stats, centroids, v_len)
    kept = np.where(keep[labels], 255, 0).astype(np.uint8)
    # give the kept segments back their crossings with the horizontal rules
    grown = cv2.dilate(kept, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 2 * tol + 5)))
    return cv2.bitwise_or(kept, cv2.bitwise_and(grown, vertical))


def _drop_pieces_inside_text(keep: np.ndarray, stats: np.ndarray, text_rects: tuple[TextRect, ...]) -> None:
    """A piece standing well inside one line of recognised text (a character's stroke, a stamp's
    rim over the text) is not a rule: the OCR engine seldom reads one text line across a rule. When it
    does (two headings wrapped in narrow cells side by side: 单项指标实际完成|单项指标完成 read as one line;
    two goal texts side by side, each line read across both), the rule is much taller than the line, as
    no stroke of one of its characters is."""
    for i in range(1, len(keep)):
        if not keep[i]:
            continue
        x, y, w, h, _ = stats[i]
        xc = x + w / 2
        for x0, y0, x1, y1 in text_rects:
            line_h = y1 - y0
            overlap = min(y + h, y1) - max(y, y0)
            if overlap > 0.6 * min(h, line_h) and x0 + 0.35 * line_h <= xc <= x1 - 0.35 * line_h \
                    and h < STROKE_SPAN * line_h:
                keep[i] = False
                break


def _drop_thick_short_pieces(keep: np.ndarray, stats: np.ndarray, v_len: int) -> None:
    """A stamp's rim crossing a row leaves a short upright piece much thicker than the table's
    rules (stamp rims are printed bolder than 0.5-pt rules), a character's hairline a much thinner
    one: such pieces are not rules (unless they continue a column rule, see _restore_collinear)."""
    kept = [i for i in range(1, len(keep)) if keep[i]]
    if len(kept) < 3:
        return
    thickness = {i: stats[i][4] / max(1, stats[i][3]) for i in kept}
    typical = float(np.median(list(thickness.values())))
    limit = max(1.6 * typical, typical + 1.5)
    for i in kept:
        too_thick = thickness[i] > limit
        too_thin = thickness[i] < 0.5 * typical  # a hairline stroke of a character beside 2-px rules
        if (too_thick or too_thin) and stats[i][3] < 4 * v_len:
            keep[i] = False


def _restore_collinear(keep: np.ndarray, before: np.ndarray, stats: np.ndarray, centroids: np.ndarray,
                       v_len: int) -> None:
    """A dropped piece that continues a rule of another row (same x) is that rule, blotted by a
    stamp printed over it: keep it."""
    kept = [i for i in range(1, len(keep)) if keep[i]]
    for i in range(1, len(keep)):
        if before[i] and not keep[i]:
            x, _, w, _, _ = stats[i]
            beside = [j for j in kept if x - 2 <= centroids[j][0] <= x + w + 2]
            # a column rule: one long piece, or pieces in three or more rows at this x
            if any(stats[j][3] >= 4 * v_len for j in beside) or len(beside) >= 3:
                keep[i] = True


def _drop_curved_short_pieces(keep: np.ndarray, stats: np.ndarray, labels: np.ndarray, v_len: int) -> None:
    """An upright piece whose centre line drifts sideways is an arc (a stamp's rim), not a rule."""
    for i in range(1, len(keep)):
        x, y, w, h, _ = stats[i]
        if not keep[i] or w < 3:
            continue
        rows, cols = np.nonzero(labels[y:y + h, x:x + w] == i)
        sums = np.bincount(rows, weights=cols, minlength=h)
        counts = np.bincount(rows, minlength=h)
        centres = sums[counts > 0] / counts[counts > 0]
        k = max(1, len(centres) // 6)
        smooth = np.convolve(centres, np.ones(k) / k, mode="valid")
        if smooth.max() - smooth.min() > 1.0 + 0.01 * h:  # a straight rule drifts < 0.6° after deskew
            keep[i] = False


def _cluster(values: list[int], tol: int) -> list[float]:
    """Centres of groups of nearby values."""
    centres: list[float] = []
    group: list[int] = []
    for v in sorted(values):
        if group and v - group[-1] > tol:
            centres.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        centres.append(sum(group) / len(group))
    return centres


def _index(centres: list[float], v: float) -> int:
    return int(np.argmin([abs(c - v) for c in centres]))


def find_tables(grey: np.ndarray, text_rects: tuple[TextRect, ...] = (),
                one_char: tuple[bool, ...] = ()) -> list[TableGrid]:
    """Every table on an upright grey page, top to bottom, with its cell grid: ruled tables, tables
    ruled only horizontally (columns from the text, :mod:`.borderless`) and, from the text outside
    those, a table printed without rules.

    ``text_rects`` are the boxes of the text lines read on the page (x0, y0, x1, y1), if known;
    ``one_char`` flags, for each, whether it was read as one character."""
    from jixiao.extract.ocr.borderless import borderless_tables, column_bounds, virtual_rules

    binary = binarise(grey)
    horizontal, vertical = _rules(binary, tuple(text_rects))
    rules = cv2.bitwise_or(horizontal, vertical)
    h, w = rules.shape
    unit = min(h, w)
    joined = cv2.dilate(rules, np.ones((5, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes = [tuple(map(int, stats[i][:4])) for i in range(1, n) if stats[i][2] >= w * 0.2]
    regions = [b for b in boxes if b[3] >= unit // 40] + _stacked_rules(
        [b for b in boxes if b[3] < unit // 40], unit)
    tables: list[TableGrid] = []
    for x, y, bw, bh in regions:
        crop_h = horizontal[y:y + bh, x:x + bw]
        crop_v = vertical[y:y + bh, x:x + bw]
        if not crop_h.any():
            continue
        inner_v = crop_v[:, int(0.04 * bw):int(0.96 * bw) + 1]
        if not inner_v.any():
            # no column rules: the columns come from the text inside
            inside = [r for r in text_rects if x <= (r[0] + r[2]) / 2 <= x + bw and y <= (r[1] + r[3]) / 2 <= y + bh]
            bounds = _snap_to_rule_ends(column_bounds(inside, x, x + bw), crop_h, x, unit)
            if not bounds:
                continue
            crop_v = cv2.bitwise_or(crop_v, virtual_rules((bh, bw), bounds, inside, x, y))
        else:
            crop_v = cv2.bitwise_or(crop_v, _rules_at_rule_ends(crop_h, crop_v, unit))
        table = _table_from_rules(crop_h, crop_v, x, y, unit)
        if table is not None and table.cells:
            tables.append(table)
    flags = one_char if len(one_char) == len(text_rects) else (True,) * len(text_rects)
    outside = [(r, f) for r, f in zip(text_rects, flags)
               if not any(t.contains((r[0] + r[2]) / 2, (r[1] + r[3]) / 2) for t in tables)]
    tables += borderless_tables([r for r, _ in outside], w, h, one_char=[f for _, f in outside])
    tables.sort(key=lambda t: (t.y0, t.x0))
    return tables


def _rule_ends(horizontal: np.ndarray) -> list[tuple[float, float]]:
    """(x, y) of every end of a horizontal rule inside the table (not at its outer edges)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(horizontal, connectivity=8)
    bw = horizontal.shape[1]
    return [(float(e), y + h / 2) for x, y, w, h, _ in stats[1:n] for e in (x, x + w - 1) if 0.02 * bw < e < 0.98 * bw]


def _shared_ends(ends: list[tuple[float, float]], unit: int) -> list[tuple[float, list[float]]]:
    """(x, the ys of the ends there) where two or more rules stop at one x: a column boundary."""
    tol = max(3, unit // 300)
    out = []
    for centre in _cluster([int(x) for x, _ in ends], tol):
        ys = [y for x, y in ends if abs(x - centre) <= tol]
        if len(ys) >= 2:
            out.append((centre, ys))
    return out


def _snap_to_rule_ends(bounds: list[float], horizontal: np.ndarray, ox: int, unit: int) -> list[float]:
    """Column boundaries from the text, moved onto the ends of the horizontal rules near them, and
    completed by the rule ends the text does not show: a rule that stops inside the table (the
    edge of a merged cell) stops at a column boundary, and two or more rules stopping at one x
    make it a boundary; the boundary line must meet them for the cells to close."""
    ends = _rule_ends(horizontal)
    xs = [x + ox for x, _ in ends]
    reach = max(10, unit // 40)
    out = []
    for b in bounds:
        near = [e for e in xs if abs(e - b) <= reach]
        out.append(float(np.median(near)) if near else b)
    for centre, _ in _shared_ends(ends, unit):
        if all(abs(centre + ox - b) > reach for b in out):
            out.append(centre + ox)
    return sorted(out)


def _rules_at_rule_ends(horizontal: np.ndarray, vertical: np.ndarray, unit: int) -> np.ndarray:
    """Column rules the detector missed, where two or more horizontal rules stop at one x inside a
    ruled table (the edge of a tall merged cell: 绩效指标 | 产出指标 …, its rules to the right ending
    on it): from the rule crossing that x above the first end to the one below the last. A photo's
    thin upright rules left askew by a slant broke up under the opening (a Yunnan form photographed
    at 150 dpi read its 绩效指标, 一级 and 二级 columns as one cell)."""
    out = np.zeros_like(vertical)
    bh = horizontal.shape[0]
    tol = max(3, unit // 300)
    for centre, ends in _shared_ends(_rule_ends(horizontal), unit):
        x = int(round(centre))
        crossing = horizontal[:, max(0, x - tol):x + tol + 1].any(axis=1)
        for ys in _runs_between_crossings(sorted(ends), crossing, 3 * tol):
            up = next((r for r in range(int(min(ys)) - 3 * tol, -1, -1) if crossing[r]), 0)
            down = next((r for r in range(int(max(ys)) + 3 * tol, bh) if crossing[r]), bh - 1)
            ruled = vertical[up:down + 1, max(0, x - 2 * tol):x + 2 * tol + 1].any(axis=1)
            if ruled.size and ruled.mean() < RULED_SHARE:
                cv2.line(out, (x, up), (x, down), 255, 1)
    return out


def _runs_between_crossings(ys: list[float], crossing: np.ndarray, margin: int) -> list[list[float]]:
    """Rule ends at one x (top to bottom) grouped into the runs of two or more that no rule crossing that x
    parts: the rows beside one merged cell. A rule ending there far below, past rules that cross (the
    indicator table's 绩效指标 column under a funding block's label column), is another cell's."""
    runs: list[list[float]] = []
    for y in ys:
        if runs and not crossing[int(runs[-1][-1]) + margin:max(int(runs[-1][-1]) + margin, int(y) - margin)].any():
            runs[-1].append(y)
        else:
            runs.append([y])
    return [run for run in runs if len(run) >= 2]


RULED_SHARE = 0.8  # of a stretch a column rule found there covers: no rule is added beside it


def _stacked_rules(lines: list[tuple[int, int, int, int]], unit: int) -> list[tuple[int, int, int, int]]:
    """Regions of three or more wide horizontal rules stacked at table-row spacing with similar
    extents (a table ruled only horizontally); single rules (signature lines) are not tables."""
    lines = sorted(lines, key=lambda b: b[1])
    groups: list[list[tuple[int, int, int, int]]] = []
    for b in lines:
        if groups:
            last = groups[-1][-1]
            overlap = min(b[0] + b[2], last[0] + last[2]) - max(b[0], last[0])
            if overlap >= 0.5 * min(b[2], last[2]) and b[1] - (last[1] + last[3]) <= unit // 6:
                groups[-1].append(b)
                continue
        groups.append([b])
    out = []
    for g in groups:
        if len(g) >= 3:
            x0 = min(b[0] for b in g)
            y0 = min(b[1] for b in g)
            x1 = max(b[0] + b[2] for b in g)
            y1 = max(b[1] + b[3] for b in g)
            out.append((x0, y0, x1 - x0, y1 - y0))
    return out


OUTLINE_PX = 2  # pixels of the closing outline drawn round a table's crop (a 1-px rectangle, dilated)


def _table_from_rules(horizontal: np.ndarray, vertical: np.ndarray, ox: int, oy: int, unit: int) -> TableGrid | None:
    reach = max(8, unit // 60)
    vertical = _snap_to_outline(vertical, reach, upright=True)
    horizontal = _snap_to_outline(horizontal, reach, upright=False)
    horizontal = _bridge_rule_breaks(horizontal, vertical, unit)
    rules = cv2.bitwise_or(horizontal, vertical)
    bh, bw = rules.shape
    # close the outline: tables printed without outer side borders still give closed cells
    cv2.rectangle(rules, (0, 0), (bw - 1, bh - 1), 255, 1)
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    space = cv2.bitwise_not(rules)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(space, connectivity=4)
    min_side = max(6, unit // 200)
    regions = []
    for i in range(1, n):
        x, y, cw, ch, area = stats[i]
        if cw < min_side or ch < min_side or area < cw * ch * 0.5:
            continue
        if (cw < reach and (x <= OUTLINE_PX or x + cw >= bw - OUTLINE_PX)) or \
                (ch < reach and (y <= OUTLINE_PX or y + ch >= bh - OUTLINE_PX)):
            continue  # a sliver between the closing outline and a table edge a photo's skew leaves beside it
        regions.append((int(x), int(y), int(x + cw), int(y + ch)))
    if len(regions) < 2:
        return None
    tol = max(6, unit // 150)
    xs = _cluster([r[0] for r in regions] + [r[2] for r in regions], tol)
    ys = _cluster([r[1] for r in regions] + [r[3] for r in regions], tol)
    cells: list[GridCell] = []
    for x0, y0, x1, y1 in regions:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, y0), _index(ys, y1)
        cells.append(GridCell(x0 + ox, y0 + oy, x1 + ox, y1 + oy, r0, c0, max(1, r1 - r0), max(1, c1 - c0)))
    _compact(cells)
    table = TableGrid(ox, oy, ox + bw, oy + bh, cells)
    table.n_rows = max(c.row + c.rowspan for c in cells)
    table.n_cols = max(c.col + c.colspan for c in cells)
    return table


def _bridge_rule_breaks(horizontal: np.ndarray, vertical: np.ndarray, unit: int) -> np.ndarray:
    """Join two pieces of one row rule a short break parts (a faint rule under a seal's ghost in a
    photo lost a stretch, and the cells above and below it ran together: two rows' targets read as one
    cell, ``=100%=100%``), unless column rules stand at both ends of the break: the edge of a cell
    merged over the row boundary there."""
    out = horizontal.copy()
    n, labels, stats, _ = cv2.connectedComponentsWithStats(horizontal, connectivity=8)
    pieces = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        left = np.nonzero(labels[y:y + h, x] == i)[0]
        right = np.nonzero(labels[y:y + h, x + w - 1] == i)[0]
        pieces.append((x, x + w - 1, y + float(left.mean()), y + float(right.mean())))
    pieces.sort()
    longest, tol = max(8, unit // BREAK_SHARE), max(2, unit // 400)

    def ruled(x: int, y: float) -> bool:
        return bool(vertical[max(0, int(y) - 2 * tol):int(y) + 2 * tol + 1, max(0, x - 2 * tol):x + 2 * tol + 1].any())

    for k, (_x0, x1, _, y_end) in enumerate(pieces):
        for nx0, _, y_start, _ in pieces[k + 1:]:
            if nx0 - x1 > longest:
                break
            if nx0 > x1 + 1 and abs(y_start - y_end) <= tol and not (ruled(x1, y_end) and ruled(nx0, y_start)):
                cv2.line(out, (x1, int(round(y_end))), (nx0, int(round(y_start))), 255, 2)
                break
    return out


BREAK_SHARE = 15  # a break in a row rule shorter than the page's short side over this is bridged


def _snap_to_outline(rules: np.ndarray, reach: int, upright: bool) -> np.ndarray:
    """Extend rules that stop just short of the table's outline (a table continued from the
    previous page has no top rule over some columns) so the outline closes their cells."""
    rules = rules.copy()
    bh, bw = rules.shape
    n, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if upright:
            xc = x + w // 2
            if 0 < y <= reach:
                rules[0:y + 1, max(0, xc - 1):xc + 2] = 255
            if 0 < bh - (y + h) <= reach:
                rules[y + h - 1:bh, max(0, xc - 1):xc + 2] = 255
        else:
            yc = y + h // 2
            if 0 < x <= reach:
                rules[max(0, yc - 1):yc + 2, 0:x + 1] = 255
            if 0 < bw - (x + w) <= reach:
                rules[max(0, yc - 1):yc + 2, x + w - 1:bw] = 255
    return rules
