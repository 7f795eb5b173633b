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
from jixiao.parsers.lexer import fold_chars, value_at
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
TAIL_MAX = 12  # characters of a target after an item's last comma (…增收致富,增加)
UNIT_TAIL_MAX = 4  # characters after a signed value's number still its unit (≤28.40/株)
SECTION_LINES_MAX = 12  # lines of one 一级 section
MIN_SECTIONS = 2  # numbered 一级 headings that make an outline


def _line(row: Row) -> str:
    return "".join(c.text for c in row.cells if c.text).strip()


def _level1_heading(text: str) -> Optional[str]:
    """The 一级 a numbered outline heading names (一、 产出指标), or None."""
    m = OUTLINE_NUMBER.match(text)
    if not m or m.group().strip()[0] not in "一二三四五六七八九十":
        return None
    name = text[m.end():].strip().rstrip(":：")
    return name if name and 1 in level_of(name) and len(name) <= 10 else None


def _signed_cut(text: str) -> Optional[tuple[int, int]]:
    """(start, end) of the first value opening with its comparison after a name (…人员≧300人), or None."""
    folded = fold_chars(text)
    if len(folded) != len(text):
        return None
    depth = 0
    for p in range(2, len(folded)):
        depth += (folded[p - 1] in "（(") - (folded[p - 1] in "）)")
        if folded[p] in SIGNS and folded[p - 1] not in SIGNS and depth <= 0:  # (not a hint: 数量(≥**株))
            stop = next((k for k in range(p, len(text)) if text[k] in ITEM_JOIN), len(text))
            n = value_at(folded[:stop], p)  # (a value ends at a comma: ≥80万元,促使…)
            if n and any(ch.isdigit() for ch in folded[p:p + n]):
                end = p + n
                if stop - end <= UNIT_TAIL_MAX:
                    end = stop  # (≤28.40/株: the rest of its unit)
                return p, end
    return None


def split_items(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """An item sentence → its (name, target) pairs and the parts that hold no target."""
    pairs: list[tuple[str, str]] = []
    rest = text.strip(ITEM_JOIN + " ")
    while rest:
        cut = _signed_cut(rest)
        if cut and (cut[1] == len(rest) or rest[cut[1]] in ITEM_JOIN):
            pairs.append((rest[:cut[0]].strip(), rest[cut[0]:cut[1]].strip()))
            rest = rest[cut[1]:].strip(ITEM_JOIN + " ")
            continue
        comma = max(rest.rfind(","), rest.rfind("，"))
        if comma >= 2 and 0 < len(rest) - comma - 1 <= TAIL_MAX:
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
    heads = [k for k, (_, t) in enumerate(lines) if _level1_heading(t)]
    title = _title([r for r, _ in lines[:heads[0]]]) if len(heads) >= MIN_SECTIONS else None
    if title is None:
        return None
    form = Form(title=title[0])
    m = NOTICE_TITLE.match(key(title[0]))
    project = m.group("project") if m else None
    form.cells.append(CellRead(title[1].text, "title", _origin(title[1]), title[1].col))
    for r, t in lines[:heads[0]]:  # the overall goal, in the paragraph above the outline
        g = GOAL_LEAD.search(t)
        if g:
            end = GOAL_END.search(t, g.end())
            text = t[g.end():end.start() if end else len(t)].strip()
            if text:
                form.goals.append(Goal("annual", text, _origin(r.cells[0])))
                form.cells.append(CellRead(r.cells[0].text, "goal", _origin(r.cells[0]), 0, ("goal", len(form.goals) - 1)))
            break
    last = heads[-1]
    bounds = heads + [len(lines)]
    for h, nxt in zip(heads, bounds[1:]):
        level1, level2 = _level1_heading(lines[h][1]), None
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
            form.department = text
            form.year = form.year or int(date.group(1))
            form.cells.append(CellRead(text, "field_value", _origin(lines[k][0].cells[0]), 0))
            break
    form.project = project
    form.year = year_of(project or "") or year_of(title[0]) or form.year
    form.form_type = form_type_of(form.title, has_project=project is not None)
    return form
