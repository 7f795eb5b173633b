"""The XLS reader (xlrd with formatting info) on the repo's sample, against the XLSX it was made from."""
from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract import ReadOptions, read_document
from jixiao.extract.xls import read as read_xls
from jixiao.extract.xlsx import read as read_xlsx
from jixiao.model import ReadError
from office_helpers import SAMPLES, assert_no_overlap, cells_with_text, missing_indicators

XLS = SAMPLES / "xls" / "xls_forms.xls"
XLSX = SAMPLES / "xlsx" / "xlsx_forms.xlsx"


def test_every_indicator_is_a_grid_row():
    doc = read_document(XLS)
    assert doc.method == "xls"
    assert missing_indicators(doc, XLS.name) == []


def test_same_grid_as_the_xlsx_it_was_saved_from():
    xls_tables = list(read_xls(XLS).tables())
    xlsx_tables = list(read_xlsx(XLSX).tables())
    assert len(xls_tables) == len(xlsx_tables) == 2
    # sheet 1: same cells, spans and displayed numbers (92.79%, 2680.00, 10)
    assert xls_tables[0].text_rows() == xlsx_tables[0].text_rows()
    assert sorted((c.row, c.col, c.rowspan, c.colspan) for c in xls_tables[0].cells) == \
        sorted((c.row, c.col, c.rowspan, c.colspan) for c in xlsx_tables[0].cells)
    # sheet 2 keeps the thousands separators; LibreOffice stored the formula's value, so no warning
    assert [c.text for c in cells_with_text(read_xls(XLS), "1,520.36")] == ["1,520.36"]
    for table in xls_tables:
        assert_no_overlap(table)


def test_hidden_sheet_skipped_with_warning():
    doc = read_xls(XLS)
    assert doc.warnings == ["hidden sheet '下拉选项' skipped"]


def test_not_an_excel_file(tmp_path: Path):
    path = tmp_path / "broken.xls"
    path.write_bytes(XLS.read_bytes()[:3000])
    with pytest.raises(ReadError) as err:
        read_document(path, ReadOptions())
    assert "\n" not in str(err.value)
