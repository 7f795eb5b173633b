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
