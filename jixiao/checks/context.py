"""What every rule looks at: the form, its parsed targets and a few readings computed once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from jixiao.checks.levels import level1_of, level2_canonical
from jixiao.normalize import Target, parse_target, parse_target_parts
from jixiao.normalize.names import name_key
from jixiao.records import BudgetLine, Form, Indicator

# funding line labels (compared on the name key, 其中 removed)
TOTAL_LABEL = re.compile(r"总额|合计|总计")
PART_LABEL = re.compile(r"财政|拨款|其他资金|结转|结余|自筹|一般公共预算|政府性基金|国有资本|社保基金|专户|事业收入|经营收入|上级补助|其他收入")
SUB_PART = re.compile(r"当年|本年|上年|结转|结余")  # lines that split 财政拨款 further


def fmt(x: Optional[float]) -> str:
    """A number as a reviewer reads it: 90, 92.79, 3150.58 (no exponent, no trailing zeros)."""
    if x is None:
        return "—"
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def quote(names, limit: int = 3) -> str:
    """'a', 'b', 'c' and 2 more."""
    names = list(names)
    shown = "、".join(f"{n}" for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def every(n: int, noun: str, plural: str | None = None) -> str:
    """'the one deadline' / 'all 3 deadlines' (Chinese nouns take no plural)."""
    if n == 1:
        return f"the one {noun}"
    return f"all {n} {plural or (noun if not noun.isascii() else noun + 's')}"


def item_key(line: BudgetLine) -> str:
    k = name_key(line.item or "")
    return re.sub(r"^其中[:：]?", "", k)


def is_total_line(line: BudgetLine) -> bool:
    return bool(TOTAL_LABEL.search(item_key(line)))


def is_part_label(line: BudgetLine) -> bool:
    k = item_key(line)
    return bool(k) and not TOTAL_LABEL.search(k) and bool(PART_LABEL.search(k))


@dataclass
class Context:
    form: Form
    targets: list[Target]
    level1: list[str] = field(default_factory=list)  # canonical 一级 per indicator ('' unknown)
    level2: list[str] = field(default_factory=list)  # canonical 二级 per indicator

    @classmethod
    def of(cls, form: Form, targets: Optional[list[Target]] = None) -> "Context":
        if targets is None or len(targets) != len(form.indicators):
            targets = [target_of(ind, form.year) for ind in form.indicators]
        ctx = cls(form=form, targets=list(targets))
        ctx.level1 = [level1_of(i.level1, i.level2) for i in form.indicators]
        ctx.level2 = [level2_canonical(i.level2) for i in form.indicators]
        return ctx

    @property
    def indicators(self) -> list[Indicator]:
        return self.form.indicators


def target_of(ind: Indicator, year: Optional[int]) -> Target:
    """The parsed target of an indicator row (as the dataset layer parses it)."""
    context = {"year": year, "indicator": ind.indicator, "level1": ind.level1, "level2": ind.level2}
    if ind.target_parts is not None:
        return parse_target_parts(*ind.target_parts, **context)
    return parse_target(ind.target_raw, **context)


def has_target(ind: Indicator) -> bool:
    """A 指标值 is printed (for split targets target_raw is the parts joined, 定性 dropped)."""
    return bool("".join((ind.target_raw or "").split()))
