"""Page chrome: the real pages (samples/real/*.txt) with a government site's own lines around them —
breadcrumbs, 字号 | 打印本页 | 关闭窗口, 发布时间 … 浏览次数, and the footer's 扫一扫在手机打开当前页,
主办单位 … 承办单位, 网站标识码 … ICP备 — read as the pages themselves do.

Before the site's lines were read as such (cellkind.is_chrome, data/sections.csv page_chrome), a
footer became a record of a project list above it (打印本页 its project, 关闭窗口 its unit), a line
under a funding block, a breadcrumb the name of a row at the top of a page cut inside its table.

Nothing the page reads is lost, and at most one row is gained: the row an excerpt cut short is
dropped at the page's end (parsers/cut_rows.py), and kept when the site's footer follows it.

A viewer's copy of a paged file prints each page's footer where the page ended, inside the table
(``第 1 页，共 2 页``, ``- 2 -``): read as nothing, not as a cell of the row it cuts.
"""
from __future__ import annotations

import re

import pytest

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from sample_truth import SAMPLES

PAGES = sorted(p.name for p in (SAMPLES / "real").glob("*.txt"))
HEADER = ("首页 > 政务公开 > 财政资金 > 预算公开\n字号:[大 中 小] 打印本页 关闭窗口\n"
          "发布时间:2023-05-12 来源:县财政局 浏览次数:1024\n")
FOOTER = ("\n\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n主办单位:某某县人民政府办公室 承办:县大数据中心\n"
          "网站标识码:5306230001 备案号:滇ICP备12345678号\n")


def _reading(text: str) -> tuple[set, set]:
    forms = parse_document(text_to_document(text))
    fields = {("form", f.form_type, f.project, f.department, f.year) for f in forms}
    fields |= {("funding", b.item, b.amount) for f in forms for b in f.budget}
    rows = {(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw) for f in forms for i in f.indicators}
    return fields, rows


@pytest.mark.parametrize("name", PAGES, ids=[p.removesuffix(".txt") for p in PAGES])
def test_a_page_reads_the_same_inside_its_site_s_lines(name):
    page = (SAMPLES / "real" / name).read_text(encoding="utf-8")
    (fields, rows), (framed_fields, framed_rows) = _reading(page), _reading(HEADER + page + FOOTER)
    assert framed_fields == fields
    assert rows <= framed_rows and len(framed_rows - rows) <= 1, sorted(framed_rows - rows)[:3]


PAGE_FOOTERS = ["第 1 页，共 2 页", "- 2 -", "共2页 第1页"]


def _footer_inside_the_table(page: str, footer: str) -> str:
    """The page with ``footer`` on its own line a third of the way into the lines after the indicator
    table's header (into the page's lines where fewer than six follow it)."""
    lines = page.splitlines()
    head = next(k for k, line in enumerate(lines) if "三级指标" in line)
    body = [k for k in range(head + 1, len(lines)) if lines[k].strip()]
    if len(body) < 6:
        body = [k for k, line in enumerate(lines) if line.strip()]
    cut = body[len(body) // 3]
    return "\n".join(lines[:cut] + [footer] + lines[cut:])


@pytest.mark.parametrize("footer", PAGE_FOOTERS, ids=["of", "dashes", "total_first"])
@pytest.mark.parametrize("name", [p for p in PAGES if "三级指标" in (SAMPLES / "real" / p).read_text(encoding="utf-8")],
                         ids=lambda p: p.removesuffix(".txt"))
def test_a_page_footer_inside_the_table_is_no_cell(name, footer):
    page = (SAMPLES / "real" / name).read_text(encoding="utf-8")
    assert _reading(_footer_inside_the_table(page, footer)) == _reading(page)


# A viewer's copy of a paged file may print the form's title again at each page's top (a running header).
# Before it was read as such (forms._running_title) it opened a second form holding the rows after it, or its
# rows were lost: 54 of the 122 real pages with a title line read differently (331 items), 20 (122) after —
# most of those 20 are this test's own cut landing inside a row (between 项目完成 ⏎ 指标, inside a label printed
# one character per line), which a page break does not do.
RUNNING_TITLE_PAGES = [
    "1002_anhui_2023_jinan_tudiquequan", "301_yunnan_2022_longyang_huafei", "401_tianjin_2020_ninghe_minbanyuan",
    "403_hunan_2024_xiangtan_wupaoche", "404_sichuan_2021_zhaohua_mafengbing", "503_sichuan_nd_anju_shipinjianguan",
    "504_yunnan_2022_changning_shengzhu", "b01_anhui_shucheng_2023_ndrc_investment_target",
    "b09_hunan_lingling_2021_department_self_eval", "e02_hubei_ezhou_2021_project_self_eval",
    "h16_sichuan_jingyan_2023_project_target_list", "k05_hunan_xiangtan_2023_project_target",
    "t01_hubei_huangshi_2022_project_target_approval", "t07_hunan_nanyue_2018_project_target",
    "t14_anhui_2021_jinzhai_wuye", "u06_tianjin_xiqing_czj_2020_project_target", "w01_hunan_2022_project_target",
    "w05_hunan_2018_project_target", "w19_anhui_2025_project_target", "y06_anhui_tianchang_2022_project_self_eval",
]
FORM_TITLE = re.compile(r"^[^|]{0,58}绩效[^|]*表[^|]*$")


def _title_repeated_inside(page: str) -> str:
    """The page with its first title line (as printed: ``项目支出绩效自评表 |`` in a page of ``|`` rows) printed
    again 60% of the way down (after a blank line, as its own paragraph, where the page parts its cells with
    blank lines)."""
    lines = page.split("\n")
    title = next(line for line in lines if [bool(FORM_TITLE.match(c.strip())) for c in line.split("|") if c.strip()] == [True])
    cut = int(len(lines) * 0.6)
    if sum(1 for line in lines if not line.strip()) > len(lines) / 4:
        while cut < len(lines) and lines[cut - 1].strip():
            cut += 1
        return "\n".join(lines[:cut] + [title, ""] + lines[cut:])
    return "\n".join(lines[:cut] + [title] + lines[cut:])


@pytest.mark.parametrize("name", RUNNING_TITLE_PAGES)
def test_a_form_title_repeated_inside_its_table_is_a_running_header(name):
    page = (SAMPLES / "real" / f"{name}.txt").read_text(encoding="utf-8")
    assert _reading(_title_repeated_inside(page)) == _reading(page)


def test_a_running_title_with_the_column_header_again_continues_the_form():
    head = "2023年度项目支出绩效目标表\n项目名称 | 道路养护\n主管部门 | 某县交通运输局\n"
    header = "一级指标 | 二级指标 | 三级指标 | 指标值\n"
    first = "产出指标 | 数量指标 | 养护里程 | ≥120公里\n产出指标 | 质量指标 | 路况优良率 | ≥85%\n"
    second = "效益指标 | 社会效益指标 | 群众出行条件 | 有所改善\n满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%\n"
    forms = parse_document(text_to_document(head + header + first + "2023年度项目支出绩效目标表\n" + header + second))
    assert len(forms) == 1
    assert [i.indicator for i in forms[0].indicators] == ["养护里程", "路况优良率", "群众出行条件", "群众满意度"]


def test_the_same_title_over_a_second_project_still_opens_a_form():
    form = ("项目支出绩效目标表\n(2023年度)\n项目名称 | {p}\n主管部门 | 某县交通运输局\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 养护里程 | ≥120公里\n")
    forms = parse_document(text_to_document(form.format(p="道路养护") + form.format(p="桥梁检测")))
    assert [f.project for f in forms] == ["道路养护", "桥梁检测"]
