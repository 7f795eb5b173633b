"""The panel: DuckDB views, `jixiao panel` (Parquet + linkage report) and its charts."""
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from jixiao.cli import main
from jixiao.dataset.enrich import enrich_forms, indicator_columns
from jixiao.dataset.frames import Dataset
from jixiao.dataset.writers import write_dataset
from jixiao.normalize import parse_target
from jixiao.panel import build_panel


def _form(n, department, year, form_type="project_self_eval"):
    return {"source": f"d{n}.txt", "form_id": f"d{n}.txt#1", "form_type": form_type, "department": department,
            "agency": None, "title": None, "project": "项目", "year": year}


def _indicator(form, name, target_raw, actual_raw, level1="产出指标", level2="数量指标"):
    target = parse_target(target_raw, year=form["year"])
    return {"source": form["source"], "form_id": form["form_id"], "form_type": form["form_type"],
            "department": form["department"], "year": form["year"], "level1": level1, "level2": level2,
            "indicator": name, "target_raw": target_raw, "comparator": target.comparator, "value": target.value,
            "unit": target.unit, "value_std": target.value_std, "unit_std": target.unit_std,
            "actual_raw": actual_raw,
            **indicator_columns(target, indicator=name, level1=level1, level2=level2, target_raw=target_raw,
                                actual_raw=actual_raw, year=form["year"])}


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    forms = [_form(1, "820001-井研县马踏镇人民政府", 2022), _form(2, "井研县马踏镇人民政府", 2023),
             _form(3, "南县疾病预防控制中心", 2023, "project_target"), _form(4, "****", 2023)]
    for f in forms:
        enrich_forms([f], f["source"])
    indicators = [
        _indicator(forms[0], "★培训人数(≥**人)", "≥100人", "120人"),
        _indicator(forms[0], "群众满意度", "≥90%", "85%", "满意度指标", "服务对象满意度指标"),
        _indicator(forms[1], "培训人数", "≥120人", "118人"),
        _indicator(forms[2], "接种率", "≥95%", None, "产出指标", "质量指标"),
        _indicator(forms[3], "某指标", "1次", "1次"),
    ]
    out = tmp_path / "out"
    write_dataset(Dataset.from_rows({"forms": forms, "indicators": indicators}), out, ("parquet", "duckdb"))
    return out


def test_views_line_up_a_department_across_years(outdir: Path):
    con = duckdb.connect(str(outdir / "jixiao.duckdb"), read_only=True)
    panel = con.execute("SELECT * FROM panel WHERE indicator_key = '培训人数' ORDER BY year").df()
    assert list(panel["year"]) == [2022, 2023]
    assert set(panel["department_key"]) == {"四川省乐山市井研县马踏镇人民政府"}
    assert list(panel["achieved_share"]) == [1.0, 0.0]
    assert list(panel["province"]) == ["四川省", "四川省"]
    links = con.execute("SELECT * FROM panel_links WHERE indicator_key = '培训人数'").fetchall()
    assert links[0][2:] == (2, 2022, 2023, "2022,2023")
    linkage = {r[0]: r[1:] for r in con.execute("SELECT * FROM linkage").fetchall()}
    assert linkage["departments"] == (1, 1, 2)
    assert linkage["department_indicators"] == (1, 2, 3)
    assert linkage["forms_outside_panel"][2] == 1  # the masked department


def test_panel_command_writes_parquet_and_report(outdir: Path, capsys):
    assert main(["panel", str(outdir)]) == 0
    printed = capsys.readouterr().out
    assert "departments:              2 (1 seen in 2+ years" in printed
    panel = pd.read_parquet(outdir / "panel.parquet")
    assert len(panel) == 4 and {"department_key", "indicator_key", "year", "achieved_share"} <= set(panel.columns)
    assert (outdir / "panel_links.parquet").exists()
    assert "department × indicator:   3 (1 seen in 2+ years" in (outdir / "panel_linkage.txt").read_text("utf-8")


def test_panel_from_parquet_only(outdir: Path, tmp_path: Path):
    (outdir / "jixiao.duckdb").unlink()
    report = build_panel(outdir, tmp_path / "elsewhere")
    assert (report.departments, report.departments_linked) == (2, 1)
    assert (tmp_path / "elsewhere" / "panel.parquet").exists()


def test_panel_of_a_folder_without_tables(tmp_path: Path, capsys):
    assert main(["panel", str(tmp_path)]) == 2
    assert "run `jixiao extract" in capsys.readouterr().err


def test_charts(outdir: Path, tmp_path: Path):
    pytest.importorskip("matplotlib")
    report = build_panel(outdir, charts=tmp_path / "charts")
    pngs = sorted(p.name for p in report.files if p.suffix == ".png")
    assert pngs == ["achievement_by_level2.png", "quantitative_by_type_year.png"]
    for name in pngs:
        assert (tmp_path / "charts" / name).read_bytes()[:4] == b"\x89PNG"
