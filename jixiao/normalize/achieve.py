"""Targets against actuals: was a self-evaluation's 实际完成值 enough for its 指标值?

Part of ``normalize/`` (strings → typed values); pure. The actual is parsed with the same
normaliser as the target (:func:`parse_actual`); :func:`judge` then gives ``achieved`` (True,
False, or None when it cannot be decided) and ``completion``. The vocabularies are data:
``data/outcomes.tsv`` (outcome words), ``data/directions.tsv`` (which way is better for = and 约
targets), ``data/unit_same.tsv`` (units that count the same thing). The numbers are settings
(:class:`AchievementRules`).

Rules, in the order they are tried:

1. **Units.** Both sides are compared in standard units (万元 and 元, 亩 and 平方米, 万人 and 人;
   % and 百分比 are one unit). An actual written as a bare number under a target with a unit takes
   the target's unit (target ``≥28万亩``, actual ``8`` → 8万亩); under a % target a bare decimal
   fraction below 1 is a share (``0.96`` → 96%). 名/位 count as 人, 日 as 天, 月 as 个月. A target
   without a unit is compared with the actual's number as written. Units of different kinds
   (人 against 次) leave the row undecided.
2. **Numbers.** ``>=`` met when actual ≥ target; ``>`` when actual > target; ``<=``, ``<`` likewise;
   ``between`` when low ≤ actual ≤ high. ``=`` is met when the actual is within
   ``eq_tolerance`` (0.5 %) of the target, and ``approx`` (约, 左右) within ``approx_tolerance``
   (10 %); past that, an actual on the better side still meets it (=90% met by 95%), on the
   worse side it does not. The better side is "more" unless ``directions.tsv`` says "less" (cost
   levels; names with 投诉, 事故, 发生率, 时限 …) or the target is ``=0`` (none allowed). An actual
   written with its own comparator (``≥100%``) is compared by its number; a range actual is
   undecided.
3. **Deadlines.** A date target is met when the actual date (``2023年10月13日``, ``12月29日完成``
   with the form's year, ``2022年11月`` = its last day) is on or before it, not met when after.
4. **Words.** Where no number or date decides, the actual's words do (``outcomes.tsv``): a
   no-word (未完成, 部分达成, 延期, 否 …, or a yes-word after 未/不/没/无/部分: 不合格) → False; an
   any-target yes-word (完成, 已完成, 达到, 达成目标值, 达标 …) → True; a deadline word (按时,
   按期, 如期) → True for a deadline target; a quality word (是, 合格, 良好, 明显改善, 有所提升 …)
   → True only for a qualitative target; an actual that repeats a qualitative target (高 / 高)
   → True. 基本完成, 基本提高 and the like stay undecided.
5. Anything else (a qualitative target with a number as actual, an empty actual) is None.

``completion`` = actual / target in standard units for numeric targets (the lower end of a
``between``), rounded to 6 decimals; empty for deadlines, qualitative targets, incomparable
units and a target of 0 (a ratio to zero means nothing). It is the same ratio for every
comparator: for ``≤``/``<`` targets (ceilings, costs) a completion below 1 is the good side —
read it with ``achieved``, which knows the direction.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from . import parse_target
from .folding import fold_text
from .vocab import read_table
from .target import Target

NUMERIC = {">=", ">", "<=", "<", "=", "approx", "between"}


@dataclass(frozen=True)
class AchievementRules:
    """The numbers of the rules above."""

    eq_tolerance: float = 0.005       # relative: = 100 is met by 99.5 … 100.5
    approx_tolerance: float = 0.10    # relative: 约100 is met by 90 … 110
    fraction_as_percent: bool = True  # 0.96 under a % target reads as 96%


DEFAULT_RULES = AchievementRules()


@dataclass(frozen=True)
class Judgement:
    achieved: Optional[bool]
    completion: Optional[float]


@lru_cache(maxsize=1)
def _vocab():
    rows = read_table("outcomes.tsv")
    outcomes = {fold_text(r["word"]): (r["verdict"], r["applies"]) for r in rows if r["applies"] != "prefix"}
    prefixes = sorted(((fold_text(r["word"]), r["verdict"]) for r in rows if r["applies"] == "prefix"),
                      key=lambda p: -len(p[0]))
    directions = read_table("directions.tsv")
    down_levels = {r["word"] for r in directions if r["kind"] == "level"}
    down_words = tuple(r["word"] for r in directions if r["kind"] == "name")
    same = {r["unit"]: r["as"] for r in read_table("unit_same.tsv")}
    maxlen = max(map(len, outcomes))
    return outcomes, maxlen, down_levels, down_words, same, prefixes


def _number_text(v: float) -> str:
    return f"{v:.10f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))


def parse_actual(actual_raw: Optional[str], target: Target, *, year: Optional[int] = None,
                 rules: AchievementRules = DEFAULT_RULES) -> Target:
    """``actual_raw`` parsed like a target, then put in the target's unit where it has none."""
    actual = parse_target(actual_raw or "", year=year)
    if actual.value is None or actual.unit or not target.unit or actual.comparator == "between":
        return actual
    value = actual.value
    if (rules.fraction_as_percent and target.unit_std == "%" and 0 < value < 1
            and target.value is not None and target.value > 1 and "." in (actual_raw or "")):
        value = value * 100
    as_target = parse_target(_number_text(value) + target.unit, year=year)
    if as_target.value is None or as_target.unit != target.unit:
        return actual
    return replace(actual, value=value, unit=target.unit, value_std=as_target.value_std,
                   unit_std=as_target.unit_std)


def _same_unit(a: Optional[str], b: Optional[str]) -> bool:
    same = _vocab()[4]
    return same.get(a or "", a or "") == same.get(b or "", b or "")


def lower_is_better(target: Target, name: Optional[str] = None, level1_std: Optional[str] = None,
                    level2_std: Optional[str] = None) -> bool:
    """True when less is the better side of an = or 约 target (see ``directions.tsv``)."""
    _, _, down_levels, down_words, _, _ = _vocab()
    if target.value == 0:
        return True
    if level1_std in down_levels or level2_std in down_levels:
        return True
    key = fold_text(name or "")
    return any(w in key for w in down_words)


def _outcome(actual_raw: str, target: Target) -> Optional[bool]:
    outcomes, maxlen, _, _, _, prefixes = _vocab()
    text = fold_text(actual_raw)
    if not text:
        return None
    kind = "deadline" if target.deadline else "text" if target.comparator == "text" else "number"
    verdicts = []
    i = 0
    while i < len(text):
        hit = None
        for size in range(min(maxlen, len(text) - i), 0, -1):
            word = text[i:i + size]
            if word in outcomes:
                hit = word
                break
        if hit is None:
            i += 1
            continue
        verdict, applies = outcomes[hit]
        if verdict == "yes":
            before = next((v for p, v in prefixes if text[:i].endswith(p)), None)
            if before is not None:
                verdict, applies = before, "any"
        if applies == "any" or applies == kind:
            verdicts.append(verdict)
        i += len(hit)
    if "no" in verdicts:
        return False
    if "open" in verdicts:
        return None
    if "yes" in verdicts:
        return True
    return None


def _meets(comparator: str, t: float, tmax: Optional[float], a: float, down: bool,
           rules: AchievementRules) -> Optional[bool]:
    eps = 1e-9 * max(1.0, abs(t))
    if comparator == ">=":
        return a >= t - eps
    if comparator == ">":
        return a > t + eps
    if comparator == "<=":
        return a <= t + eps
    if comparator == "<":
        return a < t - eps
    if comparator == "between":
        return tmax is not None and t - eps <= a <= tmax + eps
    tol = rules.eq_tolerance if comparator == "=" else rules.approx_tolerance
    if abs(a - t) <= tol * abs(t) + eps:
        return True
    return a < t if down else a > t


def judge(target: Target, actual: Target, actual_raw: Optional[str], *, target_raw: Optional[str] = None,
          name: Optional[str] = None, level1_std: Optional[str] = None, level2_std: Optional[str] = None,
          rules: AchievementRules = DEFAULT_RULES) -> Judgement:
    """``achieved`` and ``completion`` of one indicator row (``actual`` from :func:`parse_actual`)."""
    if not (actual_raw or "").strip() or not target.comparator:
        return Judgement(None, None)
    # numbers
    if target.comparator in NUMERIC and target.value_std is not None and actual.value is not None:
        if actual.comparator == "between":
            return Judgement(None, None)
        if target.unit_std or actual.unit_std:
            if not target.unit_std:
                t, tmax, a = target.value, target.value_max, actual.value
            elif _same_unit(target.unit_std, actual.unit_std):
                t, tmax, a = target.value_std, target.value_max_std, actual.value_std
            else:
                return Judgement(None, None)
        else:
            t, tmax, a = target.value_std, target.value_max_std, actual.value_std
        down = target.comparator in ("=", "approx") and lower_is_better(target, name, level1_std, level2_std)
        met = _meets(target.comparator, t, tmax, a, down, rules)
        completion = round(a / t, 6) if t else None
        return Judgement(met, completion)
    # deadlines
    if target.deadline and actual.deadline:
        return Judgement(actual.deadline <= target.deadline, None)
    # words
    verdict = _outcome(actual_raw or "", target)
    if verdict is None and target.comparator == "text" and target_raw:
        if fold_text(actual_raw) == fold_text(target_raw):
            verdict = True
    return Judgement(verdict, None)
