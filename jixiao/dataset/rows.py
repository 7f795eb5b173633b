"""Forms → row dicts for the contract's tables (the dataset layer's flattening step).

Pure: takes a parsed :class:`jixiao.records.Form`, returns plain dicts. Targets are parsed here
through ``normalize/`` so every indicator row carries the same typed fields.
"""
from __future__ import annotations

from jixiao.normalize import parse_target, parse_target_parts
from jixiao.records import Form


def form_rows(form: Form, *, source: str, form_id: str, method: str) -> dict:
    head = {"source": source, "form_id": form_id}
    form_row = {**head, "form_type": form.form_type, "title": form.title, "department": form.department,
                "agency": form.agency, "project": form.project, "year": form.year,
                "page_start": form.page_start, "page_end": form.page_end, "method": method}
    indicators = []
    unparsed = []
    for ind in form.indicators:
        if ind.target_parts is not None:
            target = parse_target_parts(*ind.target_parts, year=form.year)
        else:
            target = parse_target(ind.target_raw, year=form.year)
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
            "deviation": ind.deviation, "page": ind.page,
        })
    budget = [{**head, "department": form.department, "year": form.year, **vars(line)} for line in form.budget]
    goals = [{**head, "kind": g.kind, "text": g.text} for g in form.goals]
    warnings = [f"targets with numbers left unparsed: {', '.join(unparsed[:5])}"] if unparsed else []
    return {"form": form_row, "indicators": indicators, "budget": budget, "goals": goals, "warnings": warnings}
