"""One document's review data, format-free: its forms with their rows and checks, and its cells.

:func:`document_view` is pure: rows (dicts, as in OUTDIR's tables) in, a JSON-ready dict out. The
HTML report renders it (:mod:`jixiao.report.html`); a web front end can serve the same dict.

Every row and cell gets a ``rec`` id, ``"<form n>:<kind>:<k>"`` (``"1:indicator:3"``: the third
indicator row of the document's first form), the link between a row and the cells read into it.
Rows keep their origin (``page`` and ``box``, or ``table``/``row``) so a row whose cells are
unknown can still be shown on its page.
"""
from __future__ import annotations

from typing import Iterable, Optional

from jixiao.report.roles import group_of

INDICATOR_FIELDS = ["level1", "level2", "indicator", "target_raw", "actual_raw", "score_max", "score"]
BUDGET_FIELDS = ["item", "total", "fiscal", "other", "amount", "budget_initial", "budget_full_year", "executed",
                 "execution_rate", "score_max", "score"]
GOAL_FIELDS = ["kind", "text"]
FORM_FIELDS = ["form_id", "form_type", "title", "department", "agency", "project", "year", "page_start",
               "page_end", "method", "warnings", "unread_cells", "needs_review"]
CHECK_ORDER = {"fail": 0, "n/a": 2, "pass": 1}


def _box(r: dict) -> Optional[list[float]]:
    box = [r.get(k) for k in ("x0", "top", "x1", "bottom")]
    if any(v is None for v in box):
        return None
    return [round(float(v), 2) for v in box]


def _true(v) -> bool:
    return v is True or (isinstance(v, str) and v.strip().lower() == "true") or (hasattr(v, "item") and v.item() is True)


def _int(v) -> Optional[int]:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def _rows(rows: Iterable[dict], n: int, kind: str, fields: list[str]) -> list[dict]:
    out = []
    for k, r in enumerate(rows, start=1):
        out.append({"rec": f"{n}:{kind}:{k}", "page": _int(r.get("page")), "box": _box(r),
                    "table": _int(r.get("table")), "row": _int(r.get("row")),
                    **{f: r.get(f) for f in fields if r.get(f) is not None}})
    return out


def _by_form(rows: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r.get("form_id"), []).append(r)
    return out


def document_view(doc: dict, forms: list[dict], indicators: list[dict], budget: list[dict], goals: list[dict],
                  checks: list[dict], cells: list[dict]) -> dict:
    """The review data of one document (its rows of every table, already filtered to its source)."""
    number = {f["form_id"]: n for n, f in enumerate(forms, start=1)}
    grouped = {name: _by_form(rows) for name, rows in
               (("checks", checks), ("indicators", indicators), ("budget", budget), ("goals", goals))}

    out_forms = []
    for f in forms:
        n = number[f["form_id"]]
        fid = f["form_id"]
        fc = sorted(grouped["checks"].get(fid, []), key=lambda c: (CHECK_ORDER.get(c.get("status"), 3),
                                                               c.get("kind") != "extraction"))
        out_forms.append({
            "n": n, **{k: f.get(k) for k in FORM_FIELDS}, "needs_review": _true(f.get("needs_review")),
            "checks": [{k: c.get(k) for k in ("rule", "kind", "status", "detail")} for c in fc],
            "indicators": _rows(grouped["indicators"].get(fid, []), n, "indicator", INDICATOR_FIELDS),
            "budget": _rows(grouped["budget"].get(fid, []), n, "budget", BUDGET_FIELDS),
            "goals": _rows(grouped["goals"].get(fid, []), n, "goal", GOAL_FIELDS),
        })
    out_cells = []
    for c in cells:
        n = number.get(c.get("form_id"))
        rec = c.get("record")
        out_cells.append({
            "form": n, "rec": f"{n}:{rec}" if rec and n else None, "role": c.get("role"),
            "group": group_of(c.get("role")), "text": c.get("text") or "", "page": _int(c.get("page")),
            "box": _box(c), "table": _int(c.get("table")), "row": _int(c.get("row")), "col": _int(c.get("col")),
            "confidence": c.get("confidence"),
        })
    fails = [c for f in out_forms for c in f["checks"] if c["status"] == "fail"]
    return {
        "source": doc.get("source"), "format": doc.get("format"), "status": doc.get("status"),
        "error": doc.get("error"), "warnings": doc.get("warnings") or "", "pages": _int(doc.get("pages")),
        "path": doc.get("path"), "seconds": doc.get("seconds"),
        "forms": out_forms, "cells": out_cells,
        "failed_submission": sum(1 for c in fails if c["kind"] == "submission"),
        "failed_extraction": sum(1 for c in fails if c["kind"] == "extraction"),
        "needs_review": sum(1 for f in out_forms if f["needs_review"]),
    }


def pages_to_show(view: dict, n_pages: Optional[int], first_when_unknown: int = 3) -> list[int]:
    """The pages a reviewer needs: those the forms span and those cells and rows sit on; a
    document with forms but no page information shows its first pages; one without forms its first."""
    wanted: set[int] = set()
    for f in view["forms"]:
        a, b = _int(f.get("page_start")), _int(f.get("page_end"))
        if a is not None:
            wanted.update(range(a, (b if b is not None and b >= a else a) + 1))
        for kind in ("indicators", "budget", "goals"):
            wanted.update(r["page"] for r in f[kind] if r.get("page"))
    wanted.update(c["page"] for c in view["cells"] if c.get("page"))
    if not wanted:
        if view.get("status") == "failed":
            return []
        limit = first_when_unknown if view["forms"] else 1
        wanted = set(range(1, (min(n_pages, limit) if n_pages else 1) + 1))
    if n_pages:
        wanted = {p for p in wanted if 1 <= p <= n_pages}
    return sorted(wanted)
