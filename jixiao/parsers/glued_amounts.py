"""A funding line's amounts printed with no separator → one number per column, by their arithmetic.

Part of ``parsers/`` (pure). A document-sharing preview prints a self-evaluation's funding line as
``年度财政资金总额1.561.56120`` under 预算数 | 执行数 | 执行率 | 得分, or ``其中财政拨款.32.06.579.27107.93``
(the amounts' leading digits lost) under 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 权重 | 得分.
The columns are related: the rate is the executed share of the budget (1.56 / 1.56 = 1, 100 %) and
the score the weight times the rate (10 × 79.27 % = 7.93); amounts are printed alike (each with its
two decimals: ``7165.326992.95`` is 7165.32 | 6992.95) or are the same (``31443144``, spent as
budgeted). Every way of cutting the digit run into
one piece per column is tried; the cut that satisfies the most of these relations wins, and only a
cut that satisfies at least one is taken (otherwise nothing is guessed). A money piece that is no
number (``.32``) is an amount lost to the preview: it stays empty, and so do the amounts after it
(where their digits start is a guess).
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Optional

from jixiao.normalize.folding import fold_chars

RUN = re.compile(r"^[\d.%]+")
NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d{1,2})?$")
RUN_MAX = 24  # characters of a digit run cut this way (the cuts grow fast; longer runs are left alone)
MONEY = ("budget_initial", "budget_full_year", "executed", "total", "fiscal", "other", "amount")
RATE_TOLERANCE = 0.006  # of the rate as a fraction (rounded to two decimals of a percent)
SCORE_TOLERANCE = 0.011  # points (a score printed with two decimals)
SHORT_LINE_BLANKS_MAX = 2  # columns a line's dropped empty cells may leave (more: the placement is a guess)


def _number(piece: str) -> Optional[float]:
    piece = piece.rstrip("%")
    return float(piece) if NUMBER.match(piece) else None


def _rate(value: float, budget: Optional[float], executed: Optional[float]) -> Optional[float]:
    """The rate as a percent, when it is the executed share of the budget written as a percent or
    as a fraction (1 for 100 %)."""
    if not budget or executed is None:
        return None
    share = executed / budget
    if abs(value / 100 - share) <= RATE_TOLERANCE:
        return value
    if abs(value - share) <= RATE_TOLERANCE:
        return round(value * 100, 6)
    return None


def _decimals(piece: str) -> int:
    return len(piece.partition(".")[2])


def _judge(pieces: list[str], roles: list[str]) -> Optional[tuple[int, int, list[Optional[str]]]]:
    """(relations met, money pieces that are no number, the values) of one cut; None when a piece
    breaks a hard rule (a rate or score that is no number, a score over its weight)."""
    values: dict[str, Optional[float]] = {}
    out: list[Optional[str]] = []
    lost = 0
    for role, piece in zip(roles, pieces):
        v = _number(piece) if not (lost and role in MONEY) else None  # after a lost amount the cuts are guesses
        if v is None:
            if role not in MONEY:
                return None
            lost += 1
        values.setdefault(role, v)
        out.append(None if v is None else piece.rstrip("%"))
    met = 0
    budget = values.get("budget_full_year") or values.get("budget_initial")
    money = [p.rstrip("%") for role, p in zip(roles, pieces) if role in MONEY]
    if not lost and len(money) >= 2 and (len({_decimals(p) for p in money}) == 1 and _decimals(money[0]) or
                                          len({float(p) for p in money}) == 1):
        met += 1  # amounts printed alike (7165.32 | 6992.95) or the same (3144 | 3144: spent as budgeted)
    rate = values.get("execution_rate")
    if rate is not None:
        if rate > 200:
            return None
        as_percent = _rate(rate, budget, values.get("executed"))
        if as_percent is not None:
            met += 1
            out[roles.index("execution_rate")] = f"{as_percent:g}"
            rate = as_percent
    weight, score = values.get("score_max"), values.get("score")
    if weight is not None and score is not None:
        if weight > 100 or score > weight + 1e-9:
            return None
        if rate is not None and abs(score - weight * rate / 100) <= SCORE_TOLERANCE:
            met += 1
    return met, lost, out


def split_glued_amounts(text: str, roles: list[str]) -> Optional[list[Optional[str]]]:
    """The value of each column (None where an amount was lost) cut from the digit run ``text``
    opens with, or None when no cut is borne out by the columns' arithmetic."""
    m = RUN.match(fold_chars(text or ""))  # (full-width digits too: the pieces are read as numbers)
    run = m.group() if m else ""
    n = len(roles)
    if not run or len(run) > RUN_MAX or n < 2 or n > len(run):
        return None
    best: Optional[tuple[int, int, list[Optional[str]]]] = None

    def cut(pos: int, pieces: list[str]) -> None:
        nonlocal best
        if len(pieces) == n - 1:
            judged = _judge(pieces + [run[pos:]], roles)
            if judged is not None and judged[0] >= 1 and \
                    (best is None or (judged[0], -judged[1]) > (best[0], -best[1])):
                best = judged
            return
        for end in range(pos + 1, len(run) - (n - 2 - len(pieces))):
            cut(end, pieces + [run[pos:end]])

    cut(0, [])
    return best[2] if best is not None else None


def place_short_line(values: list[str], roles: list[str]) -> Optional[list[str]]:
    """A line printing fewer amounts than its columns (a text row that dropped its empty cells:
    ``年度资金总额: 880 880 880 10 10`` under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): the
    placement, in order, whose arithmetic holds best — a rate that is no executed share of the budget
    (10 where 880/880 is 100 %) counts against. None when the placement from the left is as good."""
    n, k = len(roles), len(values)
    if not 0 < k < n or k + SHORT_LINE_BLANKS_MAX < n or any(_number(v) is None for v in values):
        return None

    def judged(slots: tuple[int, ...]) -> Optional[int]:
        placed = {roles[s]: _number(v) for s, v in zip(slots, values)}
        budget = placed.get("budget_full_year") or placed.get("budget_initial")
        rate, weight, score = placed.get("execution_rate"), placed.get("score_max"), placed.get("score")
        if (weight is not None and weight > 100) or (weight is not None and score is not None and score > weight + 1e-9):
            return None
        met = 0
        if rate is not None and budget and placed.get("executed") is not None:
            met += 1 if _rate(rate, budget, placed["executed"]) is not None else -1
        if rate is not None and weight is not None and score is not None:
            met += 1 if abs(score - weight * min(rate, 100) / 100) <= SCORE_TOLERANCE else 0
        return met

    scored = [(judged(slots), slots) for slots in combinations(range(n), k)]
    scored = [(m, s) for m, s in scored if m is not None]
    if not scored:
        return None
    left = next((m for m, s in scored if s == tuple(range(k))), None)
    best, slots = max(scored, key=lambda x: x[0])  # (the first of equals: the leftmost placement)
    if left is not None and best <= left:
        return None
    out = [""] * n
    for s, v in zip(slots, values):
        out[s] = v
    return out
