"""How well one cell's text fits each role of an indicator table: the decoder's emission scores.

Part of ``parsers/`` (pure). A score is a log-odds-like number: positive when the text looks like
that role (a level name from the vocabulary for 一级/二级, a value shape for 指标值, a bare number
for 分值/得分 …), strongly negative when it cannot be it (a level name is never a target, a
sentence is never a unit). The weights live in :class:`FitWeights`; the decoder adds the
sequence evidence (column order, row breaks, positions) on top.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.normalize import parse_target
from jixiao.normalize.names import strip_marks
from jixiao.parsers.cellkind import (
    CJK, EMPTYISH, enumerates, is_bare_numbering, is_noise, is_operator, is_placeholder, is_unit, opens_with_numbering,
    qualitative_suffixes,
)
from jixiao.parsers.vocab import (
    column_roles, ends_like_level2, key, key_no_notes, level_of, looks_like_level_label, nature_words, reads_as_explanation, reads_as_phrase)

BARE_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
SCORE = re.compile(r"^[-+]?\d{1,3}(?:\.\d+)?分?$")
VALUE_ONLY = re.compile(
    r"^(?:[≥≤><=＞＜＝≧≦≈]|[<>]=|大于等于|小于等于|不低于|不高于|不少于|不超过|大于|小于|约)?"
    r"[-+]?\d[\d.,，]*(?:[%％‰]|[^\d\s，。；,.、:：]{0,6})?(?:以上|以下|以内|左右|及以上|及以下)?$")
REFERRING = ("此指标", "该指标")  # an indicator named before (不适用此指标): a sentence, no label (成本指标 is one)
SENTENCE = re.compile(r"[。；;，,].+|.{26,}")
DONE_WORDS = re.compile(r"^(?:已?完成|未完成|达成|已达成|达到|未达到|基本完成|部分完成|全部完成|是|否|已公开|按时完成|达成预期指标|"
                        r"部分达成预期指标|未达成预期指标|达成目标|达成目标值|全部达成)")

VALUE_ROLES = ("operator", "target", "unit", "actual", "score_max", "score", "deviation", "extra", "standard")
LEVEL_ROLES = ("level1", "level2", "indicator")


@dataclass(frozen=True)
class FitWeights:
    level_vocab: float = 4.0
    level_ambiguous: float = 3.0  # a name that is both a 一级 and a 二级 name (成本指标, 满意度指标)
    level_like: float = 1.5  # ends in 指标, short, outside the vocabulary
    level2_ending: float = 2.5  # as a 二级: ends as 二级 names do (预算执行管理), outside the vocabulary
    impossible: float = -9.0
    indicator_text: float = 1.0
    value_shape: float = 2.5
    qualitative: float = 1.2
    short_text_target: float = 0.4
    score_number: float = 2.5
    group_word: float = 3.0
    header_word: float = 2.0
    noise: float = 3.0
    unread: float = -5.0
    numbering_skip: float = 0.0  # 目标1 in a cell of its own before the name (Fujian's old template): no name itself
    unit_words: float = -1.0  # words in a unit column: only the column they stand in makes them its text


WEIGHTS = FitWeights()


def labels_a_level(text: str) -> bool:
    """Words that may label a level where a grid's 一级/二级 column stands (项目绩效实现情况(80分)),
    not a value, number, mark, heading or placeholder."""
    s = shape(key_no_notes(text))  # (its weight, (80分), is a note)
    return bool(CJK.search(text)) and not (s.empty or s.value or s.number or s.score or s.header or s.group or
                                          s.placeholder or s.numbering or s.operator or s.noise or _known_unit(text))


@lru_cache(maxsize=None)
def _group_words() -> frozenset:
    return frozenset(k for k, r in column_roles().items() if r == "group") | {"绩效指标", "年度绩效指标", "绩效目标"}


@dataclass(frozen=True)
class Shape:
    """What a cell's text looks like, computed once per distinct text."""

    empty: bool
    levels: frozenset
    level_like: bool
    level2_ending: bool  # ends as 二级 names outside the vocabulary do (预算执行管理)
    phrase: bool  # a target in words of its own (按规定执行, 全部达成)
    explanation: bool  # an indicator's explanation (反映资金使用情况): a 指标解释 column's cell
    header: str | None
    group: bool
    value: bool  # a number-bearing target shape (≥90%, 100, 2023年12月前)
    value_only: bool  # nothing but the value (no words around it)
    qualitative: bool
    operator: bool
    unit: bool
    number: bool
    score: bool
    sentence: bool
    noise: bool
    done: bool
    placeholder: bool
    numbering: bool  # nothing but a name's numbering (指标2, 任务1:, （一）): a placeholder row's name
    numbered: bool  # a name's numbering, then words (指标3.化妆品抽验平均标准): a name, never a value
    nature: bool  # 定性 / 定量: the 指标性质 column's marker, never a value (not an operator either)


@lru_cache(maxsize=65536)
def shape(text: str) -> Shape:
    t = text or ""
    empty = t in EMPTYISH
    lv = level_of(t) if t else frozenset()
    hdr = _header_role(t) if t else None
    numbered = bool(t) and opens_with_numbering(t) and not enumerates(t)
    hinted = bool(t) and strip_marks(t, ("hint",)).strip() not in ("", t)  # 隔离舍(≥**平方米): a name with its template hint
    target = parse_target(t) if t and not empty and not numbered and not hinted else None  # (指标1:机柜数量 names a row)
    value = bool(target and target.comparator not in ("", "text"))
    k = key(t)
    return Shape(
        empty=empty,
        levels=lv,
        level_like=bool(t) and not lv and k not in nature_words() and
        (looks_like_level_label(t) or _ends_like_level(key_no_notes(t))),
        level2_ending=bool(t) and not lv and ends_like_level2(t),
        phrase=bool(t) and reads_as_phrase(t),
        explanation=bool(t) and reads_as_explanation(t),
        header=hdr,
        group=key_no_notes(t) in _group_words(),
        value=value,
        value_only=(not numbered and bool(VALUE_ONLY.match(k))) or (value and len(k) <= 12 and not re.search(r"[\u4e00-\u9fff]{4}", k)),
        qualitative=bool(t) and not value and (k in _qualitative() or k.endswith(qualitative_suffixes()) and len(k) <= 12),
        operator=bool(t) and is_operator(t),
        unit=bool(t) and not value and is_unit(t) and len(k) <= 6,
        number=bool(BARE_NUMBER.match(k.replace(",", ""))),
        score=_is_score(k),
        sentence=bool(SENTENCE.search(k)),
        noise=bool(t) and is_noise(t),
        done=bool(DONE_WORDS.match(k)),
        placeholder=bool(t) and is_placeholder(t),
        numbering=bool(t) and is_bare_numbering(t),
        numbered=numbered,
        nature=k in nature_words(),
    )


@lru_cache(maxsize=None)
def _qualitative() -> frozenset:
    return frozenset(qualitative_suffixes())


@lru_cache(maxsize=65536)
def _known_unit(text: str) -> bool:
    """A unit of the normaliser's vocabulary, bracketed or not: 人, 万元, %(百分比), （平方米）."""
    from jixiao.normalize.vocab import UNITS, fold

    k = fold(re.sub(r"[（(][^（）()]*[）)]$", "", text).strip("（()）")) or fold(text.strip("（()）"))
    return k in UNITS or k.lower() in UNITS or text.strip("-—") == ""


def _ends_like_level(k: str) -> bool:
    # (a sentence naming "this indicator" is none: 本项目不适用此指标, 无该指标)
    return k.endswith("指标") and 4 <= len(k) <= 12 and not re.search(r"\d", k) and not DONE_WORDS.match(k) \
        and not k.endswith(REFERRING)



def _header_role(text: str) -> str | None:
    roles = column_roles()
    return roles.get(key(text)) or roles.get(key_no_notes(text))


def fit(text: str, role: str, w: FitWeights = WEIGHTS) -> float:
    """The emission score of ``text`` in ``role`` (one of LEVEL_ROLES, VALUE_ROLES or ``skip``)."""
    if w is WEIGHTS:
        return _fit_default(text, role)
    return _fit(text, role, w)


SCORE_MAX = 100  # a weight or score is out of a form's 100 points (180 beside a target of 180 is its actual)


def _is_score(k: str) -> bool:
    m = SCORE.match(k)
    return bool(m) and abs(float(k.rstrip("分"))) <= SCORE_MAX


@lru_cache(maxsize=262144)
def _fit_default(text: str, role: str) -> float:
    return _fit.__wrapped__(text, role, WEIGHTS)


@lru_cache(maxsize=262144)
def _fit(text: str, role: str, w: FitWeights) -> float:
    s = shape(text)
    if role == "skip":
        if s.noise and (s.number or s.value):
            return 0.0  # a bare number may be a page number, but far more often it is a value
        if s.group or s.noise:
            return w.group_word
        if s.header:
            return w.header_word
        if s.empty:
            return -0.3  # a blank cell is more likely an empty column of the row than nothing at all
        if s.placeholder:
            return 1.0
        if s.numbering:
            return w.numbering_skip
        return w.unread
    if s.empty:
        # an empty mark (/, —, 无) stands in a value column; it never names a level or indicator
        if role == "target":
            return -1.0  # an empty target is rare: more often the blank is a spilled line of a flattened row
        return 0.0 if role in VALUE_ROLES else w.impossible
    if role in ("level1", "level2"):
        n = 1 if role == "level1" else 2
        if (s.group or s.header) and not s.levels:
            return w.impossible
        if n in s.levels:
            return w.level_ambiguous if len(s.levels) == 2 else w.level_vocab
        if s.levels:
            return -3.0  # a 二级 name in the 一级 slot: possible (older templates) but unlikely
        if s.level_like:
            return w.level_like
        if n == 2 and s.level2_ending:
            return w.level2_ending
        # a short label outside the vocabulary: only the column it stands in can make it a level
        return -3.5 if len(text) <= 10 and not re.search(r"\d", text) and not s.value else w.impossible
    if s.levels or s.level_like:
        return w.impossible if role != "indicator" else -4.0
    if s.header or s.group:
        return -6.0
    if s.numbering:
        return w.indicator_text if role == "indicator" else w.impossible
    if s.explanation and role in ("indicator", "target", "standard", "actual"):
        return -1.5  # 反映…情况 explains a row's name: a 指标解释 cell, rarely a name or a value
    if role == "indicator":
        if s.value_only or s.operator or s.score or not CJK.search(text):
            return -3.0  # (a name is written in Chinese: qrcode under a page's table is none)
        if s.unit and _known_unit(text):
            return -2.0  # %(百分比), 万元: a unit cell
        if s.qualitative or s.done:
            return -1.0
        if s.phrase:  # 按规定执行, 全部达成: worded as a target, rarely as a name
            return w.indicator_text - 0.5
        return w.indicator_text
    if s.numbered and role in ("target", "standard", "actual"):
        return -3.0  # 指标2.药品抽验平均标准 ⏎ 指标3.化妆品抽验平均标准: two unfilled rows, not a name and its target
    if s.nature and role in ("target", "standard", "actual"):
        return w.impossible
    if role in ("target", "standard"):  # (a grade's standard, 保障95-98%, is written as targets are)
        if s.operator:
            return -2.0
        if s.value:
            return w.value_shape if s.value_only else w.value_shape - 0.8
        if s.qualitative or s.phrase:
            return w.qualitative
        if s.done:
            return 0.3
        return w.short_text_target if len(text) <= 14 else 0.0
    if role == "actual":
        if s.operator:
            return -3.0
        if s.value:
            return w.value_shape - 0.3 if s.value_only else w.value_shape - 1.0
        if s.done or s.qualitative:
            return w.qualitative + 0.3
        if s.phrase:  # (written as a target more often than as what was achieved)
            return w.qualitative - 0.2
        return 0.2 if len(text) <= 14 else -0.2
    if role == "operator":
        return 4.0 if s.operator else w.impossible
    if role == "unit":
        if s.unit:
            return 2.0 if _known_unit(text) else 0.3
        if not s.number and len(text) <= 40:
            return w.unit_words  # 单位(文字描述): a target in words written in the unit column
        return w.impossible
    if role in ("score_max", "score"):
        return w.score_number if s.score else w.impossible
    if role == "deviation":
        if s.number or s.value_only:
            return -2.0
        return 0.6 if s.sentence else 0.1
    if role == "extra":
        return -0.4 if s.value_only else (1.0 if s.explanation else 0.0)
    raise ValueError(role)


def skipped_role(text: str) -> str:
    """What a cell the decoder skipped was: a heading, noise, a placeholder — or unread."""
    s = shape(text)
    if s.empty:
        return "placeholder"
    if s.group or s.header or s.levels or s.level_like:
        return "heading"
    if s.noise:
        return "noise"
    if s.placeholder:
        return "placeholder"
    return "unread"
