"""The CLI and the dataset layer: contract columns, dtypes, every writer, exit codes, bad input."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import jixiao
from jixiao.cli import main
from jixiao.dataset.schema import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"


def test_python_api_returns_contract_tables_with_dtypes():
    ds = jixiao.read_forms(SEED)
    for table, cols in COLUMNS.items():
        assert list(getattr(ds, table).columns[: len(cols)]) == cols
    assert str(ds.indicators["year"].dtype) == "Int64"
    assert str(ds.budget["total"].dtype) == "float64"
    assert len(ds.forms) == 1 and len(ds.indicators) == 28
    row = ds.indicators[ds.indicators["indicator"] == "房屋建筑物供暖面积"].iloc[0]
    assert (row["comparator"], row["value"], row["unit"], row["form_id"]) == (">=", 26158.0, "平方米", f"{SEED.name}#1")


def test_python_api_names_a_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        jixiao.read_forms([SEED, tmp_path / "no-such-folder"])


def test_extract_writes_every_format_and_the_same_rows(tmp_path):
    code = main(["extract", str(SEED), "-o", str(tmp_path), "--format", "parquet,csv,duckdb,xlsx", "-q"])
    assert code == 0
    for t in COLUMNS:
        csv_df = pd.read_csv(tmp_path / f"{t}.csv")
        pq_df = pd.read_parquet(tmp_path / f"{t}.parquet")
        assert len(csv_df) == len(pq_df)
    con = duckdb.connect(str(tmp_path / "jixiao.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM indicators WHERE comparator = '>='").fetchone()[0] > 10
    assert con.execute("SELECT status FROM documents").fetchone()[0] == "ok"
    con.close()
    assert set(pd.ExcelFile(tmp_path / "jixiao.xlsx", engine="calamine").sheet_names) == set(COLUMNS)


def test_bad_and_unsupported_files_fail_with_one_line_and_exit_1(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "empty.pdf").write_bytes(b"")
    (inp / "notes.xyz").write_bytes(b"\x00\x01\x02binary")
    (inp / "broken.docx").write_text("not a zip", encoding="utf-8")
    (inp / "form.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code = main(["extract", str(inp), "-o", str(tmp_path / "out"), "--format", "csv", "-q", "--workers", "1"])
    assert code == 1
    docs = pd.read_csv(tmp_path / "out" / "documents.csv").set_index("source")
    assert docs.loc["form.txt", "status"] == "ok"
    for name in ("empty.pdf", "notes.xyz", "broken.docx"):
        assert docs.loc[name, "status"] == "failed"
        err = docs.loc[name, "error"]
        assert isinstance(err, str) and err and "\n" not in err and "Traceback" not in err


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["extract", str(tmp_path / "missing"), "-o", str(tmp_path)])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["extract", str(SEED), "-o", str(tmp_path), "--format", "json"])
    assert e.value.code == 2
    assert main([]) == 2


def test_normalize_command_reads_lines_and_keeps_order(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("≥26158平方米\n\n有所提升\n12月31日前\n".encode())))
    assert main(["normalize", "--year", "2023"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["raw"] for r in rows] == ["≥26158平方米", "", "有所提升", "12月31日前"]
    assert rows[0]["comparator"] == ">=" and rows[2]["comparator"] == "text"
    assert rows[3]["deadline"] == "2023-12-31"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "jixiao", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "extract" in out.stdout
