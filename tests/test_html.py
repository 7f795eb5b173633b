"""The HTML reader on the repo's sample pages and on small inline pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract import read_document
from jixiao.extract.html import decode_html, parse_html
from jixiao.parsers import parse_document
from jixiao.extract.html import read as read_html
from jixiao.model import ReadError, Table, TextLine
from office_helpers import SAMPLES, assert_no_overlap, cells_with_text, lines, missing_indicators

DISCLOSURE = SAMPLES / "html" / "html_disclosure.html"
WORD_GBK = SAMPLES / "html" / "html_word_gbk.html"


def test_every_indicator_is_a_grid_row():
    for path in (DISCLOSURE, WORD_GBK):
        doc = read_document(path)
        assert doc.method == "html"
        assert missing_indicators(doc, path.name) == []


def test_page_text_around_tables_in_order():
    doc = read_html(DISCLOSURE)
    text = lines(doc)
    assert "示例县2024年绩效目标公开" in text
    assert "隐藏的文字" not in text and not any("不是表格" in t for t in text)  # hidden, script
    kinds = [("T" if isinstance(b, Table) else b.text) for b in doc.blocks]
    i = kinds.index("项目支出绩效目标表")
    assert kinds[i:i + 4] == ["项目支出绩效目标表", "（2024年度）", "单位：万元", "T"]
    # the layout table around the second form is unwrapped: its title lines come before its table
    j = kinds.index("部门（单位）整体支出绩效自评表")
    assert kinds[j + 1:j + 3] == ["（2023年度）", "T"]


def test_rowspan_colspan_and_br():
    doc = read_html(DISCLOSURE)
    [label] = cells_with_text(doc, "年度预算执行情况（万元）")
    assert (label.rowspan, label.colspan) == (4, 2)
    goal = next(c for t in doc.tables() for c in t.cells if c.text.startswith("1、落实困难群众救助政策"))
    assert goal.text == "1、落实困难群众救助政策。\n2、推进养老服务体系建设。"
    for table in doc.tables():
        assert_no_overlap(table)


def test_word_html_in_gbk_declared_gb2312():
    raw = WORD_GBK.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = read_html(WORD_GBK)
    assert lines(doc)[:3] == ["部门（单位）整体支出绩效目标表", "（2024年度）", "单位：万元"]
    assert cells_with_text(doc, "≥1.2万人次")
    assert not any("o:p" in c.text or "\xa0" in c.text for t in doc.tables() for c in t.cells)


def test_gbk_page_without_a_declared_charset_is_detected(tmp_path: Path):
    page = "<html><body><p>项目支出绩效目标表（2024年度）</p><table><tr><td>项目名称</td><td>高标准农田建设项目</td></tr>" \
           "<tr><td>主管部门</td><td>示例县农业农村局</td></tr></table></body></html>"
    path = tmp_path / "nocharset.html"
    path.write_bytes(page.encode("gbk"))
    doc = read_html(path)
    assert lines(doc) == ["项目支出绩效目标表（2024年度）"]
    assert list(doc.tables())[0].text_rows()[1] == ["主管部门", "示例县农业农村局"]


def test_bom_and_utf8_despite_a_wrong_declaration():
    assert decode_html("\ufeff<p>年度</p>".encode("utf-8")) == "<p>年度</p>"
    wrong = '<meta charset="gb2312"><p>绩效目标</p>'.encode("utf-8")
    assert "绩效目标" in decode_html(wrong)


def test_layout_is_the_browsers():
    doc = parse_html("""<table>
      <tr><td rowspan="0">A</td><td colspan="2">B</td></tr>
      <tr><td>C</td><td>D<br>E</td></tr>
      <tr><td>F</td><td>G</td></tr></table>""")
    [table] = doc.tables()
    assert table.text_rows() == [["A", "B", "B"], ["A", "C", "D\nE"], ["A", "F", "G"]]


def test_thead_rows_repeated_in_the_body_are_dropped():
    doc = parse_html("""<table><thead><tr><th>一级指标</th><th>指标值</th></tr></thead>
      <tbody><tr><td>产出指标</td><td>≥5次</td></tr><tr><th>一级指标</th><th>指标值</th></tr>
      <tr><td>效益指标</td><td>明显改善</td></tr></tbody></table>""")
    [table] = doc.tables()
    assert table.text_rows() == [["一级指标", "指标值"], ["产出指标", "≥5次"], ["效益指标", "明显改善"]]


def test_nested_table_follows_the_outer_one():
    doc = parse_html("""<p>标题</p><table><tr><td>外</td><td>层<table><tr><td>内1</td><td>内2</td></tr></table></td></tr>
      <tr><td>a</td><td>b</td></tr></table><p>后记</p>""")
    kinds = [b.text if isinstance(b, TextLine) else b.text_rows() for b in doc.blocks]
    assert kinds == ["标题", [["外", "层"], ["a", "b"]], [["内1", "内2"]], "后记"]


def test_word_mht_single_file_page(tmp_path: Path):
    html = '<html><body><p>项目支出绩效目标表</p><table><tr><td>项目名称</td><td>示例</td></tr></table></body></html>'
    import quopri
    body = quopri.encodestring(html.encode("gb18030")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
           "------=_NextPart_01\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body + "\r\n------=_NextPart_01--\r\n")
    path = tmp_path / "page.mht"
    path.write_text(mht, encoding="ascii")
    doc = read_html(path)
    assert lines(doc) == ["项目支出绩效目标表"]
    assert list(doc.tables())[0].text_rows() == [["项目名称", "示例"]]


def test_html_saved_under_a_docx_name_fails(tmp_path: Path):
    path = tmp_path / "report.docx"
    path.write_text("<html><body>这不是一个Word文档</body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match="not a valid DOCX"):
        read_document(path)


def test_an_office_grids_level_columns_name_their_cells_whatever_their_words():
    # a Suzhou self-evaluation's 一级 (项目绩效实现情况(80分)) and 二级 (投入目标, a 一级 word elsewhere) and a
    # Ningxia form's misprinted 一级 (顼目产出): the header's columns say what they are
    rows = [("项目绩效实现情况(80分)", "投入目标", "配套设施到位率", "100%", "100%"),
            ("项目绩效实现情况(80分)", "投入目标", "资金节约率", "15%及其以下", "15%及其以下"),
            ("项目绩效实现情况(80分)", "产出目标", "项目验收合格率", "=100%", "100%"),
            ("顼目产出(30分)", "数量指标(10分)", "保障人数", "2370人", "2370人")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    page = ("<html><body><p>项目支出绩效自评表</p><p>项目名称:市财政灾备中心建设</p><table>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td></tr>"
            f"{body}</table></body></html>")
    forms = parse_document(parse_html(page))
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in forms[0].indicators] == [r[:4] for r in rows]


def test_a_funding_heading_beside_its_amount_in_a_grid_row_of_pairs_is_a_line():
    # a Fujian form's funding row drawn as a grid: 项目资金（元） | 资金总额: | 300,000.00 | 其中:财政拨款 | 300,000.00
    page = ("<html><body><p>项目支出绩效目标表</p><table>"
            "<tr><td>项目名称</td><td>宗教管理经费</td><td>项目性质</td><td>经常性项目</td><td></td></tr>"
            "<tr><td rowspan=2>项目资金（元）</td><td>资金总额:</td><td>300,000.00</td><td>其中:财政拨款</td>"
            "<td>300,000.00</td></tr><tr><td>其他资金</td><td></td><td></td><td></td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td></td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>场所数</td><td>≥5个</td><td></td></tr></table></body></html>")
    [form] = parse_document(parse_html(page))
    assert [(b.item, b.amount) for b in form.budget] == [("资金总额:", 30.0), ("其中:财政拨款", 30.0), ("其他资金", None)]


def test_an_office_grids_merged_block_label_and_a_second_level_word_as_a_name_stay_in_their_columns():
    # a Hebei self-evaluation: the merged 四、年度绩效指标完成情况 label left of rows whose 一级 cell is blank;
    # a Hunan form naming a row 社会成本指标 under its 二级 成本指标
    page = ("<html><body><p>项目支出绩效自评表</p><table>"
            "<tr><td rowspan=4>四、年度绩效指标完成情况</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>"
            "<td>指标值</td><td>实际完成值</td></tr>"
            "<tr><td>产出指标</td><td>成本指标</td><td>社会成本指标</td><td>100%</td><td>100%</td></tr>"
            "<tr><td></td><td>数量指标</td><td>建设普通省道二级公路32.1公里</td><td>20</td><td>完成</td></tr>"
            "<tr><td></td><td>质量指标</td><td>建设符合验收要求</td><td>20</td><td>完成</td></tr>"
            "</table></body></html>")
    [form] = parse_document(parse_html(page))
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "成本指标", "社会成本指标", "100%"),
        ("产出指标", "数量指标", "建设普通省道二级公路32.1公里", "20"), ("产出指标", "质量指标", "建设符合验收要求", "20")]


def test_a_second_level_word_in_an_office_grids_name_column_is_the_name_on_a_mirror_page_too():
    # a Hunan form on a Traditional mirror page with pinyin: 社會(huì)成本指標(biāo) is the row's name under 成本指標
    page = ("<html><body><p>項目支出績效目標表</p><table>"
            "<tr><td>一級指標</td><td>二級指標</td><td>三級指標</td><td>指標值</td></tr>"
            "<tr><td>產(chǎn)出指標(biāo)</td><td>時(shí)效指標(biāo)</td><td>工作安排時(shí)間</td><td>按月安排</td></tr>"
            "<tr><td>產(chǎn)出指標(biāo)</td><td>成本指標(biāo)</td><td>社會(huì)成本指標(biāo)</td><td>100%</td></tr>"
            "</table></body></html>")
    [form] = parse_document(parse_html(page))
    assert [(i.level2, i.indicator) for i in form.indicators] == [
        ("時(shí)效指標(biāo)", "工作安排時(shí)間"), ("成本指標(biāo)", "社會(huì)成本指標(biāo)")]
