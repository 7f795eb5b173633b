"""The downloads of a batch (or of one of its files): the form-shaped workbook, the tidy tables as
XLSX, CSV or Parquet, the DuckDB file, or everything in one zip.

Part of ``jixiao/serve``; the files are written by the batch runner's table assembly
(:func:`jixiao.batch.assemble.write_tables`, the same code as ``jixiao extract``), so a download
holds exactly what the command line would write for the same files. Several files of one kind
(the CSV or Parquet tables) come as one zip. Built in a child process (:mod:`.isolate`), so a
large batch's tables and workbook take neither the server's memory nor its time, in a throw-away
folder the response removes.
"""
from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.batch.assemble import write_tables
from jixiao.dataset.writers import FORMS_XLSX
from jixiao.pipeline import FileResult
from jixiao.serve.i18n import text
from jixiao.serve.isolate import call_isolated
from jixiao.serve.jobs import refused_result
from jixiao.serve.settings import ServeSettings
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


def sources_of(batch: Batch, entries: list[Entry]) -> list:
    """What the child reads, in upload order: a stored result's path, or a refused file's documents row."""
    out = []
    for e in entries:
        if e.status == "rejected":
            out.append(refused_result(e, text(e.message or "st_rejected", "en", **e.params)).documents)
        elif e.status in ("done", "failed") and batch.result_path(e).exists():
            out.append(str(batch.result_path(e)))
    return out


def _results(sources: list):
    for s in sources:
        if isinstance(s, dict):
            yield FileResult(documents=s)
        else:
            yield FileResult.from_json(json.loads(Path(s).read_text(encoding="utf-8")))


def write_download(sources: list, workdir: str, kind: str) -> str:
    """Runs in the child: the tables of ``sources`` in ``kind``'s formats; the path of the file to send."""
    formats, single, _, _ = KINDS[kind]
    outdir = Path(workdir) / "out"
    write_tables(_results(sources), outdir, list(formats))
    if single is not None:
        return str(outdir / single)
    archive = Path(workdir) / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(outdir.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                z.write(p, p.name)
    return str(archive)


def build(batch: Batch, entries: list[Entry], kind: str, settings: ServeSettings) -> Download:
    _, _, suffix, media = KINDS[kind]
    workdir = batch.folder / "dl" / new_id()
    workdir.mkdir(parents=True)
    try:
        path = call_isolated(write_download, (sources_of(batch, entries), str(workdir), kind),
                             settings.timeout_seconds, settings.worker_memory_mb)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    base = Path(entries[0].name).stem if len(entries) == 1 else "jixiao"
    return Download(Path(path), base + suffix, media, workdir)
