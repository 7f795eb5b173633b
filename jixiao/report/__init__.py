"""The review report: see what was read where, and which rules each form breaks.

``jixiao report OUTDIR`` (or ``jixiao extract … --report``) writes ``OUTDIR/report/index.html``, a
static site that opens from disk: an overview of the documents with their status, forms, failed
checks and warnings, and a page per document showing each page image with every cell outlined in
the colour of its role, the form's rows beside it (a click on a row highlights its cells) and the
form's checks. Built from OUTDIR's tables (Parquet or CSV) and ``documents.path``.

Reusable pieces: :func:`jixiao.report.view.document_view` (one document's review data as a dict),
:mod:`jixiao.report.pages` (page images and their units), :mod:`jixiao.report.roles` (colours).
"""
from __future__ import annotations

from jixiao.report.build import ReportSummary, build_report
from jixiao.report.tables import NoTables

__all__ = ["build_report", "ReportSummary", "NoTables"]
