"""The output tables' columns and dtypes, exactly as ../shared/CONTRACT.md fixes them.

Part of the dataset layer: every writer and the DataFrame builder take column order and dtypes
from here, so the contract lives in one place. The contract's base columns come first, then the
columns its "Added columns and tables" section fixes, then jixiao's own additions.
"""
from __future__ import annotations

TARGET_FIELDS = ["comparator", "value", "value_max", "unit", "value_std", "value_max_std", "unit_std", "deadline"]
BOX = ["x0", "top", "x1", "bottom"]
ORIGIN = ["page", *BOX, "table", "row"]

COLUMNS: dict[str, list[str]] = {
    "forms": ["source", "form_id", "form_type", "title", "department", "agency", "project", "year",
              "page_start", "page_end", "method",
              "warnings", "unread_cells", "needs_review", "province", "city", "county", "department_code",
              "department_key"],
    "indicators": ["source", "form_id", "form_type", "department", "year", "project", "level1", "level2",
                   "indicator", "target_raw", *TARGET_FIELDS, "actual_raw", "score_max", "score",
                   "deviation", "page",
                   *BOX, "table", "row", "level1_std", "level2_std", "indicator_key", "is_quantitative",
                   "actual_comparator", "actual_value", "actual_unit", "actual_value_std", "actual_unit_std",
                   "achieved", "completion"],
    "budget": ["source", "form_id", "department", "year", "item", "content", "total", "fiscal", "other",
               "amount", "budget_initial", "budget_full_year", "executed", "execution_rate", "score_max",
               "score", *ORIGIN],
    "goals": ["source", "form_id", "kind", "text", *ORIGIN],
    "documents": ["source", "sha256", "format", "status", "error", "pages", "forms", "indicators",
                  "warnings", "seconds", "path"],
    "checks": ["source", "form_id", "rule", "kind", "status", "detail"],
    # every cell of every form's regions and the role it was given (the review report draws these)
    "cells": ["source", "form_id", *ORIGIN, "col", "role", "text", "record", "confidence"],
}

TABLES = list(COLUMNS)

INT_COLUMNS = {"year", "page_start", "page_end", "page", "pages", "forms", "indicators", "unread_cells", "table",
               "row", "col"}
FLOAT_COLUMNS = {"value", "value_max", "value_std", "value_max_std", "score_max", "score", "total", "fiscal",
                 "other", "amount", "budget_initial", "budget_full_year", "executed", "execution_rate",
                 "seconds", *BOX, "actual_value", "actual_value_std", "completion", "confidence"}
BOOL_COLUMNS = {"needs_review", "is_quantitative", "achieved"}


def dtype_of(column: str) -> str:
    if column in INT_COLUMNS:
        return "Int64"
    if column in FLOAT_COLUMNS:
        return "float64"
    if column in BOOL_COLUMNS:
        return "boolean"
    return "string"
