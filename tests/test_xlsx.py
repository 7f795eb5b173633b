"""The XLSX reader (and the number-format display it relies on) on the repo's samples."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jixiao.extract import ReadOptions, read_document
from jixiao.extract.office_numfmt import format_value
from jixiao.extract.xlsx import read as read_xlsx
from jixiao.model import ReadError
from office_helpers import SAMPLES, assert_no_overlap, cells_with_text, missing_indicators, squash

WORKBOOK = SAMPLES / "xlsx" / "xlsx_forms.xlsx"


def test_every_indicator_is_a_grid_row():
    doc = read_document(WORKBOOK)
    assert doc.method == "xlsx"
    assert missing_indicators(doc, WORKBOOK.name) == []


def test_one_table_per_visible_sheet_with_both_forms_in_the_first():
    doc = read_xlsx(WORKBOOK)
    tables = list(doc.tables())
    assert len(tables) == 2  # the hidden lookup sheet is skipped …
    assert any("hidden sheet '下拉选项' skipped" in w for w in doc.warnings)  # … and said so
    first = tables[0].text_rows()
    titles = [row[0] for row in first if row[0].endswith("自评表")]
    assert titles == ["部门（单位）整体支出绩效自评表", "项目支出绩效自评表"]
    # empty first row and column A are trimmed: the title is the grid's top-left cell
    assert first[0][0] == "部门（单位）整体支出绩效自评表"
    for table in tables:
        assert_no_overlap(table)


def test_merged_ranges_become_spans():
    doc = read_xlsx(WORKBOOK)
    [title] = cells_with_text(doc, "部门（单位）整体支出绩效目标表")
    assert (title.row, title.col, title.rowspan, title.colspan) == (0, 0, 1, 6)
    labels = cells_with_text(doc, "年度预算执行情况（万元）")
    assert [(c.rowspan, c.colspan) for c in labels] == [(4, 2)]


def test_numbers_are_shown_as_displayed():
    rows = [[squash(t) for t in row] for t in read_xlsx(WORKBOOK).tables() for row in t.text_rows()]
    budget = next(r for r in rows if "年度资金总额" in r and "2674.62" in r)
    assert budget[-3:] == ["10", "92.79%", "9.28"]  # percent format, integer score, two decimals
    assert "2680.00" in budget  # 0.00 keeps its zeros
    thousands = next(r for r in rows if "人员经费保障" in r)
    assert thousands[3:6] == ["1,520.36", "1,500.36", "20.00"]
    scores = next(r for r in rows if "救助对象满意度" in r)
    assert scores[-4:-2] == ["20", "20"]  # integers without .0
    assert any("=15项" in r for r in rows)  # text typed after '=' stays text


def test_formula_without_saved_value_warns():
    doc = read_xlsx(WORKBOOK)
    assert any("formula" in w and "目标表" in w for w in doc.warnings)


@pytest.mark.parametrize("value,fmt,shown", [
    (0.9738, "0.00%", "97.38%"),
    (3150.58, "#,##0.00", "3,150.58"),
    (56.6, "0.00", "56.60"),
    (10, "General", "10"),
    (10.0, "General", "10"),
    (0.1 + 0.2, "General", "0.3"),
    (2.675, "0.00", "2.68"),
    (0.5, "0%", "50%"),
    (-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"),
    (-5, "0.00_);(0.00)", "(5.00)"),
    (0, '0.00;-0.00;"-"', "-"),
    (12.3, '0.0"万元"', "12.3万元"),
    (1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "1,234.50"),
    (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),
    (12345.678, "0.00E+00", "1.23E+04"),
    (5.125, "0.0#", "5.13"),
    (dt.datetime(2024, 12, 31), 'yyyy"年"m"月"d"日"', "2024年12月31日"),
    (dt.datetime(2024, 12, 31), "mm-dd-yy", "2024/12/31"),
    (45657, "yyyy-mm-dd", "2024-12-31"),
    (dt.datetime(2024, 3, 5, 14, 7), "h:mm", "14:07"),
    (True, "General", "TRUE"),
    ("≥95%", "@", "≥95%"),
    (None, "0.00", ""),
])
def test_number_formats(value, fmt, shown):
    assert format_value(value, fmt) == shown


def test_truncated_workbook_is_a_clear_read_error():
    with pytest.raises(ReadError) as err:
        read_document(SAMPLES / "bad" / "bad_truncated.xlsx", ReadOptions())
    assert "XLSX" in str(err.value) and "\n" not in str(err.value)


def test_damaged_part_inside_a_valid_zip(tmp_path: Path):
    import zipfile

    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(WORKBOOK) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet1"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(ReadError, match="XLSX"):
        read_xlsx(path)
