"""``jixiao report OUTDIR``: OUTDIR's tables → ``OUTDIR/report/`` (index.html, a page per document).

Layout of the site (static, opened from disk, no server, nothing fetched from the network):

    report/index.html            the overview (documents table, rules table)
    report/data/overview.js      the overview's rows (one array per document)
    report/docs/<id>.html        one page per document: page images with the cells, rows, checks
    report/img/<sha>-p<N>-<dpi>.jpg   page images, written once per file content, page and resolution
    report/assets/               the report's own CSS and JS

A source file that is no longer at ``documents.path`` is reported on its page and in the
overview; the rest of the report is built all the same.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Callable, Optional

from jixiao.report import html as H
from jixiao.report.pages import DEFAULT_DPI, has_pages, page_count, write_page_images
from jixiao.report.tables import group_by_source, read_tables, records
from jixiao.report.view import document_view, pages_to_show
from jixiao.dataset.rows import split_warnings

ASSETS = ("report.css", "document.js", "overview.js")
OVERVIEW_COLS = ["href", "source", "format", "status", "pages", "forms", "indicators", "fail_sub", "review",
                 "n_warn", "departments", "note", "failed_rules", "missing"]


@dataclass
class ReportSummary:
    index: Path
    documents: int = 0
    pages: int = 0
    missing_sources: list[str] = field(default_factory=list)
    render_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.index.parent.rglob("*") if p.is_file())


def doc_id(source: str) -> str:
    """A stable, URL-safe file name for a document's page."""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(source).name)[:40].strip("._") or "doc"
    return f"{base}-{digest}"


def _image_key(doc: dict) -> str:
    sha = doc.get("sha256")
    if sha:
        return str(sha)[:20]
    return hashlib.sha1(str(doc.get("path") or doc.get("source")).encode("utf-8")).hexdigest()[:20]


def build_report(outdir: Path, dest: Optional[Path] = None, dpi: int = DEFAULT_DPI,
                 progress: Optional[Callable[[int, int], None]] = None) -> ReportSummary:
    """Write the review report for OUTDIR's tables; returns what was written."""
    start = time.perf_counter()
    outdir = Path(outdir)
    dest = Path(dest) if dest else outdir / "report"
    tables = read_tables(outdir)
    for sub in ("docs", "img", "data", "assets"):
        (dest / sub).mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        (dest / "assets" / name).write_bytes(files("jixiao.report").joinpath("assets", name).read_bytes())

    groups = {t: group_by_source(tables[t]) for t in ("forms", "indicators", "budget", "goals", "checks", "cells")}
    documents = records(tables["documents"])
    summary = ReportSummary(index=dest / "index.html", documents=len(documents))
    rows = []
    written_docs = set()
    for k, doc in enumerate(documents):
        source = str(doc.get("source"))
        part = {t: groups[t].get(source, []) for t in groups}
        view = document_view(doc, part["forms"], part["indicators"], part["budget"], part["goals"],
                             part["checks"], part["cells"])
        pages, note, missing = _pages(doc, view, dest / "img", dpi, summary)
        name = doc_id(source)
        (dest / "docs" / f"{name}.html").write_text(H.document_html(view, pages, note=note), encoding="utf-8")
        written_docs.add(f"{name}.html")
        rows.append(_overview_row(f"docs/{name}.html", doc, view, missing))
        if progress:
            progress(k + 1, len(documents))
    for stale in (dest / "docs").glob("*.html"):
        if stale.name not in written_docs:
            stale.unlink()
    rule_names, rules_table = _rules_table(tables["checks"])
    data = {"cols": OVERVIEW_COLS, "rows": rows, "rules": rule_names}
    (dest / "data" / "overview.js").write_text(
        "window.JIXIAO_OVERVIEW = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n",
        encoding="utf-8")
    stats = _stats(tables, documents, summary)
    summary.index.write_text(H.overview_html(stats, rules_table), encoding="utf-8")
    summary.seconds = time.perf_counter() - start
    return summary


def _pages(doc: dict, view: dict, img_dir: Path, dpi: int, summary: ReportSummary):
    """(page infos or None, a note for the reviewer, whether the source file is missing)."""
    path = doc.get("path")
    fmt = doc.get("format")
    if not has_pages(fmt, path):
        return None, None, bool(path) and not Path(path).exists()
    if not path or not Path(path).exists():
        summary.missing_sources.append(str(doc.get("source")))
        where = f" at {path}" if path else " (no path in the documents table)"
        return None, f"the source file is not found{where}: its pages cannot be shown", True
    try:
        n = view.get("pages") or page_count(Path(path), fmt)
        wanted = pages_to_show(view, n)
        infos = write_page_images(Path(path), fmt, wanted, img_dir, _image_key(doc), dpi)
    except Exception as e:  # an unreadable file: the report goes on
        summary.render_errors.append(f"{doc.get('source')}: {type(e).__name__}: {e}")
        return None, f"the pages could not be rendered ({type(e).__name__}: {str(e)[:200]})", False
    summary.pages += len(infos)
    return infos, None, False


def _overview_row(href: str, doc: dict, view: dict, missing: bool) -> list:
    warnings = split_warnings(doc.get("warnings"))
    note = doc.get("error") or "; ".join(warnings)
    departments = "、".join(dict.fromkeys(str(f["department"]) for f in view["forms"] if f.get("department")))
    failed_rules = sorted({c["rule"] for f in view["forms"] for c in f["checks"] if c["status"] == "fail"})
    row = {"href": href, "source": doc.get("source"), "format": doc.get("format"), "status": doc.get("status"),
           "pages": doc.get("pages"), "forms": len(view["forms"]),
           "indicators": sum(len(f["indicators"]) for f in view["forms"]),
           "fail_sub": view["failed_submission"], "review": view["needs_review"], "n_warn": len(warnings),
           "departments": departments[:80], "note": (note or "")[:240], "failed_rules": failed_rules,
           "missing": 1 if missing else 0}
    return [row[c] for c in OVERVIEW_COLS]


def _rules_table(checks) -> tuple[list[str], list[dict]]:
    from jixiao.checks import rules

    known = {r.rule: r for r in rules()}
    counts: dict = {}
    if checks is not None and not checks.empty:
        for (rule, status), n in checks.groupby(["rule", "status"]).size().items():
            counts.setdefault(str(rule), {})[str(status)] = int(n)
    names = list(known) + sorted(r for r in counts if r not in known)
    table = []
    for name in names:
        r = known.get(name)
        c = counts.get(name, {})
        table.append({"rule": name, "kind": r.kind if r else "", "regulation": r.regulation if r else "",
                      "description": r.description if r else "", "pass": c.get("pass", 0), "fail": c.get("fail", 0),
                      "n/a": c.get("n/a", 0)})
    return names, table


def _stats(tables, documents: list[dict], summary: ReportSummary) -> dict:
    status = [d.get("status") for d in documents]
    forms = tables["forms"]
    checks = tables["checks"]
    failing = needs = 0
    if checks is not None and not checks.empty:
        sub = checks[(checks["kind"] == "submission") & (checks["status"] == "fail")]
        failing = sub["form_id"].nunique()
    if forms is not None and not forms.empty and "needs_review" in forms.columns:
        needs = int((forms["needs_review"].astype("string").str.lower() == "true").sum())
    return {"documents": len(documents), "ok": status.count("ok"), "no_forms": status.count("no_forms"),
            "failed": status.count("failed"), "forms": 0 if forms is None else len(forms),
            "indicators": 0 if tables["indicators"] is None else len(tables["indicators"]),
            "forms_failing": int(failing), "needs_review": needs, "missing_sources": len(summary.missing_sources)}

