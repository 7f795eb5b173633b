"""Submission rules: the form itself breaks a rule of the regulations (see ``data/checks.csv``).

Each function takes the :class:`~jixiao.checks.context.Context` and its :class:`~jixiao.checks.catalog.Rule`
(for the threshold) and returns ``(status, detail)``; the detail is one sentence with the figures.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from jixiao.checks.context import (SUB_PART, Context, every, fmt, has_target, is_part_label, is_total_line, item_key,
                                   quote)
from jixiao.checks.levels import COST, EFFECT, OUTPUT, SATISFACTION
from jixiao.checks.catalog import Rule
from jixiao.normalize.names import name_key
from jixiao.records import BudgetLine, CellRead

Result = tuple[str, str]
NO_ROWS = ("n/a", "no indicator rows were read")


def _printed_level1(ctx: Context) -> str:
    names = list(dict.fromkeys(i.level1 for i in ctx.indicators if i.level1))
    return quote(names, 5) if names else "none"


def _presence(ctx: Context, canonical: str) -> Result:
    if not ctx.indicators:
        return NO_ROWS
    n = sum(1 for c in ctx.level1 if c == canonical)
    if n:
        return "pass", f"{canonical} has {n} 三级指标"
    return "fail", f"no {canonical} among the 一级 (printed: {_printed_level1(ctx)})"


def level1_output_present(ctx: Context, rule: Rule) -> Result:
    return _presence(ctx, OUTPUT)


def level1_effect_present(ctx: Context, rule: Rule) -> Result:
    return _presence(ctx, EFFECT)


def level1_satisfaction_present(ctx: Context, rule: Rule) -> Result:
    if not ctx.indicators:
        return NO_ROWS
    as_l1 = sum(1 for c in ctx.level1 if c == SATISFACTION)
    if as_l1:
        return "pass", f"{SATISFACTION} has {as_l1} 三级指标"
    as_l2 = [i for i, c in zip(ctx.indicators, ctx.level2) if c == SATISFACTION]
    if as_l2:
        return "pass", f"{SATISFACTION} is a 二级 under {as_l2[0].level1 or 'an unnamed 一级'} with {len(as_l2)} 三级指标"
    return "fail", f"no {SATISFACTION}, neither as a 一级 nor as a 二级 (一级 printed: {_printed_level1(ctx)})"


def level1_cost_present(ctx: Context, rule: Rule) -> Result:
    if not ctx.indicators:
        return NO_ROWS
    n = sum(1 for c in ctx.level1 if c == COST)
    if n:
        return "pass", f"{COST} is a 一级 with {n} 三级指标"
    as_l2 = [i for i, c in zip(ctx.indicators, ctx.level2) if c == COST]
    if as_l2:
        return "fail", (f"{COST} is only a 二级 under {as_l2[0].level1 or 'an unnamed 一级'} ({len(as_l2)} 三级指标); "
                        f"from {rule.since_year} it is a 一级 of its own")
    return "fail", f"no {COST} at all (一级 printed: {_printed_level1(ctx)})"


def level3_under_every_level1(ctx: Context, rule: Rule) -> Result:
    if not ctx.indicators and not ctx.form.cells:
        return NO_ROWS
    named: dict[str, int] = {}  # printed 一级 / 二级 name key → named 三级 under it
    labels: dict[str, str] = {}
    for ind in ctx.indicators:
        has_name = 1 if name_key(ind.indicator) else 0
        for level, text in (("一级", ind.level1), ("二级", ind.level2)):
            k = name_key(text) if text else ""
            if k:
                named[k] = named.get(k, 0) + has_name
                labels.setdefault(k, f"{level} {text}")
    # level cells the parser accounted for but no row carries (a level printed with nothing under it)
    for cell in ctx.form.cells:
        if cell.role in ("level1", "level2"):
            k = name_key(cell.text)
            if k and k not in named:
                named[k] = 0
                labels[k] = f"{'一级' if cell.role == 'level1' else '二级'} {''.join(cell.text.split())}"
    if not named:
        return "n/a", "no 一级 or 二级 names are printed"
    empty = [labels[k] for k, n in named.items() if n == 0]
    if empty:
        return "fail", f"{quote(empty)} {'has' if len(empty) == 1 else 'have'} no named 三级指标"
    return "pass", f"each of the {len(named)} 一级/二级 names has a named 三级指标"


def target_present(ctx: Context, rule: Rule) -> Result:
    rows = [i for i in ctx.indicators if name_key(i.indicator)]
    if not rows:
        return NO_ROWS
    missing = [i.indicator for i in rows if not has_target(i)]
    if missing:
        return "fail", f"{len(missing)} of {len(rows)} 三级指标 have no 指标值: {quote(missing)}"
    return "pass", f"{every(len(rows), '三级指标')} {'has' if len(rows) == 1 else 'have'} a 指标值"


def quantitative_share(ctx: Context, rule: Rule) -> Result:
    pairs = [(i, t) for i, t in zip(ctx.indicators, ctx.targets) if has_target(i)]
    if not pairs:
        return "n/a", "no targets were read"
    q = sum(1 for _, t in pairs if t.value is not None or t.deadline)
    share = q / len(pairs)
    threshold = rule.threshold if rule.threshold is not None else 0.5
    status = "pass" if share >= threshold else "fail"
    return status, f"{q} of {len(pairs)} targets ({share:.0%}) are quantitative; threshold {threshold:.0%}"


def duplicate_level3(ctx: Context, rule: Rule) -> Result:
    keys = [name_key(i.indicator) for i in ctx.indicators]
    keys = [k for k in keys if k]
    if not keys:
        return NO_ROWS
    dups = [(k, n) for k, n in Counter(keys).items() if n > 1]
    if dups:
        return "fail", f"{len(dups)} 三级指标 names appear more than once: {quote(f'{k} ×{n}' for k, n in dups)}"
    return "pass", f"the {len(keys)} 三级指标 names are all different"


def deadline_in_year(ctx: Context, rule: Rule) -> Result:
    dated = [(i, t.deadline) for i, t in zip(ctx.indicators, ctx.targets) if t.deadline]
    if not dated:
        return "n/a", "no deadline targets"
    year = ctx.form.year
    if year is None:
        return "n/a", f"{len(dated)} deadline targets but the form's year is unknown"
    outside = [f"{i.indicator or i.target_raw} {d}" for i, d in dated if not d.startswith(f"{year}-")]
    if outside:
        return "fail", f"{len(outside)} of {len(dated)} deadlines fall outside {year}: {quote(outside)}"
    return "pass", f"{every(len(dated), 'deadline')} {'falls' if len(dated) == 1 else 'fall'} inside {year}"


# ---------------------------------------------------------------- funding

AMOUNT_FIELDS = ("amount", "total", "fiscal", "other", "budget_initial", "budget_full_year", "executed")
FIELD_NAMES = {"amount": "金额", "total": "总额", "fiscal": "财政拨款", "other": "其他资金",
               "budget_initial": "年初预算数", "budget_full_year": "全年预算数", "executed": "全年执行数"}


def _tolerance(rule: Rule, summands: int) -> float:
    per = rule.threshold if rule.threshold is not None else 0.011
    return per * max(1, summands)


def _label_parts(parts: list[BudgetLine]) -> list[list[BudgetLine]]:
    """Ways the 其中 lines may add up to the total: all of them, or — where 财政拨款 is printed and
    split again into 当年/上年结转 lines — without the split lines, or without the 财政拨款 line."""
    ways = [parts]
    subs = [p for p in parts if SUB_PART.search(item_key(p))]
    if subs and len(subs) < len(parts):
        ways.append([p for p in parts if p not in subs])
        ways.append([p for p in parts if not (not SUB_PART.search(item_key(p)) and "拨款" in item_key(p))])
    return ways


def _label_blocks(lines: list[BudgetLine]) -> list[tuple[BudgetLine, list[BudgetLine]]]:
    """Label lines (年度资金总额 / 其中：财政拨款 / 其他资金 …) as (total line, its parts). Several
    total lines (中期资金总额 and 年度资金总额 side by side, flattened) pair with the parts' repeats
    in order; when the repeats do not line up the block is left unchecked."""
    totals = [l for l in lines if is_total_line(l)]
    parts = [l for l in lines if is_part_label(l)]
    if not totals or not parts or len(parts) + len(totals) != len(lines):
        return []
    if len(totals) == 1:
        return [(totals[0], parts)]
    by_label: dict[str, list[BudgetLine]] = {}
    for p in parts:
        by_label.setdefault(item_key(p), []).append(p)
    if any(len(group) != len(totals) for group in by_label.values()):
        return []
    return [(t, [group[i] for group in by_label.values()]) for i, t in enumerate(totals)]


def funding_adds_up(ctx: Context, rule: Rule) -> Result:
    lines = ctx.form.budget
    if not lines:
        return "n/a", "no funding lines were read"
    problems: list[str] = []
    checked = 0
    # 1. a task line: 财政拨款 + 其他资金 = 总额
    for line in lines:
        if line.total is not None and (line.fiscal is not None or line.other is not None):
            checked += 1
            parts = (line.fiscal or 0) + (line.other or 0)
            if abs(parts - line.total) > _tolerance(rule, 2):
                problems.append(f"{line.item}: 总额 {fmt(line.total)} ≠ 财政拨款 {fmt(line.fiscal)} + "
                                f"其他资金 {fmt(line.other)} = {fmt(parts)}")
    # 2. label lines: 年度资金总额 = its 其中 lines, in every amount column
    for total, parts in _label_blocks(lines):
        for f in AMOUNT_FIELDS:
            t = getattr(total, f)
            values = [p for p in parts if getattr(p, f) is not None]
            if t is None or not values:
                continue
            checked += 1
            sums = [sum(getattr(p, f) or 0 for p in way) for way in _label_parts(values)]
            if not any(abs(s - t) <= _tolerance(rule, len(values)) for s in sums):
                problems.append(f"{FIELD_NAMES[f]}: {total.item} {fmt(t)} ≠ "
                                f"{' + '.join(fmt(getattr(p, f)) for p in values)} = {fmt(sums[0])}")
    if not checked:
        return "n/a", "no funding line prints both a total and its parts"
    if problems:
        return "fail", f"{len(problems)} of {checked} funding sums do not add up: {quote(problems, 2)}"
    return "pass", f"{every(checked, 'funding sum')} {'adds' if checked == 1 else 'add'} up"


def funding_tasks_sum_to_total(ctx: Context, rule: Rule) -> Result:
    lines = ctx.form.budget
    totals = [l for l in lines if is_total_line(l)]
    tasks = [l for l in lines if not is_total_line(l) and not is_part_label(l)]
    if not totals or not tasks:
        return "n/a", "no total line printed beside the task lines"
    total = totals[-1]
    problems = []
    checked = 0
    for f in AMOUNT_FIELDS:
        t = getattr(total, f)
        values = [getattr(l, f) for l in tasks if getattr(l, f) is not None]
        if t is None or not values:
            continue
        checked += 1
        s = sum(values)
        if abs(s - t) > _tolerance(rule, len(values)):
            problems.append(f"{FIELD_NAMES[f]} of the {len(values)} tasks add up to {fmt(s)}, "
                            f"{total.item} says {fmt(t)}")
    if not checked:
        return "n/a", "the total line and the task lines share no amount column"
    if problems:
        return "fail", quote(problems, 2)
    return "pass", f"the {len(tasks)} task lines add up to {total.item} in {checked} amount columns"


# ---------------------------------------------------------------- self-evaluation scores

def _execution_line(ctx: Context) -> Optional[BudgetLine]:
    """The funding line carrying 预算执行率's 分值 (usually 年度资金总额)."""
    for line in ctx.form.budget:
        if line.score_max is not None:
            return line
    return None


def scores_sum_to_100(ctx: Context, rule: Rule) -> Result:
    weights = [i.score_max for i in ctx.indicators if i.score_max is not None]
    if not weights:
        return "n/a", "no 分值 printed"
    execution = _execution_line(ctx)
    ind_sum = sum(weights)
    exe = execution.score_max if execution is not None else None
    total = ind_sum + (exe or 0)
    tol = rule.threshold if rule.threshold is not None else 0.01
    unweighted = sum(1 for i in ctx.indicators if name_key(i.indicator) and i.score_max is None)
    parts = f"indicators {fmt(ind_sum)} + 预算执行率 {fmt(exe) if exe is not None else 'none printed'}"
    extra = f"; {unweighted} 三级指标 have no 分值" if unweighted else ""
    if abs(total - 100) <= tol:
        return "pass", f"分值 add up to 100 ({parts}){extra}"
    return "fail", f"分值 add up to {fmt(total)}, not 100 ({parts}){extra}"


def score_within_max(ctx: Context, rule: Rule) -> Result:
    pairs = [(i.indicator, i.score, i.score_max) for i in ctx.indicators]
    pairs += [(f"预算执行率 ({l.item})", l.score, l.score_max) for l in ctx.form.budget]
    pairs = [(n, s, m) for n, s, m in pairs if s is not None and m is not None]
    if not pairs:
        return "n/a", "no 得分 printed beside a 分值"
    tol = rule.threshold if rule.threshold is not None else 0.001
    over = [f"{n} 得分 {fmt(s)} > 分值 {fmt(m)}" for n, s, m in pairs if s > m + tol]
    if over:
        return "fail", f"{len(over)} of {len(pairs)} 得分 exceed their 分值: {quote(over)}"
    return "pass", f"{every(len(pairs), '得分')} {'is' if len(pairs) == 1 else 'are'} within {'its' if len(pairs) == 1 else 'their'} 分值"


TOTAL_WORDS = ("总分", "合计", "总计", "得分合计", "总得分", "综合得分", "自评得分", "自评总分")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:分)?$")


def printed_total(cells: list[CellRead]) -> Optional[float]:
    """The 总分 printed in the form's cells: the last number in the row of a 总分/合计 label cell."""
    for label in cells:
        if name_key(label.text).rstrip(":：") not in TOTAL_WORDS:
            continue
        numbers = []
        for c in cells:
            if c is label or not _NUMBER.match("".join(c.text.split())):
                continue
            if _same_row(label, c):
                numbers.append(c)
        if numbers:
            last = max(numbers, key=lambda c: (c.col if c.col is not None else -1,
                                               c.origin.bbox[0] if c.origin.bbox else 0))
            return float("".join(last.text.split()).rstrip("分"))
    return None


def _same_row(a: CellRead, b: CellRead) -> bool:
    oa, ob = a.origin, b.origin
    if oa.bbox and ob.bbox and oa.page == ob.page:
        mid = (ob.bbox[1] + ob.bbox[3]) / 2
        return oa.bbox[1] - 1 <= mid <= oa.bbox[3] + 1 and ob.bbox[0] >= oa.bbox[0]
    if oa.row is not None and oa.row == ob.row and oa.table == ob.table:
        return (b.col or 0) > (a.col or 0)
    return False


def total_score_matches(ctx: Context, rule: Rule) -> Result:
    printed = printed_total(ctx.form.cells)
    if printed is None:
        return "n/a", "no total score (总分) was read"
    scores = [i.score for i in ctx.indicators if i.score is not None]
    execution = _execution_line(ctx)
    exe = execution.score if execution is not None and execution.score is not None else 0
    total = sum(scores) + exe
    tol = rule.threshold if rule.threshold is not None else 0.01
    if abs(total - printed) <= tol:
        return "pass", f"总分 {fmt(printed)} equals the sum of the 得分"
    return "fail", f"总分 printed as {fmt(printed)}, the 得分 add up to {fmt(total)} (indicators {fmt(sum(scores))} + 预算执行率 {fmt(exe)})"


def execution_rate_matches(ctx: Context, rule: Rule) -> Result:
    tol = rule.threshold if rule.threshold is not None else 0.5
    checked = []
    wrong = []
    for line in ctx.form.budget:
        if line.execution_rate is None or line.executed is None or not line.budget_full_year:
            continue
        rate = line.executed / line.budget_full_year * 100
        checked.append(line)
        ok = abs(rate - line.execution_rate) <= tol or (rate > 100 and abs(line.execution_rate - 100) <= tol)
        if not ok:
            wrong.append(f"{line.item} {fmt(line.execution_rate)}% (执行数 {fmt(line.executed)} / 全年预算数 "
                         f"{fmt(line.budget_full_year)} = {rate:.2f}%)")
    if not checked:
        return "n/a", "no line prints 执行率 beside 全年执行数 and 全年预算数"
    if wrong:
        return "fail", f"{len(wrong)} of {len(checked)} 执行率 do not match 执行数 / 全年预算数: {quote(wrong, 2)}"
    return "pass", f"{every(len(checked), '执行率')} {'matches' if len(checked) == 1 else 'match'} 执行数 / 全年预算数 within {fmt(tol)} points"
