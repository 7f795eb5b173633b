"""Glued text → cells: the lexer for pages whose table lost every separator.

Part of ``parsers/`` (pure). Document-sharing previews and some crawlers print a whole form as one
run of characters (``项目名称委托业务项目主管部门219-池州市…年初预算数全年预算数…``). Two passes
put cells back:

- :func:`split_words` cuts a glued text at every vocabulary word the forms print as a cell of
  their own — column headings, level names, header-field keys, goal headings, funding labels and
  headings, table titles — so what lies between two words is one value cell.
- :func:`split_values` cuts a stretch of an indicator table between level names into a name, the
  value expressions (``≥90%``, ``100%``, ``2023年12月31日``, ``有所提升``) and what follows them.

Page markers of document-sharing sites (``2、`` at the start of each page's line) are removed
before the lines are joined: a page break there cuts cells, not rows.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from jixiao.normalize.folding import PINYIN, fold_chars, to_simplified
from jixiao.normalize.vocab import COMPARATOR_MAXLEN, COMPARATORS, MULTIPLIER_MAXLEN, MULTIPLIERS, UNIT_MAXLEN, UNITS, \
    longest
from jixiao.parsers.vocab import _rows, budget_roles, column_roles, field_keys, goal_kinds, key, level_names

MIN_GLUED = 40  # a cell this long holding several vocabulary words is glued
PAGE_MARKER = re.compile(r"^\s*\d{1,2}、")
# a form title inside glued text: from a delimiter to 表 (绩效…表 or …自评表), with its (2022年度)
GLUED_TITLE = re.compile(r"[^:：。;；,，、]{0,30}?(?:绩效[^:：。;；,，、]{0,12}?表|自评表)")
# a notice's list of its attachments (附件:1.项目奖励资金分配表2.项目绩效目标表) names titles, none opens a form
ATTACHMENT_LIST = re.compile(r"表\d{1,2}[.．、]")
ATTACHMENT_MARK = re.compile(r"附件\d{1,2}")  # an attachment's number glued before its title
# what no title holds: a value's sign or share, where text before a title glued to it ends
TITLE_FREE = re.compile(r"[=≥≤<>%‰]|百分比")
DATE_RANGE = r"(?:--|——|[-—–~～〜至到])"  # 2020年1月--2020年11月, 1月～12月
# a dotted date writes one separator throughout (2023.07.20; 2023.07-20 is a year.month range cut short)
DOTTED_DATE = (r"(?:19|20)\d\d(?P<sep>[.．/-])(?:1[0-2]|0?[1-9])(?P=sep)\d{1,2}"
               rf"(?:{DATE_RANGE}(?:(?:19|20)\d\d(?P=sep))?(?:1[0-2]|0?[1-9])(?P=sep)\d{{1,2}})?")
CJK_DAY = r"\d{1,2}月(?:\d{1,2}日)?"
# 2019年1月-2019年12月, 2021年1月-12月, 2020年-2022年: a range of dates is one value
CJK_DATE = (rf"\d{{4}}年(?:{CJK_DAY}(?:{DATE_RANGE}(?:\d{{4}}年)?{CJK_DAY})?|{DATE_RANGE}\d{{4}}年)?"
            r"(?:年?(?:底|末)|年内)?(?:前|以前|之前)?(?:完成)?")  # (2025年年底前, 2025年内)
MONTH_DEADLINE = (r"(?:\d{1,2}月(?:(?:底|末)(?:前|以前|之前)?|前|以前|之前)"  # 9月前, 12月底到位
                  r"|年(?:底|末)(?:前|以前|之前)|年内)(?:完成|到位)?")  # 年底前, 年内完成: this year's end
DATE = re.compile(DOTTED_DATE + "|" + CJK_DATE + "|" + MONTH_DEADLINE)
MONTH_DEADLINE_ONLY = re.compile(MONTH_DEADLINE)
BRACKET_UNIT = re.compile(r"\(([^()]{1,6})\)")
PERCENT_WORD = re.compile(r"个?百分点|百分比")
PER = re.compile(r"[.．·]?每[天日月年次人户个件]")
NOTE_START = re.compile(r"^\s*(?:\d+\s*[.．](?!\d)|注|说明|备注|填表说明)")  # (86.5%…: a number, no note)
NOTE_AFTER = re.compile(r"\([^()]{1,10}\)(?:分(?!值))?")  # 产出指标(40分), 成本指标(0-20)分
QUALITATIVE = re.compile(r"(?:有所|明显|显著|逐步|不断|持续|稳步|进一步|大幅|有效|基本)[\u4e00-\u9fff]{2}")
NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
REQUIRED_MARKS = frozenset("*＊★☆※")  # a template's mark of a required column or row (一级指标*)


@lru_cache(maxsize=None)
def _word_pattern() -> re.Pattern:
    l1, l2 = level_names()
    words = set(l1 | l2)
    words |= {k for k in column_roles() if len(k) >= 3}
    words |= {k for k in field_keys() if len(k) >= 4 or k in ("项目名称", "主管部门", "实施单位")}
    words |= {k for k in goal_kinds() if len(k) >= 4}
    words |= {k for k in budget_roles() if len(k) >= 3}
    words |= {key(r["text"]) for r in _rows("sections.csv") if r["kind"] == "terminator" and len(r["text"]) >= 3}
    words |= {fold_chars(r["word"]) for r in _rows("cut_words.csv")}  # funding labels, natures (data/cut_words.csv)
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


def word_hits(text: str) -> int:
    return len(_word_pattern().findall(fold_mapped(text)[0]))  # (a Traditional page's words count too)


def is_glued(text: str) -> bool:
    """A long cell that holds several cells' worth of vocabulary words (a numbered note or 注:
    explaining the form's columns is not glued: it is a sentence about them)."""
    return len(text) >= MIN_GLUED and not NOTE_START.match(text) and word_hits(text) >= 3


def join_pages(lines: list[str]) -> str:
    """The lines of a glued page preview as one text, page markers (``2、``) removed."""
    return "".join(PAGE_MARKER.sub("", line, count=1) if i else PAGE_MARKER.sub("", line, count=1)
                   for i, line in enumerate(lines))


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """The matching form of glued text — NFKC, pinyin of mirror sites removed, required-field marks
    removed (``一级指标*二级指标*``), Simplified — with, for each of its characters, where the printed
    one starts (``產(chǎn)出`` → ``产出``, [0, 5])."""
    chars = fold_chars(text)
    kept = [ch not in REQUIRED_MARKS for ch in chars]
    for m in PINYIN.finditer(chars):
        for k in range(m.start(), m.end()):
            kept[k] = False
    where = [k for k in range(len(chars)) if kept[k]]
    folded = to_simplified("".join(chars[k] for k in where))
    if len(folded) != len(where):  # a conversion that changed the length: match on the plain text
        return chars, list(range(len(chars)))
    return folded, where


def printed_end(text: str, where: list[int], e: int) -> int:
    """Where folded text up to ``e`` ends in print (``where`` from :func:`fold_mapped`): before the next
    character kept, pinyin after it included, but not a required mark, which opens what follows
    (数量指标★补助… prints ★补助…: no level label of the real forms ends in a mark, 21 of their names
    open with one)."""
    if e <= 0:
        return 0
    end = where[e] if e < len(where) else len(text)
    while end > where[e - 1] + 1 and text[end - 1] in REQUIRED_MARKS:
        end -= 1
    return end


def _printed_end(text: str, folded: str, where: list[int], s: int, e: int) -> int:
    """Where the word folded[s:e] ends in print; a level name leaves a mark after it to the name
    (:func:`printed_end`), a heading keeps its own (一级指标*)."""
    if folded[s:e] in level_words():
        return printed_end(text, where, e)
    return where[e] if e < len(where) else len(text)


@lru_cache(maxsize=None)
def level_words() -> frozenset:
    """Every level name of the vocabulary (either level), as folded text matches it."""
    return frozenset(fold_chars(n) for names in level_names() for n in names)


def split_words(text: str) -> list[str]:
    """Cut glued text at vocabulary words and titles; pieces keep the printed characters (a word
    found in the folded text takes the printed span it came from, pinyin after it included)."""
    folded, where = fold_mapped(text)
    cuts = [(where[s], _printed_end(text, folded, where, s, e)) for s, e in _cuts(folded)]
    pieces: list[str] = []
    pos = 0
    for s, e in cuts:
        if s < pos:
            continue
        if s > pos:
            pieces.append(text[pos:s])
        pieces.append(text[s:e])
        pos = e
    if pos < len(text):
        pieces.append(text[pos:])
    return [p.strip(" :：") or p for p in pieces if p.strip()]


def _cuts(folded: str) -> list[tuple[int, int]]:
    """Spans of titles and vocabulary words in folded glued text."""
    cuts: list[tuple[int, int]] = []
    for m in GLUED_TITLE.finditer(folded):
        if ("绩效" in m.group() or "自评" in m.group()) and not ATTACHMENT_LIST.search(m.group()):
            # (…满意度%=99百分比省级部门预算项目支出绩效目标表: the last row's value before it is no part of it;
            # …合计2430.3附件2项目绩效目标表: nor the attachment's number)
            value = [v.end() for v in TITLE_FREE.finditer(m.group())] + \
                [v.end() for v in ATTACHMENT_MARK.finditer(m.group())]
            cuts.append((m.start() + (max(value) if value else 0), m.end()))
    notes = [(m.start(), m.end()) for m in NOTE_AFTER.finditer(folded)]
    for m in _word_pattern().finditer(folded):
        if any(s < m.start() < e for s, e in notes):
            continue  # a word inside a bracketed note (得分(20分*执行率)) belongs to the note
        if not any(s <= m.start() < e for s, e in cuts):
            end = m.end()
            note = NOTE_AFTER.match(folded, end)
            if note:
                end = note.end()  # 产出指标(40分), 指标值(A), 数量指标(必填硬性指标): the note belongs to the word
            cuts.append((m.start(), end))
    return _lone_headings(folded, _header_tails(folded, sorted(cuts)))


def _lone_headings(folded: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A value column's or funding column's heading inside the table body, touching no other
    heading, is a word of a cell (达成目标值, 政府采购执行率), not a header: in the body (from the first
    level name, or where the header's run of headings ends) it is cut only beside another heading
    (a header repeated after a page break prints them all together). Other headings there
    (原因分析, 备注) open the notes under the table and stay cut."""
    levels = level_words()
    roles = column_roles()
    funding = budget_roles()

    def role(k: int) -> Optional[str]:
        word = folded[cuts[k][0]:cuts[k][1]]
        bare = key(NOTE_AFTER.sub("", word))
        found = roles.get(bare) or roles.get(key(word))
        return found or ("funding" if bare in funding or key(word) in funding else None)

    def joined(a: int, b: int) -> bool:
        """Cuts ``a`` and ``b`` touch as headings of one run do: a funding word right after an indicator
        table's headings (…三级指标指标值预算执行率=100%) is the body's first name, not a heading."""
        return cuts[b][0] == cuts[a][1] and not (role(b) == "funding" and role(a) not in (None, "funding"))

    body = next((s for s, e in cuts if key(NOTE_AFTER.sub("", folded[s:e])) in levels), None)
    if body is None and cuts:  # no level name printed: the body starts where the header's run of headings ends
        k = 0
        while k + 1 < len(cuts) and joined(k, k + 1):
            k += 1
        body = cuts[k][1]
    if body is None:
        return cuts
    return [(s, e) for k, (s, e) in enumerate(cuts)
            if s < body or role(k) not in ("target", "actual", "funding")
            or (k and joined(k - 1, k) and role(k - 1))
            or (k + 1 < len(cuts) and joined(k, k + 1) and role(k + 1))]


@lru_cache(maxsize=None)
def _short_columns() -> tuple[str, ...]:
    return tuple(sorted((k for k in column_roles() if 2 <= len(k) < 3), key=len, reverse=True))


def _header_tails(folded: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two-character column headings (说明, 备注, 得分) are cut only where they continue a run of
    column headings: alone they are too common inside names and prose."""
    columns = set(column_roles())
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(cuts):
        out.append((s, e))
        word = folded[s:e]
        if key(NOTE_AFTER.sub("", word)) not in columns and key(word) not in columns:
            continue
        nxt = cuts[k + 1][0] if k + 1 < len(cuts) else len(folded)
        while e < nxt:
            short = next((w for w in _short_columns() if folded.startswith(w, e) and e + len(w) <= nxt), None)
            if short is None:
                break
            end = e + len(short)
            note = NOTE_AFTER.match(folded, end)
            end = note.end() if note and note.end() <= nxt else end
            out.append((e, end))
            e = end
    return out


def _bracket_unit(word: str) -> bool:
    """A unit printed in brackets after a number: a unit word, with its multiplier (万人次), or any
    one to three Chinese characters (度, 场)."""
    mult = longest(MULTIPLIERS, word, 0, MULTIPLIER_MAXLEN)
    rest = word[len(mult[0]):] if mult else word
    return bool(longest(UNITS, rest, 0, UNIT_MAXLEN)) or (1 <= len(word) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in word))


def value_at(text: str, i: int) -> int:
    """The end of a value expression starting at text[i] (comparator, number, unit, post word;
    or a date), or i when none starts there."""
    m = DATE.match(text, i)
    if m and (m.end() > i + 4 or MONTH_DEADLINE_ONLY.fullmatch(m.group())):
        return m.end()
    j = i
    hit = longest(COMPARATORS["pre"], text, j, COMPARATOR_MAXLEN["pre"]) or \
        longest(COMPARATORS.get("ocr", {}), text, j, COMPARATOR_MAXLEN.get("ocr", 1))  # ^80%: ≥ as OCR reads it
    if hit and hit[1].comparator:
        j += len(hit[0])
    m = NUMBER.match(text, j)
    if not m:
        return i
    j = m.end()
    if text[j:j + 1] in ("%", "‰"):
        j += 1
    elif PERCENT_WORD.match(text, j):
        j = PERCENT_WORD.match(text, j).end()
    else:
        mult = longest(MULTIPLIERS, text, j, MULTIPLIER_MAXLEN)
        k = j + (len(mult[0]) if mult else 0)
        unit = longest(UNITS, text, k, UNIT_MAXLEN, ascii_boundary=True)
        if unit:
            j = k + len(unit[0])
            if text[j:j + 1] == "/":
                per = longest(UNITS, text, j + 1, UNIT_MAXLEN)
                if per:
                    j += 1 + len(per[0])
            m = PER.match(text, j)
            if m:
                j = m.end()  # 17元/人.每天, 5元每人
        else:
            j = k  # (after a multiplier alone: 620万)
            per = longest(UNITS, text, j + 1, UNIT_MAXLEN) if text[j:j + 1] == "/" else None
            if per:
                j += 1 + len(per[0])  # a rate whose amount's unit is left out: 10320/年, ≤620万/月
    m = BRACKET_UNIT.match(text, j)
    if m and j > i and (m.group(1) in ("%", "‰") or _bracket_unit(m.group(1))):
        j = m.end()  # ≥13459.00(平方米), =100.00(%), =5.00(万人次), 90.00(度)
    mark = longest(COMPARATORS["range"], text, j, COMPARATOR_MAXLEN["range"])
    if mark and text[j + len(mark[0]):j + len(mark[0]) + 1].isdigit():  # a range: 18—54周岁, 98-100%, 1-6期
        end = value_at(text, j + len(mark[0]))
        if end > j + len(mark[0]):
            return end
    post = longest(COMPARATORS.get("post", {}), text, j, COMPARATOR_MAXLEN.get("post", 1))
    if post and post[1].comparator:
        j += len(post[0])
    return j


@lru_cache(maxsize=None)
def _qualitative() -> tuple[str, ...]:
    words = {key(r["text"]) for r in _rows("sections.csv") if r["kind"] == "qualitative" and len(r["text"]) >= 2}
    return tuple(sorted(words, key=len, reverse=True))


def repeated_tail(text: str) -> int:
    """The length of the longest tail (two characters or more) printed twice at the text's end
    (``完工及时率及时率`` → 3, ``A A`` → len(A)); 0 when none is."""
    n = len(text)
    for size in range(n // 2, 1, -1):
        if text[n - 2 * size:n - size] == text[n - size:]:
            return size
    return 0


def repeat_cut(text: str) -> Optional[int]:
    """Where a glued name + qualitative target splits when the target repeats the name: the name's
    tail (``完工及时率及时率`` → 完工及时率 | 及时率; the whole name: ``A A``) or its start
    (``房屋质量房屋完好``, ``居民参与率居民参与率不低于100%``). None when nothing repeats."""
    n = len(text)
    tail = repeated_tail(text)
    if tail:
        return n - tail
    best = None
    for k in range(2, n - 2):  # the target restarts with the name's first characters
        m = 0
        while k + m < n and m < k and text[k + m] == text[m]:
            m += 1
        if m >= 2 and (best is None or m > best[1]):
            best = (k, m)
    return best[0] if best else None


def split_values(text: str) -> list[str]:
    """A stretch of a glued indicator row → name, values and the text between them.

    ``补助学生数量168反映补助学生人数`` → [补助学生数量, 168, 反映补助学生人数];
    ``100%92%100%`` → [100%, 92%, 100%]. Digits inside a name (``7岁以下``) start a value only
    when no unit word follows them that continues the name."""
    folded = fold_chars(text)
    out: list[str] = []
    start = 0
    i = 0
    n = len(folded)
    while i < n:
        end = value_at(folded, i) if (folded[i].isdigit() or not folded[i].isascii() or folded[i] in "<>=") else i
        if end > i and (folded[i].isdigit() or folded[i] in "<>=≥≤" or end - i >= 3):
            if i > start:
                out.append(text[start:i])
            out.append(text[i:end])
            start = i = end
            continue
        q = next((w for w in _qualitative() if len(w) >= 3 and folded.startswith(w, i)), None)
        if q is None:
            m = QUALITATIVE.match(folded, i)
            q = m.group() if m and i > start else None
        if q and i > start:
            out.append(text[start:i])
            out.append(text[i:i + len(q)])
            start = i = i + len(q)
            continue
        i += 1
    if start < n:
        out.append(text[start:])
    return [p for p in out if p.strip()]
