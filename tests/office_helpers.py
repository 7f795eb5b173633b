"""Shared checks for the office/web reader tests: grids against the samples' expected JSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

from jixiao.model import Document, Table, TextLine

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def grid_rows(doc: Document) -> list[list[str]]:
    """Every table row of the document, merged cells repeated, whitespace removed."""
    return [[squash(t) for t in row] for table in doc.tables() for row in table.text_rows()]


def lines(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, TextLine)]


def expected(name: str) -> dict:
    return json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def missing_indicators(doc: Document, name: str) -> list[tuple]:
    """Indicators of the expected JSON with no grid row holding 一级, 二级, 三级 and the target in order."""
    rows = grid_rows(doc)
    missing = []
    for form in expected(name)["forms"]:
        for ind in form["indicators"]:
            key = [squash(ind["level1"]), squash(ind["level2"]), squash(ind["indicator"]), squash(ind["target_raw"])]
            if not any(_in_order(row, key) for row in rows):
                missing.append(tuple(key))
    return missing


def _in_order(row: list[str], key: list[str]) -> bool:
    pos = 0
    for k in key:
        try:
            pos = row.index(k, pos) + 1
        except ValueError:
            return False
    return True


def cells_with_text(doc: Document, text: str):
    return [c for t in doc.tables() for c in t.cells if squash(c.text) == squash(text)]


def assert_no_overlap(table: Table) -> None:
    seen = set()
    for c in table.cells:
        assert c.rowspan >= 1 and c.colspan >= 1
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in seen, f"two cells cover {(r, k)}"
                seen.add((r, k))
