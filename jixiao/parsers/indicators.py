"""The indicator table: header → column roles, then every row → one 三级指标 record.

Rows are read in one of three ways, whichever the layout calls for:
- *grid*: one row per indicator. Cells are taken left to right and given to the roles of the
  header in order, but a cell only takes a role it fits (a level name never becomes a target, a
  sentence never becomes a unit), so rows whose cells shifted when merged cells were flattened
  still land right. Empty level cells are filled down from the rows above.
- *stream*: many indicators in one row (one-cell-per-line or single-space text flattened into a
  run of cells): records start at level names and end when the roles are used up or a cell
  cannot belong to the current record.
- *run-together*: cells glued with no separator (``产出指标数量指标覆盖率100%``): level prefixes
  are peeled from the vocabulary and the target is the value-shaped suffix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from jixiao.normalize import join_target_parts, parse_amount
from jixiao.parsers.cellkind import (
    EMPTYISH, is_amount_or_blank, is_level_label, is_noise, is_operator, is_terminator, is_unit,
    looks_like_deviation, qualitative_suffixes,
)
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import column_roles, key, key_no_notes, level_names, level_of, near_miss
from jixiao.records import Indicator

ROLE_ORDER = ("group", "level1", "level2", "indicator", "operator", "target", "unit", "actual", "score_max",
              "score", "deviation", "ignore")
VALUE_SUFFIX = re.compile(
    r"(?:[≥≤><=＞＜＝≧≦≈]|大于等于|小于等于|不低于|不高于|不少于|不超过|不大于|不小于|大于|小于|高于|低于|超过|约)?"
    r"\s*[\d０-９][\d０-９.,，]*\s*(?:%|％|‰|[^\d\s，。；,.、:：]{0,5})?(?:以上|以下|以内|左右)?$")


@dataclass
class Header:
    roles: list[tuple[str, int]]  # (role, column) in printed order
    run_together: bool = False
    group_texts: set = field(default_factory=set)

    def names(self) -> list[str]:
        return [r for r, _ in self.roles]

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.roles)


@lru_cache(maxsize=65536)
def role_of(text: str) -> Optional[str]:
    if not text:
        return None
    roles = column_roles()
    return roles.get(key(text)) or roles.get(key_no_notes(text))


def role_of_misread(text: str) -> Optional[str]:
    """A column heading read one character off (OCR), for cells of a row already known to be a header."""
    if not text or level_of(text):
        return None
    return near_miss(key_no_notes(text), column_roles())


def tokenize_header(text: str) -> list[str]:
    """``绩效指标一级指标二级指标指标内容指标值`` → the roles in order ([] unless it all tokenises)."""
    k = key(text)
    roles = column_roles()
    words = sorted(roles, key=len, reverse=True)
    out, pos = [], 0
    while pos < len(k):
        for w in words:
            if k.startswith(w, pos):
                out.append(roles[w])
                pos += len(w)
                break
        else:
            m = re.match(r"[（(][^）)]{0,8}[）)]", k[pos:])
            if not m:
                return []
            pos += m.end()
    return out


def is_header(roles: list[str]) -> bool:
    s = set(roles)
    return ("level1" in s and ("level2" in s or "indicator" in s)) or \
        ("level2" in s and "indicator" in s and ("target" in s or "actual" in s))


def read_header(row: Row) -> Optional[tuple[Header, int]]:
    """If the row is an indicator-table header: the header and the index of the first cell after it."""
    cells = row.cells
    roles: list[tuple[str, int]] = []
    group_texts = set()
    end = None
    started = False
    for i, c in enumerate(cells):
        if not c.text:
            if started:
                continue
            continue
        r = role_of(c.text) or (role_of_misread(c.text) if started else None)
        if r is None and not started:
            toks = tokenize_header(c.text)
            if is_header(toks):
                return Header([(t, c.col + j) for j, t in enumerate(toks)], run_together=True), i + 1
            continue  # text before the header run (e.g. a label of the whole block)
        if r is None:
            end = i
            break
        if r == "level1" and any(x == "level1" for x, _ in roles):
            end = i  # a second header? stop
            break
        started = True
        roles.append((r, c.col))
        if r == "group":
            group_texts.add(key_no_notes(c.text))
    names = [r for r, _ in roles]
    after_level2 = names[names.index("level2") + 1:] if "level2" in names else []
    if "indicator" not in names and "group" in after_level2:
        # 一级指标 | 二级指标 | 绩效指标 | 指标值: the word that usually heads the block names the third level
        k = names.index("group", names.index("level2") + 1)
        roles[k] = ("indicator", roles[k][1])
    if not is_header([r for r, _ in roles]):
        return None
    return Header(roles, group_texts=group_texts), (end if end is not None else len(cells))


@dataclass
class _Record:
    level1: str = ""
    level2: str = ""
    indicator: str = ""
    values: dict = field(default_factory=dict)
    page: Optional[int] = None


class IndicatorReader:
    """Turns the rows after a header into :class:`Indicator` records (fill-down state inside)."""

    def __init__(self, header: Header):
        self.header = header
        names = header.names()
        self.value_roles = [r for r in names if r not in ("group", "level1", "level2", "indicator")]
        self.level1 = ""
        self.level2 = ""
        self.records: list[Indicator] = []

    # -- entry points ------------------------------------------------------------------------
    def feed_row(self, row: Row) -> None:
        cells = [c for c in row.cells if not (c.carried and not c.text)]
        texts = [c.text for c in cells]
        filled = [t for t in texts if t]
        if not filled:
            return
        if self.header.run_together:
            for t in filled:
                self._run_together(t, row.page)
            return
        n_roles = len(self.value_roles) + 3
        if len(filled) > n_roles + 2 or several_records(filled):
            self._stream(cells, row.page)
        else:
            self._grid(cells, row.page)

    def is_group_text(self, text: str) -> bool:
        k = key_no_notes(text)
        return k in self.header.group_texts or role_of(text) == "group"

    # -- grid rows ---------------------------------------------------------------------------
    def _grid(self, cells: list[RowCell], page) -> None:
        first_level_col = min((c for r, c in self.header.roles if r in ("level1", "level2", "indicator")), default=0)
        kept: list[RowCell] = []
        for c in cells:
            if c.col + c.span <= first_level_col and (not c.text or self.is_group_text(c.text) or c.carried):
                continue  # the merged label column left of the levels (年度绩效指标 …)
            kept.append(c)
        while kept and not kept[0].text:
            kept.pop(0)
        if kept and self.is_group_text(kept[0].text) and len([c for c in kept if c.text]) > 2:
            kept.pop(0)
        aligned = self._aligned(kept)
        if aligned is not None:
            aligned.page = page
            self._emit(aligned)
            return
        seq = [c.text for c in kept]
        rec, at = self._levels(seq)
        if rec is None:
            return
        values = self._positional(kept[at], kept[at + 1:])
        if values is None:
            self._values(rec, seq[at + 1:], strict_blanks=False)
        else:
            rec.values = values
        rec.page = page
        self._emit(rec)

    def _aligned(self, cells: list[RowCell]) -> Optional[_Record]:
        """The row read straight under the header's columns, when it lines up with them.

        This is what keeps level names outside the vocabulary: the column says what they are.
        Rows that shifted (a level name in the wrong column, a target where the name should be)
        don't line up and are left to the vocabulary-driven reading.
        """
        cols = {r: c for r, c in self.header.roles if r in ("level1", "level2", "indicator")}
        if len(cols) < 3:
            return None
        at = {r: next((x for x in cells if x.col <= c < x.col + x.span), None) for r, c in cols.items()}
        name = at["indicator"]
        if name is None or not name.text or level_of(name.text):
            return None
        l1 = at["level1"].text if at["level1"] else ""
        l2 = at["level2"].text if at["level2"] else ""
        if (l1 and (level_of(l1) == {2} or _value_like(l1))) or (l2 and (level_of(l2) == {1} or _value_like(l2))):
            return None
        rest = [x for x in cells if x.col > name.col]
        values = self._positional(name, rest)
        if values is None or not values.get("target"):
            return None
        if l1:
            self.level1, self.level2 = l1, ""
        if l2:
            self.level2 = l2
        rec = _Record(level1=self.level1, level2=self.level2, indicator=name.text)
        rec.values = values
        return rec

    def _positional(self, name_cell: RowCell, rest: list[RowCell]) -> Optional[dict]:
        """Values by column position relative to the indicator cell; None when positions don't fit."""
        ind_col = next((c for r, c in self.header.roles if r == "indicator"), None)
        if ind_col is None:
            return None
        shift = name_cell.col - ind_col
        values: dict = {}
        used = set()
        for role, hc in self.header.roles:
            if role in ("group", "level1", "level2", "indicator"):
                continue
            col = hc + shift
            cell = next((c for c in rest if c.col <= col < c.col + c.span), None)
            if cell is None or id(cell) in used:
                continue
            t = cell.text
            if t and ((role == "operator" and not is_operator(t)) or (role == "unit" and not is_unit(t))
                      or (role in ("score_max", "score") and not is_amount_or_blank(t))
                      or (role in ("target", "actual") and level_of(t))):
                return None
            used.add(id(cell))
            values[role] = t
        if any(c.text and id(c) not in used for c in rest):
            return None
        if not values.get("target") and any(c.text for c in rest):
            return None
        return values

    def _levels(self, seq: list[str]) -> tuple[Optional[_Record], int]:
        """Take level names and the indicator name from the front of a row's cells.

        Returns the record and the index of the indicator cell in ``seq``; no record when the row
        holds none (index -1) or a level name stands where the name should be (its index).
        """
        rec = _Record(level1=self.level1, level2=self.level2)
        i = 0
        got1 = got2 = False
        non_empty_after = lambda j: [t for t in seq[j + 1:] if t and not is_level_label(t)]
        while i < len(seq):
            t = seq[i]
            if not t:
                i += 1
                continue
            lv = level_of(t)
            if not lv and is_level_label(t) and non_empty_after(i):
                lv = {2} if got1 else ({1} if self._next_is_level2(seq, i) else {2})
            if not lv or not non_empty_after(i):
                break
            if 1 in lv and 2 in lv:
                lv = {1} if (not got1 and not got2 and self._next_is_level2(seq, i)) else {2}
            if 1 in lv and not got1 and not got2:
                rec.level1, got1 = t, True
                rec.level2 = ""
            elif 2 in lv and not got2:
                rec.level2, got2 = t, True
            else:
                break
            i += 1
        # the indicator name: the first cell left
        while i < len(seq) and not seq[i]:
            i += 1
        if got1 and not got2:
            rec.level2 = self.level2
        if i >= len(seq):
            if got1 or got2:
                self.level1, self.level2 = rec.level1, rec.level2
            return None, -1
        self.level1, self.level2 = rec.level1, rec.level2
        if level_of(seq[i]):
            return None, i  # a level name where the indicator should be: a placeholder row
        rec.indicator = seq[i]
        return rec, i

    def _next_is_level2(self, seq: list[str], i: int) -> bool:
        for t in seq[i + 1:]:
            if t:
                return 2 in level_of(t) or (not level_of(t) and is_level_label(t))
        return False

    def _values(self, rec: _Record, rest: list[str], strict_blanks: bool) -> int:
        """Give the cells after the indicator name to the value roles; returns cells used."""
        used = 0
        roles = self.value_roles
        ri = 0
        while ri < len(roles) and used < len(rest):
            role, t = roles[ri], rest[used]
            if strict_blanks and t and is_level_label(t):
                break
            if role == "operator":
                if t and not is_operator(t):
                    ri += 1
                    continue
            elif role == "unit":
                if t and not is_unit(t):
                    ri += 1
                    continue
            elif role in ("score_max", "score"):
                if t and not is_amount_or_blank(t):
                    if strict_blanks:
                        break
                    ri += 1
                    continue
            elif role == "deviation" and strict_blanks and t and not looks_like_deviation(t):
                break
            elif role == "ignore" and strict_blanks and t and not looks_like_deviation(t):
                break
            elif role in ("target", "actual") and t and level_of(t):
                break
            rec.values.setdefault(role, t)
            used += 1
            ri += 1
        return used

    # -- stream rows -------------------------------------------------------------------------
    def _stream(self, cells: list[RowCell], page) -> None:
        seq = [c.text for c in cells]
        i = 0
        while i < len(seq):
            t = seq[i]
            if not t or self.is_group_text(t) or is_terminator(t) or is_noise(t):
                i += 1
                continue
            rec, at = self._levels(seq[i:])
            if rec is None:
                if at < 0:
                    break
                i += max(at, 1)  # a level name with no indicator after it: start again there
                continue
            used = self._values(rec, seq[i + at + 1:], strict_blanks=True)
            rec.page = page
            self._emit(rec)
            i += at + 1 + used

    # -- run-together cells ------------------------------------------------------------------
    def _run_together(self, text: str, page) -> None:
        l1s, l2s = level_names()
        rest = text
        rec = _Record(level1=self.level1, level2=self.level2)
        got1 = got2 = False
        while rest:
            name = _level_prefix(rest, l1s | l2s)
            if not name:
                break
            lv = level_of(name)
            if 1 in lv and 2 in lv:
                after = _level_prefix(rest[len(name):], l2s)
                lv = {1} if (after and not got1 and not got2) else {2}
            if 1 in lv and not got1 and not got2:
                rec.level1, rec.level2, got1 = name, "", True
            elif 2 in lv and not got2:
                rec.level2, got2 = name, True
            else:
                break
            rest = rest[len(name):]
        rec.level2 = rec.level2 or self.level2
        self.level1, self.level2 = rec.level1, rec.level2
        if not rest:
            return
        name, target = split_name_target(rest)
        rec.indicator = name
        rec.values["target"] = target
        rec.page = page
        self._emit(rec)

    # -- output ------------------------------------------------------------------------------
    def _emit(self, rec: _Record) -> None:
        v = rec.values
        op, unit = v.get("operator", ""), v.get("unit", "")
        number = v.get("target", "")
        if "operator" in self.value_roles or "unit" in self.value_roles:
            target_raw = join_target_parts(op, number, unit) if (op or unit) else number
            parts = (op, number, unit) if (op or unit) else None
        else:
            target_raw, parts = number, None
        if not rec.indicator and not target_raw:
            return
        if is_terminator(rec.indicator) or is_noise(rec.indicator):
            return
        self.records.append(Indicator(
            level1=rec.level1, level2=rec.level2, indicator=rec.indicator, target_raw=target_raw,
            target_parts=parts, actual_raw=_blank_none(v.get("actual")),
            score_max=parse_amount(v["score_max"]) if v.get("score_max") else None,
            score=parse_amount(v["score"]) if v.get("score") else None,
            deviation=_blank_none(v.get("deviation")), page=rec.page))


def _value_like(text: str) -> bool:
    return bool(re.search(r"\d", text)) or text in EMPTYISH


def several_records(texts: list[str]) -> bool:
    """A level name after an indicator name and value: more than one record in the row."""
    seen_other = 0
    for t in texts:
        if level_of(t):
            if seen_other >= 2:
                return True
        else:
            seen_other += 1
    return False


def _level_prefix(text: str, names) -> str:
    """The longest level name that starts ``text`` and leaves something after it."""
    for n in sorted(names, key=len, reverse=True):
        if text.startswith(n) and len(text) > len(n):
            return n
    return ""


def _blank_none(t: Optional[str]) -> Optional[str]:
    return t if t else None


def split_name_target(text: str) -> tuple[str, str]:
    """``学生家长满意度≥90%`` → (学生家长满意度, ≥90%); a qualitative suffix from the vocabulary too."""
    m = VALUE_SUFFIX.search(text)
    if m and m.start() > 0:
        return text[:m.start()], text[m.start():]
    for q in qualitative_suffixes():
        if text.endswith(q) and len(text) > len(q) + 1:
            return text[:-len(q)], q
    return text, ""
