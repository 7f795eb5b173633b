"""The output tables' columns and dtypes, exactly as ../shared/CONTRACT.md fixes them.

Part of the dataset layer: every writer and the DataFrame builder take column order and dtypes
from here, so the contract lives in one place.
"""
from __future__ import annotations

TARGET_FIELDS = ["comparator", "value", "value_max", "unit", "value_std", "value_max_std", "unit_std", "deadline"]

COLUMNS: dict[str, list[str]] = {
    "forms": ["source", "form_id", "form_type", "title", "department", "agency", "project", "year",
              "page_start", "page_end", "method"],
    "indicators": ["source", "form_id", "form_type", "department", "year", "project", "level1", "level2",
                   "indicator", "target_raw", *TARGET_FIELDS, "actual_raw", "score_max", "score",
                   "deviation", "page"],
    "budget": ["source", "form_id", "department", "year", "item", "content", "total", "fiscal", "other",
               "amount", "budget_initial", "budget_full_year", "executed", "execution_rate", "score_max",
               "score"],
    "goals": ["source", "form_id", "kind", "text"],
    "documents": ["source", "sha256", "format", "status", "error", "pages", "forms", "indicators",
                  "warnings", "seconds"],
}

TABLES = list(COLUMNS)

INT_COLUMNS = {"year", "page_start", "page_end", "page", "pages", "forms", "indicators"}
FLOAT_COLUMNS = {"value", "value_max", "value_std", "value_max_std", "score_max", "score", "total", "fiscal",
                 "other", "amount", "budget_initial", "budget_full_year", "executed", "execution_rate",
                 "seconds"}


def dtype_of(column: str) -> str:
    if column in INT_COLUMNS:
        return "Int64"
    if column in FLOAT_COLUMNS:
        return "float64"
    return "string"
