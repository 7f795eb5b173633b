"""Sample PDFs for the PDF reader's tests: the synthetic forms exported the way real ones are.

Part of ``samples/`` (not of the pipeline). Each form of :mod:`forms` is laid out as a ruled
table with merged cells, written as DOCX (python-docx) or XLSX (openpyxl) and converted to PDF
by LibreOffice in a private profile, so the PDFs have the structure of real Writer/Calc exports:
merged label cells, narrow level columns whose labels wrap one character per line, a long
indicator table crossing a page break with a repeated header row, a landscape Calc sheet, and a
disclosure-style PDF holding several forms among prose and an ordinary budget table.

Run ``python -m samples.generators.pdf`` (or ``build(outdir)``) to regenerate; the PDFs and their
expected JSON are committed so the tests need no LibreOffice.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repo root, not this folder (docx.py!), on the path
    sys.path[0] = str(Path(__file__).resolve().parents[2])
from samples.generators import forms  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]

# a layout is (n_cols, cells, header_rows, row_heights_cm)
# cells: (row, col, rowspan, colspan, text)
Layout = tuple[int, list[tuple[int, int, int, int, str]], int, dict[int, float]]


def _amount(v) -> str:
    return "" if v is None else f"{v:.2f}"


def _score(v) -> str:
    if v is None:
        return "/"
    return f"{v:g}"


def _indicator_block(cells, start_row, indicators, first_col, value_cols):
    """Indicator rows with 一级/二级 labels merged over the rows they cover."""
    r = start_row
    i = 0
    while i < len(indicators):
        j = i
        while j < len(indicators) and indicators[j]["level1"] == indicators[i]["level1"]:
            j += 1
        cells.append((r + i, first_col, j - i, 1, indicators[i]["level1"]))
        k = i
        while k < j:
            m = k
            while m < j and indicators[m]["level2"] == indicators[k]["level2"]:
                m += 1
            cells.append((r + k, first_col + 1, m - k, 1, indicators[k]["level2"]))
            k = m
        i = j
    for n, ind in enumerate(indicators):
        col = first_col + 2
        for text, span in [(ind["indicator"], 1)] + [(value(ind), s) for value, s in value_cols]:
            cells.append((r + n, col, 1, span, text))
            col += span
    return r + len(indicators)


def department_target_layouts(form: dict) -> list[Layout]:
    """Two tables: header/budget/goals, then the indicator table with a repeated header row."""
    cells = [(0, 0, 1, 2, "部门（单位）名称"), (0, 2, 1, 4, form["department"])]
    n_budget = len(form["budget"])
    cells += [(1, 0, 2 + n_budget, 1, "年度主要任务"), (1, 1, 2, 1, "任务名称"), (1, 2, 2, 1, "主要内容"),
              (1, 3, 1, 3, "预算金额（万元）"), (2, 3, 1, 1, "总额"), (2, 4, 1, 1, "财政拨款"), (2, 5, 1, 1, "其他资金")]
    for n, line in enumerate(form["budget"]):
        r = 3 + n
        cells += [(r, 1, 1, 1, line["item"]), (r, 2, 1, 1, line["content"]), (r, 3, 1, 1, _amount(line["total"])),
                  (r, 4, 1, 1, _amount(line["fiscal"])), (r, 5, 1, 1, _amount(line["other"]))]
    r = 3 + n_budget
    cells += [(r, 0, 1, 1, "年度总体目标"), (r, 1, 1, 5, form["goals"][0]["text"])]
    first = (6, cells, 0, {})
    ind = [(0, 0, 1, 1, "一级指标"), (0, 1, 1, 1, "二级指标"), (0, 2, 1, 1, "三级指标"), (0, 3, 1, 1, "指标值")]
    _indicator_block(ind, 1, form["indicators"], 0, [(lambda i: i["target_raw"], 1)])
    heights = {r: 1.5 for r in range(1, len(form["indicators"]) + 1)}
    return [first, (4, ind, 1, heights)]


def project_target_layout(form: dict) -> Layout:
    cells = [(0, 0, 1, 2, "项目名称"), (0, 2, 1, 3, form["project"]),
             (1, 0, 1, 2, "主管部门"), (1, 2, 1, 3, form["agency"]),
             (2, 0, 1, 2, "实施单位"), (2, 2, 1, 3, form["department"]),
             (3, 0, len(form["budget"]), 2, "项目资金（万元）")]
    for n, line in enumerate(form["budget"]):
        cells += [(3 + n, 2, 1, 2, line["item"]), (3 + n, 4, 1, 1, _amount(line["amount"]))]
    r = 3 + len(form["budget"])
    labels = {"long_term": "中长期目标", "annual": "年度目标"}
    for goal in form["goals"]:
        cells += [(r, 0, 1, 2, labels[goal["kind"]]), (r, 2, 1, 3, goal["text"])]
        r += 1
    cells += [(r, 0, 1 + len(form["indicators"]), 1, "年度绩效指标"), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"),
              (r, 3, 1, 1, "三级指标"), (r, 4, 1, 1, "指标值")]
    _indicator_block(cells, r + 1, form["indicators"], 1, [(lambda i: i["target_raw"], 1)])
    return (5, cells, 0, {})


def self_eval_layout(form: dict) -> Layout:
    """The 10-column self-evaluation layout (budget execution, goals, scored indicators)."""
    department = form["form_type"] == "department_self_eval"
    cells = []
    r = 0
    if department:
        cells += [(0, 0, 1, 2, "部门（单位）名称"), (0, 2, 1, 8, form["department"])]
        r = 1
    else:
        cells += [(0, 0, 1, 2, "项目名称"), (0, 2, 1, 8, form["project"]),
                  (1, 0, 1, 2, "主管部门"), (1, 2, 1, 3, form["agency"]), (1, 5, 1, 2, "实施单位"),
                  (1, 7, 1, 3, form["department"])]
        r = 2
    label = "年度预算执行情况（万元）" if department else "项目资金（万元）"
    cells += [(r, 0, 1 + len(form["budget"]), 2, label), (r, 2, 1, 2, ""), (r, 4, 1, 1, "年初预算数"),
              (r, 5, 1, 1, "全年预算数"), (r, 6, 1, 1, "全年执行数"), (r, 7, 1, 1, "分值"), (r, 8, 1, 1, "执行率"),
              (r, 9, 1, 1, "得分")]
    for n, line in enumerate(form["budget"]):
        rr = r + 1 + n
        cells += [(rr, 2, 1, 2, line["item"]), (rr, 4, 1, 1, _amount(line["budget_initial"])),
                  (rr, 5, 1, 1, _amount(line["budget_full_year"])), (rr, 6, 1, 1, _amount(line["executed"])),
                  (rr, 7, 1, 1, _score(line["score_max"])), (rr, 8, 1, 1, f"{line['execution_rate']:.2f}%"),
                  (rr, 9, 1, 1, _score(line["score"]))]
    r += 1 + len(form["budget"])
    goals = {g["kind"]: g["text"] for g in form["goals"]}
    cells += [(r, 0, 2, 1, "年度总体目标"), (r, 1, 1, 5, "预期目标"), (r, 6, 1, 4, "实际完成情况"),
              (r + 1, 1, 1, 5, goals["annual"]), (r + 1, 6, 1, 4, goals["actual"])]
    r += 2
    n = len(form["indicators"])
    cells += [(r, 0, 1 + n, 1, "绩效指标"), (r, 1, 1, 1, "一级指标"), (r, 2, 1, 1, "二级指标"), (r, 3, 1, 1, "三级指标"),
              (r, 4, 1, 1, "年度指标值"), (r, 5, 1, 1, "实际完成值"), (r, 6, 1, 1, "分值"), (r, 7, 1, 1, "得分"),
              (r, 8, 1, 2, "偏差原因分析及改进措施")]
    r = _indicator_block(cells, r + 1, form["indicators"], 1, [
        (lambda i: i["target_raw"], 1), (lambda i: i["actual_raw"] or "", 1), (lambda i: _score(i["score_max"]), 1),
        (lambda i: _score(i["score"]), 1), (lambda i: i["deviation"] or "", 2)])
    total = sum(i["score"] or 0 for i in form["indicators"]) + (form["budget"][0]["score"] or 0)
    cells += [(r, 0, 1, 6, "总分"), (r, 6, 1, 1, "100"), (r, 7, 1, 1, f"{total:g}"), (r, 8, 1, 2, "")]
    return (10, cells, 0, {})


DISTRACTOR_ROWS = [
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", "1807.36", "一、一般公共服务支出", "1086.30"],
    ["二、政府性基金预算拨款收入", "403.57", "二、教育支出", "281.79"],
    ["三、事业收入", "0.00", "三、卫生健康支出", "843.27"],
    ["收入总计", "2210.93", "支出总计", "2210.93"],
]


def distractor_layout() -> Layout:
    cells = [(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出")]
    for r, row in enumerate(DISTRACTOR_ROWS, start=1):
        cells += [(r, c, 1, 1, t) for c, t in enumerate(row)]
    return (4, cells, 0, {})


# ---------------------------------------------------------------- DOCX rendering

def _docx_table(doc, layout: Layout, widths_cm: list[float], rows_split: bool = False):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    n_cols, cells, header_rows, heights = layout
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    table = doc.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for r, c, rs, cs, text in cells:
        cell = table.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
        cell.text = text
        for p in cell.paragraphs:
            for run in p.runs:
                run.font.size = Pt(10.5)
    for row in table.rows:  # rows do not break across pages unless asked (Word's default is to allow it)
        if not rows_split:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for r in range(header_rows):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for r, h in heights.items():
        table.rows[r].height = Cm(h)
    for c, w in enumerate(widths_cm):
        table.columns[c].width = Cm(w)
    for row in table.rows:
        for c, w in enumerate(widths_cm):
            row.cells[c].width = Cm(w)
    return table


def _para(doc, text, size=10.5, bold=False, center=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _new_docx():
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    return doc


def _page_break(doc):
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _department_target_docx(doc, form):
    _para(doc, form["title"], 16, bold=True, center=True)
    _para(doc, f"（{form['year']}年度）", 12, center=True)
    _para(doc, "单位：万元")
    first, indicators = department_target_layouts(form)
    _docx_table(doc, first, [1.0, 2.6, 5.4, 2.0, 2.0, 2.0])
    _para(doc, "")
    _docx_table(doc, indicators, [0.9, 3.1, 6.0, 5.0])


def _project_target_docx(doc, form, rows_split=False, widths=(1.0, 2.6, 3.4, 5.0, 3.0)):
    _para(doc, form["title"], 16, bold=True, center=True)
    _para(doc, f"（{form['year']}年度）", 12, center=True)
    _docx_table(doc, project_target_layout(form), list(widths), rows_split=rows_split)


def _project_self_eval_docx(doc, form):
    _para(doc, form["title"], 16, bold=True, center=True)
    _para(doc, f"（{form['year']}年度）", 12, center=True)
    _docx_table(doc, self_eval_layout(form), [1.0, 1.3, 1.6, 2.4, 1.6, 1.6, 1.3, 1.3, 1.3, 1.8])


# ---------------------------------------------------------------- XLSX rendering

def _xlsx_sheet(ws, layout: Layout, widths: list[float], top: int):
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    n_cols, cells, _, _ = layout
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    for r in range(n_rows):
        for c in range(n_cols):
            ws.cell(top + r, c + 1).border = border
    for r, c, rs, cs, text in cells:
        cell = ws.cell(top + r, c + 1)
        cell.value = text
        cell.font = Font(name="Noto Sans CJK SC", size=10)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if len(text) < 12 else "left")
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r + rs - 1, end_column=c + cs)
    for c, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = w
    for r in range(n_rows):  # openpyxl cannot auto-fit: give wrapped labels room
        ws.row_dimensions[top + r].height = 34
    return top + n_rows


def _self_eval_xlsx(path: Path, form: dict):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.cell(1, 1).value = form["title"]
    ws.cell(1, 1).font = Font(name="Noto Sans CJK SC", size=16, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    ws.cell(2, 1).value = f"（{form['year']}年度）"
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=10)
    _xlsx_sheet(ws, self_eval_layout(form), [6, 8, 12, 22, 12, 12, 10, 8, 8, 16], top=3)
    wb.save(path)


# ---------------------------------------------------------------- conversion and the sample set

def to_pdf(source: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless in a private profile (no clash with a running soffice)."""
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / (source.stem + ".pdf")


def _prose(doc, n: int):
    text = ("本部门按照全面实施预算绩效管理的要求，围绕年度重点工作任务编制绩效目标，"
            "做到目标明确、指标细化、标准合理，并将绩效目标随同部门预算一并公开，接受社会监督。")
    for _ in range(n):
        _para(doc, text)


def build(outdir: Path = SAMPLES) -> list[Path]:
    """Write the sample PDFs into ``outdir/pdf`` and their expected JSON into ``outdir/expected``."""
    pdf_dir = outdir / "pdf"
    expected_dir = outdir / "expected"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    expected_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-samples-") as tmp:
        work = Path(tmp)
        # 1. one department form whose indicator table crosses a page break (header row repeated)
        doc = _new_docx()
        _prose(doc, 3)
        _department_target_docx(doc, forms.DEPARTMENT_TARGET)
        src = work / "pdf_department_target_long.docx"
        doc.save(src)
        written.append(_finish(src, pdf_dir, expected_dir, [forms.DEPARTMENT_TARGET], [(1, 2)]))
        # 2. a disclosure-style PDF: prose, a budget table, then two forms on their own pages
        doc = _new_docx()
        _para(doc, "示例县2024年部门预算公开", 16, bold=True, center=True)
        _para(doc, "第一部分 部门概况")
        _prose(doc, 2)
        _para(doc, "2024年收支预算总表", 14, bold=True, center=True)
        _para(doc, "单位：万元")
        _docx_table(doc, distractor_layout(), [4.5, 2.5, 4.5, 2.5])
        _page_break(doc)
        _project_target_docx(doc, forms.PROJECT_TARGET)
        _page_break(doc)
        _project_self_eval_docx(doc, forms.PROJECT_SELF_EVAL)
        src = work / "pdf_disclosure_multi_form.docx"
        doc.save(src)
        written.append(_finish(src, pdf_dir, expected_dir, [forms.PROJECT_TARGET, forms.PROJECT_SELF_EVAL],
                               [(2, 2), (3, 3)]))
        # 3. a landscape Calc export of a self-evaluation form
        src = work / "pdf_department_self_eval_calc.xlsx"
        _self_eval_xlsx(src, forms.DEPARTMENT_SELF_EVAL)
        written.append(_finish(src, pdf_dir, expected_dir, [forms.DEPARTMENT_SELF_EVAL], [(1, 2)]))
        # 4. a project form whose long goal row breaks across the page (the rest tops page 2)
        written.append(_split_row_sample(work, pdf_dir, expected_dir))
        # 5. an encrypted export (password "jixiao"), for the reader's error path
        src = work / "pdf_encrypted.docx"
        doc = _new_docx()
        _para(doc, "加密文件")
        doc.save(src)
        (outdir / "bad").mkdir(exist_ok=True)
        written.append(_encrypted(src, outdir / "bad", "jixiao"))
    return written


def _split_row_sample(work: Path, pdf_dir: Path, expected_dir: Path) -> Path:
    """Find the amount of prose that puts the annual-goal row across the page break."""
    import pypdfium2 as pdfium

    form = forms.PROJECT_TARGET
    goal = next(g["text"] for g in form["goals"] if g["kind"] == "annual")
    for n in range(8, 24):
        doc = _new_docx()
        for k in range(n):
            _para(doc, f"说明{k + 1}")
        _project_target_docx(doc, form, rows_split=True, widths=(1.0, 2.6, 1.2, 1.2, 1.2))
        src = work / "pdf_project_target_split_row.docx"
        doc.save(src)
        pdf_path = to_pdf(src, work)
        pdf = pdfium.PdfDocument(str(pdf_path))
        page1 = pdf[0].get_textpage().get_text_range().replace("\r\n", "")
        pdf.close()
        if goal[:6] in page1 and goal[-6:] not in page1:
            return _finish(src, pdf_dir, expected_dir, [form], [(1, 2)])
    raise RuntimeError("could not place the goal row across the page break")


def _finish(src: Path, pdf_dir: Path, expected_dir: Path, form_list: list[dict], pages: list[tuple]) -> Path:
    pdf = to_pdf(src, pdf_dir)
    truth = forms.expected(pdf.name, "pdf", form_list, pages=pages)
    (expected_dir / f"{pdf.name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return pdf


def _encrypted(src: Path, pdf_dir: Path, password: str) -> Path:
    options = json.dumps({"EncryptFile": {"type": "boolean", "value": "true"},
                          "DocumentOpenPassword": {"type": "string", "value": password}})
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        f"pdf:writer_pdf_Export:{options}", "--outdir", str(pdf_dir), str(src)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return pdf_dir / (src.stem + ".pdf")


if __name__ == "__main__":
    for p in build():
        print(p)
