"""A form written as a notice's outline, not as a table → a form.

Part of ``parsers/`` (pure; rows → form). A county may publish a project's targets as a notice
(``关于…项目绩效目标设定的公示``): a paragraph naming the project's overall goal, then the indicators
as an outline — numbered 一级 headings (``一、产出指标``), 二级 names as sub-headings or leading an
item (``(一)数量指标``, ``数量指标:``), and each item a name and its target in a sentence
(``设施温棚种植人员(县内培训)≧300人;``, ``完成时限,2025年10月底前;``), closed by the publishing
unit's signature and date. No table reader can see a table there; this reader takes the outline's
structure instead. It runs only on a document in which no form table was found.

An item is a name and a target: the target opens with its comparison (``≧300人``, ``≤28.40/株``; a
sign inside brackets is the name's template hint, ``(≥**株)``), or follows the item's last comma
(``…增收致富,增加``), or is a value expression ending the item.
Items run on after a comma when the value before the comma is complete
(``…产值(≥**万元)≥80万元,促使…收入(≥**万元)≥80万元``). An item with no target (``生态修复功能提高``)
is no indicator; its text is reported unread.
"""
from __future__ import annotations

import re
from typing import Optional

from jixiao.parsers.header import ORG, form_type_of, year_of
from jixiao.parsers.indicators import peel_levels
from jixiao.parsers.level_openings import value_cut
from jixiao.parsers.lexer import fold_mapped, printed_end, value_at
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import key, level_of
from jixiao.records import CellRead, Form, Goal, Indicator, Origin

OUTLINE_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[、.．])\s*")
NOTICE_TITLE = re.compile(r"^(?:标\s*题\s*[:：])?\s*(?:关于)?(?P<project>.{4,60}?项目)?[^，。；;]{0,8}绩效目标"
                          r"(?:设定|申报|批复)?(?:的公示|的通知|公示|情况)?$")
GOAL_LEAD = re.compile(r"总体(?:绩效)?目标(?:是|为)?\s*[:：]")
GOAL_END = re.compile(r"现将|具体(?:绩效)?目标")
DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
ITEM_STOPS = "；;。"
ITEM_JOIN = ",，"
LEVEL_SEPARATORS = ":：,，"
SIGNS = "<>=≥≤≧≦＞＜＝"
NAME_MIN = 2  # characters of a name before its target
TAIL_MAX = 12  # characters of a target after an item's last comma (…增收致富,增加)
UNIT_TAIL_MAX = 4  # characters after a signed value's number still its unit (≤28.40/株)
SECTION_LINES_MAX = 12  # lines of one 一级 section
MIN_SECTIONS = 2  # numbered 一级 headings that make an outline
LEVEL1_MAX = 10  # characters of a 一级 heading's name


def _line(row: Row) -> str:
    return "".join(c.text for c in row.cells if c.text).strip()


def _heading(text: str) -> Optional[tuple[str, str]]:
    """(numbering style, name) of a numbered outline line naming a level (一、 产出指标; (一)产出指标), or None."""
    m = OUTLINE_NUMBER.match(text)
    if not m:
        return None
    mark = re.sub(r"[一二三四五六七八九十\d\s]+", "", m.group())  # the style: 、 or () or .
    name = text[m.end():].strip().rstrip(":：")
    return (mark, name) if name and len(key(name)) <= LEVEL1_MAX and level_of(name) else None


def _level1_heads(lines: list[str]) -> list[int]:
    """The lines heading the outline's 一级 sections: numbered as the first line naming a 一级 only is
    (一、产出指标 ⏎ (一)数量指标 ⏎ (四)成本指标: 成本指标 is a 二级 there)."""
    heads = [(k, h) for k, h in ((k, _heading(t)) for k, t in enumerate(lines)) if h is not None]
    style = next((h[0] for _, h in heads if level_of(h[1]) == frozenset({1})), None)
    return [k for k, h in heads if h[0] == style and 1 in level_of(h[1])]


def _value_cut(text: str, signed: bool) -> Optional[tuple[int, int]]:
    """(start, end) in print of the first value after a name that runs to the next comma or the end:
    one opening with its comparison (…人员≧300人; a sign inside brackets is a hint, 数量(≥**株)), or —
    not ``signed`` — a number right after the name's words (…贫困子女1966人, …标准100%达标). A number
    inside a name (6小时内扑灭率) is followed by more words than a unit, and is none."""
    folded, where = fold_mapped(text)
    depth = 0
    for p in range(NAME_MIN, len(folded)):
        prev = folded[p - 1]
        depth += (prev in "（(") - (prev in "）)")
        if depth > 0:
            continue
        if folded[p] in SIGNS:
            if prev in SIGNS:
                continue
        elif signed or not folded[p].isdigit() or not ("\u4e00" <= prev <= "\u9fff" or prev in ")）"):
            continue
        stop = next((k for k in range(p, len(folded)) if folded[k] in ITEM_JOIN), len(folded))
        n = value_at(folded[:stop], p)  # (a value ends at a comma: ≥80万元,促使…)
        if n and any(ch.isdigit() for ch in folded[p:p + n]) and stop - (p + n) <= UNIT_TAIL_MAX:
            return where[p], printed_end(text, where, stop)  # (≤28.40/株, 100%达标: the rest of its unit)
    return None


def split_items(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """An item sentence → its (name, target) pairs and the parts that hold no target."""
    pairs: list[tuple[str, str]] = []
    rest = text.strip(ITEM_JOIN + " ")
    while rest:
        cut = _value_cut(rest, signed=True)
        comma = max(rest.rfind(","), rest.rfind("，"))
        if cut is None and not (comma >= NAME_MIN and 0 < len(rest) - comma - 1 <= TAIL_MAX):
            cut = _value_cut(rest, signed=False)
        if cut:
            pairs.append((rest[:cut[0]].strip(), rest[cut[0]:cut[1]].strip()))
            rest = rest[cut[1]:].strip(ITEM_JOIN + " ")
            continue
        if comma >= NAME_MIN and 0 < len(rest) - comma - 1 <= TAIL_MAX:
            pairs.append((rest[:comma].strip(), rest[comma + 1:].strip()))
            return pairs, []
        at = value_cut(rest, signed_only=False)
        if at:
            pairs.append((rest[:at].strip(ITEM_JOIN + " "), rest[at:].strip()))
            return pairs, []
        return pairs, [rest]
    return pairs, []


def _peel(text: str) -> tuple[list[str], str]:
    """The level names an item opens with (效益指标:经济效益指标:…), and the rest."""
    names: list[str] = []
    rest = OUTLINE_NUMBER.sub("", text, count=1)
    while rest:
        levels, after = peel_levels(rest)
        if not levels:
            break
        names.extend(levels)
        rest = after.lstrip(LEVEL_SEPARATORS + " ")
    return names, rest


def _items(text: str) -> list[str]:
    """A section's text cut at the marks ending an item (；, 。)."""
    return [p for p in re.split("[" + ITEM_STOPS + "]", text) if p.strip()]


def _goal_text(text: str) -> str:
    """The overall goal a line states after its lead (项目总体绩效目标是:…), up to 现将…; '' when none."""
    folded, where = fold_mapped(text)
    lead = GOAL_LEAD.search(folded)
    if not lead:
        return ""
    end = GOAL_END.search(folded, lead.end())
    return text[printed_end(text, where, lead.end()):where[end.start()] if end else len(text)].strip()


def _title(rows: list[Row]) -> Optional[tuple[str, RowCell]]:
    for row in rows:
        for c in row.cells:
            for piece in c.text.split("|"):  # (a page's metadata line: 标 题: | …绩效目标设定 |)
                t = key(piece)
                if t and "绩效目标" in t and NOTICE_TITLE.match(t):
                    return piece.strip(), c
    return None


def _origin(cell: RowCell) -> Origin:
    return Origin(cell.page, cell.bbox, cell.table, cell.row)


def read_outline(rows: list[Row]) -> Optional[Form]:
    """The form a notice's outline of targets holds (see the module's docstring), or None when the
    rows hold no such outline (two numbered 一级 headings under a title naming 绩效目标)."""
    lines = [(r, _line(r)) for r in rows]
    heads = _level1_heads([t for _, t in lines])
    if len(heads) < MIN_SECTIONS or not any("绩效目标" in key(t) for _, t in lines[:heads[0]]):
        return None  # (the outline's words: 绩效目标 above its sections, in the title or a heading)
    title = _title([r for r, _ in lines[:heads[0]]])
    form = Form(title=title[0] if title else "")
    m = NOTICE_TITLE.match(key(title[0])) if title else None
    project = m.group("project") if m else None
    if title:
        form.cells.append(CellRead(title[1].text, "title", _origin(title[1]), title[1].col))
    for k, (r, t) in enumerate(lines[:heads[0]]):  # the overall goal and the unit, above the outline
        if "实施单位" in key(t) and k + 1 < heads[0] and form.department is None:
            unit = next((c for c in lines[k + 1][0].cells if c.text.strip()), None)  # 六、实施单位及责任人 ⏎ 某学院 某人
            name = (unit.raw or unit.text).split()[0] if unit is not None else ""
            if ORG.search(key(name)):
                form.department = name
                form.cells.append(CellRead(unit.text, "field_value", _origin(unit), unit.col))
        text = _goal_text(t)
        if text and not form.goals:
            form.goals.append(Goal("annual", text, _origin(r.cells[0])))
            form.cells.append(CellRead(r.cells[0].text, "goal", _origin(r.cells[0]), 0, ("goal", len(form.goals) - 1)))
    last = heads[-1]
    bounds = heads + [len(lines)]
    for h, nxt in zip(heads, bounds[1:]):
        level1, level2 = _heading(lines[h][1])[1], None
        head_row = lines[h][0]
        form.cells.append(CellRead(lines[h][1], "level1", _origin(head_row.cells[0]), 0))
        for k in range(h + 1, min(nxt, h + 1 + SECTION_LINES_MAX)):
            row, text = lines[k]
            if not text:
                continue
            if key(text).startswith("附件") or DATE_LINE.match(text):
                last = k
                break
            read = False
            for part in _items(text):
                names, rest = _peel(part)
                for name in names:
                    levels = level_of(name)
                    if 2 in levels and (1 not in levels or key(name) != key(level1)):
                        level2 = name
                if not rest:
                    read = read or bool(names)
                    continue
                pairs, unread = split_items(rest)
                for name, target in pairs:
                    if not name or not target:
                        continue
                    form.indicators.append(Indicator(level1, level2, name, target, origin=_origin(row.cells[0])))
                    read = True
                for u in unread:
                    form.cells.append(CellRead(u, "unread", _origin(row.cells[0]), 0))
            first = len(form.indicators) - 1
            form.cells.append(CellRead(text, "indicator" if read else "unread", _origin(row.cells[0]), 0,
                                       ("indicator", first) if read and first >= 0 else None))
            if not read and h == heads[-1]:
                last = k
                break
        else:
            last = min(nxt, h + 1 + SECTION_LINES_MAX)
    if not form.indicators:
        return None
    for k in range(last, len(lines) - 1):  # the unit's signature, above the date it signed
        text, below = lines[k][1], lines[k + 1][1]
        date = DATE_LINE.match(below)
        if date and ORG.search(key(text)):
            form.department = form.department or text
            form.year = form.year or int(date.group(1))
            form.cells.append(CellRead(text, "field_value", _origin(lines[k][0].cells[0]), 0))
            break
    form.project = project
    form.year = year_of(project or "") or year_of(form.title) or form.year or \
        next((year_of(t) for _, t in lines[:heads[0]] if year_of(t)), None)  # (the notice's first year named)
    form.form_type = form_type_of(form.title, has_project=project is not None)
    return form
