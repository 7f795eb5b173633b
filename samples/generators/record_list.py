"""Record-list samples: several projects in one table, record columns left of the indicators.

Part of ``samples/`` (not of the pipeline). Hunan's 部门预算 disclosures print a unit's projects as
one 项目支出绩效目标表 — 单位代码 | 单位(专项)名称 | 资金总额 | 实施期绩效目标 | 一级 | 二级 | 三级 |
指标值 — with a unit's total row over its projects (w06 of the shared real set). The content here
is real: the projects of w06 (湘西特校) and p11 (南县疾控中心), each under its unit's row.

``text_real_project_list_pipes.txt``: ``|`` rows, record cells on each project's first row only.
``xlsx_real_project_list.xlsx``: a two-row header (record headings merged down both rows, 绩效指标
over the level headings) and record cells merged down their project's rows.

Run ``python -m samples.generators.record_list`` to regenerate; outputs are committed.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators.docx import write_expected  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
REAL = SAMPLES / "expected" / "real"
TITLE = "2023年项目支出绩效目标表"
AGENCY = "505_湘西州教育和体育局"
RECORD_HEADINGS = ["单位代码", "单位(专项)名称", "资金总额", "实施期绩效目标"]
LEVEL_HEADINGS = ["一级指标", "二级指标", "三级指标", "指标值"]
# (unit code, unit, unit total, real form file, project goal printed in the 实施期绩效目标 column)
UNITS = [("505006", "州民族特殊教育学校", "30.00", "w06_hunan_2023_project_target.txt.json",
          "保障在校残疾学生伙食补助按标准发放"),
         ("412009", "南县疾病预防控制中心", "70.00", "p11_hunan_nanxian_jkzx_2025_xmzc_mubiaobiao.txt.json",
          "做好疾病预防控制和卫生应急处置工作")]


def list_forms() -> list[dict]:
    """The expected forms: one per project, under the list's title, 部门 and its unit."""
    out = []
    for _code, unit, total, name, goal in UNITS:
        form = copy.deepcopy(json.loads((REAL / name).read_text(encoding="utf-8"))["forms"][0])
        form.update(title=TITLE, department=unit, agency=AGENCY, year=2023,
                    budget=[{"item": "资金总额", "amount": float(total)}],
                    goals=[{"kind": "long_term", "text": goal}])
        out.append(form)
    return out


def _records() -> list[tuple[list[str], list[list[str]]]]:
    """(unit row, [project rows]) per unit, cells in the list's column order."""
    out = []
    for (code, unit, total, _, goal), form in zip(UNITS, list_forms()):
        rows, p1, p2 = [], None, None
        for k, i in enumerate(form["indicators"]):
            l1 = i["level1"] if i["level1"] != p1 else ""
            l2 = i["level2"] if (i["level2"] != p2 or l1) else ""
            lead = [code, form["project"], total, goal] if k == 0 else ["", "", "", ""]
            rows.append(lead + [l1, l2, i["indicator"], i["target_raw"]])
            p1, p2 = i["level1"], i["level2"]
        out.append(([code, unit, total, "", "", "", "", ""], rows))
    return out


def pipes_text() -> str:
    lines = [TITLE, f"部门:{AGENCY}  金额单位:万元", "| " + " | ".join(RECORD_HEADINGS + LEVEL_HEADINGS) + " |"]
    for unit_row, rows in _records():
        lines += ["| " + " | ".join(r) + " |" for r in [unit_row] + rows]
    return "\n".join(lines) + "\n"


def workbook(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效目标表"
    ws.append([TITLE])
    ws.merge_cells("A1:H1")
    ws.append([f"部门:{AGENCY}", "", "", "", "", "", "", "金额单位:万元"])
    ws.append(RECORD_HEADINGS + ["绩效指标", "", "", ""])
    ws.append(["", "", "", ""] + LEVEL_HEADINGS)
    for col in "ABCD":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("E3:H3")
    for unit_row, rows in _records():
        ws.append(unit_row)
        top = ws.max_row + 1
        for r in rows:
            ws.append(r)
        for col in "ABCD":
            if len(rows) > 1:
                ws.merge_cells(f"{col}{top}:{col}{top + len(rows) - 1}")
    wb.save(path)


def build() -> list[Path]:
    text = SAMPLES / "text" / "text_real_project_list_pipes.txt"
    text.write_text(pipes_text(), encoding="utf-8")
    xlsx = SAMPLES / "xlsx" / "xlsx_real_project_list.xlsx"
    workbook(xlsx)
    forms = list_forms()
    return [text, write_expected(text.name, "txt", forms), xlsx, write_expected(xlsx.name, "xlsx", forms)]


if __name__ == "__main__":
    for p in build():
        print(p)
