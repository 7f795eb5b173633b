"""A glued table body → rows of cells, decoded against its header's columns.

Part of ``parsers/`` (pure). A document-sharing preview prints a table with no separator at all,
rows included: under ``指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)`` comes
``天然林和公益林管护当期任务完成率%901010010国家级公益林管护面积万亩2810810…``. Nothing marks where
one cell or one row ends, and 分值/完成值/得分 are run together into one digit string.

The header says what each row must hold, in order. Every column has a grammar (a name is running
text; a unit a unit word; a weight or score a number of at most 100; a target a value expression,
a grade or a qualitative phrase; a yes/no column 是/否 …) and any column but the name may be
empty. The body is read by dynamic programming over character positions and columns at once — the
cheapest way to cut the whole run into rows that each follow the header — with costs for empty
and doubtful cells and hard limits (a score never exceeds its weight, a number has no leading
zero). A second pass adds what the first learnt about the table as a whole: a column filled in
most rows costs more to leave empty, and the weight most rows share is preferred
(``0.910010`` → 0.9 | 10 | 0 | 10 rather than 0.9 | 100 | 1 | 0).

A one-character grade (中, 优, 有) that opens a word of jieba's dictionary (中心, 优质, 有序) costs
extra: cut there, a name would lose half a word (measured on the real forms' preview flattening:
indicator F1 0.567 → 0.586, the real set unchanged). Only the dictionary's word list is read, not
its segmenter. An actual filled like its target (the same words, or the same unit after the
number) is likelier than one that is not.

Under a 一级 printed alone (管理指标), the rows of a self-evaluation may each open with a 二级 of
their own that no vocabulary knows (预算编审管理, 部门结转结余资金管理): a ``level2`` column then
reads running text ending as 二级 names do (…管理; data/cell_words.csv level2_end), and since each
such row ends in its scores, which carry no unit, a row may end before a unit word (44|部门预算管理).
Measured on the real forms: preview flattening 0.624 → 0.644, one row per line 0.853 → 0.879.

In a text known to be one row, a target or actual may be a clause of words holding its values
(无资产损失、利用率高于80%, 签约率提高1%X体检率提高2%): cheaper when its words name part of the row's
name, or when the actual repeats the target's words; a clause ends at a result word unless a list or
a value goes on (有所减轻|对家庭负担…). A name running on past its ending (…率) into a word targets open
with (无, 按) costs, and so does a share (1%) inside a name. Measured on the real set: indicator F1
0.961 → 0.972; the real forms glued 0.879 → 0.911, preview 0.680 → 0.700, other flattenings unchanged.
A clause may also open with its comparison (至少1次…) and end in words to the end of the row, never
opens with the word closing the value before it (95%|以上…), and a value opening with the measure its
row's name holds (…满意比例|满意率100%) may cut the name there; under an open 二级 column a name
ending as 二级 names do costs (…资金管理|结余率). The real forms glued 0.911 → 0.926, preview → 0.704.

A cell never ends on a function word (新增和|改善…) or opens with a particle that starts no word there
(…空气质量改善|的满意程度), a target is not a bare verb before more words (向各类新闻媒体|完成|林业新闻…: none
of the real forms' 619 targets is 完成 or 改善 alone; data/cell_words.csv dangling_*, bare_rare), and a
name is more than its numbering (指标1:|提升). The real forms' preview flattening 0.760 → 0.785, the
other flattenings and the real set unchanged. Nor does a cell end inside a bracket it opened (粉碎拌合机(|1|1
⏎ kw)(≥台)…, a name with its template hint): preview 0.709 → 0.719, the other flattenings unchanged. A name's
list numbering may open right after the scores of the row before (…20000亩15|1、水稻…): preview → 0.722.

What no row can take (a row cut off by the end of a preview) is returned as left over, for the
form's accounting to report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from jixiao.normalize.dictionary import dictionary_words
from jixiao.normalize.names import numbering_at
from jixiao.normalize.vocab import COMPARATOR_MAXLEN, COMPARATORS, MULTIPLIER_MAXLEN, MULTIPLIERS, UNIT_MAXLEN, UNITS
from jixiao.parsers.lexer import DATE, fold_chars, fold_mapped, level_words, printed_end, value_at
from jixiao.parsers.vocab import LEVEL2_MAX, PHRASE_MAX, _rows, ends_like_level2, key, level_names, stacked_readings

RANGE_MARKS = "-—~～至"  # what joins the two ends of a range (2018-2022)
SHORT_NAME = 3  # characters: indicator names are rarely shorter (补助, 面积 are parts of names)
NAME_MAX = 40  # characters of an indicator name in a glued row
ROW_MAX = 400  # characters of a text read as one row (decode_row)
BODY_MAX = 8000  # characters of one glued body read (about 1 s per 1,000); longer ones are left over, reported
FREE_MAX = 6  # characters of an unrecognised value cell (OCR damage: 到0次, 第O份)
WORD_MIN_FREQ = 100  # jieba dictionary frequency from which a word counts (中心 23969, 有序 523)
SENTENCE_ITEMS = 3  # values in one clause of words (签约率提高1%X体检率提高2%)
MEASURE_MAX = 5  # characters of a measure's name a value opens with, repeating its row's name (满意率100%)
MENTION_MIN = 4  # characters of a value in words that may name part of its row's name (not a grade: 及时)
SHARE_DIGITS = 3  # digits of the largest share a target prints before % (100%, 120%; 20100% is 20 | 100%)
MAX_ROW_ENDS = 16  # places a row may end in one piece read by decode_scored_rows (each pair is one decode_row)
NUMBER_ROLES = ("score_max", "score")
NUMBERING_MARKS = "、.．"  # what closes a name's list numbering (1、 2.)
LIST_MARKS = "、，,；;"  # marks between the items of a list: no cell opens or ends with one
SIGNS = "<>=≥≤≧≦＞＜＝"  # comparison signs: no name ends with one
OPENING, CLOSING = "(（[【", ")）]】"  # brackets a cell opens and closes within itself
SENTENCE_STOPS = "。；;！!"  # marks ending a sentence: a name running on past one is two cells
ECHO_MIN = 4  # characters of a name's tail a target repeats (…标准化建设|…标准化建设; 及时率 is a word of both)

VALUE_ROLES = ("target", "actual")
WORDS_BEFORE_NUMBER = re.compile(r"\D*")  # a value's words before its first digit (签约率提高 of 签约率提高1%)


DEADLINE_WORDS = "前底末"  # words closing a month's deadline (9月前, 12月底)


@dataclass(frozen=True)
class GluedCosts:
    """What each doubtful reading costs; the cheapest reading of the whole body wins."""
    row: float = -1.0  # each row read (a bonus: one more indicator rather than a longer name)
    scored_row: float = -1.0  # each row read by decode_scored_rows, on top (it ends in its scores)
    name_level: float = 2.0  # a name that opens with a level name
    empty: float = 0.8  # a value column left empty
    empty_target: float = 0.1  # on top: a target left empty (a form fills its targets first: 按规定时限 is one)
    empty_optional: float = 0.15  # an operator / other column left empty
    empty_when_usual: float = 1.6  # second pass: an empty cell costs this times the share of rows filling its column
    free_value: float = 1.5  # a value or unit cell in no known shape
    ignore_value: float = 0.3  # a value in a column the reader does not keep
    share_weight: float = 1.0  # a weight printed as a share (权重 20%): rarer than a value's 20%
    rare_value: float = 0.5  # a value in a column usually left empty (调整指标值)
    name_digit: float = 3.0  # each run of digits inside a name
    name_char: float = 0.01  # per character of a name (a unit word goes to the unit column)
    name_short: float = 1.5  # a name of fewer than SHORT_NAME characters (补助, 面积: rather part of a longer one)
    numbered: float = -0.5  # a name opening with its numbering (任务1:, （一）): a row starts there
    name_digit_in_row: float = 0.2  # each run of digits inside the name of a text known to be one row
    name_in_number: float = 2.0  # a cell ending or starting inside a number (38. | 75万元, 36.2 | .9)
    rest_text: float = 1.0  # a 偏差/原因 cell holding the rest of a row
    cut: float = 0.3  # each cut inside a run of digits (numbers glued together)
    percent_cut: float = 1.5  # a cut inside digits a % closes (100% → 10 | 0%), unless a leading zero forces it
    unusual: float = 0.6  # times its share: a value other than the one most of the column holds (second pass)
    usual: float = -1.0  # times its share: the value nearly every row of the column holds (a bonus)
    usual_share: float = 0.8  # … when at least this share of the column holds it
    shape: float = 1.5  # a number without % in a column whose numbers carry % (second pass)
    zero_weight: float = 1.0  # a weight of 0
    full_marks: float = -0.3  # a score equal to its weight (the usual case), a bonus
    score_fits: float = -1.0  # a score equal to weight × actual / target (one row known), a bonus
    long_number: float = 0.15  # per digit beyond three of a number with no unit
    phrase: float = 0.5  # a qualitative target in words of its own, ending in a result word (管护责任落实到位)
    phrase_char: float = 0.02  # … per character
    phrase_start: float = -0.2  # … opening as targets do (符合, 按, 严格, 有所 …): a bonus
    phrase_open_end: float = 0.3  # … opening so but ending in no result word, before a number or the end
    phrase_inside: float = 0.5  # … holding a result word followed by an opening word (支出|全部达成): two cells
    sentence: float = 0.5  # a value in a clause of words (无资产损失、利用率高于80%; one row known)
    sentence_item: float = 0.3  # … each value after its first (签约率提高1%X体检率提高2%)
    sentence_tail: float = 0.3  # … words after its last value (至少1次矫正人员的集中活动)
    mentions: float = -0.5  # a value in words naming part of its row's name (安全性、利用率 | …利用率高于80%), a bonus
    name_over_target: float = 0.5  # a name running on past its ending (…率) into a word targets open with (无, 按 …)
    name_percent: float = 0.3  # a share inside a name, words after it (one row known)
    name_stop: float = 1.0  # a name or value running on past a full stop (。；) into more words
    unbalanced: float = 2.0  # a cell opening a bracket it does not close, or closing one it did not open
    deadline_tail: float = 0.5  # a value opening with 前/底 right after a month (9月 | 前7月): the deadline's own word
    mentions_opening: float = -0.5  # on top of mentions: a number's words open with those words (满意率100%)
    name_free_end: float = 0.4  # a name ending where no cell opens (only a phrase can follow; one row known)
    name_noun_end: float = -0.2  # a name ending in a noun suffix (…合规性, …成本, …影响): a bonus
    name_list_end: float = 1.0  # a name ending at the comma of a list (人员控制、支出规范不超编、): it goes on
    echo: float = -1.0  # an actual printed as its target (a bonus)
    name_echo: float = -0.5  # a target printing its name's last words again (…居民区全覆盖|居民区全覆盖), a bonus
    echo_shape: float = -0.5  # an actual with its target's unit (12500名 | 12166名), a bonus
    unlike: float = 0.6  # a bare number as the actual of a target with a unit, or the other way round
    change: float = 0.1  # a value opening with a word of change (增, 提高, 超上年 …; cell_words.csv change)
    change_alone: float = 0.3  # … with no size after it
    word_cut: float = 2.0  # a one-character value that starts a dictionary word (中|心经费, 优|质均衡)
    bare_verb: float = 1.5  # a target that is a bare verb (完成, 改善: none of the real forms' 619 targets) before words
    dangling: float = 2.0  # a cell ending on a function word (新增和|改善) or opening with a particle (…|的满意程度)
    level2_empty: float = 0.3  # a row with no 二级 of its own (the one above fills down)
    level2_ending: float = 0.3  # a 二级 outside the vocabulary, ending as 二级 names do (…管理)
    explanation: float = -0.3  # an explanation in a column the form does not keep (反映…情况), a bonus
    beam: float = 5.0  # readings of a row costing this much more than its best are dropped
    junk_char: float = 0.4  # per character no row takes
    window: int = 40  # characters looked back for a cheaper row end …
    position_beam: float = 2.5  # … a row is not started where reaching costs this much more
    passes: int = 3  # readings, each with what the one before learnt about the columns


@dataclass(frozen=True)
class Profile:
    """What the first reading learnt about each column (second pass)."""
    fill: tuple[float, ...]  # share of rows that fill it
    mode: tuple[Optional[tuple[str, float]], ...]  # the value most rows hold, with its share
    percent: tuple[bool, ...]  # its numbers carry %


@dataclass
class GluedTable:
    rows: list[list[tuple[int, str]]] = field(default_factory=list)  # (column index, text) per filled cell
    left_over: list[str] = field(default_factory=list)
    cost: float = 0.0  # what the reading cost (decode_row), to weigh readings of one text


@lru_cache(maxsize=None)
def _words() -> dict[str, frozenset]:
    out: dict[str, set] = {}
    for r in _rows("cell_words.csv"):
        out.setdefault(r["kind"], set()).add(fold_chars(r["text"]))
    out["nature"] = out.get("nature", set()) | {s for w in out.get("nature", ()) for s in stacked_readings(w)}  # 性标定指
    qual = {fold_chars(key(r["text"])) for r in _rows("sections.csv") if r["kind"] == "qualitative"}
    out.setdefault("grade", set()).update(qual)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _ignored_words() -> frozenset:
    """What a column the form does not keep prints as a word: a yes/no or a direction (正向指标)."""
    return _words()["yesno"] | _words()["nature"]


@lru_cache(maxsize=None)
def _level2_words() -> frozenset:
    return frozenset(fold_chars(n) for n in level_names()[1])


def _level2_cells(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    """A 二级 cell at text[i]: empty, a 二级 name of the vocabulary, or running text without digits
    ending as 二级 names do (预算编审管理, 部门结转结余资金管理; data/cell_words.csv level2_end)."""
    out = [(i, costs.level2_empty)] + [(e, 0.0) for e in _starts(text, i, _level2_words())]
    for e in range(i + 2, min(len(text), i + LEVEL2_MAX) + 1):
        if not "\u4e00" <= text[e - 1] <= "\u9fff":
            break
        if ends_like_level2(text[i:e]):
            out.append((e, costs.level2_ending))
    return out


@lru_cache(maxsize=None)
def _by_first(words: frozenset) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[:1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _noun_suffixes() -> frozenset:
    return frozenset(w for w in _words().get("noun_suffix", ()) if len(w) == 1)


@lru_cache(maxsize=None)
def _name_end_chars() -> frozenset:
    return frozenset(w for w in _words().get("name_end", ()) if len(w) == 1)


def ends_like_name(text: str) -> bool:
    """The text ends as indicator names do and targets rarely (…率, …度, …性; data/cell_words.csv name_end)."""
    return any(text.endswith(w) for w in _words().get("name_end", ()))


def _starts(text: str, i: int, words: frozenset) -> list[int]:
    """Ends of the words of ``words`` written at text[i]."""
    return [i + len(w) for w in _by_first(words).get(text[i:i + 1], ()) if text.startswith(w, i)]


def _is_level_at(text: str, i: int) -> bool:
    """A level name (either level) is written at text[i]."""
    return bool(_starts(text, i, level_words()))


def _numbers(text: str, i: int) -> list[int]:
    """Ends of every number that can start at text[i] (a digit run may hold several numbers)."""
    if i >= len(text) or not text[i].isdigit():
        return []
    ends = []
    j = i
    seen_dot = False
    while j < len(text) and (text[j].isdigit() or (text[j] == "." and not seen_dot and j + 1 < len(text)
                                                    and text[j + 1].isdigit())):
        seen_dot |= text[j] == "."
        j += 1
        piece = text[i:j]
        if piece.endswith("."):
            continue
        whole = piece.split(".")[0]
        if len(whole) > 1 and whole.startswith("0"):
            break  # no leading zero: 0100 is 0 | 100
        ends.append(j)
    return ends


def _free_unit(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    """A unit cell OCR damaged (tot扁): a short run with no digit."""
    out = []
    for n in range(1, 5):
        if i + n > len(text) or text[i + n - 1].isdigit() or text[i + n - 1] in "%.":
            break
        out.append((i + n, costs.free_value + 0.1 * n))
    return out


def _units(text: str, i: int) -> list[int]:
    """Ends of a unit at text[i], with its multiplier (万亩, 万元)."""
    ends = [i + 1] if text[i:i + 1] in ("%", "‰") else []
    n_text = len(text)
    for j in [i] + [i + n for n in range(1, MULTIPLIER_MAXLEN + 1) if i + n <= n_text and text[i:i + n] in MULTIPLIERS]:
        ends.extend(j + n for n in range(1, UNIT_MAXLEN + 1) if j + n <= n_text and text[j:j + n] in UNITS)
    return ends


def _comparators(text: str, i: int) -> list[int]:
    table = COMPARATORS["pre"]
    return [i + n for n in range(1, COMPARATOR_MAXLEN["pre"] + 1)
            if i + n <= len(text) and table.get(text[i:i + n]) and table[text[i:i + n]].comparator]


def _values(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    """A target or actual cell: [comparator] number [unit], a change and its size (增372人次,
    较上年提高5%), a date or a grade."""
    out: list[tuple[int, float]] = []
    m = DATE.match(text, i)
    if m and m.end() > i + 4:
        out.append((m.end(), 0.0))
    for j in [i] + _comparators(text, i):
        for k in _numbers(text, j):
            out.append((k, 0.0))
            out.extend((u, 0.0) for u in _units(text, k))
    for j in _starts(text, i, _words().get("change", frozenset())):  # a change and its size: 增372人次, 超上年2%
        out.append((j, costs.change + costs.change_alone))  # or the change alone (增加, 超上年度)
        for k in _numbers(text, j):
            out.append((k, costs.change))
            out.extend((u, costs.change) for u in _units(text, k))
    whole = value_at(text, i)  # with the words after the number (95%以上, 210条左右)
    if whole > i and not (text[i] == "0" and text[i + 1:i + 2].isdigit()):  # no number starts 0 then a digit
        out.append((whole, 0.0))
    # a grade word that a noun suffix continues is part of a name (合格率, 完成度, 及时性)
    out.extend((e, 0.0) for e in _starts(text, i, _words()["grade"]) if not _starts(text, e, _words()["noun_suffix"]))
    if 0 < i < len(text) and text[i - 1] == "月" and text[i] in DEADLINE_WORDS:
        out = [(e, c + costs.deadline_tail) for e, c in out]
    return out


@lru_cache(maxsize=None)
def _phrase_ends() -> tuple[frozenset, int]:
    words = _words()
    ends = frozenset(w for w in words.get("phrase_end", set()) | words.get("grade", set()) if len(w) >= 2)
    return ends, max(map(len, ends), default=0)


def _phrases(text: str, i: int, costs: GluedCosts, open_end: bool = True) -> list[tuple[int, float]]:
    """A qualitative target in words of its own (严格执行相关制度规定, 卫生整洁、内部安全有序): running
    text without digits that ends in a result word (提升, 到位, 规定 …; data/cell_words.csv), cheaper
    when it opens as targets do (符合, 按, 严格 …); one that opens so may also end right before a
    number or the end of the row (按规定时限 | 4 | 3)."""
    ends, longest_end = _phrase_ends()
    out: list[tuple[int, float]] = []
    if not "\u4e00" <= text[i:i + 1] <= "\u9fff":
        return out  # a phrase opens with a word, not with the % or sign of the value before it
    starts = _words().get("phrase_start", frozenset())
    opening = costs.phrase_start if _starts(text, i, starts) else 0.0
    inside = 0.0  # set once the phrase runs past a result word into an opening word
    for e in range(i + 2, min(len(text), i + PHRASE_MAX) + 1):
        if text[e - 1].isdigit():
            break
        if any(text[e - n:e] in ends for n in range(2, min(longest_end, e - i - 1) + 1)):  # more than the word
            out.append((e, costs.phrase + opening + inside + costs.phrase_char * (e - i)))
            if e < len(text) and _starts(text, e, starts):
                inside = costs.phrase_inside
        elif open_end and opening and e - i >= 4 and (e == len(text) or text[e].isdigit()):  # 按规定时限 | 4 | 3
            out.append((e, costs.phrase + costs.phrase_open_end + opening + inside + costs.phrase_char * (e - i)))
    return out


def _sentence_value(text: str, k: int) -> int:
    """End of a value inside a clause at text[k]: a word of change or a comparator, the number as
    printed (its digits never cut: 01万元 stays whole) and its unit; k when none starts there."""
    for j in [k] + _starts(text, k, _words().get("change", frozenset())):
        e = value_at(text, j)
        if e > j and any(ch.isdigit() for ch in text[j:e]):
            return e
    return k


@lru_cache(maxsize=512)
def _clause_marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
    """What :func:`_sentences` asks of each position of ``text``, worked out once per text: where a
    value starting there ends (the position itself when none does), the length of the shortest
    result word ending there (0 for none), and whether a noun suffix starts there."""
    ends, longest_end = _phrase_ends()
    suffixes = _words()["noun_suffix"]
    value_end = tuple(_sentence_value(text, k) for k in range(len(text)))
    result = tuple(next((n for n in range(2, min(longest_end, k) + 1) if text[k - n:k] in ends), 0)
                   for k in range(len(text) + 1))
    noun = tuple(bool(_starts(text, k, suffixes)) for k in range(len(text)))
    return value_end, result, noun


def _sentences(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    """A target or actual written as a clause of words holding its values (无资产损失、利用率高于80%,
    签约率提高1%X体检率提高2%, 水电支出减少01万元): up to SENTENCE_ITEMS pieces of words each ending
    in a value, the first opening with a word."""
    if not "\u4e00" <= text[i:i + 1] <= "\u9fff" or _closes_value(text, i):
        return []  # (nor with the word closing the value before it: 95%|以上得10分 …)
    opening = costs.phrase_start if _starts(text, i, _words().get("phrase_start", frozenset())) else 0.0
    value_end, result, noun = _clause_marks(text)
    out: dict[int, float] = {}
    frontier = [i]
    worded = _comparators(text, i) or _starts(text, i, _words().get("change", frozenset()))
    for item in range(SENTENCE_ITEMS):
        reached = set()
        for p in frontier:  # (a clause may open with its value in words: 至少1次…, 不低于50人次…)
            for k in range(p + (0 if item == 0 and worded else 2 if item == 0 else 1), min(len(text), p + PHRASE_MAX)):
                if k > p and text[k - 1].isdigit():
                    break  # the words between values hold no number
                if value_end[k] > k:
                    reached.add(value_end[k])
                elif text[k] not in LIST_MARKS and not noun[k] and 0 < result[k] <= k - p:
                    break  # a result word ends a clause (有所减轻|对家庭负担…): only a list or a value goes on
                    # (or a noun suffix: 满意|率 is no result word)
        for e in reached:
            c = costs.sentence + costs.sentence_item * item + opening + costs.phrase_char * (e - i)
            out[e] = min(out.get(e, c), c)
        frontier = sorted(reached)
    n = len(text)  # words after the last value, to the end of the row (至少1次|矫正人员的集中活动)
    for e, c in list(out.items()):
        if 2 <= n - e <= PHRASE_MAX and all("\u4e00" <= ch <= "\u9fff" or ch in LIST_MARKS for ch in text[e:]):
            tail = c + costs.sentence_tail + costs.phrase_char * (n - e)
            out[n] = min(out.get(n, tail), tail)
    return list(out.items())


def _closes_value(text: str, i: int) -> bool:
    """A word that closes a value (以上, 以内, 左右; two characters or more) is written at text[i]."""
    table = COMPARATORS["post"]
    return any(text[i:i + n] in table for n in range(2, COMPARATOR_MAXLEN["post"] + 1))


def _cjk2(text: str, i: int) -> str:
    """The two characters at text[i] when both are Chinese, else ''."""
    pair = text[i:i + 2]
    return pair if len(pair) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in pair) else ""


def _measure_then_number(text: str, i: int) -> bool:
    """A measure's name (…率, …度, …性; at most MEASURE_MAX characters), then its value, at text[i]:
    满意率100%, 利用率高于80%, 可控性100%."""
    for e in range(i + 2, min(len(text), i + MEASURE_MAX) + 1):
        if text[e - 1] in _name_end_chars() and e < len(text) and (text[e].isdigit() or _comparators(text, e)):
            return True
    return False


def _repeats(name: str, pair: str) -> bool:
    """``pair`` (two Chinese characters, or '' for none) is written in ``name``."""
    return bool(pair) and pair in name


@lru_cache(maxsize=65536)
def _mentions(name: str, value: str) -> bool:
    """The words of a value name part of its row's name (安全性、利用率 | …利用率高于80%): two
    characters the name holds, in the words before the value's first number."""
    words = WORDS_BEFORE_NUMBER.match(value).group(0)
    return any(_repeats(name, _cjk2(words, a)) for a in range(len(words) - 1))


def _free(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    if i >= len(text) or text[i] in "%.":
        return []
    return [(i + n, costs.free_value + 0.1 * n) for n in range(1, FREE_MAX + 1)
            if i + n <= len(text) and text[i + n - 1] not in LIST_MARKS]


def _opens_cell(text: str, i: int, single: bool = False) -> bool:
    """Can a cell after a name begin at text[i]: a number or sign, a word of a column's vocabulary,
    or a unit word. In a text known to be one row (``single``) a bare unit word opens none (内部 is no
    部) and a word targets open with (符合, 按 …) does."""
    ch = text[i]
    if ch.isdigit() or ch == "%" or ch in SIGNS or _comparators(text, i) or _is_level_at(text, i):
        return True
    if not single and _units(text, i):
        return True
    words = _words()
    kinds = ("yesno", "nature", "explain_open", "phrase_start") if single else ("yesno", "nature", "explain_open")
    if any(_starts(text, i, words[kind]) for kind in kinds if kind in words):
        return True
    # a grade word that a noun suffix continues is part of a name (合规性, 及时率)
    return any(not _starts(text, e, words["noun_suffix"]) for e in _starts(text, i, words["grade"]))


def _tandem(text: str, e: int, s: int) -> int:
    """The longest tail of the name text[s:e] printed again right after it (``15个居民区全覆盖居民区全覆盖``:
    a target repeating its name's words), 0 when none of at least ECHO_MIN characters is."""
    for size in range(min(e - s, len(text) - e), ECHO_MIN - 1, -1):
        if text[e - size:e] == text[e:e + size]:
            return size
    return 0


DOUBLED_MAX = 12  # characters of a value printed twice running (a target and its actual alike)


def _doubled(text: str, i: int) -> int:
    """The length of a text of at least two characters at text[i] printed again right after it
    (``专款专用专款专用``), the longest; 0 when none is."""
    for size in range(min(DOUBLED_MAX, (len(text) - i) // 2), 1, -1):
        if text[i:i + size] == text[i + size:i + 2 * size]:
            return size
    return 0


def _bracketed_unit(text: str, i: int) -> bool:
    """A unit word in brackets starts at text[i] (``(次)``, ``（万元）``)."""
    return text[i:i + 1] in "(（" and any(text[e:e + 1] in ")）" for e in _units(text, i + 1))


def _numbered_name_at(text: str, s: int) -> bool:
    """A name's list numbering opens at text[s] (1、水稻侧深施肥…, 2.建设…), even right after the digits of
    the row before (…20000亩15|1、水稻…): the numbering and then words."""
    n = numbering_at(text, s)
    return bool(n) and text[s].isdigit() and text[s + n - 1] in NUMBERING_MARKS and \
        s + n < len(text) and "\u4e00" <= text[s + n] <= "\u9fff"


def _name_ends(text: str, i: int, costs: GluedCosts, groups: tuple[str, ...],
               single: bool = False) -> list[tuple[int, int, float]]:
    """(start, end, cost) of a name at text[i]: running text, not opening with a digit, a unit or a
    yes/no; a block label left of the rows (绩效指标) before it is skipped. In a text known to be
    one row (``single``) the name may be a whole sentence and open with a number (38.75万元)."""
    out = []
    starts = [i] + [i + len(g) for g in groups if text.startswith(g, i)]
    for s in starts:
        if s >= len(text) or text[s] in "%." + LIST_MARKS:
            continue  # (no name opens with the comma of a list: 18岁以下、|54周岁以上)
        # a name opens with a number only in one row, or where its target repeats its words
        # (15个居民区全覆盖|居民区全覆盖); never inside a number
        # (or at the start of a piece the lexer cut after a level name: 5000吨稻谷、500吨成品粮储备到位率)
        echoed = text[s].isdigit() and not single and s > 0 and not _numbered_name_at(text, s)
        if echoed and (text[s - 1].isdigit() or text[s - 1] == "."):
            continue
        if any(text.startswith(w, s) for w in _words()["yesno"]):
            continue
        if not single and (text[s] in SIGNS or _comparators(text, s)):
            continue  # (…居民参与率|不低于100%: a comparison opens a value)
        if _bracketed_unit(text, s) or (s and text[s - 1] in "(（"):
            continue  # (…=1.00|(次)…, …=1.00(|次)…: a unit in brackets closes the value before it, never opens a name)
        opening = costs.name_level if _is_level_at(text, s) else 0.0
        numbering = numbering_at(text, s)
        opening += costs.numbered if numbering else 0.0
        digits = over = percent = 0
        for e in range(s + 1, min(len(text), s + (len(text) if single else NAME_MAX)) + 1):
            ch = text[e - 1]
            if e - s <= numbering:
                continue  # (指标1:|提升: a name is more than its numbering)
            if single and e - 2 > s and text[e - 2] in _name_end_chars() and _starts(text, e - 1, _words()["phrase_start"]):
                over += 1  # (…利用率|无资产损失: the name ended before)
            if ch.isdigit() and e - 2 >= s and text[e - 2] in "%‰":
                break  # values back to back (90%290%): cells run together, never one name
            if single and e - 2 > s and text[e - 2] in "%‰":
                percent += 1  # (…体检率签约率提高1%X体检率: a share inside a name is rather a value)
            if ch.isdigit() and (e - 1 == s or not text[e - 2].isdigit()) and e - 1 >= s + numbering:
                digits += 1
            if e - s < 2 or ch in SIGNS:
                continue  # (a comparison sign opens the value after it: 小组>|6.00(次) is no name 小组>)
            # in one row, a value may open with words the name already holds (…满意比例|满意率100%)
            tandem = _tandem(text, e, s)
            if echoed and not tandem:
                continue
            opens = e == len(text) or _opens_cell(text, e, single) or tandem > 0 or \
                (ch in _name_end_chars() and _starts(text, e, _words()["phrase_start"])) or \
                (not single and _doubled(text, e) > 0) or \
                (single and _measure_then_number(text, e) and _repeats(text[s:e], _cjk2(text, e)))
            if opens or (single and not ch.isdigit() and not text[e].isdigit()):
                inside = e < len(text) and (ch.isdigit() or ch == ".") and (text[e].isdigit() or text[e] == ".")
                out.append((s, e, opening + (costs.name_digit_in_row if single else costs.name_digit) * digits
                            + costs.name_char * (e - s) + (costs.name_in_number if inside else 0.0)
                            + (costs.name_short if e - s < SHORT_NAME else 0.0)
                            + (0.0 if opens else costs.name_free_end)
                            + (costs.name_list_end if ch in LIST_MARKS else 0.0) + costs.name_over_target * over \
                            + costs.name_percent * percent
                            + (costs.name_noun_end if single and e < len(text) and ch in _noun_suffixes() else 0.0)))
    return out


def _cells(role: str, text: str, i: int, costs: GluedCosts, single: bool = False) -> list[tuple[int, float]]:
    """(end, cost) of each reading of column ``role`` at text[i], the empty one included. In a text
    known to be one row, a 偏差/原因 column may hold the rest of it (2021年底初步预算资金36.2万元,…)."""
    if role == "deviation" and single and i < len(text):
        return [(i, costs.empty_optional), (len(text), costs.rest_text)]
    if i < len(text) and text[i] in LIST_MARKS:  # (a list goes on: no cell opens at its comma)
        return [(i, costs.level2_empty if role == "level2" else
                 costs.empty_optional if role in ("operator", "ignore") else costs.empty)]
    if role == "unit":
        return [(i, costs.empty)] + [(e, 0.0) for e in _units(text, i)] + _free_unit(text, i, costs)
    if role == "level2":
        return _level2_cells(text, i, costs)
    if role == "operator":
        return [(i, costs.empty_optional)] + [(e, 0.0) for e in _comparators(text, i) + _starts(text, i, _words()["nature"])]
    if role in NUMBER_ROLES:
        ends = [e for e in _numbers(text, i) if float(text[i:e]) <= 100]
        shares = [(e + 1, costs.share_weight) for e in ends if role == "score_max" and text[e:e + 1] == "%"]
        return [(i, costs.empty)] + [(e, 0.0) for e in ends] + shares
    if role in VALUE_ROLES:
        values = _values(text, i, costs)
        if single:  # in one row a one-character grade runs into no word (有 of 有序) but a value (高高)
            values = [(e, c) for e, c in values if e - i > 1 or e == len(text) or text[i].isdigit()
                      or not "\u4e00" <= text[e] <= "\u9fff" or _opens_cell(text, e, single=True)]
        empty = costs.empty + (costs.empty_target if role == "target" else 0.0)
        return [(i, empty)] + values + _free(text, i, costs) + \
            (_phrases(text, i, costs) + _sentences(text, i, costs) if single else
             _phrases(text, i, costs, open_end=False) if _starts(text, i, _words().get("phrase_start", frozenset()))
             else [])  # (many rows: only a phrase opening and ending as targets do, 不超预算)
    # a column the form does not keep (得分系数, 是否核心指标, 指标方向性, 说明): a yes/no, a direction
    # (正向指标), a value, an explanation, or nothing
    return [(i, costs.empty_optional)] + [(e, 0.0) for e in _starts(text, i, _ignored_words())] + \
        [(e, costs.ignore_value) for e, _ in _values(text, i, costs)] + _explanations(text, i, costs)


EXPLAIN_MAX = 60  # characters of an explanation cell


def _explanations(text: str, i: int, costs: GluedCosts) -> list[tuple[int, float]]:
    """An 指标说明/绩效标准 cell: words opening as explanations do (反映…) and ending in one of their
    closing words (…情况, …程度; data/cell_words.csv explain_open / explain_end)."""
    if not _starts(text, i, _words().get("explain_open", frozenset())):
        return []
    ends = _words().get("explain_end", frozenset())
    return [(e, costs.explanation) for e in range(i + 4, min(len(text), i + EXPLAIN_MAX) + 1)
            if any(text.endswith(w, i, e) for w in ends)]


@lru_cache(maxsize=256)
def _inside_dates(text: str) -> frozenset:
    """Positions strictly inside a date (2022年12月底前): no cell boundary falls there."""
    return frozenset(k for m in DATE.finditer(text) if m.end() - m.start() > 5 for k in range(m.start() + 1, m.end()))


@lru_cache(maxsize=None)
def _dictionary() -> tuple[dict[str, tuple[str, ...]], frozenset, frozenset]:
    """What the parser takes from jieba's dictionary (words not rare), in one pass over its word list:
    the words a one-character grade opens (two to four characters: 中心, 优质, 有序, 高效, by their first
    character), the two-character words a grade or a yes/no closes (是否), and every two-character word.
    (:func:`jixiao.normalize.dictionary.dictionary_words`: the word list, not jieba's segmenter)."""
    grades = {w for w in _words().get("grade", ()) if len(w) == 1}
    answers = grades | {w for w in _words().get("yesno", ()) if len(w) == 1}
    led: dict[str, list[str]] = {}
    closed, pairs = set(), set()
    for word, _ in dictionary_words((2, 4), WORD_MIN_FREQ):
        if len(word) == 2:
            pairs.add(word)
        if word[1] == word[0]:
            continue
        if word[0] in grades:
            led.setdefault(word[0], []).append(word)
        if len(word) == 2 and word[1] in answers and "\u4e00" <= word[0] <= "\u9fff":
            closed.add(word)
    return {k: tuple(v) for k, v in led.items()}, frozenset(closed), frozenset(pairs)


def _grade_words() -> tuple[dict[str, tuple[str, ...]], frozenset]:
    """Dictionary words a one-character grade opens (by that character) and those it closes."""
    led, closed, _ = _dictionary()
    return led, closed


def _closes_word(text: str, s: int) -> bool:
    """A one-character value at text[s] closing a dictionary word with the character before it (否 of
    是否存在质量问题): the cut falls inside the word."""
    return s > 0 and text[s - 1:s + 1] in _grade_words()[1]


def _opens_word(text: str, s: int) -> bool:
    """A dictionary word starts at text[s] with its grade character (中 of 中心经费, 优 of 优质均衡);
    a character repeated (高高: a target and its actual) is no word."""
    return any(text.startswith(w, s) for w in _grade_words()[0].get(text[s:s + 1], ()))


def _dangles(piece: str, text: str, s: int) -> bool:
    """A cell cut off a sentence: ending on a function word (新增和|改善…, 对减少财政投资成本的|改善) before
    more text, or opening with a particle that opens no word there (…空气质量改善|的满意程度; 及时率 is a
    word's start). data/cell_words.csv dangling_end, dangling_start."""
    e = s + len(piece)
    if e < len(text) and any(piece.endswith(w) and len(piece) > len(w) for w in _words().get("dangling_end", ())):
        return True
    return piece[:1] in _words().get("dangling_start", ()) and not _starts_word(text, s)


def _starts_word(text: str, s: int) -> bool:
    return text[s:s + 2] in _dictionary()[2]


def _cell_cost(role: str, piece: str, text: str, s: int, j: int, costs: GluedCosts,
               profile: Optional[Profile], rare: tuple[bool, ...]) -> float:
    """What the table as a whole says about ``piece`` in column ``j`` (second pass), and the cuts
    it makes inside a run of digits or inside a word."""
    c = 0.0
    if any(ch in SENTENCE_STOPS for ch in piece[:-1]):
        c += costs.name_stop  # (…美誉度。效果良好: a name or value running on past a full stop into more words)
    if _unbalanced(piece):
        c += costs.unbalanced  # (粉碎拌合机(|1|1 ⏎ kw)(≥台)…: a cell ends inside the bracket it opened)
    if len(piece) == 1 and (_opens_word(text, s) or _closes_word(text, s)):
        c += costs.word_cut  # a one-character grade that is the start (中心, 优质) or end (是否) of a word
    if piece and _dangles(piece, text, s):
        c += costs.dangling
    e = s + len(piece)
    if role == "target" and piece in _words().get("bare_rare", ()) and e < len(text) and "\u4e00" <= text[e] <= "\u9fff":
        c += costs.bare_verb  # (向各类新闻媒体|完成|林业新闻信息投稿数: the verb is the next name's)
    if piece and 0 < s < len(text) and text[s - 1].isdigit() and text[s] == ".":
        c += costs.name_in_number  # a cell opening with the decimal point of the number before it
    if 0 < s < len(text) and s in _inside_dates(text):
        c += costs.name_in_number  # a cell boundary inside a date (2022年|12月底前)
    if 2 <= s < len(text) and text[s - 1] in RANGE_MARKS and text[s - 2].isdigit() and text[s].isdigit():
        c += costs.name_in_number  # … or inside a range of numbers (取得2018-|2022监测资料)
    if 0 < s < len(text) and text[s - 1].isdigit() and text[s].isdigit():
        c += costs.cut
        a = s
        while a > 0 and (text[a - 1].isdigit() or text[a - 1] == "."):
            a -= 1
        b = s
        while b < len(text) and (text[b].isdigit() or text[b] == "."):
            b += 1
        if text[b:b + 1] == "%" and not (text[a] == "0" and s == a + 1) and \
                not (text[a] != "0" and "." not in text[a:b] and b - a > SHARE_DIGITS):
            c += costs.percent_cut  # (a share of thousands of percent is numbers run together: 20100% → 20 | 100%)
    if piece[-1:].isdigit():
        c += costs.long_number * max(0, sum(ch.isdigit() for ch in piece) - 3)
    if piece and j < len(rare) and rare[j]:
        c += costs.rare_value
    if profile is None:
        return c
    if not piece:  # the table says how often the column is filled: replaces the first pass's guess
        base = costs.empty_optional if role in ("operator", "ignore") else costs.empty
        return c - base + costs.empty_optional + costs.empty_when_usual * profile.fill[j]
    mode = profile.mode[j]
    if mode is not None and role != "indicator":
        if piece != mode[0]:
            c += costs.unusual * mode[1]
        elif mode[1] >= costs.usual_share:
            c += costs.usual * mode[1]
    if profile.percent[j] and piece[-1:].isdigit() and piece not in ("0", "0.0"):
        c += costs.shape
    return c


def _unbalanced(piece: str) -> bool:
    """Whether ``piece`` closes a bracket it did not open or leaves one open (粉碎拌合机( | kw)(≥台))."""
    depth = 0
    for ch in piece:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


LEADING_NUMBER = re.compile(r"[^\d]{0,3}?(\d+(?:\.\d+)?)")


def _number(piece: Optional[str]) -> Optional[float]:
    m = LEADING_NUMBER.match(piece or "")
    return float(m.group(1)) if m else None


def _score_fit(score: float, weight: float, target: Optional[float], actual: Optional[float]) -> float:
    """How well a self-evaluation's score is its weight times the share achieved (9.34 = 10 × 36.2 /
    38.75): 1 exactly, falling to 0 at a tenth of a point per 10 of weight off."""
    if target is None or actual is None or target <= 0 or actual <= 0:
        return 0.0  # (a zero achieved scoring zero proves nothing)
    tolerance = 0.01 * max(weight, 1.0) + 0.005
    return max(0.0, 1.0 - abs(score - weight * min(1.0, actual / target)) / tolerance)


def _suffix(piece: str) -> str:
    """What follows a value's last digit (its unit: 名, %, 万元), or '' when it has no digit."""
    m = re.search(r"\d([^\d]*)$", piece)
    return m.group(1) if m else ""


@lru_cache(maxsize=65536)
def _echo(target: str, actual: str, costs: GluedCosts) -> float:
    """An actual printed as its target (有效减轻 | 有效减轻, the usual outcome) or in its shape (12500名 |
    12166名: the same unit after the number) is a bonus: the two columns were filled alike; a bare
    number under a target with a unit costs."""
    signs = _comparators(target, 0)
    if actual in (target, target[max(signs, default=0):]):  # (≥1290.3平方米 | 1290.3平方米 too)
        return costs.echo
    words = WORDS_BEFORE_NUMBER.match(target).group(0)
    if len(words) >= 2 and len(words) < len(target) and actual.startswith(words) and actual[len(words):][:1].isdigit():
        return costs.echo  # the same words before its number (签约率提高1%… | 签约率提高1%…)
    unit, other = _suffix(target), _suffix(actual)
    if unit and unit.rstrip(DEADLINE_WORDS) == other.rstrip(DEADLINE_WORDS):  # (9月前 | 7月: months both)
        return costs.echo_shape
    # one number bare, the other with a unit: 12500名 | 121, 3 | 72人次 (a cut inside the number)
    return costs.unlike if (unit and actual[-1:].isdigit()) or (other and target[-1:].isdigit()) else 0.0


def _rows_from(text: str, start: int, roles: list[str], costs: GluedCosts, groups: tuple[str, ...],
               profile: Optional[Profile], rare: tuple[bool, ...], memo: dict,
               single: bool = False) -> dict[int, tuple[float, list[tuple[int, int, int]]]]:
    """Every way one row can start at ``start``: its end → (cost, [(column, start, end)]).

    A partial reading is kept per position and what later columns check against: the weight (a
    score never exceeds it) and, in a text known to be one row, the target and actual (a score that
    is the weight times the share achieved is a bonus)."""
    # state: position, whether a value was read (a row's bonus is earned by its first value: a
    # name alone is no row), and what later columns check against
    frontier: dict[tuple, tuple[float, list]] = {(start, False, None, None, None): (0.0, [])}
    scored = "score" in roles
    for j, role in enumerate(roles):
        nxt: dict[tuple, tuple[float, list]] = {}
        later_score = scored and "score" in roles[j + 1:]
        later_actual = "actual" in roles[j + 1:]
        keep = later_score or later_actual  # what a later column checks against stays in the state
        for (pos, has_value, smax, tgt, act), (cost, cells) in frontier.items():
            options = memo.get((j, pos))
            if options is None:  # each column's readings at a position, with their costs, once
                if role == "indicator":
                    found = [(e, c, s) for s, e, c in _name_ends(text, pos, costs, groups, single)]
                else:
                    found = [(e, c, pos) for e, c in _cells(role, text, pos, costs, single)]
                options = memo[(j, pos)] = [(e, c + _cell_cost(role, text[s:e], text, s, j, costs, profile, rare), s)
                                            for e, c, s in found]
            if role == "target" and cells and roles[cells[-1][0]] == "indicator" and cells[-1][2] == pos:
                size = _tandem(text, pos, cells[-1][1])  # the name's words printed again: a target
                if size and not _comparators(text, pos + size) and not text[pos + size:pos + size + 1].isdigit():
                    options = options + [(pos + size, costs.name_echo, pos)]
            if role == "target" and roles[j + 1:j + 2] == ["actual"]:
                size = _doubled(text, pos)  # a target its actual repeats (专款专用专款专用, 不超过预算不超过预算)
                if size and not (single and any(ch.isdigit() for ch in text[pos:pos + size])):
                    options = options + [(pos + size, 0.0, pos)]
            if (role == "echo" or (role == "actual" and not single)) and cells and roles[cells[-1][0]] == "target" \
                    and cells[-1][2] == pos:  # (an actual, or another area's target, printed as the target)
                size = cells[-1][2] - cells[-1][1]
                if text[pos:pos + size] == text[cells[-1][1]:pos]:
                    options = options + [(pos + size, costs.echo, pos)]
            for end, c, s in options:
                piece = text[s:end]
                state = [smax, tgt, act]
                if role == "score_max" and piece:
                    state[0] = piece.rstrip("%")
                    if float(state[0]) == 0:
                        c += costs.zero_weight
                elif role in VALUE_ROLES and piece and single and keep:
                    state[1 if role == "target" else 2] = piece
                if role == "indicator" and "level2" in roles and ends_like_level2(piece) and \
                        not any(roles[jj] == "level2" for jj, _, _ in cells):
                    c += costs.level2_ending  # (a 二级 column open and empty, and a name ending as 二级 do: …管理)
                if single and role in VALUE_ROLES and len(piece) >= MENTION_MIN and "\u4e00" <= piece[0] <= "\u9fff":
                    name = next((text[a:b] for jj, a, b in cells if roles[jj] == "indicator"), "")
                    if _mentions(name, piece):
                        opening = _repeats(name, _cjk2(piece, 0)) and _measure_then_number(piece, 0)
                        c += costs.mentions + (costs.mentions_opening if opening else 0.0)
                if role == "actual" and piece and tgt is not None:
                    c += _echo(tgt, piece, costs)
                elif role == "score" and piece and smax is not None:
                    if float(piece) > float(smax) + 1e-9:
                        continue  # a score never exceeds its weight
                    if float(piece) == float(smax):
                        c += costs.full_marks  # (full marks fit any actual reaching its target: no more evidence)
                    else:
                        c += costs.score_fits * _score_fit(float(piece), float(smax), _number(tgt), _number(act))
                valued = has_value or bool(piece and role in VALUE_ROLES + NUMBER_ROLES)
                if valued and not has_value:
                    c += costs.row
                k = (end, valued) + (tuple(state) if keep else (None, None, None))
                total = cost + c
                if k not in nxt or total < nxt[k][0]:
                    nxt[k] = (total, cells + ([(j, s, end)] if piece else []))
        floor = min((v[0] for v in nxt.values()), default=0.0)
        frontier = {k: v for k, v in nxt.items() if v[0] <= floor + costs.beam}
    out: dict[int, tuple[float, list]] = {}
    for (end, *_), (cost, cells) in frontier.items():
        if end > start and (end not in out or cost < out[end][0]):
            out[end] = (cost, cells)
    return out


def _decode(text: str, roles: list[str], costs: GluedCosts, groups: tuple[str, ...],
            profile: Optional[Profile], rare: tuple[bool, ...]) -> tuple[list[list[tuple[int, int, int]]], list[tuple[int, int]]]:
    n = len(text)
    memo: dict = {}
    best: list[Optional[tuple[float, int, list]]] = [None] * (n + 1)  # cost, previous position, row cells
    best[0] = (0.0, -1, [])
    for p in range(n):
        if best[p] is None:
            continue
        near = [best[q][0] + costs.junk_char * (p - q) for q in range(max(0, p - costs.window), p) if best[q] is not None]
        if near and best[p][0] > min(near) + costs.position_beam:
            continue  # far dearer than a row end just before it and the text between left unread: no row starts here
        for end, (cost, cells) in _rows_from(text, p, roles, costs, groups, profile, rare, memo).items():
            total = best[p][0] + cost
            if best[end] is None or total < best[end][0]:
                best[end] = (total, p, cells)
    # the body may end in a row no column grammar completes (cut off): the cheapest reached
    # position plus what is left over
    reach = min((p for p in range(n + 1) if best[p] is not None),
                key=lambda p: best[p][0] + costs.junk_char * (n - p))
    rows: list[list[tuple[int, int, int]]] = []
    p = reach
    while p > 0:
        _, prev, cells = best[p]
        rows.append(cells)
        p = prev
    rows.reverse()
    return rows, ([(reach, n)] if reach < n else [])


def _profile(text: str, rows: list[list[tuple[int, int, int]]], n_columns: int) -> Profile:
    fill, mode, percent = [], [], []
    for j in range(n_columns):
        pieces = [text[s:e] for row in rows for jj, s, e in row if jj == j]
        fill.append(len(pieces) / len(rows))
        top = Counter(pieces).most_common(1)
        mode.append((top[0][0], top[0][1] / len(pieces)) if top and top[0][1] * 2 > len(pieces) else None)
        numbers = [p for p in pieces if p[:1].isdigit()]
        percent.append(bool(numbers) and sum(p.endswith("%") for p in numbers) >= 0.8 * len(numbers))
    return Profile(tuple(fill), tuple(mode), tuple(percent))


def decode_row(text: str, roles: list[str], costs: GluedCosts = GluedCosts()) -> GluedTable:
    """Cut a glued text known to be one row (its level names already cut off by the lexer:
    ``确定于于2022年12月底前发放完毕101001009.34``) into the cells of ``roles``."""
    folded, where = fold_mapped(text)
    if "indicator" not in roles or not folded or len(folded) > ROW_MAX:
        return GluedTable(left_over=[text] if text else [])
    readings = _rows_from(folded, 0, roles, costs, (), None, (), {}, single=True)
    if not readings:
        return GluedTable(left_over=[text])
    end, (cost, cells) = min(readings.items(), key=lambda kv: kv[1][0] + costs.junk_char * (len(folded) - kv[0]))
    span = _printed(text, where)
    rest = span(end, len(folded))
    return GluedTable(rows=[[(j, span(s, e)) for j, s, e in cells]], left_over=[rest] if rest else [],
                      cost=cost + costs.junk_char * (len(folded) - end))


def decode_rows_at(text: str, starts: list[int], roles: list[str], costs: GluedCosts = GluedCosts()) -> GluedTable:
    """A piece whose rows start at known places (each opening with its numbering: 任务1:…55任务2:…55),
    each part read as one row (:func:`decode_row`). Empty when a part reads as no row."""
    rows = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        part = decode_row(text[a:b], roles, costs)
        if not part.rows or part.left_over:
            return GluedTable()
        rows.extend(part.rows)
    return GluedTable(rows=rows)


def decode_scored_rows(text: str, roles: list[str], costs: GluedCosts = GluedCosts(),
                       ends_in_scores: bool = False) -> GluedTable:
    """A glued piece holding several rows of a table whose rows end in numbers (分值, 得分):
    ``委托业务报告合格率≥100百分比10088经费支出合规性严格执行相关制度规定达成预期指标88``. A row can
    only end where a number or % is followed by a word (not its unit, not inside a date); each
    candidate row is read by the one-row grammar (:func:`decode_row`, which reads targets in words
    of their own) and the cheapest cut of the whole piece into rows read in full wins (one row
    included). Empty when none reads. ``ends_in_scores``: every row must fill a score column; a row
    may then also end before a unit word (a score has none), and each row read earns a bonus."""
    inside = _inside_dates(text)
    ends = [i for i in range(1, len(text)) if (text[i - 1].isdigit() or text[i - 1] in "%‰")
            and "\u4e00" <= text[i] <= "\u9fff" and i not in inside
            and (ends_in_scores or not _units(text, i))] + [len(text)]  # (a score has no unit: 44|部门预算管理)
    if len(ends) > MAX_ROW_ENDS or len(text) > ROW_MAX:
        return GluedTable()
    best: dict[int, tuple[float, list]] = {0: (0.0, [])}
    for a in [0] + ends[:-1]:
        if a not in best:
            continue
        for b in (e for e in ends if e > a):
            row = decode_row(text[a:b], roles, costs)
            if not row.rows or row.left_over or \
                    (ends_in_scores and not any(roles[j] in NUMBER_ROLES for j, _ in row.rows[0])):
                continue  # (every row ends in its scores)
            total = best[a][0] + row.cost + (costs.scored_row if ends_in_scores else 0.0)
            if b not in best or total < best[b][0]:
                best[b] = (total, best[a][1] + row.rows)
    return GluedTable(rows=best[len(text)][1], cost=best[len(text)][0]) if len(text) in best else GluedTable()


def _printed(text: str, where: list[int]):
    """Folded span → the printed text it came from: pinyin after its last character included, and a
    required mark before its first (★★★农村低保发放人数: the mark opens the cell, :func:`printed_end`)."""
    def span(s: int, e: int) -> str:
        return text[printed_end(text, where, s) if s < len(where) else len(text):
                    printed_end(text, where, e) if e < len(where) else len(text)]
    return span


def decode_glued(text: str, roles: list[str], groups: tuple[str, ...] = (), rare: tuple[bool, ...] = (),
                 costs: GluedCosts = GluedCosts()) -> GluedTable:
    """Cut a glued table body into rows under header ``roles`` (one role per column, printed order);
    ``groups``: block labels that may stand before a row's name; ``rare``: per column, usually empty."""
    folded, where = fold_mapped(text)
    if "indicator" not in roles or not folded or len(folded) > BODY_MAX:
        return GluedTable(left_over=[text] if text else [])
    groups = tuple(sorted({fold_chars(g) for g in groups if g}, key=len, reverse=True))
    rows, rest = _decode(folded, roles, costs, groups, None, rare)
    for _ in range(costs.passes - 1):  # learn the table: how full each column is, what it usually holds
        if len(rows) < 3:
            break
        profile = _profile(folded, rows, len(roles))
        rows, rest = _decode(folded, roles, costs, groups, profile, rare)
        if _profile(folded, rows, len(roles)) == profile:
            break
    span = _printed(text, where)
    return GluedTable(rows=[[(j, span(s, e)) for j, s, e in row] for row in rows],
                      left_over=[span(s, e) for s, e in rest])
