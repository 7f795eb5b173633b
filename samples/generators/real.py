"""Samples with the content of real forms, in the layouts real disclosures use, in every format.

Part of ``samples/`` (not of the pipeline). The forms are :data:`forms.REAL_FORMS` (names, level
words, targets, funding and goals of real disclosures, with hand-made truth); each is drawn here in
the layout of its source (or of a sibling template) and rendered into PDF (text layer, exported by
LibreOffice from DOCX or XLSX), DOCX, XLSX, XLS, HTML and pasted text:

- ``pdf_real_r01_yuan.pdf``: two Shanghai project forms, one page each; title rows inside the table,
  funding in 元 with thousands separators laid across the page (label | amount | label | amount),
  a goal heading row above the goal texts, three-column-wide 三级 cells;
- ``pdf_real_r01_work_split.pdf`` / ``docx_real_r01_work.docx``: the 43-indicator Shanghai form —
  long names that wrap, the indicator table running on over two pages WITHOUT a repeated header,
  the merged 绩效指标 / 一级 / 二级 cells spanning the page break, 一级 labels written vertically
  (one character per line) and the 绩效指标 cell in Word's vertical text direction;
- ``pdf_real_w05_w14_regrid.pdf``: a Hunan form whose indicator table is cut in two tables, the
  second on a new page with another column arrangement and a bare 绩效指标 row on top; a Jiangxi
  department form with 计算符号 | 目标值 | 度量单位 | 指标值说明 columns;
- ``pdf_real_calc_selfevals.pdf``: a Calc export (Excel-style sheet) of a Yunnan self-evaluation
  (分值/得分, ``产出指标(50分)``, ``—`` placeholders, a placeholder row) and a department
  self-evaluation with 分值 first, 指标方向 and 评（扣）分标准 columns, funding in 元 and the target
  wordings 不少于/至少/不多于/且/左右 (full-width digits)/不低于上年/月底前; level cells in Excel's
  vertical text (stacked) alignment;
- ``pdf_real_w07_calc.pdf``: a Hebei self-evaluation from Calc: 符号 | 指标值 | 单位 columns, an
  指标说明 column, weights, single funding lines laid across the page, two goal rows;
- ``docx_real_w01_w07.docx``: the Hunan 高标准农田 form with level labels typed one character
  per line, and the Hebei self-evaluation;
- ``xlsx_real_forms.xlsx`` / ``xls_real_forms.xls``: the Yunnan and department self-evaluations
  (vertical text alignment, line breaks between characters), the Jiangxi department form;
- ``html_real_r01_w14.html``: a Shanghai form (元) and the Jiangxi form as web-page tables;
- ``text_real_w01_w22_tabs.txt``, ``text_real_w05_w07_pipes.txt``: pasted text;
- ``text_real_w05_deferred_cells.txt``: text copied from a PDF that wrote the 指标值 column and the
  goal text after the table body (one cell per paragraph, the targets and the goal last).

Run ``python samples/make_samples.py real`` (needs LibreOffice) to regenerate; outputs are committed.
"""
from __future__ import annotations

import html as html_escape
import json
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import forms  # noqa: E402
from samples.generators.pdf import _docx_table, _new_docx, _page_break, _para, to_pdf  # noqa: E402
from samples.generators.text import flatten  # noqa: E402
from samples.generators.xls import soffice_convert  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
EXPECTED = SAMPLES / "expected"

F = forms
Cells = list  # of (row, col, rowspan, colspan, text)


def yuan(v) -> str:
    """An amount in 万元 printed in 元 with thousands separators (410.0 → 4,100,000.00)."""
    return "" if v is None else f"{round(v * 10000, 2):,.2f}"


def num(v, dash: str = "") -> str:
    if v is None:
        return dash
    return f"{v:g}"


def vertical(text: str) -> str:
    """A label typed one character per line (how 竖排 is faked in Word and Excel)."""
    return "\n".join(text)


def indicator_rows(cells: Cells, r: int, inds: list[dict], c0: int, columns, l1_text=lambda t: t,
                   l2_text=lambda t: t) -> int:
    """Indicator rows from row ``r``: 一级 in column ``c0`` and 二级 in ``c0 + 1`` merged over their
    runs, then ``columns``: (function of the indicator → text, colspan) each."""
    i = 0
    while i < len(inds):
        j = i
        while j < len(inds) and inds[j]["level1"] == inds[i]["level1"]:
            j += 1
        cells.append((r + i, c0, j - i, 1, l1_text(inds[i]["level1"])))
        k = i
        while k < j:
            m = k
            while m < j and inds[m]["level2"] == inds[k]["level2"]:
                m += 1
            cells.append((r + k, c0 + 1, m - k, 1, l2_text(inds[k]["level2"])))
            k = m
        i = j
    for n, ind in enumerate(inds):
        col = c0 + 2
        for fn, span in columns:
            cells.append((r + n, col, 1, span, fn(ind)))
            col += span
    return r + len(inds)


# ---------------------------------------------------------------- layouts (n_cols, cells, header_rows, heights)

R01_KIND = {"新建万里街道社区公共服务中心": ("阶段性项目", "特定目标类"), "各类工作经费": ("经常性项目", "其他类"),
            "公共服务设施运行经费": ("经常性项目", "其他类")}


def r01_layout(form: dict, l1_text=lambda t: t, title_rows: bool = True):
    """Shanghai 财政项目支出绩效目标填报表: 8 columns, funding in 元 across the page."""
    cells: Cells = []
    r = 0
    if title_rows:
        cells += [(0, 0, 1, 8, form["title"]), (1, 0, 1, 8, f"（{form['year']}年度）")]
        r = 2
    nature, kind = R01_KIND[form["project"]]
    cells += [(r, 0, 1, 2, "项目名称"), (r, 2, 1, 2, form["project"]), (r, 4, 1, 1, "项目性质"), (r, 5, 1, 1, nature),
              (r, 6, 1, 1, "项目类别"), (r, 7, 1, 1, kind),
              (r + 1, 0, 1, 2, "主管部门"), (r + 1, 2, 1, 2, form["agency"]), (r + 1, 4, 1, 1, "实施单位"),
              (r + 1, 5, 1, 3, form["department"]),
              (r + 2, 0, 1, 2, "计划开始日期"), (r + 2, 2, 1, 2, f"{form['year']}-01-01"), (r + 2, 4, 1, 1, "计划完成日期"),
              (r + 2, 5, 1, 3, f"{form['year']}-12-31")]
    r += 3
    b = form["budget"]  # 项目资金总额, 年度资金申请总额, 其中：财政资金, 其中：当年财政拨款, 上年结转资金, 其他资金 ×2
    cells += [(r, 0, 4, 2, "项目资金（元）"),
              (r, 2, 1, 2, b[0]["item"]), (r, 4, 1, 1, yuan(b[0]["amount"])), (r, 5, 1, 2, b[1]["item"]),
              (r, 7, 1, 1, yuan(b[1]["amount"])),
              (r + 1, 2, 2, 2, b[2]["item"]), (r + 1, 4, 2, 1, yuan(b[2]["amount"])), (r + 1, 5, 1, 2, b[3]["item"]),
              (r + 1, 7, 1, 1, yuan(b[3]["amount"])),
              (r + 2, 5, 1, 2, b[4]["item"]), (r + 2, 7, 1, 1, yuan(b[4]["amount"])),
              (r + 3, 2, 1, 2, b[5]["item"]), (r + 3, 4, 1, 1, yuan(b[5]["amount"])), (r + 3, 5, 1, 2, b[6]["item"]),
              (r + 3, 7, 1, 1, yuan(b[6]["amount"]))]
    r += 4
    goals = {g["kind"]: g["text"] for g in form["goals"]}
    cells += [(r, 0, 2, 1, "项目绩效目标"), (r, 1, 1, 4, "项目总目标"), (r, 5, 1, 3, "年度总体目标"),
              (r + 1, 1, 1, 4, goals["long_term"]), (r + 1, 5, 1, 3, goals["annual"])]
    r += 2
    n = len(form["indicators"])
    cells += [(r, 0, n + 1, 1, "绩效指标"), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"), (r, 3, 1, 3, "三级指标"),
              (r, 6, 1, 2, "年度(/项目)指标值")]
    indicator_rows(cells, r + 1, form["indicators"], 1, [(lambda i: i["indicator"], 3), (lambda i: i["target_raw"], 2)],
                   l1_text=l1_text)
    return (8, cells, 0, {})


def hunan_layout(form: dict, contact: str, remarks: bool, l1_text=lambda t: t, l2_text=lambda t: t):
    """Hunan 绩效目标申报表: 5 columns (6 with a 备注 column)."""
    n_cols = 6 if remarks else 5
    last = n_cols - 4  # span of the right-hand value cells
    cells: Cells = [(0, 0, 1, 1, "项目名称"), (0, 1, 1, 2, form["project"]), (0, 3, 1, 1, "项目负责人及电话"),
                    (0, 4, 1, last, contact),
                    (1, 0, 1, 1, "主管部门"), (1, 1, 1, 2, form["agency"]), (1, 3, 1, 1, "实施单位"),
                    (1, 4, 1, last, form["department"])]
    r = 2
    cells.append((r, 0, len(form["budget"]), 1, "资金情况(万元)"))
    for k, line in enumerate(form["budget"]):
        cells += [(r + k, 1, 1, 2, line["item"]), (r + k, 3, 1, n_cols - 3, num(line["amount"]))]
    r += len(form["budget"])
    goal = next(g["text"] for g in form["goals"] if g["kind"] == "annual")
    if remarks:
        cells += [(r, 0, 2, 1, "总体目标"), (r, 1, 1, 3, "年度目标"), (r, 4, 1, 2, "年度总体目标完成情况"),
                  (r + 1, 1, 1, 3, goal), (r + 1, 4, 1, 2, "")]
    else:
        cells += [(r, 0, 2, 1, "总体目标"), (r, 1, 1, 4, "年度目标"), (r + 1, 1, 1, 4, goal)]
    r += 2
    n = len(form["indicators"])
    cells += [(r, 0, n + 1, 1, "绩效指标"), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"), (r, 3, 1, 1, "三级指标"),
              (r, 4, 1, 1, "指标值")]
    columns = [(lambda i: i["indicator"], 1), (lambda i: i["target_raw"], 1)]
    if remarks:
        cells.append((r, 5, 1, 1, "备注"))
        columns.append((lambda i: "", 1))
    indicator_rows(cells, r + 1, form["indicators"], 1, columns, l1_text=l1_text, l2_text=l2_text)
    return (n_cols, cells, 0, {})


W07_NOTES = {"符合条件申报对象覆盖率": "享受补贴政策人数占符合条件申报对象总数的比例",
             "完成率": "按照要求每月及时完成符合条件对象审批的比例(百分比)",
             "补贴发放率": "高龄补贴发放完成率", "服务对象满意度": "享受高龄津贴的对象对老龄工作的满意程度"}


def _split_target(target: str) -> tuple[str, str, str]:
    """``>=98%(百分比)`` → (``>=``, ``98``, ``%(百分比)``): the 符号 | 指标值 | 单位 cells."""
    i = 0
    while i < len(target) and target[i] in "<>=≥≤":
        i += 1
    j = i
    while j < len(target) and (target[j].isdigit() or target[j] == "."):
        j += 1
    return target[:i], target[i:j], target[j:]


def hebei_layout(form: dict):
    """Hebei 预算项目绩效自评表: 13 columns, sections 一…四, single funding lines across the page."""
    b = form["budget"]
    cells: Cells = [(0, 0, 1, 1, "一、基本情况"), (0, 1, 1, 1, "项目名称:"), (0, 2, 1, 3, form["project"]),
                    (0, 5, 1, 1, "是否为专项资金:"), (0, 6, 1, 1, ""), (0, 7, 1, 2, "实施(主管)单位"),
                    (0, 9, 1, 2, form["department"]), (0, 11, 1, 2, "金额单位: 万元"),
                    (1, 0, 4, 1, "二、预算执行情况"), (1, 1, 1, 3, "预算安排情况(调整后)"), (1, 4, 1, 3, "资金到位情况"),
                    (1, 7, 1, 3, "资金执行情况"), (1, 10, 1, 3, "预算执行进度(%)")]
    arrived = ["到位数", "其中:财政资金", "其他"]
    done = ["执行数", "其中:财政资金", "其他"]
    for k, line in enumerate(b):
        rr = 2 + k
        rate = "" if line["execution_rate"] is None else f"{line['execution_rate']:.2f}"
        cells += [(rr, 1, 1, 1, line["item"]), (rr, 2, 1, 2, f"{line['budget_full_year']:.2f}"),
                  (rr, 4, 1, 1, arrived[k]), (rr, 5, 1, 2, f"{line['budget_full_year']:.2f}"),
                  (rr, 7, 1, 1, done[k]), (rr, 8, 1, 2, f"{line['executed']:.2f}"), (rr, 10, 1, 3, rate)]
    r = 2 + len(b)
    annual = [g["text"] for g in form["goals"] if g["kind"] == "annual"]
    actual = [g["text"] for g in form["goals"] if g["kind"] == "actual"]
    cells += [(r, 0, 1 + len(annual), 1, "三、目标完成情况"), (r, 1, 1, 5, "年度预期目标"), (r, 6, 1, 5, "具体完成情况"),
              (r, 11, 1, 2, "总体完成率(%)"), (r + 1, 11, len(annual), 2, "100.00")]
    for k, (a, d) in enumerate(zip(annual, actual)):
        cells += [(r + 1 + k, 1, 1, 5, a), (r + 1 + k, 6, 1, 5, d)]
    r += 1 + len(annual)
    n = len(form["indicators"])
    cells += [(r, 0, n + 2, 1, "四、年度绩效指标完成情况"), (r, 1, 2, 1, "一级指标"), (r, 2, 2, 1, "二级指标"),
              (r, 3, 2, 1, "三级指标"), (r, 4, 2, 1, "指标说明"), (r, 5, 1, 3, "预期指标值"),
              (r, 8, 2, 1, "单项指标实际完成值"), (r, 9, 2, 1, "单项指标完成情况"), (r, 10, 1, 3, "自评得分"),
              (r + 1, 5, 1, 1, "符号"), (r + 1, 6, 1, 1, "指标值"), (r + 1, 7, 1, 1, "单位(文字描述)"),
              (r + 1, 10, 1, 1, "单项指标得分"), (r + 1, 11, 1, 1, "权重占比(%)"), (r + 1, 12, 1, 1, "单项指标折算得分")]
    indicator_rows(cells, r + 2, form["indicators"], 1, [
        (lambda i: i["indicator"], 1), (lambda i: W07_NOTES[i["indicator"]], 1),
        (lambda i: _split_target(i["target_raw"])[0], 1), (lambda i: _split_target(i["target_raw"])[1], 1),
        (lambda i: _split_target(i["target_raw"])[2], 1), (lambda i: i["actual_raw"], 1), (lambda i: "完成", 1),
        (lambda i: f"{i['score_max']:.2f}", 1), (lambda i: f"{i['score_max']:.2f}", 1),
        (lambda i: f"{i['score']:.2f}", 1)])
    return (13, cells, 0, {})


def yunnan_layout(form: dict, label_text=lambda t: t, l2_text=lambda t: t):
    """Yunnan 项目支出绩效自评表: 10 columns, ``—`` for absent figures, a placeholder 成本指标 row."""
    cells: Cells = [(0, 0, 1, 2, "项目名称"), (0, 2, 1, 8, form["project"]),
                    (1, 0, 1, 2, "主管部门"), (1, 2, 1, 3, form["agency"]), (1, 5, 1, 2, "实施单位"),
                    (1, 7, 1, 3, form["department"])]
    b = form["budget"]
    cells += [(2, 0, 1 + len(b), 2, "项目资金(万元)"), (2, 2, 1, 2, ""), (2, 4, 1, 1, "年初预算数"), (2, 5, 1, 1, "全年预算数"),
              (2, 6, 1, 1, "全年执行数"), (2, 7, 1, 1, "分值"), (2, 8, 1, 1, "执行率"), (2, 9, 1, 1, "得分")]
    for k, line in enumerate(b):
        rr = 3 + k
        rate = "—" if line["execution_rate"] is None else f"{line['execution_rate']:g}%"
        cells += [(rr, 2, 1, 2, line["item"]), (rr, 4, 1, 1, num(line["budget_initial"], "—")),
                  (rr, 5, 1, 1, num(line["budget_full_year"], "—")), (rr, 6, 1, 1, num(line["executed"], "—")),
                  (rr, 7, 1, 1, num(line["score_max"], "—")), (rr, 8, 1, 1, rate), (rr, 9, 1, 1, num(line["score"], "—"))]
    r = 3 + len(b)
    goals = {g["kind"]: g["text"] for g in form["goals"]}
    cells += [(r, 0, 2, 2, "年度总体目标"), (r, 2, 1, 4, "预期目标"), (r, 6, 1, 4, "实际完成情况"),
              (r + 1, 2, 1, 4, goals["annual"]), (r + 1, 6, 1, 4, goals["actual"])]
    r += 2
    inds = form["indicators"]
    n = len(inds) + 1  # + the placeholder row
    cells += [(r, 0, n + 1, 1, label_text("绩效指标")), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"),
              (r, 3, 1, 1, "三级指标"), (r, 4, 1, 1, "年度指标值"), (r, 5, 1, 1, "实际完成值"), (r, 6, 1, 1, "分值"),
              (r, 7, 1, 1, "得分"), (r, 8, 1, 2, "偏差原因分析及改进措施")]
    end = indicator_rows(cells, r + 1, inds, 1, [
        (lambda i: i["indicator"], 1), (lambda i: i["target_raw"], 1), (lambda i: i["actual_raw"] or "", 1),
        (lambda i: num(i["score_max"]), 1), (lambda i: num(i["score"]), 1), (lambda i: i["deviation"] or "", 2)],
        l2_text=l2_text)
    # the 一级 cell runs over the empty template row 成本指标 (a placeholder: not an indicator)
    cells = [(rr, c, rs + 1, cs, t) if c == 1 and rr + rs == end else (rr, c, rs, cs, t) for rr, c, rs, cs, t in cells]
    cells += [(end, 2, 1, 1, "成本指标")] + [(end, c, 1, 1, "") for c in range(3, 8)] + [(end, 8, 1, 2, "")]
    return (10, cells, 0, {})


def jiangxi_layout(form: dict):
    """Jiangxi 部门整体绩效目标: 7 columns, operator / number / unit in their own columns."""
    goal = form["goals"][0]["text"]
    cells: Cells = [(0, 0, 1, 7, form["title"]), (1, 0, 1, 7, "基本信息"),
                    (2, 0, 1, 1, "部门编码:"), (2, 1, 1, 1, "316"), (2, 2, 1, 1, "部门名称:"),
                    (2, 3, 1, 2, form["department"]), (2, 5, 1, 1, "*联系人:"), (2, 6, 1, 1, "王媛"),
                    (3, 0, 1, 1, "联系电话:"), (3, 1, 1, 6, "138XXXXXXXX"),
                    (4, 0, 1, 2, "*部门职能职责概述"), (4, 2, 1, 5, goal),
                    (5, 0, 1, 7, "年度绩效目标"),
                    (6, 0, 1, 2, "*年度绩效总目标"), (6, 2, 1, 5, goal),
                    (7, 0, 1, 1, "一级指标"), (7, 1, 1, 1, "二级指标"), (7, 2, 1, 1, "三级指标"), (7, 3, 1, 1, "计算符号"),
                    (7, 4, 1, 1, "目标值"), (7, 5, 1, 1, "度量单位"), (7, 6, 1, 1, "指标值说明")]

    def part(i, k):
        t = i["target_raw"]
        op = t[0]
        rest = t[1:]
        value = rest.rstrip("万立方米亩公顷人单篇年个%")
        return (op, value, rest[len(value):])[k]

    indicator_rows(cells, 8, form["indicators"], 0, [
        (lambda i: i["indicator"], 1), (lambda i: part(i, 0), 1), (lambda i: part(i, 1), 1), (lambda i: part(i, 2), 1),
        (lambda i: "该指标值数据合理", 1)])
    return (7, cells, 0, {})


WORDING_DIRECTION = {"不多于13.59万元": "反向"}


def wording_layout(form: dict, l1_text=lambda t: t):
    """A department self-evaluation with 分值 first, 指标方向 and 评（扣）分标准 columns, funding in 元."""
    cells: Cells = [(0, 0, 1, 2, "部门（单位）名称"), (0, 2, 1, 8, form["department"])]
    b = form["budget"]
    cells += [(1, 0, 1 + len(b), 2, "年度预算执行情况（元）"), (1, 2, 1, 2, ""), (1, 4, 1, 1, "年初预算数"),
              (1, 5, 1, 1, "全年预算数"), (1, 6, 1, 1, "全年执行数"), (1, 7, 1, 1, "分值"), (1, 8, 1, 1, "执行率"),
              (1, 9, 1, 1, "得分")]
    for k, line in enumerate(b):
        rr = 2 + k
        rate = "—" if line["execution_rate"] is None else f"{line['execution_rate']:.2f}%"
        cells += [(rr, 2, 1, 2, line["item"]), (rr, 4, 1, 1, yuan(line["budget_initial"])),
                  (rr, 5, 1, 1, yuan(line["budget_full_year"])), (rr, 6, 1, 1, yuan(line["executed"])),
                  (rr, 7, 1, 1, num(line["score_max"], "—")), (rr, 8, 1, 1, rate), (rr, 9, 1, 1, num(line["score"], "—"))]
    r = 2 + len(b)
    goals = {g["kind"]: g["text"] for g in form["goals"]}
    cells += [(r, 0, 2, 2, "年度总体目标"), (r, 2, 1, 4, "预期目标"), (r, 6, 1, 4, "实际完成情况"),
              (r + 1, 2, 1, 4, goals["annual"]), (r + 1, 6, 1, 4, goals["actual"])]
    r += 2
    cells += [(r, 0, 1, 1, "分值"), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"), (r, 3, 1, 1, "指标名称"),
              (r, 4, 1, 1, "指标方向"), (r, 5, 1, 1, "年度目标值"), (r, 6, 1, 1, "全年实际值"), (r, 7, 1, 1, "得分"),
              (r, 8, 1, 1, "评（扣）分标准"), (r, 9, 1, 1, "偏差原因分析及改进措施")]
    body: Cells = []
    indicator_rows(body, r + 1, form["indicators"], 1, [
        (lambda i: i["indicator"], 1), (lambda i: WORDING_DIRECTION.get(i["target_raw"], "正向"), 1),
        (lambda i: i["target_raw"], 1), (lambda i: i["actual_raw"], 1), (lambda i: num(i["score"]), 1),
        (lambda i: "完成得满分，未完成按比例扣分", 1), (lambda i: i["deviation"] or "", 1)], l1_text=l1_text)
    for n, ind in enumerate(form["indicators"]):
        body.append((r + 1 + n, 0, 1, 1, num(ind["score_max"])))
    return (10, cells + body, 0, {})


# ---------------------------------------------------------------- writers

def write_expected(name: str, fmt: str, form_list: list[dict], pages: list[tuple] | None = None) -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    truth = forms.expected(name, fmt, form_list, pages=pages)
    (EXPECTED / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def text_direction(table, row: int, col: int, value: str = "tbRlV") -> None:
    """Word's vertical text direction on one cell (``tbRlV``: CJK characters upright, top to bottom)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = table.cell(row, col)._tc.get_or_add_tcPr()
    el = OxmlElement("w:textDirection")
    el.set(qn("w:val"), value)
    tc_pr.append(el)


def r01_yuan_docx(path: Path) -> None:
    doc = _new_docx()
    for k, form in enumerate([F.R01_CENTER, F.R01_FACILITIES]):
        if k:
            _page_break(doc)
        _docx_table(doc, r01_layout(form), [1.2, 1.0, 2.4, 1.4, 2.4, 2.2, 2.0, 2.6])
    doc.save(path)


def r01_work_docx(path: Path) -> None:
    """43 indicators running over two pages, no header repeat; vertical 一级 labels."""
    doc = _new_docx()
    layout = r01_layout(F.R01_WORK, l1_text=vertical)
    table = _docx_table(doc, layout, [1.0, 1.0, 2.0, 1.9, 2.0, 2.0, 2.0, 3.3], rows_split=False)
    start = next(r for r, c, rs, cs, t in layout[1] if t == "绩效指标")
    text_direction(table, start, 0)
    allow_split(table, start - 1)  # the long goal row breaks across the page as Word allows
    doc.save(path)


def allow_split(table, row: int) -> None:
    from docx.oxml.ns import qn

    tr_pr = table.rows[row]._tr.get_or_add_trPr()
    for el in tr_pr.findall(qn("w:cantSplit")):
        tr_pr.remove(el)


def w05_w14_docx(path: Path) -> None:
    """W05's indicator table cut in two; the second part on a new page with other column widths and a
    bare 绩效指标 row on top; then W14 on its own page."""
    doc = _new_docx()
    form = F.W05_TOURISM
    _para(doc, form["title"], 16, bold=True, center=True)
    layout = hunan_layout(form, "郭铁梅189XXXXXXXX", remarks=True)
    cut = 7  # indicators in the first part (the 成本指标 cell crosses the cut)
    n_cols, cells, _, _ = layout
    head_row = next(r for r, c, rs, cs, t in cells if t == "绩效指标")
    first_body = head_row + 1
    part1: Cells = []
    part2: Cells = [(0, 0, 1, n_cols, "绩效指标")]
    split_at = first_body + cut
    for r, c, rs, cs, t in cells:
        end = r + rs
        if t == "绩效指标":
            part1.append((r, c, split_at - r, cs, t))
            continue
        if end <= split_at:
            part1.append((r, c, rs, cs, t))
        elif r >= split_at:
            part2.append((r - split_at + 1, c, rs, cs, t))
        else:  # a level cell crossing the cut: both parts print it
            part1.append((r, c, split_at - r, cs, t))
            part2.append((1, c, end - split_at, cs, t))
    # part 2 has no 绩效指标 column: its body moves one column left
    part2 = [(r, c - 1, rs, cs, t) if r > 0 else (r, c, rs, cs - 1, t) for r, c, rs, cs, t in part2]
    _docx_table(doc, (n_cols, part1, 0, {}), [1.6, 1.8, 1.8, 5.2, 2.4, 1.6])
    _page_break(doc)
    _docx_table(doc, (n_cols - 1, part2, 0, {}), [2.4, 2.6, 6.6, 3.0, 1.8])
    _page_break(doc)
    _docx_table(doc, jiangxi_layout(F.W14_FORESTRY), [2.0, 2.0, 5.0, 1.6, 1.6, 1.8, 3.2])
    doc.save(path)


def w01_w07_docx(path: Path) -> None:
    doc = _new_docx()
    form = F.W01_FARMLAND
    _para(doc, form["title"], 16, bold=True, center=True)
    _para(doc, f"({form['year']}年度)", 12, center=True)
    _docx_table(doc, hunan_layout(form, "彭兵", remarks=False, l1_text=vertical, l2_text=vertical),
                [1.4, 1.2, 1.2, 6.4, 4.0])
    _page_break(doc)
    form = F.W07_ELDERLY
    _para(doc, form["title"], 14, bold=True, center=True)
    _docx_table(doc, hebei_layout(form), [1.6, 1.2, 1.2, 1.6, 2.2, 0.8, 0.9, 1.2, 1.2, 1.0, 1.0, 1.0, 1.0])
    doc.save(path)


def _xlsx_form(ws, layout, top: int, widths: list[float] | None, vertical_cells=(), wrap_all=True) -> int:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    n_cols, cells = layout[0], layout[1]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    for r in range(n_rows):
        for c in range(n_cols):
            ws.cell(top + r, c + 1).border = border
    for r, c, rs, cs, text in cells:
        cell = ws.cell(top + r, c + 1)
        cell.value = text
        if isinstance(text, str) and text.startswith("="):
            cell.data_type = "s"
        cell.font = Font(name="Noto Sans CJK SC", size=10)
        rotation = 255 if text in vertical_cells else 0
        cell.alignment = Alignment(wrap_text=wrap_all, vertical="center", text_rotation=rotation,
                                   horizontal="center" if len(text) < 12 else "left")
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r + rs - 1, end_column=c + cs)
    if widths:
        for c, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(c + 1)].width = w
    _fit_rows(ws, cells, top, widths or [8.43] * n_cols)
    return top + n_rows


def _fit_rows(ws, cells: Cells, top: int, widths: list[float]) -> None:
    """Row heights for the wrapped text (openpyxl cannot auto-fit and LibreOffice keeps what the
    file says): about 1.9 width units per CJK character at 10 pt, 14 pt a line."""
    import math

    need: dict[int, float] = {}
    for r, c, rs, cs, text in cells:
        width = sum(widths[c:c + cs])
        per_line = max(1, int(width / 1.9))
        if "\n" in text and all(len(part) <= 1 for part in text.split("\n")):
            lines = len(text.split("\n"))
        else:
            lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        height = lines * 14 + 6
        per_row = height / rs
        for k in range(r, r + rs):
            need[k] = max(need.get(k, 20), per_row)
    for r, h in need.items():
        ws.row_dimensions[top + r].height = round(h)


def _title(ws, top: int, text: str, n_cols: int, size: int = 14) -> int:
    from openpyxl.styles import Alignment, Font

    ws.cell(top, 1).value = text
    ws.cell(top, 1).font = Font(name="Noto Sans CJK SC", size=size, bold=True)
    ws.cell(top, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=n_cols)
    return top + 1


def _landscape(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def selfevals_workbook(path: Path, with_w14: bool = True, page_breaks: bool = False) -> None:
    """Sheet 自评表: W22 (vertical 绩效指标 via text rotation, 二级 label broken by a line feed), a page
    break, then the wording form (一级 labels with a line feed between characters). Sheet 目标表: W14."""
    from openpyxl import Workbook
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    _landscape(ws)
    widths = [5, 9, 12, 30, 12, 12, 8, 8, 10, 14]
    row = _title(ws, 1, F.W22_MUSHROOM["title"], 10)
    ws.cell(row, 1).value = f"（{F.W22_MUSHROOM['year']}年度）"
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=10)
    row += 1
    top = row
    row = _xlsx_form(ws, yunnan_layout(F.W22_MUSHROOM, l2_text=lambda t: t.replace("效益指标", "效益\n指标")),
                     row, widths, vertical_cells={"绩效指标"})
    if page_breaks:  # a page break after the 2nd indicator: the merged 绩效指标/一级 cells are cut
        ws.row_breaks.append(Break(id=top + 11))
    ws.row_breaks.append(Break(id=row))
    row += 1
    row = _title(ws, row, F.LAYOUT_WORDING["title"], 10)
    _xlsx_form(ws, wording_layout(F.LAYOUT_WORDING, l1_text=vertical), row,
               [6, 9, 12, 28, 9, 14, 12, 7, 16, 18], vertical_cells=set())
    if with_w14:
        ws2 = wb.create_sheet("目标表")
        _xlsx_form(ws2, jiangxi_layout(F.W14_FORESTRY), 1, [10, 10, 34, 8, 8, 10, 16])
    wb.save(path)


def w07_workbook(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    _landscape(ws)
    row = _title(ws, 1, F.W07_ELDERLY["title"], 13)
    _xlsx_form(ws, hebei_layout(F.W07_ELDERLY), row, [10, 10, 10, 14, 24, 6, 7, 11, 10, 9, 9, 9, 10])
    wb.save(path)


# ---------------------------------------------------------------- HTML and text

def html_table(layout) -> str:
    cells = layout[1]
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    rows: dict[int, list] = {r: [] for r in range(n_rows)}
    for cell in sorted(cells, key=lambda c: (c[0], c[1])):
        rows[cell[0]].append(cell)
    out = ['<table border="1" cellspacing="0" cellpadding="2">']
    for r in range(n_rows):
        out.append("<tr>")
        for _, _, rs, cs, text in rows[r]:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            body = "<br>".join(html_escape.escape(t, quote=False) for t in text.split("\n"))
            out.append(f"<td{attrs}>{body}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page() -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>绩效目标公开</title></head>
<body>
<h3>上海市普陀区万里街道2023年项目绩效目标</h3>
{html_table(r01_layout(F.R01_CENTER, l1_text=vertical))}
<p>&nbsp;</p>
<p>浮梁县林业局部门整体支出绩效目标表</p>
{html_table(jiangxi_layout(F.W14_FORESTRY))}
</body></html>
"""


def text_file(form_layouts: list[tuple[dict, object, list[str]]], style: str) -> str:
    lines: list[str] = []
    for _form, layout, titles in form_layouts:
        lines += titles + [""]
        for row in flatten(layout):
            row = [c.replace("\n", "") for c in row]
            lines.append("\t".join(row) if style == "tabs" else " | ".join(row) + " |")
        lines += ["", ""]
    return "\n".join(lines) + "\n"


def deferred_text(form: dict, layout, titles: list[str]) -> str:
    """Text copied from a PDF whose producer wrote the goal text and the 指标值 column last: one
    cell per paragraph, the table body first, then the run of targets, then the goal."""
    grid = flatten(layout)
    header = next(r for r, row in enumerate(grid) if "指标值" in row)
    col = grid[header].index("指标值")
    goals = [g["text"] for g in form["goals"]]
    head = [c for row in grid[:header + 1] for c in row if c and c not in goals]
    body = [c for row in grid[header + 1:] for k, c in enumerate(row) if c and k != col]
    targets = [row[col] for row in grid[header + 1:] if row[col]]
    return "\n\n".join(titles + head + body + targets + goals) + "\n"


# ---------------------------------------------------------------- the sample set

def pdf_pages(pdf_path: Path, form_list: list[dict]) -> list[tuple[int, int]]:
    """The pages each form spans: from its project (or department) name to its last indicator name
    (checked by eye on the rendered pages)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    texts = ["".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    pdf.close()

    def page_of(name: str, after: int) -> int:
        key = "".join(name.split())[:10]
        for i in range(after, len(texts)):
            if key in texts[i]:
                return i + 1
        raise RuntimeError(f"{key} not found in {pdf_path.name}")

    pages, after = [], 0
    for form in form_list:
        start = page_of(form["project"] or form["department"], after)
        last = page_of(form["indicators"][-1]["indicator"], start - 1)
        pages.append((start, last))
        after = last - 1
    return pages


def build() -> list[Path]:
    written: list[Path] = []
    dirs = {k: SAMPLES / k for k in ("pdf", "docx", "xlsx", "xls", "html", "text")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-real-samples-") as tmp:
        work = Path(tmp)
        # PDFs exported by LibreOffice
        jobs = [("pdf_real_r01_yuan.docx", r01_yuan_docx, [F.R01_CENTER, F.R01_FACILITIES]),
                ("pdf_real_r01_work_split.docx", r01_work_docx, [F.R01_WORK]),
                ("pdf_real_w05_w14_regrid.docx", w05_w14_docx, [F.W05_TOURISM, F.W14_FORESTRY]),
                ("pdf_real_calc_selfevals.xlsx", lambda p: selfevals_workbook(p, with_w14=False, page_breaks=True),
                 [F.W22_MUSHROOM, F.LAYOUT_WORDING]),
                ("pdf_real_w07_calc.xlsx", w07_workbook, [F.W07_ELDERLY])]
        for name, make, form_list in jobs:
            src = work / name
            make(src)
            pdf = to_pdf(src, dirs["pdf"])
            write_expected(pdf.name, "pdf", form_list, pages=pdf_pages(pdf, form_list))
            written.append(pdf)
        # DOCX
        for name, make, form_list in [("docx_real_r01_work.docx", r01_work_docx, [F.R01_WORK]),
                                      ("docx_real_w01_w07.docx", w01_w07_docx, [F.W01_FARMLAND, F.W07_ELDERLY])]:
            p = dirs["docx"] / name
            make(p)
            write_expected(name, "docx", form_list)
            written.append(p)
        # XLSX and its XLS copy
        p = dirs["xlsx"] / "xlsx_real_forms.xlsx"
        selfevals_workbook(p)
        trio = [F.W22_MUSHROOM, F.LAYOUT_WORDING, F.W14_FORESTRY]
        write_expected(p.name, "xlsx", trio)
        written.append(p)
        src = work / "xls_real_forms.xlsx"
        selfevals_workbook(src)
        out = soffice_convert(src, "xls:MS Excel 97", dirs["xls"])
        write_expected(out.name, "xls", trio)
        written.append(out)
    # HTML
    p = dirs["html"] / "html_real_r01_w14.html"
    p.write_text(html_page(), encoding="utf-8")
    write_expected(p.name, "html", [F.R01_CENTER, F.W14_FORESTRY])
    written.append(p)
    # pasted text
    p = dirs["text"] / "text_real_w01_w22_tabs.txt"
    p.write_text(text_file([
        (F.W01_FARMLAND, hunan_layout(F.W01_FARMLAND, "彭兵", remarks=False), [F.W01_FARMLAND["title"], "(2022年度)"]),
        (F.W22_MUSHROOM, yunnan_layout(F.W22_MUSHROOM), [F.W22_MUSHROOM["title"], "（2022年度）"])], "tabs"),
        encoding="utf-8")
    write_expected(p.name, "txt", [F.W01_FARMLAND, F.W22_MUSHROOM])
    written.append(p)
    p = dirs["text"] / "text_real_w05_w07_pipes.txt"
    p.write_text(text_file([
        (F.W05_TOURISM, hunan_layout(F.W05_TOURISM, "郭铁梅189XXXXXXXX", remarks=True), [F.W05_TOURISM["title"]]),
        (F.W07_ELDERLY, hebei_layout(F.W07_ELDERLY), [F.W07_ELDERLY["title"]])], "pipes"), encoding="utf-8")
    write_expected(p.name, "txt", [F.W05_TOURISM, F.W07_ELDERLY])
    written.append(p)
    p = dirs["text"] / "text_real_w05_deferred_cells.txt"
    p.write_text(deferred_text(F.W05_TOURISM, hunan_layout(F.W05_TOURISM, "郭铁梅189XXXXXXXX", remarks=False),
                               [F.W05_TOURISM["title"]]), encoding="utf-8")
    write_expected(p.name, "txt", [F.W05_TOURISM])
    written.append(p)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
