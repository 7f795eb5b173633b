"""The DOCX reader on the repo's samples (samples/generators/docx.py) and on small inline documents."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jixiao.extract import ReadOptions, read_document
from jixiao.extract.docx import read as read_docx
from jixiao.model import ReadError, Table
from office_helpers import SAMPLES, assert_no_overlap, cells_with_text, lines, missing_indicators, squash

DEPT = SAMPLES / "docx" / "docx_department_target.docx"
PROJECTS = SAMPLES / "docx" / "docx_projects.docx"


def test_every_indicator_is_a_grid_row():
    for path in (DEPT, PROJECTS):
        doc = read_document(path)
        assert doc.method == "docx"
        assert missing_indicators(doc, path.name) == []


def test_merged_cells_are_one_cell_with_spans():
    doc = read_docx(DEPT)
    [task] = cells_with_text(doc, "年度主要任务")  # vMerge restart + continues → one cell
    assert task.rowspan == 5 and task.colspan == 1
    [dept] = cells_with_text(doc, "示例市文化和旅游局")  # gridSpan
    assert dept.colspan == 4
    [amount] = cells_with_text(doc, "预算金额（万元）")
    assert (amount.rowspan, amount.colspan) == (1, 3)
    for table in doc.tables():
        assert_no_overlap(table)


def test_body_order_and_title_lines():
    doc = read_docx(DEPT)
    kinds = ["T" if isinstance(b, Table) else "L" for b in doc.blocks]
    assert kinds == ["L", "L", "L", "T", "T", "T"]
    assert lines(doc) == ["部门（单位）整体支出绩效目标表", "（2024年度）", "单位：万元"]


def test_header_row_repeated_inside_a_table_is_dropped_but_split_tables_keep_theirs():
    doc = read_docx(DEPT)
    first, second = list(doc.tables())[1:]
    assert sum(1 for row in first.text_rows() if row[0] == "一级指标") == 1
    assert first.text_rows()[0] == ["一级指标", "二级指标", "三级指标", "指标值"]
    assert second.text_rows()[0] == ["一级指标", "二级指标", "三级指标", "指标值"]
    # the level-1 merge continues across the dropped repeat
    [産出] = [c for c in first.cells if c.text == "产出指标"]
    assert 産出.row == 1 and 産出.rowspan == first.n_rows - 1


def test_text_box_title_nested_tables_and_frames():
    doc = read_docx(PROJECTS)
    # the title lives in a text box (its VML fallback copy is not read twice)
    assert lines(doc)[0] == "项目支出绩效目标表"
    assert lines(doc).count("项目支出绩效目标表") == 1
    # the one-cell frame around the project form is unwrapped: its paragraph, then the form's table
    assert lines(doc)[1:3] == ["（2024年度）", "单位：万元"]
    tables = list(doc.tables())
    assert squash(tables[0].text_rows()[0][0]) == "项目名称"
    # the note table nested in the self-evaluation's last cell comes right after that table
    self_eval_index = next(i for i, t in enumerate(tables) if t.text_rows()[0][0] == "项目名称" and t.n_cols == 10)
    assert tables[self_eval_index + 1].text_rows() == [["说明", "数据来源"], ["自评口径", "财务年报"]]
    assert "说明" not in tables[self_eval_index].text_rows()[-1][-1]


def _docx_with_body(body_xml: str) -> bytes:
    """A minimal DOCX package around a body."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body_xml}</w:body></w:document>')
    return buf.getvalue()


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_grid_before_hmerge_line_breaks_and_deleted_text(tmp_path: Path):
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            "<w:tr>" + _tc("甲") + _tc("乙") + _tc("丙") + "</w:tr>"
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + _tc("右二", '<w:gridSpan w:val="2"/>') + "</w:tr>"
            "<w:tr>" + _tc("合", '<w:hMerge w:val="restart"/>') + _tc("", '<w:hMerge/>') + _tc("单") + "</w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>一行</w:t><w:br/><w:t>二行</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>"
            "<w:p><w:r><w:t>三行</w:t></w:r></w:p></w:tc>" + _tc("x") + _tc("y") + "</w:tr></w:tbl>")
    path = tmp_path / "inline.docx"
    path.write_bytes(_docx_with_body(body))
    [table] = read_docx(path).tables()
    rows = table.text_rows()
    assert rows[1] == ["", "右二", "右二"]
    assert rows[2] == ["合", "合", "单"]
    assert rows[3][0] == "一行\n二行\n三行"


def test_content_controls_and_fields_are_read(tmp_path: Path):
    body = ("<w:sdt><w:sdtContent><w:p><w:r><w:t>2024年度</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>第1页</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")
    path = tmp_path / "sdt.docx"
    path.write_bytes(_docx_with_body(body))
    assert lines(read_docx(path)) == ["2024年度", "第1页"]


@pytest.mark.parametrize("name,words", [
    ("bad_not_a_zip.docx", "not a valid DOCX"),
    ("bad_encrypted.docx", "password-protected"),
])
def test_bad_files_fail_with_one_clear_sentence(name, words):
    with pytest.raises(ReadError) as err:
        read_document(SAMPLES / "bad" / name, ReadOptions())
    message = str(err.value)
    assert words in message and "\n" not in message and "Traceback" not in message


def test_truncated_docx_is_a_read_error(tmp_path: Path):
    data = DEPT.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError, match="DOCX"):
        read_docx(path)


def test_zip_that_is_not_a_document(tmp_path: Path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match="not a DOCX document"):
        read_docx(path)


def test_grid_columns_used_only_inside_merges_are_dropped(tmp_path: Path):
    # Word keeps a grid column that every row merges away; the table then has the same grid as
    # the same form read from a .doc or a PDF
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            "<w:tr>" + _tc("项目名称", '<w:gridSpan w:val="2"/>') + _tc("示例") + "</w:tr>"
            "<w:tr>" + _tc("主管部门", '<w:gridSpan w:val="2"/>') + _tc("示例局") + "</w:tr></w:tbl>")
    path = tmp_path / "grid.docx"
    path.write_bytes(_docx_with_body(body))
    [table] = read_docx(path).tables()
    assert (table.n_rows, table.n_cols) == (2, 2)
    assert table.text_rows() == [["项目名称", "示例"], ["主管部门", "示例局"]]
    assert all(c.colspan == 1 for c in table.cells)
