"""Units of indicator targets (row stage): read the unit written after a number and convert.

``read_unit`` takes the longest unit the table in vocab knows at a position, with an optional
number multiplier (万人次, 2千人, 亿元), an optional 余/多 mark (1万余人), a compound part (元/人,
次/年) and a unit word the table has never seen (盏, 顶 …) kept as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .vocab import COMPARATORS, MULTIPLIER_MAXLEN, MULTIPLIERS, NOTES, UNIT_MAXLEN, UNITS, longest

_MARKS = COMPARATORS.get("mark", {})
# Characters that end a number's unit: they start a post word, a range or a join.
_STOP = set("以及或之左上下内前后至到且并和与约等的为余多每共累合计其中含完达覆提增减降实确保")


# marks joining the parts of a compound unit (元/人, 元/人·月), written canonically; a full stop
# between letters stays as written (17元/人.每天)
_COMPOUND_MARKS = {"/": "/", "·": "·", "・": "·", "•": "·", "∙": "·", ".": ".", "*": "*", "＊": "*",  # (元/人*月)
                   "、": "、"}  # 元/人、天 (per person-day): after a /, before a unit the table knows
# a compound part may say 每 (元/人.每天, 元/每人)
_EACH = "每"
# the longest unknown word read whole inside brackets: ≥100.00(人数)
_BRACKET_WORD_MAX = 4


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@dataclass(frozen=True)
class UnitRead:
    unit: str | None        # as written, canonically spelled ("万人", "平方米", "元/人")
    factor: Fraction | None  # value_std = value × factor (None: no unit at all)
    std: str | None         # unit_std ("" for a bare multiplier such as 1.2万)
    known: bool             # the base unit is in the table (or a bare multiplier)
    mark: str | None        # 余/多 written inside the unit (100余人)
    end: int                # index after the unit


def _base(text: str, i: int, allow_unknown: bool):
    """The unit word at text[i:] as (canonical, vocab.Unit | None, end) or None."""
    hit = longest(UNITS, text, i, UNIT_MAXLEN, ascii_boundary=True)
    if hit:
        key, unit = hit
        return unit.canonical, unit, i + len(key)
    if not allow_unknown or i >= len(text):
        return None
    ch = text[i]
    if ch.isascii() and ch.isalpha():
        j = i
        while j < len(text) and text[j].isascii() and (text[j].isalpha() or (j > i and text[j].isdigit())):
            j += 1
        return text[i:j], None, j
    if _is_cjk(ch) and ch not in _STOP:
        j = i + 1
        if text[j:j + 1] == "次":
            j += 1
        return text[i:j], None, j
    return None


def _bracket_word(word: str) -> bool:
    """A short word in brackets after a number that is its unit although no list knows it: one
    character (度), or a count of a known unit (人数, 户数, 套数) — CJK only, no stop character
    first, not an annotation such as 目标, 暂定 or 人均 (90(合格) has no unit)."""
    return (0 < len(word) <= _BRACKET_WORD_MAX and all(map(_is_cjk, word))
            and word[0] not in _STOP and word not in NOTES
            and (len(word) == 1 or word[0] in UNITS or word.endswith("数")))


def read_unit(text: str, i: int, allow_unknown: bool = True) -> UnitRead:
    """The unit written at text[i:] (right after a number)."""
    none = UnitRead(None, None, None, False, None, i)
    if i >= len(text):
        return none
    # a unit in brackets: 100(万元)
    if text[i] == "(":
        close = text.find(")", i + 1, i + 12)
        if close > i + 1:
            inner = read_unit(text[i + 1:close], 0, allow_unknown)
            if inner.unit and inner.end == close - i - 1:
                return UnitRead(inner.unit, inner.factor, inner.std, inner.known, inner.mark, close + 1)
            word = text[i + 1:close]
            if allow_unknown and _bracket_word(word):
                return UnitRead(word, Fraction(1), word, False, None, close + 1)
    if text[i] == "/":  # a rate whose amount's unit is left out (≤28.40/株: per plant)
        per = _base(text, i + 1, allow_unknown=False)
        if per is not None:
            return UnitRead("/" + per[0], Fraction(1), "/" + per[0], True, None, per[2])
    mark = None
    j = i
    if text[j:j + 1] in _MARKS:
        mark, j = text[j], j + 1
    direct = _base(text, j, allow_unknown=False)
    mult = longest(MULTIPLIERS, text, j, MULTIPLIER_MAXLEN)
    via = None
    if mult:
        k = j + len(mult[0])
        mark2 = None
        if text[k:k + 1] in _MARKS:
            mark2, k = text[k], k + 1
        base = _base(text, k, allow_unknown)
        via = (mult, mark2, base, k)
    if direct and (not via or not via[2] or direct[2] >= via[2][2] or via[2][1] is None):
        canonical, unit, end = direct
        read = UnitRead(canonical, unit.factor, unit.std, True, mark, end)
    elif via:
        (mtext, mfactor), mark2, base, k = via
        mark = mark or mark2
        if base is None:
            read = UnitRead(mtext, Fraction(mfactor), "", True, mark, k)
        else:
            canonical, unit, end = base
            if unit is None:
                read = UnitRead(mtext + canonical, Fraction(mfactor), canonical, False, mark, end)
            else:
                read = UnitRead(mtext + canonical, mfactor * unit.factor, unit.std, True, mark, end)
    else:
        base = _base(text, j, allow_unknown)
        if base is None:
            return UnitRead(None, None, None, False, mark, j)
        canonical, unit, end = base
        read = UnitRead(canonical, Fraction(1), canonical, False, mark, end)
    # a compound unit: 元/人, 次/年, 元/人/年 — no conversion
    compound, end, known = read.unit, read.end, read.known
    while text[end:end + 1] in _COMPOUND_MARKS and (compound != read.unit or text[end] == "/"):
        each = _EACH if text[end + 1:end + 2] == _EACH else ""
        other = _base(text, end + 1 + len(each), allow_unknown)
        if not other or (text[end] == "." and not _is_cjk(text[end + 1:end + 2] or "0")) or \
                (text[end] == "、" and other[1] is None):
            break
        compound += _COMPOUND_MARKS[text[end]] + each + other[0]
        end, known = other[2], known and other[1] is not None
    if compound != read.unit:
        return UnitRead(compound, Fraction(1), compound, known, read.mark, end)
    return read
