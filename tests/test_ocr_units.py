"""The OCR path's image steps on small drawn pages (no OCR engine: fast).

Grid detection (merged cells as one cell with spans, vertical strokes of characters not taken for
rules, a table continued from the previous page with no top rule over its label columns), skew
estimation, red-stamp removal, confusion fixes and the image reader's size guard.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from jixiao.extract.ocr import confusions
from jixiao.extract.ocr.assign import assign
from jixiao.extract.ocr.engine import Glyph, TextBox
from jixiao.extract.ocr.lines import find_tables
from jixiao.extract.ocr.preprocess import estimate_skew, rotate, suppress_seal
from jixiao.model import ReadError


def draw_grid(width=1400, height=900, top_rule=True):
    """A 4-column table: a label merged over rows 1-3, a header row, upright strokes in cells."""
    page = np.full((height, width), 245, np.uint8)
    xs = [100, 300, 500, 900, 1300]
    ys = [100, 170, 240, 310, 380]
    for i, y in enumerate(ys):
        x_from = xs[0] if i in (0, 1, len(ys) - 1) else xs[1]
        if i == 0 and not top_rule:
            x_from = xs[2]
        cv2.line(page, (x_from, y), (xs[-1], y), 20, 2)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 20, 2)
    # character-like upright strokes inside cells (must not split them)
    for x in (560, 620, 950):
        for y0 in (118, 258):
            cv2.line(page, (x, y0), (x, y0 + 34), 30, 3)
    return page, xs, ys


def test_grid_with_merged_label_cell():
    page, xs, ys = draw_grid()
    tables = find_tables(page)
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (4, 4)
    merged = [c for c in t.cells if c.rowspan > 1]
    assert len(merged) == 1
    assert (merged[0].row, merged[0].col, merged[0].rowspan, merged[0].colspan) == (1, 0, 3, 1)
    assert len(t.cells) == 4 + 3 * 3 + 1


def test_grid_continued_without_top_rule_over_label_columns():
    page, xs, ys = draw_grid(top_rule=False)
    t = find_tables(page)[0]
    first_col = sorted((c for c in t.cells if c.col == 0), key=lambda c: c.row)
    second_col = sorted((c for c in t.cells if c.col == 1), key=lambda c: c.row)
    # columns 0 and 1 stay separate cells although no rule closes them at the top
    assert first_col and second_col
    assert all(c.colspan == 1 for c in first_col + second_col)


def test_a_table_edge_standing_a_little_inside_the_outline_leaves_no_sliver_column():
    # a photo's rules running a few pixels past its left border (the border bowed inward): the gap between the
    # border and the table's closing outline was read as a column of its own, doubling the 一级 cells
    page = np.full((900, 1400), 245, np.uint8)
    xs, ys = [100, 400, 800, 1300], [100, 170, 240, 310, 380]
    for y in ys:
        cv2.line(page, (xs[0] - 10, y), (xs[-1], y), 20, 2)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 20, 2)
    t = find_tables(page)[0]
    assert (t.n_rows, t.n_cols) == (4, 3)
    assert len({(c.row, c.col) for c in t.cells}) == len(t.cells) == 12


@pytest.mark.parametrize("angle", [-3.0, -1.2, 2.5, 4.5])
def test_skew_estimate(angle):
    page, _, _ = draw_grid()
    skewed = rotate(page, -angle)
    assert estimate_skew(skewed) == pytest.approx(angle, abs=0.3)


def test_red_stamp_removed_black_print_kept():
    page = np.full((300, 300, 3), 240, np.uint8)
    cv2.putText(page, "88", (60, 170), cv2.FONT_HERSHEY_SIMPLEX, 3, (20, 20, 20), 8)
    stamp = np.zeros((300, 300), np.uint8)
    cv2.circle(stamp, (150, 150), 100, 255, 14)
    cv2.line(stamp, (40, 140), (260, 140), 255, 10)  # stamp ink across the digits
    alpha = (stamp > 0)[..., None] * 0.9
    ink = np.array([40, 40, 215], np.float32) / 255.0  # BGR red
    page = (page * (1 - alpha + alpha * ink)).astype(np.uint8)
    grey, fraction = suppress_seal(page)
    assert fraction > 0.05
    ring_only = (stamp > 0)
    ring_only[100:200, 40:260] = False
    assert grey[ring_only].mean() > 200  # stamp gone
    digits = cv2.cvtColor(np.full((300, 300, 3), 240, np.uint8), cv2.COLOR_BGR2GRAY)
    digit_mask = np.zeros((300, 300), np.uint8)
    cv2.putText(digit_mask, "88", (60, 170), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 8)
    assert grey[digit_mask > 0].mean() < 90  # print under and beside the stamp kept
    assert digits.shape == grey.shape


def _box(text, x0, y0, x1, y1, score=0.99):
    step = (x1 - x0) / len(text)
    glyphs = [Glyph(ch, x0 + i * step, y0, x0 + (i + 1) * step, y1, score) for i, ch in enumerate(text)]
    return TextBox(text, x0, y0, x1, y1, score, glyphs)


def test_assign_splits_box_across_rule_and_orders_lines():
    page, xs, ys = draw_grid()
    table = find_tables(page)[0]
    boxes = [
        _box("单位：万元", 1100, 60, 1290, 90),                 # outside the table
        _box("三级指标指标值", 700, 120, 1120, 150),            # runs across the rule at x=900
        _box("产", 190, 250, 215, 275), _box("出", 190, 280, 215, 305),  # one char per line
        _box("第二行", 520, 345, 600, 370), _box("第一行", 520, 315, 600, 340),
    ]
    filled, free = assign(boxes, [table])
    assert [f.text for f in free] == ["单位：万元"]
    texts = {(c.cell.row, c.cell.col): c.text for c in filled[0].cells}
    assert texts[(0, 2)] == "三级指"  # 7 glyphs over 420 px: the rule at x=900 falls after the 3rd
    assert texts[(0, 3)] == "标指标值"
    assert texts[(1, 0)] == "产出"  # a label printed one character per line is joined
    assert texts[(3, 2)] == "第一行\n第二行"


def test_assign_splits_an_upright_box_at_the_rule_it_runs_over():
    # a 竖排 column read as one tall box (级/指/标 of the heading, 产/出/指/标 of the label below
    # the rule at y=170): each character goes to the cell holding it (w14 drawn in a scan, where
    # the box fell outside the table and the 一级 column came out empty)
    page, xs, ys = draw_grid()
    table = find_tables(page)[0]
    chars = "级指标产出指标"
    glyphs = [Glyph(ch, 190, 115 + 22 * i, 215, 135 + 22 * i, 0.95) for i, ch in enumerate(chars)]
    # heading 级指标 ends at y 179 but its centre (168) is above the rule; 产… from y 181 below it
    boxes = [TextBox(chars, 190, 115, 215, 115 + 22 * len(chars), 0.95, glyphs)]
    filled, free = assign(boxes, [table])
    assert free == []
    texts = {(c.cell.row, c.cell.col): c.text for c in filled[0].cells}
    assert texts[(0, 0)] == "级指标"
    assert texts[(1, 0)] == "产出指标"  # joined as a stacked label, no line breaks


def test_dust_read_as_a_character_is_dropped_but_small_sure_text_kept():
    # a 12-px speck beside a scanned table came back 设 at 0.30 and became the rows' 一级 label (hx02)
    from jixiao.extract.ocr import DEFAULT_SETTINGS, _without_specks

    lines = [_box(t, 100, 100 + 40 * k, 300, 132 + 40 * k) for k, t in enumerate(["质量指标", "种植作物成活率", "95%"])]
    speck = TextBox("设", 20, 240, 32, 253, 0.30, [Glyph("设", 20, 240, 32, 253, 0.30)])
    page_number = TextBox("1", 825, 130, 833, 139, 0.92, [Glyph("1", 825, 130, 833, 139, 0.92)])
    kept = _without_specks(lines + [speck, page_number], DEFAULT_SETTINGS)
    assert [b.text for b in kept] == ["质量指标", "种植作物成活率", "95%", "1"]


def test_confusions():
    assert confusions.fix_text("＞=９０％") == ">=90%"  # two characters as printed (Hunan's >=90%), folded
    assert confusions.fix_text("<=15天") == "<=15天"
    assert confusions.fix_text(">二") == ">="  # >= wrapped in a narrow sign column, = read 二 (w07 drawn in a scan)
    assert confusions.fix_text(">二级") == ">二级"
    assert confusions.fix_text("產(chǎn)出指標(biā0)") == "產(chǎn)出指標(biāo)"  # 0 for o inside pinyin
    assert confusions.fix_text("≥90(2020)") == "≥90(2020)"
    assert confusions.fix_text("满意度(≥**0%)") == "满意度(≥**%)"  # a serif % read 0% after a hint's ** (w05)
    assert confusions.fix_text("≥100%") == "≥100%"
    assert confusions.fix_cell("效益指标一40分)") == "效益指标(40分)"  # a stacked label's ( read as a stroke
    assert confusions.fix_cell("满意度指标一10分") == "满意度指标(10分)"
    assert confusions.fix_cell("指标一") == "指标一"  # a numbering, no weight
    assert confusions.fix_cell("一") == "—"
    assert confusions.fix_cell("一级指标") == "一级指标"
    # a level's weight whose closing bracket the recogniser lost (real p03 content scanned: 产出指标(50分)
    assert confusions.fix_cell("产出指标(50分") == "产出指标(50分)"
    assert confusions.fix_cell("效益指标（30分") == "效益指标（30分）"
    assert confusions.fix_cell("产出指标(50分)") == "产出指标(50分)"
    assert confusions.fix_cell("时效指标(必填") == "时效指标(必填)"  # a note's bracket lost at the cell's end
    assert confusions.fix_cell(">=95%(百分比") == ">=95%(百分比)" and confusions.fix_cell("(1)完成") == "(1)完成"
    assert confusions.fix_cell("得分50分") == "得分50分"
    assert confusions.fix_target("290%") == "≥90%"
    assert confusions.fix_target("200%") == "200%"  # 2 + "00%" is not a ≥ reading
    assert confusions.fix_target("2150万元") == "2150万元"  # not a percentage: left alone
    # a seal's or speck's ink read after a closing percent sign (150-dpi scan): nothing follows % there
    assert confusions.fix_target("≥85%h") == "≥85%"
    assert confusions.fix_target("=100.00(%6)") == "=100.00(%)"
    assert confusions.fix_target("≥5%以上") == "≥5%以上"
    assert confusions.is_target_header("年度指标值")
    assert not confusions.is_target_header("三级指标")
    # a vertical level label's weight note whose closing bracket OCR read as 一 or twice (w22 scanned)
    assert confusions.fix_text("产出指标(50分一") == "产出指标(50分)"
    assert confusions.fix_text("产出指标（50分）)") == "产出指标（50分）"
    assert confusions.fix_text("统一") == "统一"


def _png_header_only(path: Path, width: int, height: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def test_image_reader_refuses_decompression_bomb(tmp_path):
    from jixiao.extract import image

    bomb = tmp_path / "bomb.png"
    _png_header_only(bomb, 60000, 60000)  # 3.6 Gpx declared in a 70-byte file
    with pytest.raises(ReadError, match="too large"):
        image.read(bomb, None)


def test_image_reader_refuses_broken_file(tmp_path):
    from jixiao.extract import image

    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    with pytest.raises(ReadError):
        image.read(broken, None)


def test_slash_read_as_one_told_by_its_lean():
    slash = np.full((40, 60), 245, np.uint8)
    cv2.line(slash, (36, 6), (24, 34), 20, 3)
    one = np.full((40, 60), 245, np.uint8)
    cv2.line(one, (30, 6), (30, 34), 20, 3)
    cv2.line(one, (24, 34), (36, 34), 20, 2)
    assert confusions.slash_read_as_one("1", slash)
    assert not confusions.slash_read_as_one("1", one)
    assert not confusions.slash_read_as_one("10", slash)
    dash = np.full((40, 60), 245, np.uint8)
    cv2.line(dash, (18, 20), (42, 20), 20, 2)  # an amount cell's — read as 1
    assert confusions.dash_read_as_one("1", dash) and confusions.dash_read_as_one("/", dash)
    assert not confusions.dash_read_as_one("1", one) and not confusions.dash_read_as_one("1", slash)


def test_unsure_leading_two_in_target_is_ge():
    assert confusions.fix_target("2160场", lead_score=0.42) == "≥160场"
    assert confusions.fix_target("2160场", lead_score=0.99) == "2160场"
    assert confusions.fix_target("2024年12月底前", lead_score=0.99) == "2024年12月底前"


def test_stamp_rim_over_cells_is_not_a_rule():
    page, xs, ys = draw_grid()
    clean = find_tables(page)[0]
    cv2.circle(page, (1100, 300), 110, 60, 7)  # a grey stamp's rim across three rows and a rule
    stamped = find_tables(page)[0]
    assert (stamped.n_rows, stamped.n_cols, len(stamped.cells)) == (clean.n_rows, clean.n_cols, len(clean.cells))


def test_label_one_character_off_is_put_right_when_unsure():
    assert confusions.fix_label("财政搜款", 0.82) == "财政拨款"
    assert confusions.fix_label("财政搜款", 0.99) == "财政搜款"  # read with confidence: left as printed
    assert confusions.fix_label("数星指标", 0.8) == "数量指标"
    assert confusions.fix_label("培训合格率", 0.5) == "培训合格率"  # no label that close


def test_full_height_stroke_inside_a_text_line_is_not_a_rule():
    page, xs, ys = draw_grid()
    clean = find_tables(page)[0]
    cv2.line(page, (700, ys[1]), (700, ys[2]), 20, 2)  # a stroke reaching both rules of row 1
    assert len(find_tables(page)[0].cells) == len(clean.cells) + 1  # taken for a rule on its own...
    text_line = ((560.0, ys[1] + 4.0, 880.0, ys[2] - 4.0),)  # ...but the OCR read one line across it
    assert len(find_tables(page, text_line)[0].cells) == len(clean.cells)


def test_a_rule_the_ocr_read_one_line_across_is_kept_when_much_taller_than_the_line():
    # two headings wrapped in narrow cells side by side (单项指标实际完成|单项指标完成 ⏎ 值 | 情况): the
    # engine read their first lines as one line across the rule, which runs the row's full height
    page, xs, ys = draw_grid()
    clean = find_tables(page)[0]
    cv2.line(page, (700, ys[1]), (700, ys[2]), 20, 2)
    line_h = 14.0  # a text line a fifth of the row's height, across the rule at x=700
    text_line = ((560.0, ys[1] + 10.0, 880.0, ys[1] + 10.0 + line_h),)
    assert len(find_tables(page, text_line)[0].cells) == len(clean.cells) + 1


def test_a_word_the_engine_boxed_over_a_rule_is_split_by_its_characters_widths():
    # two amounts printed close either side of the rule at x=900, boxed as one word with no
    # character positions: each goes to its own cell, the CJK label's characters count double
    page, xs, ys = draw_grid()
    table = find_tables(page)[0]
    word = "1,000,000.001,000,000.00"
    boxes = [TextBox(word, 690, 190, 1110, 220, 0.99, [Glyph(word, 690, 190, 1110, 220, 0.99)]),
             TextBox("合计12", 440, 260, 560, 290, 0.99, [Glyph("合计12", 440, 260, 560, 290, 0.99)])]
    filled, free = assign(boxes, [table])
    texts = {(c.cell.row, c.cell.col): c.text for c in filled[0].cells}
    assert texts[(1, 2)] == texts[(1, 3)] == "1,000,000.00"
    assert texts[(2, 1)] == "合计" and texts[(2, 2)] == "12"  # 合计 is 4 digits wide: the rule at 500 after it


# --- harsh scans: light, seals in shadow, perspective, tables without (all) rules, signs ---------

def _warp(page, corners_moved):
    h, w = page.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, src + np.float32(corners_moved))
    return cv2.warpPerspective(page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=245), m


def test_flatten_evens_out_a_light_gradient():
    from jixiao.extract.ocr.preprocess import flatten

    page, xs, ys = draw_grid()
    light = np.linspace(0.45, 1.0, page.shape[1], dtype=np.float32)[None, :]
    dim = (page.astype(np.float32) * light).astype(np.uint8)
    flat = flatten(dim)
    paper = flat[120:160, 120:280]  # a cell interior on the dark side
    assert paper.mean() > 235
    assert flat[ys[2], 350] < 120  # a rule on the dark side stays dark


def test_red_seal_in_shadow_removed_print_beside_it_kept():
    page = np.full((300, 300, 3), 240, np.uint8)
    cv2.putText(page, "88", (60, 170), cv2.FONT_HERSHEY_SIMPLEX, 3, (20, 20, 20), 8)
    stamp = np.zeros((300, 300), np.uint8)
    cv2.circle(stamp, (150, 150), 100, 255, 10)
    alpha = (stamp > 0)[..., None] * 0.85
    ink = np.array([46, 38, 214], np.float32) / 255.0
    page = page * (1 - alpha + alpha * ink)
    page = (page * np.linspace(0.5, 1.0, 300, dtype=np.float32)[None, :, None]).astype(np.uint8)  # shade
    page = cv2.GaussianBlur(page, (3, 3), 0)
    grey, fraction = suppress_seal(page)
    assert fraction > 0.02
    ring = (stamp > 0)
    ring[:, 150:] = False  # the shaded half
    local_paper = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)[5:15, 5:15].mean()
    assert grey[ring].mean() > local_paper - 15  # stamp gone even in the shade
    digits = np.zeros((300, 300), np.uint8)
    cv2.putText(digits, "88", (60, 170), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 8)
    assert grey[(digits > 0) & (stamp == 0)].mean() < 80


def test_perspective_corrected_from_the_table_outline():
    from jixiao.extract.ocr.preprocess import page_transform

    page, xs, ys = draw_grid()
    warped, m = _warp(page, [[30, 12], [-25, -8], [10, 20], [-20, 5]])
    transform = page_transform(warped)
    assert transform.kind == "perspective"
    upright = transform.apply(warped)
    tables = find_tables(upright)
    assert len(tables) == 1 and (tables[0].n_rows, tables[0].n_cols) == (4, 4)
    # every cell box maps back onto the scan where that cell is
    centre = np.float32([[[(xs[2] + xs[3]) / 2, (ys[2] + ys[3]) / 2]]])
    on_scan = cv2.perspectiveTransform(centre, m)[0, 0]
    cell = next(c for c in tables[0].cells if (c.row, c.col) == (2, 2))
    x0, y0, x1, y1 = transform.to_source(cell.x0, cell.y0, cell.x1, cell.y1)
    assert x0 < on_scan[0] < x1 and y0 < on_scan[1] < y1


def test_paper_edge_askew_is_not_taken_for_the_table_edge():
    from jixiao.extract.ocr.preprocess import page_transform

    page, xs, ys = draw_grid(width=1500, height=1000)
    page = rotate(page, 2.0)  # the form printed askew on the sheet...
    cv2.rectangle(page, (20, 20), (1480, 980), 60, 2)  # ...whose edges are square to the photo
    transform = page_transform(page)
    upright = transform.apply(page)
    assert estimate_skew(upright) == pytest.approx(0.0, abs=0.3)


def _rects_for(xs, ys, labels):
    """Text boxes centred in cells: labels maps (row, col, rowspan, colspan) -> text width."""
    out = []
    for (r, c, rs, cs), width in labels.items():
        cx, cy = (xs[c] + xs[c + cs]) / 2, (ys[r] + ys[r + rs]) / 2
        out.append((cx - width / 2, cy - 14, cx + width / 2, cy + 14))
    return out


def test_table_ruled_only_horizontally_takes_its_columns_from_the_text():
    xs = [100, 300, 500, 900, 1300]
    ys = [100 + 70 * k for k in range(8)]
    page = np.full((700, 1400), 245, np.uint8)
    spans = {(0, 0, 1, 2): 120, (0, 2, 1, 2): 300,  # a label and a value over two columns each
             (1, 0, 6, 1): 110, (1, 1, 2, 1): 110, (3, 1, 2, 1): 110, (5, 1, 2, 1): 110,  # merged labels
             **{(r, 2, 1, 1): 200 + 10 * r for r in range(1, 7)}, **{(r, 3, 1, 1): 90 for r in range(1, 7)}}
    for (r, c, rs, cs) in spans:  # each cell's top and bottom edge, no vertical rules
        for y in (ys[r], ys[r + rs]):
            cv2.line(page, (xs[c], y), (xs[c + cs], y), 20, 2)
    tables = find_tables(page, tuple(_rects_for(xs, ys, spans)))
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (7, 4)
    got = {(c.row, c.col, c.rowspan, c.colspan) for c in t.cells}
    assert set(spans) <= got


def test_borderless_table_from_text_alone():
    from jixiao.extract.ocr.borderless import borderless_tables

    xs = [100, 300, 500, 900, 1300]
    ys = [100 + 64 * k for k in range(9)]
    spans = {(0, 0, 1, 2): 120, (0, 2, 1, 2): 300,
             (1, 0, 1, 1): 110, (1, 1, 1, 1): 110, (1, 2, 1, 1): 110, (1, 3, 1, 1): 80,  # header
             (2, 1, 3, 1): 110, (5, 1, 2, 1): 110, (7, 1, 1, 1): 110,  # 二级 labels centred on their rows
             **{(r, 2, 1, 1): 240 for r in range(2, 8)}, **{(r, 3, 1, 1): 90 for r in range(2, 8)}}
    rects = _rects_for(xs, ys, spans)
    # a 一级 label printed one character per line, centred on rows 2-7
    mid = (ys[2] + ys[8]) / 2
    rects += [(185, mid - 95 + 50 * k, 215, mid - 65 + 50 * k) for k in range(4)]
    rects.append((600, 30, 800, 60))  # the title above: not part of the table
    tables = borderless_tables(rects, 1400, 900)
    assert len(tables) == 1
    t = tables[0]
    got = {(c.row, c.col, c.rowspan, c.colspan) for c in t.cells}
    assert (t.n_rows, t.n_cols) == (8, 4)
    assert set(spans) <= got
    assert (2, 0, 6, 1) in got  # the stacked characters: one cell over the rows they cover


def test_borderless_rows_closer_than_half_a_line_stay_apart():
    # rows 47 px apart with 33 px lines (gaps of 14 px, 0.42 of a line: q01 drawn in a scan):
    # the heading and the first row are two rows since the value column has a text beside each;
    # a name wrapped on two touching lines stays one row; 实施单位 with its value blank, between
    # two rows, is a row of its own
    from jixiao.extract.ocr.borderless import borderless_tables

    def line(x0, x1, k, dy=0):
        top = 100 + 47 * k + dy
        return (x0, top, x1, top + 33)

    rects = [line(100, 200, 0), line(500, 700, 0), line(100, 200, 1), line(500, 700, 1)]  # 项目名称 | …
    rects += [(100, 100 + 47 * 2 - 4, 200, 100 + 47 * 2 + 29)]  # 实施单位 in the gap
    rects += [line(100, 200, 3), line(500, 700, 3)]  # 项目资金 | …
    rects += [line(300, 400, 4), line(500, 600, 4), line(900, 980, 4)]  # 二级指标 | 三级指标 | 指标值
    for k in range(5, 9):
        rects += [line(500, 700, k), line(900, 980, k)]
    rects += [line(300, 400, 6)]  # a 二级 label
    rects += [line(500, 700, 9), line(500, 640, 9, dy=32), line(900, 980, 9)]  # a name wrapped on two lines
    tables = borderless_tables(rects, 1400, 900)
    assert len(tables) == 1
    t = tables[0]
    assert t.n_rows == 10
    tops = sorted({c.y0 for c in t.cells if c.col == 0 or c.x0 <= 150 <= c.x1})
    assert len(tops) >= 4  # 项目名称, 主管部门, 实施单位, 项目资金 each a row of the label column


def test_a_column_of_short_values_is_no_stacked_label():
    from jixiao.extract.ocr.borderless import stack_vertical

    values = [(100, 100 + 60 * k, 160, 148 + 60 * k) for k in range(4)]  # 1次 ⏎ 1个 ⏎ …: 60×48 boxes
    assert len(stack_vertical(values)) == 1  # read by shape alone, they look like one stacked label
    assert sorted(stack_vertical(values, [False] * 4)) == values  # read as two characters each: kept


def test_stacked_single_characters_become_one_box():
    from jixiao.extract.ocr.borderless import stack_vertical

    chars = [(100, 100 + 40 * k, 130, 130 + 40 * k) for k in range(4)]
    other = [(300, 100, 600, 130)]
    stacked = stack_vertical(chars + other)
    assert (100, 100, 130, 250) in stacked and other[0] in stacked and len(stacked) == 2


def _sign(bars: int, chevron: bool, width: int = 26, gap: int = 6, points: str = ">"):
    img = np.full((44, 90), 250, np.uint8)
    x0 = 6
    if chevron:
        tip, ends = (x0 + width, x0) if points == ">" else (x0, x0 + width)
        cv2.line(img, (ends, 6), (tip, 14), 20, 2)
        cv2.line(img, (tip, 14), (ends, 22), 20, 2)
        first_bar = 28
    else:
        first_bar = 18
    for k in range(bars):
        y = first_bar + k * gap
        cv2.line(img, (x0, y), (x0 + width, y), 20, 2)
    cv2.putText(img, "9", (x0 + width + 10, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
    return img


def test_signs_read_from_their_pixels():
    assert confusions.sign_as_drawn("≥90%", _sign(2, True)) == "≧90%"
    assert confusions.sign_as_drawn("≥90%", _sign(1, True)) == "≥90%"
    assert confusions.sign_as_drawn("≤9天", _sign(2, True, points="<")) == "≦9天"
    assert confusions.sign_as_drawn("≤9天", _sign(1, True, points="<")) == "≤9天"
    # a sign read the wrong way round: the chevron's point decides (h31's ≧ alone in a narrow column read ≤)
    assert confusions.sign_as_drawn("≤", _sign(2, True)) == "≧"
    assert confusions.sign_as_drawn("≥9天", _sign(1, True, points="<")) == "≤9天"
    assert confusions.sign_as_drawn("=100%", _sign(2, False, width=34, gap=4)) == "═100%"  # flat and wide
    assert confusions.sign_as_drawn("—100%", _sign(2, False, width=34, gap=4)) == "═100%"
    assert confusions.sign_as_drawn("=100%", _sign(2, False, width=14, gap=8)) == "=100%"
    assert confusions.sign_as_drawn("—5%", _sign(1, False, width=34)) == "—5%"  # one bar: left as read
    assert confusions.sign_as_drawn("一级指标", _sign(2, False)) == "一级指标"  # no number after it


def _left_of_first(bar: bool, rule: bool = True):
    """The grey pixels a cell holds left of its first character read, one text line high."""
    pixels = np.full((30, 27), 235, np.uint8)
    if bar:
        cv2.line(pixels, (8, 13), (26, 13), 30, 3)  # 一, mid-line
    if rule:
        cv2.line(pixels, (0, 28), (26, 28), 30, 2)  # the row's rule under the line
    return pixels


def test_a_one_the_light_took_from_a_cells_start_comes_back_from_its_ink():
    # x025 photographed: 一般公共预算资金 read 般公共预算资金, the 一 still printed left of 般
    assert confusions.one_lost_before("般公共预算资金", _left_of_first(True)) == "一般公共预算资金"
    assert confusions.one_lost_before("般公共预算资金", _left_of_first(False)) == "般公共预算资金"  # a rule is no 一
    assert confusions.one_lost_before("公共预算资金", _left_of_first(True)) == "公共预算资金"  # 一公 is no common word
    assert confusions.one_lost_before("级别", _left_of_first(True)) == "级别"  # 级别 is a word: nothing was lost


def test_per_mille_read_as_percent_and_zero():
    assert confusions.fix_text("≤0.9%0") == "≤0.9‰"
    assert confusions.fix_text("≥90%") == "≥90%"
    assert confusions.fix_text("50%0.5") == "50%0.5"


def test_level_headings_that_lost_their_numeral():
    assert confusions.fix_level_headings(["级指标", "二级指标", "级指标", "指标值"]) == ["一级指标", "二级指标", "三级指标", "指标值"]
    assert confusions.fix_level_headings(["级指标", "级指标", "级指标"]) == ["一级指标", "二级指标", "三级指标"]
    assert confusions.fix_level_headings(["一级指标", "级指标"]) == ["一级指标", "级指标"]  # 二 or 三: left as read
    assert confusions.fix_level_headings(["项目名称", "级指标"]) == ["项目名称", "级指标"]


def test_label_read_with_a_traditional_character():
    assert confusions.fix_label("主管部門", 0.99) == "主管部门"
    assert confusions.fix_label("寒托班、暑托班開設班級數", 0.99) == "寒托班、暑托班開設班級數"  # not a label


def test_a_cell_rule_in_the_crop_is_no_bar_of_the_sign():
    # the crop of a sign at the foot of its cell holds the cell's rule: a bar of no sign
    def ruled(img):
        img = img.copy()
        cv2.line(img, (0, img.shape[0] - 2), (img.shape[1] - 1, img.shape[0] - 2), 120, 1)
        return img
    assert confusions.sign_as_drawn("≥90%", ruled(_sign(2, True))) == "≧90%"
    assert confusions.sign_as_drawn("≥90%", ruled(_sign(1, True))) == "≥90%"
    # a sign alone in its column is read the same way
    assert confusions.sign_as_drawn("≥", _sign(2, True)) == "≧"
    assert confusions.sign_as_drawn("≥", _sign(1, True)) == "≥"


class _FakeEngine:
    """Recognition only: records each crop it is given and reads every one as ``text``."""

    def __init__(self, text="≥", score=0.95):
        self.text, self.score, self.crops = text, score, []

    def __call__(self, image, use_det=True, **kwargs):
        assert not use_det
        self.crops.append(image)

        class Result:
            txts = (self.text,)
            scores = (self.score,)
            word_results = None
        return Result()


def test_cells_left_empty_with_ink_or_one_unsure_character_are_read_on_their_own():
    from jixiao.extract.ocr import OcrSettings, _read_alone, engine
    from jixiao.extract.ocr.assign import CellText, FilledTable
    from jixiao.extract.ocr.grid import GridCell, TableGrid

    page = np.full((60, 400), 255, np.uint8)
    cv2.line(page, (110, 20), (125, 28), 0, 2)  # a small sign alone in cell 1 that no box covers
    cv2.line(page, (125, 28), (110, 36), 0, 2)
    cv2.putText(page, "90", (210, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)  # cell 2: read by the page's pass
    cv2.putText(page, "M", (310, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)  # cell 3: one unsure character
    cells = [GridCell(100 * k, 0, 100 * k + 100, 60, row=0, col=k) for k in range(4)]
    read = [TextBox("90", 205, 18, 245, 42, 0.99, []), TextBox("M", 305, 18, 335, 42, 0.6, [])]
    texts = [CellText(cells[0], "", None), CellText(cells[1], "", None),
             CellText(cells[2], "90", 0.99), CellText(cells[3], "M", 0.6)]
    table = FilledTable(TableGrid(cells=cells, x0=0, y0=0, x1=400, y1=60), texts)
    fake = _FakeEngine()  # (reads every crop surely: a reading below OcrSettings.alone_min_score is never kept)
    previous = engine._ENGINE
    engine.reset_engine(fake)
    try:
        _read_alone([table], page, read, OcrSettings())
    finally:
        engine.reset_engine(previous)
    assert [ct.text for ct in texts] == ["", "≥", "90", "≥"]  # cell 0 holds no ink: never read
    assert len(fake.crops) == 4 and texts[1].lead_box[0] >= 100  # cells 1 and 3, each cut out twice


def test_a_reading_on_its_own_that_is_not_sure_changes_nothing():
    # RapidOCR reads a lone ≧ as ≥ or M, each unsure: a reading on its own below alone_min_score is dropped
    from jixiao.extract.ocr import OcrSettings, _read_alone, engine
    from jixiao.extract.ocr.assign import CellText, FilledTable
    from jixiao.extract.ocr.grid import GridCell, TableGrid

    page = np.full((60, 100), 255, np.uint8)
    cv2.putText(page, "M", (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    cell = GridCell(0, 0, 100, 60)
    texts = [CellText(cell, "≥", 0.51)]
    previous = engine._ENGINE
    engine.reset_engine(_FakeEngine("M", 0.58))
    try:
        _read_alone([FilledTable(TableGrid(0, 0, 100, 60, cells=[cell]), texts)], page,
                    [TextBox("≥", 5, 18, 35, 42, 0.51, [])], OcrSettings())
    finally:
        engine.reset_engine(previous)
    assert texts[0].text == "≥"


def test_comparison_signs_read_from_their_drawing():
    from jixiao.extract.ocr.signs import read_sign

    assert read_sign(_sign(2, True)) == "≧"
    assert read_sign(_sign(1, True)) == "≥"
    assert read_sign(_sign(0, True)) == ">"
    assert read_sign(_sign(2, True, points="<")) == "≦"
    assert read_sign(_sign(1, True, points="<")) == "≤"
    assert read_sign(_sign(2, False, width=34, gap=4)) == "═"
    assert read_sign(_sign(2, False, width=14, gap=8)) == "="
    assert read_sign(_sign(1, False, width=34)) is None  # a dash: no sign of ours (— or 一)
    two = np.full((44, 60), 250, np.uint8)  # 二: the upper stroke shorter
    cv2.line(two, (12, 14), (30, 14), 20, 2)
    cv2.line(two, (6, 28), (38, 28), 20, 2)
    assert read_sign(two) is None
    digit = np.full((44, 60), 250, np.uint8)
    cv2.putText(digit, "2", (6, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
    assert read_sign(digit) is None
    blank = np.full((44, 60), 250, np.uint8)
    assert read_sign(blank) is None


def test_a_chevron_touching_its_bars_at_low_resolution_is_still_a_chevron():
    # a photo at 150 dpi: the chevron's lower arm runs into the first bar, so every row from the
    # top down has ink; the bar's soft edge stops where the rows narrow (x044's ≧ had read =)
    from jixiao.extract.ocr.signs import read_sign

    def drawn(bars):
        img = np.full((30, 40), 250, np.uint8)
        cv2.line(img, (4, 3), (18, 9), 20, 1, cv2.LINE_AA)
        cv2.line(img, (18, 9), (4, 16), 20, 1, cv2.LINE_AA)
        for k in range(bars):
            cv2.line(img, (4, 17 + 4 * k), (18, 17 + 4 * k), 20, 2, cv2.LINE_AA)
        return img

    assert read_sign(drawn(2)) == "≧"
    assert read_sign(drawn(1)) == "≥"
    assert confusions.sign_as_drawn("≥500亩", drawn(2)) == "≧500亩"


def test_a_grain_of_a_photo_between_two_bars_is_no_stroke():
    # x041 photographed: a lone = in its sign column with one dark speckle between its bars had
    # been taken for 2's stroke, and the target lost its sign (=3500米 read 3500米)
    from jixiao.extract.ocr.signs import read_sign

    grainy = _sign(2, False, width=14, gap=8)
    grainy[20, 12] = grainy[21, 13] = grainy[23, 15] = grainy[24, 16] = 20  # a pixel a row, touching the bars
    assert read_sign(grainy) == "="
    stroke = _sign(2, False, width=14, gap=8)
    cv2.line(stroke, (18, 20), (10, 24), 20, 2)  # a pen's stroke from bar to bar
    assert read_sign(stroke) is None


def test_a_photographed_equals_sign_with_soft_edges_and_grain_apart_is_read():
    # x041 photographed at 150 dpi (the crop the lone-sign reader takes, kept as a file): a lone = in a
    # sign column, each bar a row or two wider in soft edges than a bar's span, specks of grain under
    # and left of it. It had read as no sign, and the target lost its = (=15000株 read 15000株)
    from jixiao.extract.ocr.signs import read_sign

    crop = cv2.imread(str(Path(__file__).parent / "data" / "equals_sign_photographed.png"), cv2.IMREAD_GRAYSCALE)
    assert read_sign(crop) == "="


def test_two_bars_the_blur_ran_together_are_two():
    from jixiao.extract.ocr.signs import bar_runs

    # ═ at 200 dpi: a dark row, a lighter one, two darker (h31's scan)
    assert bar_runs(np.array([0.0, 1.0, 0.43, 0.5, 0.8, 0.0])) == [(1, 2), (3, 5)]
    assert bar_runs(np.array([0.0, 0.9, 1.0, 1.0, 0.9, 0.0])) == [(1, 5)]  # one thick bar


def test_a_sign_alone_read_unsurely_is_taken_from_its_drawing():
    # h31's ≧ alone in a narrow column: read M 0.65 on its own (and ≤ by the page's pass)
    from jixiao.extract.ocr import OcrSettings, _read_alone, engine
    from jixiao.extract.ocr.assign import CellText, FilledTable
    from jixiao.extract.ocr.grid import GridCell, TableGrid

    page = np.full((120, 60), 255, np.uint8)
    page[20:64, 8:52] = _sign(2, True)[:, 2:46]
    cell = GridCell(0, 0, 60, 120)
    texts = [CellText(cell, "", None)]
    previous = engine._ENGINE
    engine.reset_engine(_FakeEngine("M", 0.65))
    try:
        _read_alone([FilledTable(TableGrid(0, 0, 60, 120, cells=[cell]), texts)], page, [TextBox("x", 0, 0, 1, 30, 0.9, [])],
                    OcrSettings())
    finally:
        engine.reset_engine(previous)
    assert texts[0].text == "≧"


class _LinesEngine:
    """Recognition only: reads the crops it is given as ``texts``, in turn."""

    def __init__(self, texts):
        self.texts = list(texts)

    def __call__(self, image, use_det=True, **kwargs):
        assert not use_det
        text = self.texts.pop(0)

        class Result:
            txts = (text,)
            scores = (0.98,)
            word_results = None
        return Result()


def _stacked_page():
    page = np.full((200, 200), 255, np.uint8)
    for k in range(3):  # three lines of a narrow column, 30 px high with 10 px between
        page[20 + 40 * k:50 + 40 * k, 40:70] = 0
    page[20:50, 120:190] = 0  # an ordinary line elsewhere
    page[0:200, 71] = 0  # the cell's rule, inside the box the detector drew (h11: 效益指标(20分))
    boxes = [TextBox("标必填", 38, 18, 72, 132, 0.99, []), TextBox("其他", 118, 18, 192, 52, 0.99, []),
             TextBox("其他", 118, 60, 192, 92, 0.99, [])]
    return page, boxes


def test_lines_of_a_narrow_column_read_as_one_are_read_again_line_by_line():
    from jixiao.extract.ocr import engine

    page, boxes = _stacked_page()
    previous = engine._ENGINE
    engine.reset_engine(_LinesEngine(["标", "(必", "填)"]))
    try:
        read = engine.reread_stacked(boxes, page)
    finally:
        engine.reset_engine(previous)
    assert [b.text for b in read] == ["标(必填)", "其他", "其他"]
    assert (read[0].y0, read[0].y1) == (18, 132)  # one stack still, wherever its lines fall


def test_lines_read_apart_that_disagree_with_the_whole_leave_it_whole():
    from jixiao.extract.ocr import engine

    page, boxes = _stacked_page()
    previous = engine._ENGINE
    engine.reset_engine(_LinesEngine(["满", "度", "指"]))  # a character lost read apart (满意度指标)
    try:
        read = engine.reread_stacked(boxes, page)
    finally:
        engine.reset_engine(previous)
    assert [b.text for b in read] == ["标必填", "其他", "其他"]


def test_a_slant_moves_two_edges_at_least():
    from jixiao.extract.ocr.preprocess import slanted

    assert slanted(0.0, 0.0, 1.0, -1.0, 0.3)  # keystone: the upright edges converge
    assert slanted(0.0, 0.0, 1.0, 1.0, 0.3)  # shear
    assert not slanted(2.0, 2.0, 2.0, 2.0, 0.3)  # a rotation
    assert not slanted(0.14, 0.05, 0.18, 3.55, 0.3)  # one rule misread as the right edge (h31, a straight page)


def test_a_short_tables_edges_are_allowed_the_hough_passs_unsureness():
    from jixiao.extract.ocr.preprocess import PERSPECTIVE_MIN_DEG, _slant_tolerance

    page_w, page_h = 1700, 2200  # 200 dpi: the Hough pass reads it at 1200 px high
    short = np.float32([[209, 201], [1310, 200], [1314, 707], [212, 709]])  # 508 px high
    tall = np.float32([[100, 100], [1600, 100], [1600, 2100], [100, 2100]])
    assert _slant_tolerance(short, page_w, page_h) > 0.7 > _slant_tolerance(tall, page_w, page_h) > PERSPECTIVE_MIN_DEG


def _dashed(length: int):
    page = np.full((40, 200), 250, np.uint8)
    cv2.putText(page, "18", (4, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
    cv2.line(page, (50, 19), (50 + length, 19), 20, 2)
    cv2.putText(page, "54", (58 + length, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
    return page


def test_a_hyphen_as_long_as_the_long_dash_is_the_long_dash():
    # w21's 18—54周岁 came back 18-54周岁: the recogniser writes every flat dash between digits as -
    box = TextBox("18-54", 0, 2, 160, 38, 0.99, [Glyph("18-54", 0, 2, 160, 38, 0.99)])
    confusions.dash_lengths([box], _dashed(30))
    assert box.text == "18—54" and box.glyphs[0].text == "18—54"
    short = TextBox("18-54", 0, 2, 160, 38, 0.99, [Glyph("18-54", 0, 2, 160, 38, 0.99)])
    confusions.dash_lengths([short], _dashed(10))
    assert short.text == "18-54"


def test_rules_stopping_at_one_x_close_the_merged_cell_beside_them():
    # a photo's thin upright rule beside a tall merged label, broken up by the slant: the row rules that stop
    # on it still say where it runs, and the label stays a cell of its own
    page, xs, ys = draw_grid()
    cv2.line(page, (xs[1], ys[0]), (xs[1], ys[-1]), 245, 4)  # the label cell's right rule lost
    t = find_tables(page)[0]
    assert (t.n_rows, t.n_cols) == (4, 4)
    merged = [c for c in t.cells if c.rowspan > 1]
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in merged] == [(1, 0, 3, 1)]


def test_rule_ends_parted_by_a_crossing_rule_close_only_their_own_merged_cell():
    # x013 photographed: the funding block's rows end on its label's lost rule, and one row of the
    # indicator table ends at the same x far below; the goal row between them, one wide cell, had been
    # cut in two by a rule drawn from the first end to the last
    page = np.full((700, 1400), 245, np.uint8)
    for y, x0 in ((100, 100), (170, 300), (240, 300), (310, 100), (450, 100), (520, 300), (590, 100)):
        cv2.line(page, (x0, y), (1300, y), 20, 2)
    for x, y0, y1 in ((100, 100, 590), (1300, 100, 590), (900, 100, 310), (300, 450, 590)):
        cv2.line(page, (x, y0), (x, y1), 20, 2)
    t = find_tables(page)[0]
    [wide] = [c for c in t.cells if c.contains(600, 380)]
    assert wide.x0 < 120 and wide.x1 > 1280  # the goal row stays one cell
    [label] = [c for c in t.cells if c.contains(200, 200)]
    assert label.x1 < 320 and label.rowspan == 3  # the funding label still closed beside its rows


def test_perspective_found_from_the_outermost_rule_ends_when_rows_start_at_a_merged_cell():
    from jixiao.extract.ocr.preprocess import page_transform

    page = np.full((900, 1400), 245, np.uint8)
    xs, ys = [100, 180, 1300], [100, 170, 240, 310, 380, 450]
    for i, y in enumerate(ys):  # rows 2-4 start right of a merged label; no upright rule long enough to see
        cv2.line(page, (xs[1] if i in (2, 3, 4) else xs[0], y), (xs[-1], y), 20, 2)
    warped, _ = _warp(page, [[30, 12], [-25, -8], [10, 20], [-20, 5]])
    assert page_transform(warped).kind == "perspective"


def test_a_short_break_in_a_row_rule_is_bridged_but_a_merged_cells_edge_is_not():
    # a faint rule under a seal's ghost lost a stretch: the rows above and below stay apart
    page, xs, ys = draw_grid()
    cv2.line(page, (700, ys[2]), (740, ys[2]), 245, 5)
    t = find_tables(page)[0]
    assert (t.n_rows, t.n_cols) == (4, 4)
    assert [(c.row, c.col, c.rowspan) for c in t.cells if c.rowspan > 1] == [(1, 0, 3)]  # the merged label stays


def test_a_rule_s_remnant_before_a_cell_s_text_is_no_lost_start():
    # ink between a cell's rule and its first character is read on its own only when a few characters wide and
    # read as more than flat strokes: a rule's remnant (read 一, 二 or _) adds nothing
    from jixiao.extract.ocr import OcrSettings, _lost_before, engine
    from jixiao.extract.ocr.grid import GridCell

    page = np.full((60, 400), 255, np.uint8)
    page[28:31, 10:150] = 0  # a flat bar the width of many characters
    cell = GridCell(0, 0, 400, 60)
    previous = engine._ENGINE
    engine.reset_engine(_FakeEngine("二", 0.95))
    try:
        assert _lost_before(page, cell, (160.0, 12.0, 180.0, 48.0), 36.0, OcrSettings()) == ""
        page[:] = 255
        page[16:44, 110:120] = 0  # two glyph-wide blots just before the text
        page[16:44, 126:136] = 0
        engine.reset_engine(_FakeEngine("二、", 0.95))
        assert _lost_before(page, cell, (160.0, 12.0, 180.0, 48.0), 36.0, OcrSettings()) == "二、"
        engine.reset_engine(_FakeEngine("一", 0.95))
        assert _lost_before(page, cell, (160.0, 12.0, 180.0, 48.0), 36.0, OcrSettings()) == ""
    finally:
        engine.reset_engine(previous)
