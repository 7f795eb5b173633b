"""A merged cell cut by a page break in a spreadsheet export reads as one cell on both pages."""
from __future__ import annotations

from pathlib import Path

from jixiao.extract import ReadOptions, read_document
from jixiao.extract.pdf.continuation import _join_cut_cells
from jixiao.model import Cell, Table

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _cell(text, row, col, rowspan, bbox, ink=None):
    c = Cell(text=text, row=row, col=col, rowspan=rowspan, bbox=bbox)
    c.ink = ink
    return c


def _pair(below_text, below_ink, top_text, top_ink, below_box=(314.8, 395.8), top_box=(72.0, 157.1)):
    """A label cell at the foot of page 1 (3 rows) and its rest on top of page 2 (4 rows); returns
    the two parts' texts after the continuation step."""
    (b0, b1), (t0, t1) = below_box, top_box
    prev = Table(cells=[_cell("", 0, 0, 1, (54, b0 - 20, 88, b0)), _cell("名称", 0, 1, 1, (88, b0 - 20, 200, b0)),
                        _cell(below_text, 1, 0, 3, (54, b0, 88, b1), below_ink),
                        _cell("a", 1, 1, 3, (88, b0, 200, b1))])
    cont = Table(cells=[_cell(top_text, 0, 0, 4, (54, t0, 88, t1), top_ink), _cell("b", 0, 1, 4, (88, t0, 200, t1))])
    _join_cut_cells(prev, cont, prev)
    return prev.cells[2].text, cont.cells[0].text


def test_text_cut_at_the_page_edge_is_joined_in_both_parts():
    # measured on a Calc export: 绩/效 at the foot (last line top 388.8, pitch 11.6), 指/标 from 76.7 on
    # the next page — centred over both parts together and one pitch apart across the cut
    assert _pair("绩效", (377.2, 396.1, 7.4, 11.6, 388.8), "指标", (76.7, 95.6, 7.4, 11.6, 88.3)) == ("绩效指标",) * 2


def test_label_printed_wholly_on_the_next_page_also_labels_the_part_above():
    # 40 pt above the cut, 80 pt below: the joined cell's middle is 20 pt into page 2
    box = dict(below_box=(360.0, 400.0), top_box=(70.0, 150.0))
    assert _pair("", None, "产出指标", (82.0, 98.0, 7.4, 11.6, 90.6), **box) == ("产出指标",) * 2
    # the same label centred in its own part (110 pt): an ordinary cell, the part above stays empty
    assert _pair("", None, "产出指标", (102.0, 118.0, 7.4, 11.6, 110.6), **box) == ("", "产出指标")


def test_ordinary_cells_on_both_sides_are_left_alone():
    # text centred in each part, or at the top of the next part (Word's default): two cells
    assert _pair("数量指标", (351.0, 359.0, 7.4, None, 351.0), "质量指标", (110.0, 118.0, 7.4, None, 110.0)) == \
        ("数量指标", "质量指标")
    assert _pair("数量指标", (378.0, 395.0, 7.4, 11.6, 386.4), "质量指标", (73.0, 81.0, 7.4, None, 73.0)) == \
        ("数量指标", "质量指标")
    assert _pair("", None, "质量指标", (110.0, 118.0, 7.4, None, 110.0)) == ("", "质量指标")


def test_calc_export_with_a_manual_page_break_inside_the_indicator_block():
    doc = read_document(SAMPLES / "pdf" / "pdf_real_calc_selfevals.pdf", ReadOptions(ocr="never"))
    first, second = [b for b in doc.blocks if isinstance(b, Table)][:2]
    assert first.text_rows()[-1][:3] == ["绩效指标", "产出指标(50分)", "数量指标"]
    assert second.text_rows()[0][:3] == ["绩效指标", "产出指标(50分)", "数量指标"]
    assert second.text_rows()[-1][:3] == ["绩效指标", "产出指标(50分)", "成本指标"]


def test_a_label_does_not_run_on_past_the_end_of_the_label_left_of_it():
    """The 二级 column's lines happen to fall as one cut cell would (质量指标 down to the foot of page 1,
    服务对象满意度指标 from the top of page 2), but the 一级 to their left ends at the break — 产出指标
    at the foot, 满意度指标 a new cell on top: so the 二级 ends there too (real c02 drawn as a PDF)."""
    b0, b1, t0, t1 = 314.8, 395.8, 72.0, 157.1
    prev = Table(cells=[_cell("产出指标", 0, 0, 3, (54, b0, 88, b1), (351.0, 359.0, 7.4, None, 351.0)),
                        _cell("质量指标", 0, 1, 3, (88, b0, 122, b1), (377.2, 396.1, 7.4, 11.6, 388.8)),
                        _cell("a", 0, 2, 3, (122, b0, 200, b1))])
    cont = Table(cells=[_cell("满意度指标", 0, 0, 4, (54, t0, 88, t1), (73.0, 81.0, 7.4, None, 73.0)),
                        _cell("服务对象满意度指标", 0, 1, 4, (88, t0, 122, t1), (76.7, 95.6, 7.4, 11.6, 88.3)),
                        _cell("b", 0, 2, 4, (122, t0, 200, t1))])
    _join_cut_cells(prev, cont, prev)
    assert [c.text for c in prev.cells[:2]] == ["产出指标", "质量指标"]
    assert [c.text for c in cont.cells[:2]] == ["满意度指标", "服务对象满意度指标"]


def test_an_empty_label_cell_at_the_foot_takes_the_label_its_rest_prints_on_the_next_page():
    """Writer splits a merged 一级 cell at the page break and prints its label at the top of the rest on the
    next page: the empty cell of its own beside the page's last name is that label (real w05 drawn as a PDF;
    the row read the 效益指标 of the rows above)."""
    prev = Table(cells=[_cell("效益指标", 0, 0, 2, (54, 600, 88, 677)), _cell("受益人口数", 0, 1, 1, (88, 600, 200, 661)),
                        _cell("受益人口数2", 1, 1, 1, (88, 661, 200, 677)),
                        _cell("", 2, 0, 1, (54, 677, 88, 693)), _cell("旅游行业经营主体满意度", 2, 1, 1, (88, 677, 200, 693))])
    cont = Table(cells=[_cell("满意度指标", 0, 0, 3, (54, 72, 88, 148), (73.0, 81.0, 7.4, None, 73.0)),
                        _cell("游客满意度", 0, 1, 3, (88, 72, 200, 148))])
    _join_cut_cells(prev, cont, prev)
    assert [c.text for c in prev.cells if c.row == 2] == ["满意度指标", "旅游行业经营主体满意度"]
    # an empty cell beside nothing (the foot of an empty row) is left alone
    prev.cells[-1].text = ""
    prev.cells[-2].text = ""
    _join_cut_cells(prev, cont, prev)
    assert prev.cells[-2].text == ""
