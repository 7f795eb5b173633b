"""Shared checks for the office/web reader tests: grids against the samples' expected JSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

from jixiao.model import Document, Table, TextLine

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def grid_rows(doc: Document) -> list[list[str]]:
    """Every table row of the document, merged cells repeated, whitespace removed."""
    return [[squash(t) for t in row] for table in doc.tables() for row in table.text_rows()]


def lines(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, TextLine)]


def expected(name: str) -> dict:
    return json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def missing_indicators(doc: Document, name: str) -> list[tuple]:
    """Indicators of the expected JSON with no grid row holding 一级, 二级, 三级 and the target in order."""
    rows = grid_rows(doc)
    missing = []
    for form in expected(name)["forms"]:
        for ind in form["indicators"]:
            key = [squash(ind["level1"]), squash(ind["level2"]), squash(ind["indicator"]), squash(ind["target_raw"])]
            if not any(_in_order(row, key) for row in rows):
                missing.append(tuple(key))
    return missing


def _in_order(row: list[str], key: list[str]) -> bool:
    pos = 0
    for k in key:
        try:
            pos = row.index(k, pos) + 1
        except ValueError:
            return False
    return True


def cells_with_text(doc: Document, text: str):
    return [c for t in doc.tables() for c in t.cells if squash(c.text) == squash(text)]


def assert_no_overlap(table: Table) -> None:
    seen = set()
    for c in table.cells:
        assert c.rowspan >= 1 and c.colspan >= 1
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in seen, f"two cells cover {(r, k)}"
                seen.add((r, k))


# a ruled project form with a date range wrapping after its dash and rows printing a name and no value
RULED_FORM_ROWS = [("发放人数", "≥80人"), ("项目实施时间", "2021年1月-12月"), ("促进社会和谐", ""), ("保障收入", "")]


def ruled_form_pdf(tmp_path: Path) -> Path:
    """The ruled form written by Word's rules into DOCX and exported to PDF by LibreOffice (needs soffice)."""
    from samples.generators.pdf import _docx_table, _new_docx, _para, to_pdf

    rows = [["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"],
            ["产出指标", "数量指标", "发放人数", "≥80人", "该指标值数据合理"],
            ["", "时效指标", "项目实施时间", "2021年1月-12月", "该指标值数据合理"],
            ["效益指标", "社会效益指标", "促进社会和谐", "", "该指标值数据合理"],
            ["", "", "保障收入", "", "该指标值数据合理"]]
    cells = [(0, 0, 1, 5, "项目支出绩效目标表")]
    cells += [(r, c, 1, 1, t) for r, row in enumerate(rows, start=1) for c, t in enumerate(row)]
    doc = _new_docx()
    _para(doc, "项目名称：某项目")
    _docx_table(doc, (5, cells, 0, {}), [2.4, 2.6, 3.4, 1.2, 3.6])  # 2021年1月- ⏎ 12月
    doc.save(tmp_path / "ruled.docx")
    return to_pdf(tmp_path / "ruled.docx", tmp_path)
