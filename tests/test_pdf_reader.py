"""The PDF reader on the repo's sample PDFs (LibreOffice exports made by samples/generators/pdf.py)."""
from __future__ import annotations

import sys
import types
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from jixiao.extract import ReadOptions, read_document
from jixiao.extract.pdf import read
from jixiao.model import ReadError, Table, TextLine
from jixiao.parsers import parse_document
from samples.generators import forms
from office_helpers import RULED_FORM_ROWS, ruled_form_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pdf"
LONG = SAMPLES / "pdf_department_target_long.pdf"
MULTI = SAMPLES / "pdf_disclosure_multi_form.pdf"
CALC = SAMPLES / "pdf_department_self_eval_calc.pdf"
ENCRYPTED = SAMPLES.parent / "bad" / "pdf_encrypted.pdf"
NO_OCR = ReadOptions(ocr="never")


def tables(doc) -> list[Table]:
    return list(doc.tables())


def cell_texts(table: Table) -> list[str]:
    return [c.text for c in table.cells]


def find_cell(doc, text):
    for t in doc.tables():
        for c in t.cells:
            if c.text == text:
                return t, c
    raise AssertionError(f"no cell {text!r}")


def indicator_rows(doc) -> set[tuple[str, str]]:
    """(三级指标, 指标值) pairs: each indicator name followed by the next cell of its row."""
    pairs = set()
    for t in doc.tables():
        for row in t.text_rows():
            for a, b in zip(row, row[1:]):
                pairs.add((a, b))
    return pairs


def test_document_basics():
    doc = read(LONG, NO_OCR)
    assert doc.pages == 2
    assert doc.method == "pdf-text"
    assert doc.warnings == []
    lines = [b.text for b in doc.blocks if isinstance(b, TextLine)]
    assert "部门（单位）整体支出绩效目标表" in lines
    assert "（2024年度）" in lines
    assert "单位：万元" in lines
    # blocks are in reading order: the title comes before the first table
    first_table = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Table))
    title = next(i for i, b in enumerate(doc.blocks) if isinstance(b, TextLine) and b.text.endswith("目标表"))
    assert title < first_table


def test_merged_cells_are_one_cell_with_spans():
    doc = read(LONG, NO_OCR)
    table, cell = find_cell(doc, "年度主要任务")
    assert cell.rowspan == 2 + len(forms.DEPARTMENT_TARGET["budget"]) and cell.colspan == 1
    assert sum(1 for c in table.cells if c.text == "年度主要任务") == 1
    _, cell = find_cell(doc, "预算金额（万元）")
    assert (cell.rowspan, cell.colspan) == (1, 3)
    _, cell = find_cell(doc, forms.DEPARTMENT_TARGET["department"])
    assert cell.colspan == 4
    assert cell.page == 1 and cell.bbox is not None and cell.bbox[0] < cell.bbox[2]


def test_wrapped_text_is_joined():
    doc = read(LONG, NO_OCR)
    goal = forms.DEPARTMENT_TARGET["goals"][0]["text"]
    _, cell = find_cell(doc, goal)  # spans several printed lines in the PDF
    assert cell.colspan == 5
    for line in forms.DEPARTMENT_TARGET["budget"]:
        find_cell(doc, line["content"])


def test_vertical_one_char_per_line_label():
    doc = read(LONG, NO_OCR)
    table, cell = find_cell(doc, "产出指标")
    # the level column is narrow: the label is printed one character per line
    x0, top, x1, bottom = cell.bbox
    assert x1 - x0 < 30 and bottom - top > 40
    assert cell.rowspan >= 2


def test_continuation_table_keeps_columns_and_header():
    doc = read(LONG, NO_OCR)
    ts = tables(doc)
    first_part = [t for t in ts if t.page == 1][-1]
    continuation = [t for t in ts if t.page == 2][0]
    assert first_part.n_cols == continuation.n_cols == 4
    assert continuation.text_rows()[0] == ["一级指标", "二级指标", "三级指标", "指标值"]
    got = indicator_rows(doc)
    for ind in forms.DEPARTMENT_TARGET["indicators"]:
        assert (ind["indicator"], ind["target_raw"]) in got
    # the merged 一级指标 cell cut by the page break: its label stays on page 1
    names_p2 = [row[2] for row in continuation.text_rows()[1:]]
    assert "非遗项目保护数量" in names_p2


def test_landscape_calc_export_and_realigned_continuation():
    doc = read(CALC, NO_OCR)
    assert doc.pages == 2
    ts = tables(doc)
    assert ts[0].bbox[2] > 700  # landscape page
    assert ts[0].n_cols == ts[-1].n_cols == 10
    _, cell = find_cell(doc, "受资金拨付进度影响，下一步加强统筹")
    assert cell.page == 2 and (cell.col, cell.colspan) == (8, 2)
    # text overflowing a merged cell cut by the page break is clipped, not a stray line
    lines = [b.text for b in doc.blocks if isinstance(b, TextLine) and b.page == 2]
    assert not any("绩效" in t for t in lines)
    for line in forms.DEPARTMENT_SELF_EVAL["budget"]:
        find_cell(doc, f"{line['budget_initial']:.2f}")


def test_disclosure_pdf_has_every_table_and_the_prose():
    doc = read(MULTI, NO_OCR)
    assert doc.pages == 4
    ts = tables(doc)
    assert ts[0].text_rows()[0] == ["收入", "收入", "支出", "支出"]
    assert any(isinstance(b, TextLine) and "部门概况" in b.text for b in doc.blocks)
    got = indicator_rows(doc)
    for form in (forms.PROJECT_TARGET, forms.PROJECT_SELF_EVAL):
        for ind in form["indicators"]:
            assert (ind["indicator"], ind["target_raw"]) in got, ind["indicator"]
    # a number wrapped inside a narrow column reads as one number
    find_cell(doc, "1201.11")
    # pages are in order
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages)


def _rotate_content(src: Path, dst: Path) -> None:
    """Draw each page's content turned 90° counter-clockwise and set /Rotate 90 to show it upright."""
    pdf = pdfium.PdfDocument(str(src))
    for i in range(len(pdf)):
        page = pdf[i]
        width, height = page.get_size()
        turn = pdfium.PdfMatrix().rotate(90, ccw=True).translate(height, 0)
        for obj in list(page.get_objects(max_depth=1)):
            obj.transform(turn)
            pdfium.raw.FPDFPageObj_TransformClipPath(obj.raw, *turn.get())
        page.set_mediabox(0, 0, height, width)
        page.set_cropbox(0, 0, height, width)
        page.set_rotation(90)
        page.gen_content()
    pdf.save(str(dst))
    pdf.close()


def test_rotated_page_reads_like_the_upright_one(tmp_path):
    upright = read(CALC, NO_OCR)
    rotated_path = tmp_path / "rotated.pdf"
    _rotate_content(CALC, rotated_path)
    rotated = read(rotated_path, NO_OCR)
    pdf = pdfium.PdfDocument(str(rotated_path))
    assert pdf[0].get_rotation() == 90
    pdf.close()
    assert [t.text_rows() for t in rotated.tables()] == [t.text_rows() for t in upright.tables()]
    assert [b.text for b in rotated.blocks if isinstance(b, TextLine)] == \
        [b.text for b in upright.blocks if isinstance(b, TextLine)]


def test_sideways_table_reads_along_its_glyphs(tmp_path):
    """A page turned by /Rotate without turning its content shows the table sideways:
    its glyphs are rotated, and each cell still reads in writing order."""
    pdf = pdfium.PdfDocument(str(CALC))
    pdf[0].set_rotation(90)
    path = tmp_path / "sideways.pdf"
    pdf.save(str(path))
    pdf.close()
    doc = read(path, NO_OCR)
    texts = {c.text for t in doc.tables() if t.page == 1 for c in t.cells}
    assert {"年度预算执行情况（万元）", "城市低保月人均补助标准", "部门（单位）名称"} <= texts


def test_encrypted_pdf_needs_its_password():
    with pytest.raises(ReadError, match="encrypted"):
        read(ENCRYPTED, NO_OCR)
    with pytest.raises(ReadError, match="password does not open"):
        read(ENCRYPTED, ReadOptions(ocr="never", password="wrong"))
    doc = read(ENCRYPTED, ReadOptions(ocr="never", password="jixiao"))
    assert any(isinstance(b, TextLine) and b.text == "加密文件" for b in doc.blocks)


def test_truncated_empty_and_corrupt_pdfs_fail_clearly(tmp_path):
    data = LONG.read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated"):
        read_document(truncated, NO_OCR)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        read(empty, NO_OCR)
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    with pytest.raises(ReadError, match="damaged"):
        read(corrupt, NO_OCR)


def _image_only_pdf(path: Path) -> None:
    from PIL import Image

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.from_pil(Image.new("RGB", (200, 100), "white"))
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(100, 500))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))
    pdf.close()


def test_scanned_page_without_ocr_gives_a_warning_not_garbage(tmp_path, monkeypatch):
    scan = tmp_path / "scan.pdf"
    _image_only_pdf(scan)
    monkeypatch.setitem(sys.modules, "jixiao.extract.ocr", None)  # OCR not installed
    doc = read(scan, ReadOptions(ocr="auto"))
    assert doc.blocks == []
    assert doc.warnings == ["page 1 has no usable text layer; OCR is not available, so it was skipped"]
    doc = read(scan, ReadOptions(ocr="never"))
    assert "OCR is turned off" in doc.warnings[0]


def test_pages_go_to_ocr_when_it_is_installed(tmp_path, monkeypatch):
    scan = tmp_path / "scan.pdf"
    _image_only_pdf(scan)
    calls = []

    def ocr_pdf_pages_with_warnings(path, pages, options):
        calls.append(list(pages))
        return [TextLine(text=f"ocr page {p}", page=p, confidence=0.9) for p in pages], ["low OCR confidence on page 1"]

    fake = types.ModuleType("jixiao.extract.ocr")
    fake.ocr_pdf_pages_with_warnings = ocr_pdf_pages_with_warnings
    monkeypatch.setitem(sys.modules, "jixiao.extract.ocr", fake)
    doc = read(scan, ReadOptions(ocr="auto"))
    assert calls == [[1]] and doc.method == "pdf-ocr" and doc.warnings == ["low OCR confidence on page 1"]
    assert [b.text for b in doc.blocks] == ["ocr page 1"]
    # 'always' OCRs text pages too, spliced in page order
    calls.clear()
    doc = read(MULTI, ReadOptions(ocr="always"))
    assert calls == [[1, 2, 3, 4]] and doc.method == "pdf-ocr"
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]


def test_camelot_engine_gives_the_same_model():
    native = read(LONG, NO_OCR)
    via_camelot = read(LONG, ReadOptions(ocr="never", pdf_engine="camelot"))
    assert via_camelot.method == "pdf-text"
    assert [t.text_rows() for t in via_camelot.tables()] == [t.text_rows() for t in native.tables()]
    _, cell = find_cell(via_camelot, "年度主要任务")
    assert cell.rowspan == 5


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ReadError, match="unknown PDF engine"):
        read(LONG, ReadOptions(ocr="never", pdf_engine="tabula"))


SPLIT = SAMPLES / "pdf_project_target_split_row.pdf"


def test_row_broken_across_pages_is_merged_back():
    doc = read(SPLIT, NO_OCR)
    goal = next(g["text"] for g in forms.PROJECT_TARGET["goals"] if g["kind"] == "annual")
    table, cell = find_cell(doc, goal)
    assert table.page == 1
    first_part, continuation = [t for t in doc.tables()]
    # the first part lacked the indicator columns' rulings: both parts share one column grid
    assert first_part.n_cols == continuation.n_cols == 5
    assert continuation.text_rows()[0][1:] == ["一级指标", "二级指标", "三级指标", "指标值"]
    got = indicator_rows(doc)
    for ind in forms.PROJECT_TARGET["indicators"]:
        assert (ind["indicator"], ind["target_raw"].replace("km", "k m")) in got or \
            (ind["indicator"], ind["target_raw"]) in got


def test_a_new_form_on_the_next_page_is_not_glued_to_the_previous_one():
    doc = read(MULTI, NO_OCR)
    page3 = [t for t in doc.tables() if t.page == 3][0]
    assert page3.text_rows()[0][:3] == ["项目名称", "项目名称", forms.PROJECT_SELF_EVAL["project"]]


@pytest.mark.soffice
def test_a_ruled_pdf_table_keeps_name_only_rows_and_a_dash_ending_a_line(tmp_path):
    """Ruled tables are the PDF's own grid: a row printing a name and no value is a row, as in an
    office table; and a range's dash ending a wrapped line (2021年1月- ⏎ 12月, which pdfium reports
    as a soft hyphen) stays in the target."""
    [form] = parse_document(read(ruled_form_pdf(tmp_path), NO_OCR))
    assert [(i.indicator, i.target_raw) for i in form.indicators] == RULED_FORM_ROWS
