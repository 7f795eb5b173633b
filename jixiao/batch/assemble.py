"""Table assembly: stored per-file results → the contract's single file per table, streamed in chunks.

Part of the batch runner's output edge, after every file has finished. Results are read back from the
:class:`~jixiao.batch.cache.ResultStore` in input order and turned into DataFrames a chunk at a time
(the dataset layer's :func:`jixiao.dataset.frames.frame` gives the contract's columns and dtypes), then
appended to ``<table>.csv``, ``<table>.parquet`` (one row group per chunk) and ``jixiao.duckdb`` (which
also gets the panel views of :mod:`jixiao.dataset.views`); so
memory stays bounded by the chunk size, not by the number of files. The tables are the same as
``write_dataset(Dataset.from_results(all results))`` would write. XLSX (a spreadsheet, capped at about
a million rows anyway) and the form-shaped workbook (``forms-xlsx``, a sheet per form) are built in
memory from the whole tables. Each output file is written under a
temporary name and renamed into place at the end, so an interrupted run leaves the previous tables.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Optional

import pandas as pd

from jixiao.dataset.frames import frame
from jixiao.dataset.schema import COLUMNS, TABLES, dtype_of
from jixiao.dataset.views import create_views
from jixiao.pipeline import FileResult

CHUNK_ROWS = 5_000
DUCKDB_MEMORY = "256MB"


class ColumnPlan:
    """Each table's columns: the contract's, then any extra row keys in first-seen input order."""

    def __init__(self):
        self._extras: dict[int, dict[str, list[str]]] = {}

    def note(self, index: int, result: FileResult) -> None:
        found: dict[str, list[str]] = {}
        for table, rows in result.tables().items():
            known = set(COLUMNS[table])
            extra: list[str] = []
            for row in rows:
                extra.extend(k for k in row if k not in known and k not in extra)
            if extra:
                found[table] = extra
        if found:
            self._extras[index] = found

    def columns(self) -> dict[str, list[str]]:
        cols = {t: list(COLUMNS[t]) for t in TABLES}
        for index in sorted(self._extras):
            for table, extra in self._extras[index].items():
                cols[table].extend(k for k in extra if k not in cols[table])
        return cols


def conform(table: str, rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """``frame(table, rows)`` with exactly ``columns`` (absent extras added empty, in their dtype)."""
    df = frame(table, rows)
    for c in columns:
        if c not in df.columns:
            empty = pd.Series([None] * len(df), dtype="object", index=df.index)
            df[c] = empty.astype(dtype_of(c))
    return df[columns]


class _TableSinks:
    """The open output files of one table: CSV handle, Parquet writer (and DuckDB table state)."""

    def __init__(self, name: str, outdir: Path, formats: Iterable[str], con, keep_frames: bool):
        self.name = name
        self.formats = set(formats)
        self.csv_file = None
        self.csv_tmp = outdir / f".{name}.csv.tmp"
        self.parquet_writer = None
        self.parquet_schema = None
        self.parquet_tmp = outdir / f".{name}.parquet.tmp"
        self.con = con
        self.duckdb_created = False
        self.frames: Optional[list[pd.DataFrame]] = [] if keep_frames else None
        self.chunks = 0

    def write(self, df: pd.DataFrame) -> None:
        first = self.chunks == 0
        self.chunks += 1
        if "csv" in self.formats:
            if self.csv_file is None:
                self.csv_file = open(self.csv_tmp, "w", encoding="utf-8", newline="")
            df.to_csv(self.csv_file, index=False, header=first)
        if "parquet" in self.formats:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(df, preserve_index=False)
            if self.parquet_writer is None:
                self.parquet_schema = table.schema
                self.parquet_writer = pq.ParquetWriter(str(self.parquet_tmp), self.parquet_schema)
            elif not table.schema.equals(self.parquet_schema, check_metadata=False):
                table = table.cast(self.parquet_schema)
            self.parquet_writer.write_table(table)
        if self.con is not None:
            self.con.register("_chunk", df)
            if self.duckdb_created:
                self.con.execute(f'INSERT INTO "{self.name}" SELECT * FROM _chunk')
            else:
                self.con.execute(f'CREATE TABLE "{self.name}" AS SELECT * FROM _chunk')
                self.duckdb_created = True
            self.con.unregister("_chunk")
        if self.frames is not None:
            self.frames.append(df)

    def close(self, outdir: Path) -> list[Path]:
        written = []
        if self.csv_file is not None:
            self.csv_file.close()
            target = outdir / f"{self.name}.csv"
            os.replace(self.csv_tmp, target)
            written.append(target)
        if self.parquet_writer is not None:
            self.parquet_writer.close()
            target = outdir / f"{self.name}.parquet"
            os.replace(self.parquet_tmp, target)
            written.append(target)
        return written

    def abandon(self) -> None:
        for handle in (self.csv_file, self.parquet_writer):
            try:
                if handle is not None:
                    handle.close()
            except Exception:
                pass
        for tmp in (self.csv_tmp, self.parquet_tmp):
            try:
                tmp.unlink()
            except OSError:
                pass


def write_tables(results: Iterable[FileResult], outdir: Path, formats: Iterable[str],
                 columns: Optional[dict[str, list[str]]] = None, chunk_rows: int = CHUNK_ROWS,
                 on_result: Optional[Callable[[FileResult], None]] = None) -> list[Path]:
    """Write every table from ``results`` (in the order given) to OUTDIR; returns the files written."""
    formats = [f for f in formats]
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    columns = columns or {t: list(COLUMNS[t]) for t in TABLES}
    con = None
    duckdb_tmp = outdir / ".jixiao.duckdb.tmp"
    if "duckdb" in formats:
        import duckdb

        duckdb_tmp.unlink(missing_ok=True)
        con = duckdb.connect(str(duckdb_tmp))
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")  # it spills to disk beyond this
    sinks = {t: _TableSinks(t, outdir, formats, con, keep_frames=bool({"xlsx", "forms-xlsx"} & set(formats))) for t in TABLES}
    buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
    written: list[Path] = []
    try:
        for result in results:
            for table, rows in result.tables().items():
                buffers[table].extend(rows)
                if len(buffers[table]) >= chunk_rows:
                    sinks[table].write(conform(table, buffers[table], columns[table]))
                    buffers[table] = []
            if on_result is not None:
                on_result(result)
        for table in TABLES:
            if buffers[table] or sinks[table].chunks == 0:
                sinks[table].write(conform(table, buffers[table], columns[table]))
                buffers[table] = []
        for table in TABLES:
            written.extend(sinks[table].close(outdir))
        if con is not None:
            create_views(con)
            con.close()
            con = None
            os.replace(duckdb_tmp, outdir / "jixiao.duckdb")
            written.append(outdir / "jixiao.duckdb")
        if {"xlsx", "forms-xlsx"} & set(formats):
            whole = {t: pd.concat(sinks[t].frames, ignore_index=True) if len(sinks[t].frames) > 1 else sinks[t].frames[0]
                     for t in TABLES}
            if "xlsx" in formats:
                from jixiao.dataset.writers import write_xlsx

                written.append(write_xlsx(whole, outdir / "jixiao.xlsx"))
            if "forms-xlsx" in formats:
                from jixiao.dataset.formsheet import write_forms_xlsx
                from jixiao.dataset.writers import FORMS_XLSX

                written.append(write_forms_xlsx(whole, outdir / FORMS_XLSX))
    except BaseException:
        for sink in sinks.values():
            sink.abandon()
        if con is not None:
            con.close()
            duckdb_tmp.unlink(missing_ok=True)
        raise
    return written
