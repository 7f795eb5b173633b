"""A form written as an outline or list of targets, not as an indicator table → a form.

Part of ``parsers/`` (pure; rows → form). It runs only on a document in which no form table was
found. Pages publish a project's targets in three shapes no table reader can see:

- a notice's outline (``关于…项目绩效目标设定的公示``): numbered 一级 headings (``一、产出指标`` or
  ``(一)产出指標``, the style the first heading naming a 一级 only has), 二级 names as sub-headings or
  leading an item (``(一)数量指标``, ``1、数量指标:``), each item a name and its target in a sentence
  (``设施温棚种植人员(县内培训)≧300人;``, ``完成时限,2025年10月底前;``), closed by the unit's signature;
- a table row naming a 一级 whose next cell lists its items (``产出指标 | 开展文物安全巡查频次8次;…``);
- a report's sentence opening with a 一级 and 为 (``产出目标为水泥路面22.53m³,毛石墙身213.75m³;…``);
- a report's item naming its values by the table's column headings (``1.重大动物强制免疫病种群体免疫密度,
  年初目标值≥90%,实际完成值≥90%,自评得分20分;``): a clause opening with a heading of a value column
  (``data/columns.csv``; one a character short, ``初目标值``, too) holds that column's value, the clauses
  before the first such one the name as printed (its numbering kept, as a table's name keeps it).

An item is a name and a target: the target opens with its comparison (``≧300人``, ``大于等于10157.6平方米``,
``≤28.40/株``; a sign inside brackets is the name's template hint, ``(≥**株)``), or is a number right
after the name's words (``贫困子女1966人``), or — in an outline, not in a report's prose — follows the
item's last comma (``…增收致富,增加``). Items run on after a comma when the value before it is complete
(``…产值(≥**万元)≥80万元,促使…``). An item with no target (``生态修复功能提高``) is no indicator; its
text is reported unread. The form is taken only where 绩效 and 目标 are named above the items and,
for a single item, under a notice's title. A report's labelled items were seen on one harvested
page (1001, a Yunnan 自评报告: 0 of its 5 rows read before, 5 after). Measured on pages harvested after the tables were read
(their first reading before this reader): 405, 707, 801 (outlines), 902–904 — 0 of their 38 rows read
before, 38 after (with one extra, a benefit clause of 903 holding a number); every other real set and
the dev corpus unchanged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from jixiao.normalize.vocab import COMPARATORS
from jixiao.parsers.glued_rows import SIGNS
from jixiao.parsers.header import ORG, as_printed, field_of, form_type_of, split_fields, year_of
from jixiao.parsers.indicators import peel_levels, role_of, score_of
from jixiao.parsers.level_openings import value_cut
from jixiao.parsers.lexer import fold_mapped, printed_end, value_at
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import key, level_of
from jixiao.records import CellRead, Form, Goal, Indicator, Origin

OUTLINE_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[、.．])\s*")
NOTICE_TITLE = re.compile(r"^(?:标\s*题\s*[:：])?\s*(?:关于)?(?P<project>.{4,60}?项目)?[^，。；;]{0,8}绩效目标"
                          r"(?:设定|申报|批复)?(?:的公示|的通知|公示|情况)?$")
PUBLISHER = "发布机构"  # a page metadata key: the unit publishing the notice
LEAD = re.compile(r"([^，。；;,:：、\s]{2,8}?(?:指标|目标))(?:为|是)")  # a sentence opening with a 一级 (产出目标为…)
NOTICE_ENDS = ("设定", "公示", "通知", "申报", "批复")  # a notice title's last word
GOAL_LEAD = re.compile(r"总体(?:绩效)?目标(?:(?:是|为)\s*[:：]?|\s*[:：])")
GOAL_END = re.compile(r"现将|具体(?:绩效)?目标")
DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
ITEM_STOPS = "；;。"
ITEM_JOIN = ",，"
LEVEL_SEPARATORS = ":：,，"
NAME_MIN = 2  # characters of a name before its target
TAIL_MAX = 12  # characters of a target after an item's last comma (…增收致富,增加)
UNIT_TAIL_MAX = 4  # characters after a signed value's number still its unit (≤28.40/株)
SECTION_LINES_MAX = 12  # lines of one 一级 section
LEVEL1_MAX = 10  # characters of a 一级 heading's name
LIST_MIN = 2  # items in a cell listing a 一级's targets (…8次;…3个;…)
LABEL_ROLES = ("target", "actual", "score_max", "score", "deviation")  # what a report's item names by heading
NAME_FIELDS = ("project", "department", "agency")  # the header fields an outline's page gives
LABEL_LOST = 2  # characters of a heading a labelled clause may lack or add at its start (初目标值, 自评得分)


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


@lru_cache(maxsize=None)
def _word_signs() -> tuple[str, ...]:
    """Comparisons written in words that open a target (大于等于, 不低于; normalize's comparators)."""
    return tuple(w for w in COMPARATORS["pre"] if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w))


def _value_cut(text: str, signed: bool, tail: int = UNIT_TAIL_MAX) -> Optional[tuple[int, int]]:
    """(start, end) in print of the first value after a name that runs to the next comma or the end:
    one opening with its comparison (…人员≧300人; a sign inside brackets is a hint, 数量(≥**株)), or —
    not ``signed`` — a number right after the name's words (…贫困子女1966人, …标准100%达标). A number
    inside a name (6小时内扑灭率) is followed by more words than ``tail`` characters, and is none."""
    folded, where = fold_mapped(text)
    depth = 0
    for p in range(NAME_MIN, len(folded)):
        prev = folded[p - 1]
        depth += (prev in "（(") - (prev in "）)")
        if depth > 0:
            continue
        if folded[p] in SIGNS or folded.startswith(_word_signs(), p):
            if prev in SIGNS or folded.startswith(_word_signs(), p - 1):
                continue
        elif signed or not folded[p].isdigit() or not ("\u4e00" <= prev <= "\u9fff" or prev in ")）"):
            continue
        stop = next((k for k in range(p, len(folded)) if folded[k] in ITEM_JOIN), len(folded))
        n = value_at(folded[:stop], p)  # (a value ends at a comma: ≥80万元,促使…)
        if n and any(ch.isdigit() for ch in folded[p:p + n]) and stop - (p + n) <= tail:
            return where[p], printed_end(text, where, stop)  # (≤28.40/株, 100%达标: the rest of its unit)
    return None


def split_items(text: str, comma: bool = True) -> tuple[list[tuple[str, str]], list[str]]:
    """An item sentence → its (name, target) pairs and the parts that hold no target; ``comma``: a
    short tail after the last comma may be a target in words (an outline's item, not a report's prose)."""
    pairs: list[tuple[str, str]] = []
    rest = text.strip(ITEM_JOIN + " ")
    while rest:
        tail = UNIT_TAIL_MAX if comma else 0  # (a report's prose: 3户脱贫户增收 is no value and its name)
        cut = _value_cut(rest, signed=True, tail=tail)
        at_comma = max(rest.rfind(","), rest.rfind("，")) if comma else -1
        if cut is None and not (at_comma >= NAME_MIN and 0 < len(rest) - at_comma - 1 <= TAIL_MAX):
            cut = _value_cut(rest, signed=False, tail=tail)
        if cut:
            pairs.append((rest[:cut[0]].strip(), rest[cut[0]:cut[1]].strip()))
            rest = rest[cut[1]:].strip(ITEM_JOIN + " ")
            continue
        if at_comma >= NAME_MIN and 0 < len(rest) - at_comma - 1 <= TAIL_MAX:
            pairs.append((rest[:at_comma].strip(), rest[at_comma + 1:].strip()))
            return pairs, []
        at = value_cut(rest, signed_only=False) if comma else None
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
                m = NOTICE_TITLE.match(t) if t and "绩效目标" in t else None
                if m and (m.group("project") or t.endswith(NOTICE_ENDS)):  # (not a section's heading: 八、绩效目标)
                    return piece.strip(), c
    return None


def _origin(cell: RowCell) -> Origin:
    return Origin(cell.page, cell.bbox, cell.table, cell.row)


@dataclass
class _Reading:
    """What the sections read so far: the form being filled and the 二级 an item last named."""
    form: Form
    level2: Optional[str] = None
    first: Optional[int] = None  # the index of the row the first indicator was read from


def _read_part(reading: _Reading, at: int, level1: str, cell: RowCell, text: str, comma: bool) -> bool:
    """Read one line or cell of a section's body into indicators; True when it held any (or named a 二级)."""
    form, read = reading.form, False
    for part in _items(text):
        names, rest = _peel(part)
        for name in names:
            levels = level_of(name)
            if 2 in levels and (1 not in levels or key(name) != key(level1)):
                reading.level2 = name
        if not rest:
            read = read or bool(names)
            continue
        pairs, unread = split_items(rest, comma)
        for name, target in pairs:
            if name and target:
                form.indicators.append(Indicator(level1, reading.level2, name, target, origin=_origin(cell)))
                reading.first = at if reading.first is None else reading.first
                read = True
        form.cells.extend(CellRead(u, "unread", _origin(cell), cell.col) for u in unread)
    first = len(form.indicators) - 1
    form.cells.append(CellRead(text, "indicator" if read else "unread", _origin(cell), cell.col,
                               ("indicator", first) if read and first >= 0 else None))
    return read


def _numbered_sections(reading: _Reading, lines: list[tuple[Row, str]], heads: list[int]) -> int:
    """Read the sections under numbered 一级 headings (一、产出指标 ⏎ (一)数量指标 ⏎ items); the line after the
    outline."""
    last = len(lines)
    for h, nxt in zip(heads, heads[1:] + [len(lines)]):
        level1, head = _heading(lines[h][1])[1], lines[h][0].cells[0]
        reading.level2 = None
        reading.form.cells.append(CellRead(lines[h][1], "level1", _origin(head), head.col))
        last = min(nxt, h + 1 + SECTION_LINES_MAX)
        for k in range(h + 1, last):
            row, text = lines[k]
            if not text:
                continue
            if key(text).startswith("附件") or DATE_LINE.match(text):
                return k
            if not _read_part(reading, k, level1, row.cells[0], text, comma=True) and h == heads[-1]:
                return k
    return last


def _cell_sections(reading: _Reading, rows: list[Row]) -> None:
    """Read table rows whose cell names a 一级 and whose next cells list its items
    (产出指标 | 开展文物安全巡查频次8次;编制文物宣传资料数量3个;…)."""
    for at, row in enumerate(rows):
        cells = [c for c in row.cells if c.text.strip()]
        for c, body in zip(cells, cells[1:]):
            name = c.text.strip().rstrip(":：")
            if 1 in level_of(name) and len(key(name)) <= LEVEL1_MAX and len(_items(body.text)) >= LIST_MIN:
                reading.level2 = None  # (a grid's row, 产出指标 | 数量指标 | name | value, lists nothing)
                reading.form.cells.append(CellRead(c.text, "level1", _origin(c), c.col))
                _read_part(reading, at, name, body, body.text, comma=False)
                break


def _lead_sections(reading: _Reading, lines: list[tuple[Row, str]]) -> None:
    """Read sentences opening with a 一级 and 为 (产出目标为水泥路面22.53m³,毛石墙身213.75m³;工程合格率90%。效益目标为…)."""
    for at, (row, text) in enumerate(lines):
        folded, where = fold_mapped(text)
        leads = [m for m in LEAD.finditer(folded) if 1 in level_of(m.group(1))]
        for m, nxt in zip(leads, leads[1:] + [None]):
            body = text[printed_end(text, where, m.end()):where[nxt.start()] if nxt else len(text)]
            level1 = text[where[m.start(1)]:printed_end(text, where, m.end(1))]
            reading.level2 = None
            _read_part(reading, at, level1, row.cells[0], body, comma=False)


def _label(clause: str, roles: tuple[str, ...]) -> Optional[tuple[str, str]]:
    """(role, value) of a clause opening with a column heading of one of ``roles`` (年初目标值≥90%,
    实际完成值:≥90%, 自评得分20分), the longest heading first; None when it opens with none."""
    for end in range(len(clause), 1, -1):
        if not ("\u4e00" <= clause[end - 1] <= "\u9fff" or clause[end - 1] in ")）:："):
            continue  # (a heading ends in a word, a note or a colon: 自评得分|20分, not 自评得分20|分)
        head = key(clause[:end]).rstrip(":：")
        value = clause[end:].strip().lstrip(":：").strip()
        if not value:
            continue
        for lost in range(LABEL_LOST + 1):
            role = role_of(head[lost:]) if len(head) - lost >= 2 else None
            if role in roles and (lost == 0 or role_of(head) is None):
                return role, value
    return None


def labelled_item(text: str) -> Optional[tuple[str, dict[str, str]]]:
    """A report's item → (name, {role: value}) when its clauses name a target by its column heading
    (``1.免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分``); the name is what comes before the
    first labelled clause, after a 指标名称-like heading of its own."""
    clauses = re.split("[" + ITEM_JOIN + "]", text.strip())
    named = _label(clauses[0], ("indicator",))
    name, values = [named[1] if named else clauses[0]], {}
    for clause in clauses[1:]:
        cut = _label(clause, LABEL_ROLES)
        if cut is None and not values:
            name.append(clause)  # (a name with a comma in it)
        elif cut is not None:
            values.setdefault(cut[0], cut[1])
    name_text = ",".join(name).strip()
    return (name_text, values) if name_text and "target" in values else None


def _labelled_sections(reading: _Reading, lines: list[tuple[Row, str]]) -> None:
    """Read a report's items naming their values by column headings (see :func:`labelled_item`)."""
    for at, (row, text) in enumerate(lines):
        for part in _items(text):
            item = labelled_item(part)
            if item is None:
                continue
            name, values = item
            reading.form.indicators.append(Indicator(
                None, None, name, values["target"], actual_raw=values.get("actual"),
                score_max=score_of(values.get("score_max")), score=score_of(values.get("score")),
                deviation=values.get("deviation"), origin=_origin(row.cells[0])))
            reading.first = at if reading.first is None else reading.first
            reading.form.cells.append(CellRead(part, "indicator", _origin(row.cells[0]), 0,
                                               ("indicator", len(reading.form.indicators) - 1)))


def _fields(rows: list[Row]) -> dict[str, str]:
    """The header fields the rows print as key | value cells (项目名称 | 全市文物保护专项经费) or as a report's
    lines of a key and its colon (项目名称:2021年中央动物防疫等补助经费项目。)."""
    out: dict[str, str] = {}
    for row in rows:
        cells = [c for c in row.cells if c.text.strip()]
        pairs = split_fields(cells[0].text) if len(cells) == 1 else []
        line = key(cells[0].text) if pairs else ""
        if pairs and line.startswith(pairs[0][0]) and line[len(pairs[0][0]):][:1] in (":", "："):
            for k, value in pairs:  # a report's line, a key and its colon: 项目主管部门:昌宁县农业农村局。
                f = field_of(k)
                value = value.strip().rstrip("。；;，, ")
                if f and f[0] in NAME_FIELDS and f[0] not in out and value:
                    out[f[0]] = value
        for c, value in zip(cells, cells[1:]):
            f = field_of(c.text)
            if f and f[0] in NAME_FIELDS and f[0] not in out and not field_of(value.text):
                out[f[0]] = value.text.strip()
    return out


def _publisher(lines: list[tuple[Row, str]]) -> Optional[str]:
    """The unit a government page's metadata names as the publisher (发布机构 | 同心县下马关镇): the notice's
    unit where it prints no signature."""
    for row, _ in lines:
        cells = [c for c in row.cells if c.text.strip()]
        for c, value in zip(cells, cells[1:]):
            if key(c.text).rstrip(":：") == PUBLISHER and ORG.search(key(value.text)):
                return value.text.strip()
    return None


def read_outline(rows: list[Row]) -> Optional[Form]:
    """The form a document's outline of targets holds (see the module's docstring), or None when the
    rows hold none: 绩效 and 目标 named above its sections, and an item with a target read."""
    lines = [(r, _line(r)) for r in rows]
    reading = _Reading(Form())
    heads = _level1_heads([t for _, t in lines])
    last = _numbered_sections(reading, lines, heads) if heads else len(lines)
    if not reading.form.indicators:
        reading = _Reading(Form())
        _cell_sections(reading, rows)
    if not reading.form.indicators:
        reading = _Reading(Form())
        _lead_sections(reading, lines)
    if not reading.form.indicators:
        reading = _Reading(Form())
        _labelled_sections(reading, lines)
    form = reading.form
    first = reading.first if reading.first is not None else len(lines)
    above = lines[:heads[0]] if heads and first > heads[0] else lines[:first + 1]  # (with its own row: 年度绩效总目标 | 产出指标 | …)
    title = _title([r for r, _ in above])
    if not form.indicators or not any("绩效" in key(t) and "目标" in key(t) for _, t in above) or \
            (len(form.indicators) < 2 and title is None):
        return None  # (the outline's words: 绩效 … 目标 above its sections; one item alone only under a notice's title)
    form.title = title[0] if title else ""
    m = NOTICE_TITLE.match(key(title[0])) if title else None
    fields = _fields(rows)
    project = fields.get("project") or (as_printed(title[0], m.group("project")) if m and m.group("project") else None)
    form.department, form.agency = fields.get("department"), fields.get("agency")
    if title:
        form.cells.append(CellRead(title[1].text, "title", _origin(title[1]), title[1].col))
    for k, (r, t) in enumerate(above):  # the overall goal and the unit, above the outline
        if "实施单位" in key(t) and k + 1 < len(above) and form.department is None:
            unit = next((c for c in lines[k + 1][0].cells if c.text.strip()), None)  # 六、实施单位及责任人 ⏎ 某学院 某人
            name = (unit.raw or unit.text).split()[0] if unit is not None else ""
            if ORG.search(key(name)):
                form.department = name
                form.cells.append(CellRead(unit.text, "field_value", _origin(unit), unit.col))
        text = _goal_text(t)
        if text and not form.goals:
            form.goals.append(Goal("annual", text, _origin(r.cells[0])))
            form.cells.append(CellRead(r.cells[0].text, "goal", _origin(r.cells[0]), 0, ("goal", len(form.goals) - 1)))
    for k in range(min(last, len(lines)), len(lines) - 1):  # the unit's signature, above the date it signed
        text, below = lines[k][1], lines[k + 1][1]
        date = DATE_LINE.match(below)
        if date and ORG.search(key(text)):
            form.department = form.department or text
            form.year = form.year or int(date.group(1))
            form.cells.append(CellRead(text, "field_value", _origin(lines[k][0].cells[0]), 0))
            break
    form.department = form.department or _publisher(lines)
    form.project = project
    form.year = year_of(project or "") or year_of(form.title) or form.year or \
        next((year_of(t) for _, t in above if year_of(t)), None)  # (the notice's first year named)
    actuals = any(i.actual_raw for i in form.indicators) or None  # (a report's items with 实际完成值)
    form.form_type = form_type_of(form.title, has_project=project is not None, self_eval=actuals)
    return form
