"""OUTDIR's tables as the report reads them: Parquet where it exists, else CSV; only what it shows.

The status ``n/a`` of the checks table stays a string (pandas would read it as missing).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pandas as pd

TABLES = ("documents", "forms", "indicators", "budget", "goals", "checks", "cells")


class NoTables(Exception):
    """OUTDIR holds no documents table: nothing to report on."""


def table_path(outdir: Path, name: str) -> Optional[Path]:
    for ext in ("parquet", "csv"):
        p = Path(outdir) / f"{name}.{ext}"
        if p.exists():
            return p
    return None


def read_table(outdir: Path, name: str) -> pd.DataFrame:
    """One table (empty frame when absent). Strings stay strings; missing values are None."""
    p = table_path(outdir, name)
    if p is None:
        return pd.DataFrame()
    if p.suffix == ".parquet":
        df = pd.read_parquet(p)
    else:
        df = pd.read_csv(p, keep_default_na=False, na_values=[""], low_memory=False)
    return df


def read_tables(outdir: Path) -> dict[str, pd.DataFrame]:
    outdir = Path(outdir)
    if table_path(outdir, "documents") is None:
        raise NoTables(f"{outdir} holds no documents table (documents.parquet or documents.csv): "
                       "the report reads Parquet or CSV tables: run `jixiao extract … -o OUTDIR` with parquet or csv among --format")
    return {name: read_table(outdir, name) for name in TABLES}


def records(df: Optional[pd.DataFrame]) -> list[dict]:
    """Rows as plain dicts of Python values, NaN/NA as None (JSON-ready). One pass per column."""
    if df is None or df.empty:
        return []
    columns = {}
    for c in df.columns:
        s = df[c]
        mask = s.isna().tolist()
        values = s.astype(object).tolist()
        columns[c] = [None if m else (v if type(v) is str else _plain(v)) for v, m in zip(values, mask)]
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*(columns[c] for c in names))]


def _plain(v):
    if v is None:
        return None
    if hasattr(v, "item"):  # numpy scalars
        v = v.item()
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer() and abs(v) < 2**53:
            return v  # keep floats floats; JSON writes 3.0
    return v


def group_by_source(df: Optional[pd.DataFrame]) -> dict[str, list[dict]]:
    """A table's rows (as :func:`records`) grouped by ``source``, table order kept."""
    out: dict[str, list[dict]] = {}
    for r in records(df):
        out.setdefault(str(r.get("source")), []).append(r)
    return out
