"""One upload through jixiao: checked, read in a supervised worker process, its pages drawn, stored.

Part of ``jixiao/serve``. :func:`read_upload` blocks, so the server runs it in a thread (never in
its event loop), at most ``settings.workers`` at a time. Reading goes through the batch runner's
supervisor (:func:`jixiao.batch.pool.run_supervised`) with the per-file time limit and memory cap:
a file that hangs, crashes its worker or needs too much memory fails alone, with a message. The
upload is deleted when this returns, whatever happened; what was read is kept as the file's
:class:`~jixiao.pipeline.FileResult` in JSON.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from jixiao.batch.pool import PoolStats, Task, run_supervised
from jixiao.batch.worker import OUT_OF_MEMORY, WorkerConfig
from jixiao.dataset.rows import document_row, split_warnings
from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult
from jixiao.report.pages import has_pages
from jixiao.report.view import document_view, pages_to_show
from jixiao.serve.guard import inspect
from jixiao.serve.isolate import IsolatedError, call_isolated
from jixiao.serve.render import page_infos, render_pages
from jixiao.serve.settings import ServeSettings
from jixiao.serve.store import Batch, Entry

TIMEOUT_MARK = "per-file time limit"  # the supervisor's wording for a file past --timeout
MEMORY_MARK = "too much memory"


def read_upload(batch: Batch, entry: Entry, settings: ServeSettings, stats: Optional[PoolStats] = None) -> None:
    """Check, read and store one uploaded file; updates ``entry`` as it goes. Never raises for the file."""
    path = batch.upload_path(entry)
    try:
        refusal = inspect(path, settings)
        if refusal is not None:
            entry.status, entry.message, entry.params = "rejected", refusal.key, refusal.params
            return
        entry.status = "reading"
        result = extract(path, entry.name, settings, stats)
        doc = result.documents
        doc["path"] = None  # the upload's temporary path means nothing to the user, and is gone
        entry.format = doc.get("format")
        entry.paged = has_pages(entry.format)
        if doc.get("status") != "failed" and entry.paged:
            entry.status = "rendering"
            _draw_pages(batch, entry, path, result, settings)
        batch.result_path(entry).write_text(json.dumps(result.to_json(), ensure_ascii=False, default=str),
                                            encoding="utf-8")
        _summarise(entry, result, settings)
    except Exception as e:  # a bug here must not leave the page waiting forever
        entry.status, entry.message, entry.params = "failed", "read_error", {"error": f"{type(e).__name__}: {e}"[:300]}
    finally:
        path.unlink(missing_ok=True)


def extract(path: Path, source: str, settings: ServeSettings, stats: Optional[PoolStats] = None) -> FileResult:
    options = ReadOptions(ocr=settings.ocr, timeout=settings.timeout_seconds)
    config = WorkerConfig.from_environment(options, False, settings.worker_memory_mb)
    for _, result in run_supervised([Task(0, path, source)], 1, config, timeout=settings.timeout_seconds,
                                    stats=stats):
        return result
    raise RuntimeError("the worker returned no result")


def _draw_pages(batch: Batch, entry: Entry, path: Path, result: FileResult, settings: ServeSettings) -> None:
    view = document_view(result.documents, result.forms, result.indicators, result.budget, result.goals,
                         result.checks, result.cells)
    wanted = pages_to_show(view, result.documents.get("pages"))
    try:
        rows = call_isolated(render_pages, (str(path), entry.format, wanted, str(batch.images), entry.id, settings.dpi),
                             settings.render_timeout_seconds, settings.worker_memory_mb)
        entry.pages = page_infos(rows)
    except IsolatedError as e:
        entry.message, entry.params = "pages_failed", {"error": str(e)}


def _summarise(entry: Entry, result: FileResult, settings: ServeSettings) -> None:
    doc = result.documents
    entry.forms = len(result.forms)
    entry.indicators = len(result.indicators)
    entry.failed_checks = sum(1 for c in result.checks if c.get("status") == "fail")
    entry.warnings = len(split_warnings(doc.get("warnings")))
    if doc.get("status") == "failed":
        entry.status = "failed"
        entry.message, entry.params = failure_message(doc.get("error") or "", settings)
        return
    entry.status = "done"
    if not result.forms and entry.message is None:
        entry.message, entry.params = "no_forms_found", {}


def failure_message(error: str, settings: ServeSettings) -> tuple[str, dict]:
    if TIMEOUT_MARK in error:
        return "timed_out", {"s": f"{settings.timeout_seconds:g}"}
    if MEMORY_MARK in error or error == OUT_OF_MEMORY:
        return "out_of_memory", {}
    return "read_error", {"error": error}


def load_result(batch: Batch, entry: Entry) -> Optional[FileResult]:
    try:
        data = json.loads(batch.result_path(entry).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return FileResult.from_json(data)


def refused_result(entry: Entry, reason: str) -> FileResult:
    """A documents row for a file that was refused before reading (so the tables list every upload)."""
    return FileResult(documents=document_row(entry.name, None, fmt=entry.format, error=reason))
