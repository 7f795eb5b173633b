"""Writers: a :class:`Dataset` to Parquet, CSV (UTF-8), one DuckDB file, XLSX (a sheet per table) and
the form-shaped workbook (``forms-xlsx``: a sheet per form, laid out like the printed form).

The output edge of the pipeline; the only place in the dataset layer that does I/O. The DuckDB
file also gets the panel views (:mod:`jixiao.dataset.views`).
"""
from __future__ import annotations

from pathlib import Path

from jixiao.dataset.frames import Dataset
from jixiao.dataset.views import create_views

FORMATS = ("parquet", "csv", "duckdb", "xlsx", "forms-xlsx")
FORMS_XLSX = "forms.xlsx"  # the forms-xlsx format's file in OUTDIR
DEFAULT_FORMATS = ("parquet", "csv", "duckdb")


def write_dataset(ds: Dataset, outdir: Path, formats=DEFAULT_FORMATS) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    tables = ds.tables()
    if "csv" in formats:
        for name, df in tables.items():
            p = outdir / f"{name}.csv"
            df.to_csv(p, index=False, encoding="utf-8")
            written.append(p)
    if "parquet" in formats:
        for name, df in tables.items():
            p = outdir / f"{name}.parquet"
            df.to_parquet(p, index=False)
            written.append(p)
    if "duckdb" in formats:
        written.append(write_duckdb(tables, outdir / "jixiao.duckdb"))
    if "xlsx" in formats:
        written.append(write_xlsx(tables, outdir / "jixiao.xlsx"))
    if "forms-xlsx" in formats:
        from jixiao.dataset.formsheet import write_forms_xlsx

        written.append(write_forms_xlsx(tables, outdir / FORMS_XLSX))
    return written


def write_duckdb(tables, path: Path) -> Path:
    import duckdb

    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for name, df in tables.items():
            con.register("_df", df)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _df')
            con.unregister("_df")
        if "forms" in tables and "indicators" in tables:
            create_views(con)
    finally:
        con.close()
    tmp.replace(path)
    return path


def write_xlsx(tables, path: Path) -> Path:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for name, df in tables.items():
            df.to_excel(xw, sheet_name=name, index=False)
    return path
