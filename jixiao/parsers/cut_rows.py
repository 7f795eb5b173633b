"""A last indicator row cut off by the end of a text → left out, and said so.

Part of ``parsers/`` (pure). Crawled and pasted page text is often an excerpt: the text stops inside
a row (``满意度指标(10分) | 服务对象满意度指标 | ★受助对象满意度(≥**%) | 10 | >=9`` and nothing after).
Read as it stands, that row is a wrong record (a target of 9 for 90%, no actual, no score). A row is
taken for cut when the document's last cell is read into it and it lacks what the form's other rows
nearly all fill (their target, actual, score), its target is a comparison sign with no number
(``≧``), or a bare number where the others' targets carry a unit (``验收合格率 | 1`` under 100%, 95%).
Such a row is left out of the indicators, its cells are accounted ``unread`` and the form carries a
warning naming it, so nothing is lost silently. A row whose target is whole, its number and unit printed
(``滿意度 | ≥ | 95 | % | 95 | 10.00``, its 得分 cut), is kept: the cut took only what follows the target,
and the real pages' truths keep it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from jixiao.records import CellRead, Form, Indicator

FILLED_SHARE = 0.8  # the other rows filling a field this often make its absence a cut
MIN_OTHERS = 2  # rows needed to say what a row usually holds
FIELDS = ("target_raw", "actual_raw", "score_max", "score")
BARE_NUMBER = re.compile(r"^\s*[<>=≥≤≧≦＞＜＝]*\s*\d+\s*$")  # a target stopped after its digits
UNIT_AFTER = re.compile(r"\d\s*[^\d\s.,]")  # a target whose number a unit or % follows


def _filled(ind: Indicator, name: str) -> bool:
    v = getattr(ind, name)
    return v is not None and v != ""


def _sign_only(target: Optional[str]) -> bool:
    t = (target or "").strip()
    return bool(t) and not any(ch.isdigit() for ch in t) and all(ch in "<>=≥≤≧≦＞＜＝≈~" for ch in t)


def looks_cut(last: Indicator, others: list[Indicator]) -> bool:
    """``last`` lacks a field the other rows nearly all fill, or its target is a bare sign."""
    if _sign_only(last.target_raw):
        return True
    if len(others) < MIN_OTHERS:
        return False
    whole_target = bool(UNIT_AFTER.search(last.target_raw or ""))  # (≥95%: only the cells after it were cut)
    for name in FIELDS:
        if whole_target and name != "target_raw":
            continue
        share = sum(_filled(i, name) for i in others) / len(others)
        if share >= FILLED_SHARE and not _filled(last, name):
            return True
    if BARE_NUMBER.match(last.target_raw or ""):  # 100% cut to 1, 1500元/学期 to 15
        share = sum(bool(UNIT_AFTER.search(i.target_raw or "")) for i in others) / len(others)
        return share >= FILLED_SHARE
    return False


def _ident(read: CellRead) -> tuple:
    return read.origin.table, read.origin.row, read.col, read.text


def drop_cut_row(form: Form, last_cell: tuple) -> bool:
    """Leave out ``form``'s last indicator when the document's last cell (``last_cell``: table, row,
    column, text) is read into it and it looks cut; True when it did."""
    if not form.indicators:
        return False
    k = len(form.indicators) - 1
    mine = [c for c in form.cells if c.record == ("indicator", k)]
    if not any(_ident(c) == last_cell for c in mine) or not looks_cut(form.indicators[k], form.indicators[:k]):
        return False
    dropped = form.indicators.pop()
    form.cells[:] = [replace(c, record=None, role="unread") if c.record == ("indicator", k) else c for c in form.cells]
    form.warnings.append(f"last indicator row cut off by the end of the text, left out: "
                         f"{dropped.indicator or ''} {dropped.target_raw or ''}".rstrip())
    return True
