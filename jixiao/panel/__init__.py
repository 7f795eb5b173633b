"""``jixiao panel OUTDIR``: the panel of an extraction as Parquet, its linkage report and charts.

The outer edge of the pipeline, beside ``batch/`` and ``cli.py``: it reads the tables an
``jixiao extract`` wrote to OUTDIR (``jixiao.duckdb`` when there, else the Parquet or CSV files),
creates the views of :mod:`jixiao.dataset.views` on an in-memory DuckDB, and writes

- ``OUTDIR/panel.parquet`` — department_key × indicator_key × year (the ``panel`` view),
- ``OUTDIR/panel_links.parquet`` — department_key × indicator_key: the years each is seen,
- ``OUTDIR/panel_linkage.txt`` — the linkage report (also printed),
- with ``--charts DIR``, the PNG charts of :mod:`jixiao.panel.charts`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

TABLES = ("forms", "indicators")


class PanelError(Exception):
    """OUTDIR holds no tables to build a panel from (a sentence for the user)."""


@dataclass
class PanelReport:
    departments: int = 0
    departments_linked: int = 0
    indicators: int = 0
    indicators_linked: int = 0
    forms_outside: int = 0
    rows_outside: int = 0
    files: list = field(default_factory=list)

    def text(self) -> str:
        def share(part, whole):
            return f"{100.0 * part / whole:.1f}%" if whole else "-"

        return "\n".join([
            "panel linkage (department_key × indicator_key × year)",
            f"  departments:              {self.departments} "
            f"({self.departments_linked} seen in 2+ years = {share(self.departments_linked, self.departments)}; "
            f"{self.departments - self.departments_linked} in one year)",
            f"  department × indicator:   {self.indicators} "
            f"({self.indicators_linked} seen in 2+ years = {share(self.indicators_linked, self.indicators)}; "
            f"{self.indicators - self.indicators_linked} in one year)",
            f"  not in the panel:         {self.forms_outside} forms without department or year, "
            f"{self.rows_outside} indicator rows without department, year or indicator name",
        ])


def connect(outdir: Path):
    """An in-memory DuckDB with OUTDIR's forms and indicators and the panel views."""
    import duckdb

    from jixiao.dataset.views import create_views

    outdir = Path(outdir)
    con = duckdb.connect()
    db = outdir / "jixiao.duckdb"
    if db.exists():
        con.execute(f"ATTACH '{_sql_path(db)}' AS src (READ_ONLY)")
        for t in TABLES:
            con.execute(f'CREATE VIEW "{t}" AS SELECT * FROM src."{t}"')
    elif all((outdir / f"{t}.parquet").exists() for t in TABLES):
        for t in TABLES:
            con.execute(f"CREATE VIEW \"{t}\" AS SELECT * FROM read_parquet('{_sql_path(outdir / f'{t}.parquet')}')")
    elif all((outdir / f"{t}.csv").exists() for t in TABLES):
        for t in TABLES:
            con.execute(f"CREATE VIEW \"{t}\" AS SELECT * FROM read_csv_auto('{_sql_path(outdir / f'{t}.csv')}', "
                        "header=true, all_varchar=false)")
    else:
        con.close()
        raise PanelError(f"{outdir} holds no jixiao.duckdb, forms/indicators Parquet or CSV files "
                         "(run `jixiao extract … -o OUTDIR` first)")
    create_views(con)
    return con


def _sql_path(path: Path) -> str:
    return str(Path(path).resolve()).replace("'", "''")


def build_panel(outdir: Path, out: Optional[Path] = None, charts: Optional[Path] = None) -> PanelReport:
    """Write the panel Parquet files and the linkage report (and charts) for OUTDIR."""
    outdir = Path(outdir)
    out = Path(out) if out else outdir
    out.mkdir(parents=True, exist_ok=True)
    con = connect(outdir)
    try:
        report = PanelReport()
        for what, linked, _single, total in con.execute("SELECT * FROM linkage").fetchall():
            if what == "departments":
                report.departments, report.departments_linked = total, linked
            elif what == "department_indicators":
                report.indicators, report.indicators_linked = total, linked
            elif what == "forms_outside_panel":
                report.forms_outside = total
            else:
                report.rows_outside = total
        for view in ("panel", "panel_links"):
            target = out / f"{view}.parquet"
            tmp = out / f".{view}.parquet.tmp"
            con.execute(f"COPY (SELECT * FROM {view}) TO '{_sql_path(tmp)}' (FORMAT parquet)")
            tmp.replace(target)
            report.files.append(target)
        text_file = out / "panel_linkage.txt"
        text_file.write_text(report.text() + "\n", encoding="utf-8")
        report.files.append(text_file)
        if charts is not None:
            from jixiao.panel.charts import write_charts

            report.files.extend(write_charts(con, Path(charts)))
    finally:
        con.close()
    return report
