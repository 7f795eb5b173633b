"""The downloads of a batch (or of one of its files): the form-shaped workbook, the tidy tables as
XLSX, CSV or Parquet, the DuckDB file, or everything in one zip.

Part of ``jixiao/serve``; the files are written by the batch runner's table assembly
(:func:`jixiao.batch.assemble.write_tables`, the same code as ``jixiao extract``), so a download
holds exactly what the command line would write for the same files. Several files of one kind
(the CSV or Parquet tables) come as one zip. Built in a throw-away folder the response removes.
"""
from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.batch.assemble import write_tables
from jixiao.dataset.writers import FORMS_XLSX
from jixiao.serve.i18n import text
from jixiao.serve.jobs import load_result, refused_result
from jixiao.serve.store import Batch, Entry, new_id

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# kind -> (writer formats, the file (or None: a zip of every file written), suffix of the download's name, media type)
KINDS = {
    "forms-xlsx": (("forms-xlsx",), FORMS_XLSX, "-forms.xlsx", XLSX),
    "xlsx": (("xlsx",), "jixiao.xlsx", "-tables.xlsx", XLSX),
    "duckdb": (("duckdb",), "jixiao.duckdb", ".duckdb", "application/octet-stream"),
    "csv": (("csv",), None, "-csv.zip", "application/zip"),
    "parquet": (("parquet",), None, "-parquet.zip", "application/zip"),
    "zip": (("forms-xlsx", "xlsx", "csv", "parquet", "duckdb"), None, ".zip", "application/zip"),
}


@dataclass
class Download:
    path: Path
    filename: str
    media_type: str
    workdir: Path

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def results_of(batch: Batch, entries: list[Entry]) -> list:
    """Every finished file's result in upload order; a refused file as a failed documents row."""
    out = []
    for e in entries:
        if e.status == "rejected":
            out.append(refused_result(e, text(e.message or "st_rejected", "en", **e.params)))
        elif e.status in ("done", "failed"):
            result = load_result(batch, e)
            if result is not None:
                out.append(result)
    return out


def build(batch: Batch, entries: list[Entry], kind: str) -> Download:
    formats, single, suffix, media = KINDS[kind]
    workdir = batch.folder / "dl" / new_id()
    outdir = workdir / "out"
    write_tables(results_of(batch, entries), outdir, list(formats))
    base = Path(entries[0].name).stem if len(entries) == 1 else "jixiao"
    if single is not None:
        return Download(outdir / single, base + suffix, media, workdir)
    archive = workdir / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(outdir.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                z.write(p, p.name)
    return Download(archive, base + suffix, media, workdir)
