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
    assert texts[(1, 0)] == "产\n出"
    assert texts[(3, 2)] == "第一行\n第二行"


def test_confusions():
    assert confusions.fix_text("＞=９０％") == "≥90%"
    assert confusions.fix_text("<=15天") == "≤15天"
    assert confusions.fix_cell("一") == "—"
    assert confusions.fix_cell("一级指标") == "一级指标"
    assert confusions.fix_target("290%") == "≥90%"
    assert confusions.fix_target("200%") == "200%"  # 2 + "00%" is not a ≥ reading
    assert confusions.fix_target("2150万元") == "2150万元"  # not a percentage: left alone
    assert confusions.is_target_header("年度指标值")
    assert not confusions.is_target_header("三级指标")


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
