"""PDF grid building on small PDFs drawn here with PDFium: borders as filled rectangles (how Word
and Excel export rules), merged cells, real spaces, slanted watermarks, garbled-page detection."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jixiao.extract import ReadOptions
from jixiao.extract.pdf import needs_ocr, read
from jixiao.extract.pdf.grid import find_grids
from jixiao.extract.pdf.objects import Char, PageObjects, Segment
from jixiao.model import Table, TextLine

NO_OCR = ReadOptions(ocr="never")


class Drawing:
    """A one-page PDF drawn with PDFium's editing API (PDF coordinates: y grows upwards)."""

    def __init__(self, width=400, height=300):
        self.pdf = pdfium.PdfDocument.new()
        self.page = self.pdf.new_page(width, height)

    def rule(self, x, y, w, h):
        obj = pdfium_c.FPDFPageObj_CreateNewRect(x, y, w, h)
        pdfium_c.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 255)
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_WINDING, False)
        pdfium_c.FPDFPage_InsertObject(self.page.raw, obj)

    def text(self, s, x, y, size=10.0, degrees=0):
        obj = pdfium_c.FPDFPageObj_NewTextObj(self.pdf.raw, b"Helvetica", size)
        encoded = (s + "\x00").encode("utf-16-le")
        buf = (pdfium_c.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
        pdfium_c.FPDFText_SetText(obj, buf)
        if degrees:
            matrix = pdfium.PdfMatrix().rotate(degrees, ccw=True)
            pdfium_c.FPDFPageObj_Transform(obj, *matrix.get())
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(self.page.raw, obj)

    def save(self, path: Path) -> Path:
        self.page.gen_content()
        self.pdf.save(str(path))
        self.pdf.close()
        return path


def ruled_table(path: Path, watermark: bool = False) -> Path:
    """3×3 table ruled with 0.75pt filled rectangles; the Level cell spans rows 2-3."""
    d = Drawing()
    t = 0.75
    d.rule(50, 250 - t / 2, 300, t)
    d.rule(50, 220 - t / 2, 300, t)
    d.rule(150, 190 - t / 2, 200, t)  # no rule under "Output": it spans two rows
    d.rule(50, 160 - t / 2, 300, t)
    for x in (50, 150, 250, 350):
        d.rule(x - t / 2, 160, t, 90)
    d.text("Level", 55, 235)
    d.text("Name", 155, 235)
    d.text("Value", 255, 235)
    d.text("Output", 55, 190)
    d.text("Count of", 155, 205)
    d.text("things", 155, 195)
    d.text("12", 255, 200)
    d.text("Speed", 155, 170)
    d.text("3 days", 255, 170)
    d.text("Title above", 50, 270, size=14)
    if watermark:
        d.text("DRAFT COPY", 120, 120, size=40, degrees=30)
    return d.save(path)


def test_rules_drawn_as_filled_rectangles_make_a_grid(tmp_path):
    doc = read(ruled_table(tmp_path / "t.pdf"), NO_OCR)
    assert isinstance(doc.blocks[0], TextLine) and doc.blocks[0].text == "Title above"
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert table.text_rows() == [
        ["Level", "Name", "Value"],
        ["Output", "Count of things", "12"],
        ["Output", "Speed", "3 days"],
    ]
    output = next(c for c in table.cells if c.text == "Output")
    assert (output.row, output.col, output.rowspan, output.colspan) == (1, 0, 2, 1)
    assert len(table.cells) == 8


def test_slanted_watermark_stays_out_of_cells(tmp_path):
    doc = read(ruled_table(tmp_path / "w.pdf", watermark=True), NO_OCR)
    table = next(doc.tables())
    assert table.text_rows()[1] == ["Output", "Count of things", "12"]
    assert not any("DRAFT" in b.text for b in doc.blocks if isinstance(b, TextLine))


def test_collinear_pieces_join_and_close_positions_snap():
    # a horizontal rule drawn in two pieces with a 1pt gap, another 1pt lower: one line each
    segments = [Segment(0, 0, 100, 0), Segment(101, 0.8, 200, 0.8), Segment(0, 50, 200, 50),
                Segment(0, 0, 0, 50), Segment(100, 0, 100, 50), Segment(200, 0.5, 200, 50)]
    grids = find_grids(segments)
    assert len(grids) == 1
    assert len(grids[0].xs) == 3 and len(grids[0].ys) == 2
    assert len(grids[0].regions) == 2


def test_separate_tables_stay_separate():
    def box(x, y):
        return [Segment(x, y, x + 50, y), Segment(x, y + 20, x + 50, y + 20), Segment(x, y + 40, x + 50, y + 40),
                Segment(x, y, x, y + 40), Segment(x + 50, y, x + 50, y + 40)]

    grids = find_grids(box(0, 0) + box(0, 100))
    assert [g.ys[0] for g in grids] == [0, 100]


def _page(chars: int, garbled: int, images: int = 0, odd: int = 0) -> PageObjects:
    text = [Char("字", 0, 0, 10, 10, 10, 0) for _ in range(chars)]
    return PageObjects(1, 100, 100, text, [], images, garbled, odd)


def test_garbled_and_image_only_pages_go_to_ocr():
    assert not needs_ocr(_page(300, 0))
    assert needs_ocr(_page(100, 200))  # CJK font without a Unicode map
    assert not needs_ocr(_page(300, 5))  # a few odd glyphs are not a garbled page
    assert needs_ocr(_page(0, 0, images=1))  # a scan
    assert not needs_ocr(_page(0, 0))  # a blank page: nothing to read
    assert needs_ocr(_page(200, 0, odd=150))  # glyph ids read as Cyrillic, Hangul … by a wrong map
    assert not needs_ocr(_page(200, 0, odd=3))


def test_usual_scripts_are_not_odd():
    from jixiao.extract.pdf.objects import is_unusual

    usual = "部门整体支出绩效目标表（2024年度）≥≤％㎡①℃×÷–—“”、。：；ABCabc123 é"
    assert not [ch for ch in usual if is_unusual(ord(ch))]
    assert all(is_unusual(ord(ch)) for ch in "ДЖѢաבعเ한")


def _table(page, bounds, top, bottom, texts):
    from jixiao.model import Cell

    cells = [Cell(t, 0, k, page=page, bbox=(bounds[k], top, bounds[k + 1], bottom)) for k, t in enumerate(texts)]
    return Table(cells=cells, page=page, bbox=(bounds[0], top, bounds[-1], bottom))


def test_parts_of_a_continued_table_share_the_union_of_their_columns():
    from jixiao.extract.pdf.continuation import align_continuations

    first = _table(1, [0, 10, 30, 40], 700, 800, ["a", "b", "c"])
    second = _table(2, [0, 20, 30, 40], 60, 90, ["d", "e", "f"])
    pages = {1: [TextLine("title", 1), first], 2: [TextLine("- 2 -", 2), second]}
    align_continuations(pages, {1: 842.0, 2: 842.0})
    assert first.n_cols == second.n_cols == 4
    assert [(c.col, c.colspan) for c in first.cells] == [(0, 1), (1, 2), (3, 1)]
    assert [(c.col, c.colspan) for c in second.cells] == [(0, 2), (2, 1), (3, 1)]
    # a table after a title on the next page is another table: its columns are left alone
    third = _table(3, [0, 25, 40], 100, 140, ["g", "h"])
    pages = {2: [second], 3: [TextLine("项目支出绩效目标表（2024年度）", 3), third]}
    align_continuations(pages, {2: 842.0, 3: 842.0})
    assert third.n_cols == 2


def test_a_row_a_scanned_page_break_cut_is_merged_though_the_next_scan_sits_a_few_points_off():
    # real Shanxi content drawn in a three-page scan: page 2's table stands 5–7 pt right of page 1's (the
    # scan's own offset), and the last row's wrapped name and actual value run on to the top of page 2
    from jixiao.extract.pdf.continuation import align_continuations
    from jixiao.model import Cell

    def scanned(page, x0, x1, rows, top):
        bounds = [x0 + (x1 - x0) * f for f in (0, 0.3, 0.45, 0.6, 0.8, 1.0)]
        cells = [Cell(t, r, k, page=page, bbox=(bounds[k], top + 40 * r, bounds[k + 1], top + 40 * (r + 1)),
                      confidence=0.95) for r, row in enumerate(rows) for k, t in enumerate(row)]
        return Table(cells=cells, page=page, bbox=(x0, top, x1, top + 40 * len(rows)))

    first = scanned(1, 78.1, 521.7, [["参训学员就业率", "60", "%", "53.53%", "完成"],
                                     ["培训对\n象符合\n吕梁山", "18", "-54周岁", "存在\n18岁\n以", "完成"]], 640)
    second = scanned(2, 82.9, 528.8, [["护工培\n训招生\n计划规\n定", "", "", "下、54\n周岁以上", ""],
                                      ["参训学员结业考核通过率", "100", "%", "98.79%", "完成"]], 70)
    align_continuations({1: [first], 2: [second]}, {1: 792.0, 2: 792.0})
    last = [t.replace("\n", "") for t in first.text_rows()[-1]]
    assert last == ["培训对象符合吕梁山护工培训招生计划规定", "18", "-54周岁", "存在18岁以下、54周岁以上", "完成"]
    assert second.text_rows() == [["参训学员结业考核通过率", "100", "%", "98.79%", "完成"]]
    # a new row whose name stands under a one-line cell is no fragment: left as it is
    third = scanned(3, 80.0, 525.0, [["新的指标", "", "", "有效", ""]], 70)
    align_continuations({2: [second], 3: [third]}, {2: 792.0, 3: 792.0})
    assert third.text_rows() == [["新的指标", "", "", "有效", ""]]


def test_open_table_without_outer_side_rules(tmp_path):
    d = Drawing()
    for y in (250, 220, 190):
        d.rule(50, y - 0.4, 300, 0.8)
    for x in (150, 250):
        d.rule(x - 0.4, 190, 0.8, 60)
    d.text("Left", 60, 230)
    d.text("Mid", 160, 230)
    d.text("Right", 260, 230)
    d.text("1", 60, 200)
    d.text("2", 160, 200)
    d.text("3", 260, 200)
    doc = read(d.save(tmp_path / "open.pdf"), NO_OCR)
    table = next(doc.tables())
    assert table.text_rows() == [["Left", "Mid", "Right"], ["1", "2", "3"]]
