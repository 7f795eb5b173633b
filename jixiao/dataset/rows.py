"""Forms → row dicts for the contract's tables (the dataset layer's flattening step).

Every table row is built here: :func:`form_rows` for a parsed form's rows, :func:`document_row` for
an input file's ``documents`` row (the pipeline's and the batch runner's failures alike).
Pure: takes a parsed :class:`jixiao.records.Form`, returns plain dicts. Targets are parsed here
through ``normalize/`` so every indicator row carries the same typed fields, and the analyst
columns (standard levels, indicator key, targets against actuals) come from ``enrich``. Every indicator,
budget and goal row carries its origin (page and box, or table and row); the form's cell
accounting becomes the ``cells`` table; :mod:`jixiao.checks` gives the form's ``checks`` rows and
``needs_review``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from jixiao.dataset.enrich import indicator_columns
from jixiao.checks import check_form, check_rows, needs_review
from jixiao.checks.context import target_of
from jixiao.records import Form, Origin


def document_row(source: str, path: Optional[Path], *, sha256: Optional[str] = None, fmt: Optional[str] = None,
                 error: Optional[str] = None, seconds: Optional[float] = None) -> dict:
    """An input file's ``documents`` row: status ``failed`` until the pipeline fills in what it read
    (``path`` None: a file refused before it was stored, such as an upload)."""
    return {"source": source, "sha256": sha256, "format": fmt, "status": "failed", "error": error,
            "pages": None, "forms": 0, "indicators": 0, "warnings": "",
            "seconds": None if seconds is None else round(seconds, 4),
            "path": None if path is None else str(Path(path).resolve())}


def split_warnings(joined: Optional[str]) -> list[str]:
    """The warnings of a ``documents`` or ``forms`` row, which the tables hold joined with "; "."""
    return [w for w in (joined or "").split("; ") if w]


def origin_columns(o: Origin) -> dict:
    box = o.bbox or (None, None, None, None)
    return {"page": o.page, "x0": _r(box[0]), "top": _r(box[1]), "x1": _r(box[2]), "bottom": _r(box[3]),
            "table": o.table, "row": o.row}


def _r(v):
    return None if v is None else round(float(v), 2)


def form_rows(form: Form, *, source: str, form_id: str, method: str) -> dict:
    head = {"source": source, "form_id": form_id}
    form_row = {**head, "form_type": form.form_type, "title": form.title, "department": form.department,
                "agency": form.agency, "project": form.project, "year": form.year,
                "page_start": form.page_start, "page_end": form.page_end, "method": method,
                "warnings": None, "unread_cells": form.unread_cells, "needs_review": None}
    indicators = []
    unparsed = []
    targets = []
    for ind in form.indicators:
        target = target_of(ind, form.year)
        targets.append(target)
        if target.comparator == "text" and any(ch.isdigit() for ch in ind.target_raw):
            unparsed.append(ind.target_raw)
        indicators.append({
            **head, "form_type": form.form_type, "department": form.department, "year": form.year,
            "project": form.project, "level1": ind.level1, "level2": ind.level2, "indicator": ind.indicator,
            "target_raw": ind.target_raw,
            "comparator": target.comparator or None, "value": target.value, "value_max": target.value_max,
            "unit": target.unit or None, "value_std": target.value_std, "value_max_std": target.value_max_std,
            "unit_std": target.unit_std or None, "deadline": target.deadline or None,
            "actual_raw": ind.actual_raw, "score_max": ind.score_max, "score": ind.score,
            "deviation": ind.deviation, **origin_columns(ind.origin), "page": ind.page or ind.origin.page,
            **indicator_columns(target, indicator=ind.indicator, level1=ind.level1, level2=ind.level2,
                                target_raw=ind.target_raw, actual_raw=ind.actual_raw, year=form.year),
        })
    budget = []
    for line in form.budget:
        values = {k: v for k, v in vars(line).items() if k != "origin"}
        budget.append({**head, "department": form.department, "year": form.year, **values,
                       **origin_columns(line.origin)})
    goals = [{**head, "kind": g.kind, "text": g.text, **origin_columns(g.origin)} for g in form.goals]
    cells = [{**head, **origin_columns(c.origin), "col": c.col, "role": c.role, "text": c.text,
              "record": f"{c.record[0]}:{c.record[1] + 1}" if c.record else None, "confidence": c.confidence}
             for c in form.cells]
    warnings = [f"targets with numbers left unparsed: {', '.join(unparsed[:5])}"] if unparsed else []
    form_row["warnings"] = "; ".join(dict.fromkeys(form.warnings + warnings)) or None
    results = check_form(form, targets)
    form_row["needs_review"] = needs_review(results)
    checks = check_rows(results, source=source, form_id=form_id)
    return {"form": form_row, "indicators": indicators, "budget": budget, "goals": goals, "warnings": warnings,
            "checks": checks, "cells": cells}
