"""Provenance, cells and checks survive every writer (CSV, Parquet, DuckDB, XLSX; chunked and whole)."""
from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest

from jixiao.batch.assemble import write_tables
from jixiao.dataset.frames import Dataset
from jixiao.dataset.rows import form_rows
from jixiao.dataset.writers import write_dataset
from jixiao.pipeline import FileResult
from jixiao.records import BudgetLine, CellRead, Form, Goal, Indicator, Origin


def made_form() -> Form:
    o = Origin(page=3, bbox=(50.0, 400.5, 560.25, 420.0))
    return Form(form_type="project_target", year=2024, page_start=3, page_end=3, indicators=[
        Indicator("产出指标", "数量指标", "新建农田面积", "≥1.2万亩", origin=o),
        Indicator("效益指标", "社会效益指标", "灌排能力", "明显改善", origin=Origin(page=3, bbox=(50, 420, 560, 440)))],
        budget=[BudgetLine(item="年度资金总额", amount=860.0, origin=Origin(page=3, bbox=(50, 100, 560, 120)))],
        goals=[Goal("annual", "新建高标准农田", origin=Origin(page=3, bbox=(50, 130, 560, 160)))],
        cells=[CellRead("新建农田面积", "indicator", o, col=2, record=("indicator", 0), confidence=0.91),
               CellRead("附注", "unread", Origin(page=3, bbox=(50, 700, 100, 720)), col=0)])


def result() -> FileResult:
    rows = form_rows(made_form(), source="a.pdf", form_id="a.pdf#1", method="pdf-text")
    return FileResult(documents={"source": "a.pdf", "status": "ok", "forms": 1, "indicators": 2, "path": "/x/a.pdf"},
                      forms=[rows["form"]], indicators=rows["indicators"], budget=rows["budget"], goals=rows["goals"],
                      checks=rows["checks"], cells=rows["cells"])


def check_tables(tables: dict[str, pd.DataFrame]) -> None:
    ind = tables["indicators"].iloc[0]
    assert (ind["page"], ind["x0"], ind["top"], ind["x1"], ind["bottom"]) == (3, 50.0, 400.5, 560.25, 420.0)
    assert tables["budget"].iloc[0]["top"] == 100.0 and tables["goals"].iloc[0]["bottom"] == 160.0
    cells = tables["cells"]
    assert list(cells["role"]) == ["indicator", "unread"]
    assert cells.iloc[0]["record"] == "indicator:1" and cells.iloc[0]["confidence"] == pytest.approx(0.91)
    checks = tables["checks"]
    assert len(checks) > 15 and set(checks["status"]) <= {"pass", "fail", "n/a"}
    assert checks.set_index("rule").loc["cells_unread", "status"] == "fail"
    assert bool(tables["forms"].iloc[0]["needs_review"]) is True
    assert tables["documents"].iloc[0]["path"] == "/x/a.pdf"


def test_rows_carry_origin_cells_and_checks():
    res = result()
    assert res.indicators[0]["x1"] == 560.25 and res.forms[0]["unread_cells"] == 1
    again = FileResult.from_json(json.loads(json.dumps(res.to_json())))  # the cache's round trip
    assert again.cells == res.cells and again.checks == res.checks


@pytest.mark.parametrize("chunked", [True, False])
def test_every_writer_keeps_provenance_cells_and_checks(tmp_path, chunked):
    fmts = ("csv", "parquet", "duckdb", "xlsx")
    if chunked:
        write_tables([result()], tmp_path, fmts, chunk_rows=1)
    else:
        write_dataset(Dataset.from_results([result()]), tmp_path, fmts)
    names = ["forms", "indicators", "budget", "goals", "documents", "checks", "cells"]
    # pandas reads the status `n/a` as missing unless told otherwise
    check_tables({t: pd.read_csv(tmp_path / f"{t}.csv", keep_default_na=False, na_values=[""]) for t in names})
    check_tables({t: pd.read_parquet(tmp_path / f"{t}.parquet") for t in names})
    con = duckdb.connect(str(tmp_path / "jixiao.duckdb"), read_only=True)
    try:
        check_tables({t: con.execute(f'SELECT * FROM "{t}"').df() for t in names})
    finally:
        con.close()
    check_tables(pd.read_excel(tmp_path / "jixiao.xlsx", sheet_name=None, keep_default_na=False, na_values=[""]))
