"""Row dicts → pandas DataFrames with the contract's columns and dtypes; the :class:`Dataset`.

Part of the dataset layer, between the per-file results and the writers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from jixiao.dataset.schema import COLUMNS, TABLES, dtype_of


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """One table as a DataFrame: contract columns first (in order), any extra columns after."""
    cols = list(COLUMNS[table])
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    df = pd.DataFrame.from_records(rows, columns=cols) if rows else pd.DataFrame({c: [] for c in cols})
    for c in cols:
        dt = dtype_of(c)
        if dt == "string":
            df[c] = df[c].astype("object").where(df[c].notna(), None).astype("string")
        elif dt == "boolean":
            df[c] = df[c].astype("object").where(df[c].notna(), None).astype("boolean")
        elif dt == "Int64":
            df[c] = pd.to_numeric(df[c], errors="coerce").round().astype("Int64")
        else:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    return df


@dataclass
class Dataset:
    """The tables of one extraction run (see ``schema.TABLES``)."""

    forms: pd.DataFrame
    indicators: pd.DataFrame
    budget: pd.DataFrame
    goals: pd.DataFrame
    documents: pd.DataFrame
    checks: pd.DataFrame
    cells: pd.DataFrame

    @classmethod
    def from_rows(cls, tables: dict[str, list[dict]]) -> "Dataset":
        return cls(**{t: frame(t, tables.get(t, [])) for t in TABLES})

    @classmethod
    def from_results(cls, results: Iterable) -> "Dataset":
        tables: dict[str, list[dict]] = {t: [] for t in TABLES}
        for res in results:
            for t, rows in res.tables().items():
                tables[t].extend(rows)
        return cls.from_rows(tables)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: getattr(self, t) for t in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLES)
        return f"Dataset({sizes})"
