"""The parsers' vocabularies, loaded once from the data tables in ``jixiao/data/``.

Level names, indicator-table column headers, header field keys, goal headings and funding
column headers all live in CSV files; this module turns them into lookup structures. Matching is
on :func:`key` — the text with whitespace, punctuation variants and ``(50分)``-style notes folded —
so ``产出指标(50分)`` and ``实施单位（盖章）`` match their plain entries.
"""
from __future__ import annotations

import csv
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from jixiao.normalize.folding import fold_text
from jixiao.normalize.names import name_key

WS = re.compile(r"\s+")
NOTE = re.compile(r"[（(][^（）()]{0,12}[）)]分?")
WEIGHT_ALONE = re.compile(r"^[（(]?\d{1,3}(?:分)?[）)]$|^[（(]\d{1,3}分?[）)]?$")  # (50) | 30分) | (20分: a weight alone in its cell
# (a scan's OCR doubles the closing bracket or reads it as 一: 产出指标(50分)), 产出指标(50分一)
SCORE_NOTE = re.compile(r"[（(]?\s*[\d.]+(?:\s*[-—~～]\s*[\d.]+)?\s*分?\s*(?:[）)]{1,2}|(?<=分)一)?\s*分?$")
LEVEL_LIKE = re.compile(r"(?:效益|成本|满意度|影响|数量|质量|时效|效果|效率|产出|管理|进度|投入|过程|履职|发展)指标$")
TRAIL = re.compile(r"[：:\s*＊]+$")
HEADING_MAX = 12  # characters of a column heading read by its opening or ending (heading_affixes.csv)
HEADING_YEAR = re.compile(r"(?:19|20)\d\d年(?:度)?")  # a year inside a heading (预期2022年实现值, 2021年实际实现值)


def squash(text: str | None) -> str:
    """Text as printed in the contract's sense: every whitespace character removed."""
    if not text:
        return ""
    return "".join(text.split()) if not text.isascii() or " " in text or "\n" in text else text


@lru_cache(maxsize=65536)
def key(text: str | None) -> str:
    """A cell's text folded for vocabulary lookups (Traditional → Simplified, pinyin injections
    dropped, full-width forms folded; matching only — printed strings are never changed)."""
    t = fold_text(squash(text))
    t = TRAIL.sub("", t)
    t = t.lstrip("*＊★☆※")  # *年度绩效总目标, ★数量指标: a required-field mark
    t = re.sub(r"[（(](?:盖章|签章|万元|元|%|分)[）)]", "", t)
    t = re.sub(r"^[一二三四五六七八九十\d]+[、.．]", "", t)
    return TRAIL.sub("", t)


@lru_cache(maxsize=65536)
def key_no_notes(text: str | None) -> str:
    """Like :func:`key`, also dropping bracketed notes and score notes (``产出指标(50分)`` → ``产出指标``)."""
    k = key(text)
    k2 = NOTE.sub("", k)
    k2 = SCORE_NOTE.sub("", k2) if not k2.isdigit() else k2
    if k2.endswith(")") and k2.count(")") > k2.count("("):
        k2 = k2.rstrip(")")  # a closing bracket OCR read twice: 产出指标（50分）)
    return k2 or k


def _rows(name: str) -> list[dict]:
    with resources.files("jixiao.data").joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=None)
def level_names(whole_cells: bool = False) -> tuple[frozenset, frozenset]:
    """Level names from ``data/levels.csv``, with the readings of a name printed top to bottom in a
    narrow merged cell (two stacked lines) that a viewer or OCR reads column by column. Names marked
    ``cell_only`` (项目完成, which opens indicator names such as 项目完成率) are level names only as a
    whole cell: they are left out unless ``whole_cells`` (the words looked for inside running text).
    A 二级 name only ``under`` a given 一级 is not among them (see :func:`nested_level2`)."""
    l1, l2 = set(), set()
    for r in _rows("levels.csv"):
        if (r["cell_only"] and not whole_cells) or r["under"]:
            continue
        names = l1 if r["level"] == "1" else l2
        names.add(key(r["name"]))
        names.update(stacked_readings(key(r["name"])))
    return frozenset(l1), frozenset(l2)


@lru_cache(maxsize=None)
def nested_level2() -> dict[str, frozenset]:
    """一级 names whose 二级 are names that are 一级 elsewhere (data/levels.csv ``under``): the NDRC
    template's 实施效果指标 stands above 产出指标 and 效益指标 → {key of the 一级: keys of its 二级}."""
    nested: dict[str, set] = {}
    for r in _rows("levels.csv"):
        if r["under"]:
            nested.setdefault(key(r["under"]), set()).add(key(r["name"]))
    return {k: frozenset(v) for k, v in nested.items()}


@lru_cache(maxsize=None)
def cell_only_level_names() -> frozenset:
    """The level names that count only as a whole cell (data/levels.csv cell_only: 项目完成)."""
    whole1, whole2 = level_names(whole_cells=True)
    l1, l2 = level_names()
    return (whole1 | whole2) - (l1 | l2)


@lru_cache(maxsize=None)
def level2_stems() -> frozenset:
    """二级 names of the vocabulary without their 指标 (满意度, 服务对象满意度, 数量): how older
    templates print them; a name of that shape is a 二级 only where its column says so."""
    l1, l2 = level_names()
    return frozenset(n[:-2] for n in l2 if n.endswith("指标") and len(n) >= 4 and n[:-2] not in l1 | l2)


def stacked_readings(word: str) -> set[str]:
    """``产出指标`` printed as 产出/指标 and read by columns: 出标产指 (right column first) and 产指出标."""
    if len(word) != 4:
        return set()
    top, bottom = word[:2], word[2:]
    columns = [top[0] + bottom[0], top[1] + bottom[1]]
    return {columns[1] + columns[0], columns[0] + columns[1]} - {word}


@lru_cache(maxsize=None)
def column_roles() -> dict[str, str]:
    """Column headings → roles; a heading printed after a lead word (heading_affixes.csv ``lead``:
    绩效度量单位, 绩效指标性质) has its listed heading's role unless listed itself."""
    roles = {key(r["header"]): r["role"] for r in _rows("columns.csv")}
    leads = [key(r["affix"]) for r in _rows("heading_affixes.csv") if r["where"] == "lead"]
    for heading, role in list(roles.items()):
        for lead in leads:
            if not heading.startswith(lead):
                roles.setdefault(lead + heading, role)
    return roles


@lru_cache(maxsize=None)
def closed_level1_names() -> frozenset:
    """一级 names whose 二级 are all in the vocabulary (data/cell_words.csv closed_level1)."""
    return frozenset(r["text"] for r in _rows("cell_words.csv") if r["kind"] == "closed_level1")


@lru_cache(maxsize=None)
def grade_words() -> frozenset:
    """One-word grades (优, 良, 中, 差, 较好 …; data/cell_words.csv grade)."""
    return frozenset(r["text"] for r in _rows("cell_words.csv") if r["kind"] == "grade")


@lru_cache(maxsize=None)
def heading_affixes() -> tuple[tuple[str, str, str], ...]:
    """(affix, start|end, role) of column headings the vocabulary does not list, longest first."""
    rows = [(r["affix"], r["where"], r["role"]) for r in _rows("heading_affixes.csv") if r["where"] in ("start", "end")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=65536)
def role_by_affix(text: str) -> Optional[str]:
    """The role a column heading's opening or ending names (全年目标值 → target, 评价得分 → score)."""
    k = key_no_notes(text)
    if not k or len(k) > HEADING_MAX:
        return None
    bare = HEADING_YEAR.sub("", k)
    if bare != k and bare:
        k = bare
        if k in column_roles():
            return column_roles()[k]
    for affix, where, role in heading_affixes():
        if (k.startswith(affix) if where == "start" else k.endswith(affix)):
            return role
    return None


@lru_cache(maxsize=None)
def budget_roles() -> dict[str, str]:
    return {key(r["header"]): r["role"] for r in _rows("budget.csv")}


@lru_cache(maxsize=None)
def field_keys() -> dict[str, tuple[str, int]]:
    return {key(r["key"]): (r["field"], int(r["priority"])) for r in _rows("fields.csv")}


@lru_cache(maxsize=None)
def field_key_pattern() -> re.Pattern:
    keys = sorted((k for k, (f, _) in field_keys().items() if f != "year"), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


@lru_cache(maxsize=None)
def goal_kinds() -> dict[str, str]:
    return {key(r["key"]): r["kind"] for r in _rows("goals.csv")}


@lru_cache(maxsize=None)
def goal_key_pattern() -> re.Pattern:
    keys = sorted(goal_kinds(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def near_miss(k: str, table: dict):
    """The one entry of ``table`` that ``k`` matches but for one character (OCR misreads: one read
    wrong or one too many), else None.

    Only for headings of four or more characters, and only when exactly one entry is that close.
    """
    if len(k) < 4:
        return None
    close = {v for w, v in table.items() if len(w) == len(k) and sum(a != b for a, b in zip(w, k)) == 1}
    if not close:  # one character too many (全年执行粘数)
        shorter = {k[:i] + k[i + 1:] for i in range(len(k))}
        close = {v for w, v in table.items() if len(w) >= 4 and w in shorter}
    if not close:
        close = {v for w, v in table.items() if len(w) >= 4 and _stacked(w, k)}
    return close.pop() if len(close) == 1 else None


def _stacked(word: str, k: str) -> bool:
    """``k`` holds the characters of ``word`` in another order, at most one repeated: a heading
    printed in two stacked lines (竖排 or wrapped in a narrow cell) read line by line by OCR or a
    viewer (全年完成值 → 年成值全完值)."""
    if not (len(word) <= len(k) <= len(word) + 1) or k[0] not in word or sorted(set(word)) != sorted(set(k)):
        return False
    counts = {ch: k.count(ch) - word.count(ch) for ch in set(k)}
    return all(0 <= d for d in counts.values()) and sum(counts.values()) == len(k) - len(word)


@lru_cache(maxsize=65536)
def level_of(text: str) -> frozenset:
    """Which indicator levels a label can be: {1}, {2}, {1, 2} or set()."""
    k = key_no_notes(text)
    if not k:
        return frozenset()
    l1, l2 = level_names(whole_cells=True)
    found = frozenset(n for n, names in ((1, l1), (2, l2)) if k in names)
    if not found:
        k2 = name_key(text)  # tags, marks and numbering around the name: (必填硬性指标), ★, （一）
        if k2 != k:
            found = frozenset(n for n, names in ((1, l1), (2, l2)) if k2 in names)
    return found


def looks_like_level_label(text: str) -> bool:
    """A level name outside the vocabulary still reads like one: short and ending in 指标."""
    k = key_no_notes(text)
    return bool(k) and len(k) <= 16 and bool(LEVEL_LIKE.search(k)) and not re.search(r"\d", k)


@lru_cache(maxsize=None)
def level2_endings() -> tuple[str, ...]:
    """Words 二级 names outside the vocabulary end with (预算执行管理; data/cell_words.csv level2_end)."""
    return tuple(r["text"] for r in _rows("cell_words.csv") if r["kind"] == "level2_end")


@lru_cache(maxsize=None)
def area_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words place names end with, longest first: a town's or county's (街道, 镇, 县; data/cell_words.csv
    area_end) and a village's (村, 社区: area_low), which belongs to the town before it."""
    rows = _rows("cell_words.csv")
    return tuple(tuple(sorted((r["text"] for r in rows if r["kind"] == kind), key=len, reverse=True))
                 for kind in ("area_end", "area_low"))


@lru_cache(maxsize=None)
def nature_words() -> frozenset:
    """A column's marks of an indicator's nature (定量指标, 定性): words no level name is (data/cell_words.csv)."""
    return frozenset(key(r["text"]) for r in _rows("cell_words.csv") if r["kind"] == "nature")


@lru_cache(maxsize=None)
def phrase_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words a target in words opens with (按, 严格, 全部 …) and ends with (执行, 到位, 达成 …): data/cell_words.csv."""
    rows = _rows("cell_words.csv")
    return (tuple(r["text"] for r in rows if r["kind"] == "phrase_start"),
            tuple(r["text"] for r in rows if r["kind"] == "phrase_end"))


PHRASE_MAX = 30  # characters of a target in words of its own (严格执行相关制度规定)
EXPLANATION_MIN = 6  # characters of an indicator's explanation (反映…情况)


@lru_cache(maxsize=1)
def explanation_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Words an indicator's explanation (指标解释) opens with (反映, 衡量 …) and ends with (情况, 程度 …), and the
    openers that make any sentence ending in 。 one (反映疾病预防控制中心经费。)."""
    rows = _rows("cell_words.csv")
    return tuple(tuple(r["text"] for r in rows if r["kind"] == kind)
                 for kind in ("explain_open", "explain_end", "explain_sentence"))  # type: ignore[return-value]


def reads_as_explanation(text: str) -> bool:
    """A 指标解释 cell: opens and ends as explanations do (反映资金使用情况, 反映…经费。), no comparison in it."""
    k = key(text)
    opens, ends, sentences = explanation_words()
    if len(k) < EXPLANATION_MIN or re.search(r"[≥≤<>=≧≦]", k):
        return False
    return (k.startswith(opens) and k.endswith(ends)) or (k.startswith(sentences) and text.rstrip().endswith("。"))


def reads_as_phrase(text: str) -> bool:
    """A target in words of its own: opens as targets do and ends in a result word (按规定执行,
    全部达成, 严格执行相关制度规定), more than the two words, no digits."""
    k = key(text)
    starts, ends = phrase_words()
    return 3 <= len(k) <= PHRASE_MAX and not re.search(r"\d", k) and \
        any(k.startswith(w) for w in starts) and any(k.endswith(w) and len(k) > len(w) for w in ends)


LEVEL2_MAX = 12  # characters of a 二级 name outside the vocabulary (部门结转结余资金管理)


def ends_like_level2(text: str) -> bool:
    """Short, without digits, and more than a word 二级 names end with (预算编审管理, not 管理)."""
    k = key_no_notes(text)
    return len(k) <= LEVEL2_MAX and not re.search(r"\d", k) and \
        any(k.endswith(w) and len(k) > len(w) for w in level2_endings())


@lru_cache(maxsize=None)
def org_suffix_pattern() -> str:
    """Regex alternation of the words a unit's name ends with (局, 委员会, 学校 … data/org_suffixes.csv)."""
    words = sorted((r["suffix"] for r in _rows("org_suffixes.csv")), key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, words)) + ")"


ORDER_RARITY = 0.5  # the cost of a template order per unit of log rarity among the real forms' headers


@lru_cache(maxsize=None)
def template_orders() -> tuple[tuple[tuple[str, ...], float], ...]:
    """The value columns (after the 三级 name) real forms' headers print, in order (data/template_orders.csv),
    each with its cost: ORDER_RARITY × ln(pages of all orders / pages of this one)."""
    rows = [(tuple(r["values"].split()), int(r["pages"])) for r in _rows("template_orders.csv")]
    total = sum(n for _, n in rows)
    return tuple((values, ORDER_RARITY * math.log(total / n)) for values, n in rows)

