"""Tall images: cut into page-high pieces at blank bands, and read in bands when no band is blank.

Fast: no OCR engine runs (the band merge is tested with a stand-in recogniser)."""
from __future__ import annotations

import numpy as np
import pytest

from jixiao.extract.ocr import engine
from jixiao.extract.ocr.engine import Glyph, TextBox
from jixiao.extract.ocr.pieces import MAX_PIECE, blank_bands, piece_bounds

PAPER, INK = 242, 114  # a palette scan's paper and ink (its ink is this light)


def stacked_pages(n: int, width: int = 400, page: int = 566, margin: int = 40) -> np.ndarray:
    """``n`` A4-shaped pages one under another, each a ruled block with paper margins round it."""
    image = np.full((n * page, width), PAPER, np.uint8)
    for k in range(n):
        top = k * page + margin
        image[top:top + page - 2 * margin, 30:width - 30] = INK
    return image


def test_a_page_high_image_stays_whole():
    image = stacked_pages(1)
    assert piece_bounds(image) == [(0, image.shape[0])]


def test_stitched_pages_are_cut_in_their_margins():
    image = stacked_pages(4)
    pieces = piece_bounds(image)
    assert pieces[0][0] == 0 and pieces[-1][1] == image.shape[0]
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # the pieces tile the image
    assert all(bottom - top <= MAX_PIECE * image.shape[1] for top, bottom in pieces)
    for _, cut in pieces[:-1]:  # every cut in the paper between two pages, none through a page's ink
        assert (image[cut] == PAPER).all()


def test_an_image_with_no_blank_band_is_not_cut():
    image = np.full((3000, 400), PAPER, np.uint8)
    image[:, 30:32] = image[:, 368:370] = INK  # a table's two side rules down the whole image: one long table
    assert blank_bands(image) == []
    assert piece_bounds(image) == [(0, 3000)]


def test_specks_do_not_hide_a_blank_band():
    image = stacked_pages(3)
    noisy = image.copy()
    rng = np.random.default_rng(1)
    ys, xs = rng.integers(0, noisy.shape[0], 300), rng.integers(0, noisy.shape[1], 300)
    noisy[ys, xs] = 0
    assert len(piece_bounds(noisy)) == len(piece_bounds(image)) > 1


def test_a_tall_image_is_recognised_in_bands_and_each_box_kept_once(monkeypatch):
    height = 3 * engine.BAND
    image = np.full((height, 600), PAPER, np.uint8)
    lines = list(range(20, height - 40, 70))  # a text line every 70 px, 30 px high

    def fake(band: np.ndarray, min_score: float):
        # the stand-in reads every line whose top lies in the band (even one the band's edge cuts)
        top = next(y for y in range(0, height, 1) if np.shares_memory(band, image[y:y + 1]))
        return [TextBox(f"L{y}", 10, y - top, 200, y - top + 30, 0.9, [Glyph(f"L{y}", 10, y - top, 200, y - top + 30, 0.9)])
                for y in lines if 0 <= y - top < band.shape[0]]

    monkeypatch.setattr(engine, "_recognise_whole", fake)
    boxes = engine.recognise(image)
    assert sorted(b.text for b in boxes) == sorted(f"L{y}" for y in lines)
    assert all(b.y0 == int(b.text[1:]) and b.glyphs[0].y0 == b.y0 for b in boxes)


@pytest.mark.parametrize("shape", [(engine.MAX_SIDE, 600), (200, engine.MAX_SIDE + 10)])
def test_an_image_the_detector_takes_whole_is_read_once(monkeypatch, shape):
    calls = []
    monkeypatch.setattr(engine, "_recognise_whole", lambda image, min_score: calls.append(image.shape) or [])
    engine.recognise(np.full(shape, PAPER, np.uint8))
    assert calls == [shape]


def test_a_label_of_two_lines_the_detector_passed_over_is_read_band_by_band(monkeypatch):
    # a photographed tall 一级 cell printing 产出 指 ⏎ 标: its ink, two lines high, is read one line at a time
    image = np.full((200, 160), 255, np.uint8)
    image[40:70, 20:140] = 0  # the first line's ink, 30 px high
    image[90:120, 20:50] = 0  # the second's
    crops = []

    class Result:
        def __init__(self, text):
            self.txts, self.scores, self.word_results = (text,), (0.95,), None

    def fake(crop, **kw):
        crops.append(crop.shape)
        return Result("产出 指" if len(crops) == 1 else "标")

    monkeypatch.setattr(engine, "get_engine", lambda: fake)
    box = engine.read_ink_lines(image, 5, 5, 155, 195, line_height=30, min_score=0.8)
    assert box is not None and box.text == "产出 指\n标"
    assert (box.y0, box.y1) == (40, 120) and len(crops) == 2
    image[130:190, 20:140] = 0  # ink three lines high in one band: no line, so nothing is read
    assert engine.read_ink_lines(image, 5, 5, 155, 195, line_height=30, min_score=0.8) is None


def test_a_lone_sign_is_read_on_its_own_whatever_specks_lie_far_from_it(monkeypatch):
    # x039 as an image PDF: a ≥ alone in its sign column, and a speck of dust low in the cell that made
    # the ink two lines high, so the sign was never read and the target lost it (≥95% read 95%)
    image = np.full((98, 82), 255, np.uint8)
    image[2:20, 5:27] = 0  # the sign
    image[73:75, 71] = 0  # a speck, two pixels
    seen = []

    class Result:
        txts, scores, word_results = ("≥",), (0.99,), None

    def fake(crop, **kw):
        seen.append(crop.shape)
        return Result()

    monkeypatch.setattr(engine, "get_engine", lambda: fake)
    box = engine.read_ink(image, 0, 0, 82, 98, line_height=41)
    assert box is not None and box.text == "≥" and (box.y0, box.y1) == (2, 20)
