"""Rows → forms: find where each form starts and ends, then read its parts.

The stream of rows (see ``rows.py``) is first regrouped where the source lost its row structure
(one cell per line, or a whole form flattened onto one line): runs are split at *anchors* —
form titles, header field keys, funding labels, goal headings, column-header runs. Then forms are
delimited by their titles (or, for forms without one, by a new 项目名称/单位名称 after an indicator
table), other tables' titles end a form, and each form's rows are read by the header, funding,
goal and indicator readers. A candidate without an indicator table is not a form.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Collection, Optional

from jixiao.model import Document
from jixiao.parsers.cut_rows import drop_cut_row
from jixiao.parsers.cellkind import is_amount_or_blank, is_chrome, is_noise, is_terminator, opens_an_evaluation
from jixiao.parsers.bracket_paths import split_bracket_paths
from jixiao.parsers.funding import (
    FundingReader, broken_label, budget_role, glued_budget_line, is_budget_label, run_together_headings,
    split_label_amount, unit_label,
)
from jixiao.parsers.goals import GoalReader, collapse, goal_keys_in, heading_prefix_kind, is_goal_sentence
from jixiao.parsers.header import (
    ORG, UNIT_NOTE_AFTER, clean_title, field_of, form_type_of, is_form_title, is_other_table_title, split_fields, titled_target, unit_in_title, year_line, year_of,
)
from jixiao.parsers.indicators import (
    Header, IndicatorReader, area_run, header_continued, header_from_above, refine_header, several_records, is_header,
    read_header, role_in_run, role_of, role_of_misread,
    tokenize_header,
)
from jixiao.parsers import accounting
from jixiao.parsers.packed import block_rows, block_start, labelled
from jixiao.parsers.lexer import GLUED_TITLE, PAGE_MARKER, fold_chars, fold_mapped, is_glued, join_pages, split_values, split_words, word_hits
from jixiao.normalize import parse_target
from jixiao.normalize.names import numbering_at
from jixiao.parsers.level_openings import split_level_openings
from jixiao.parsers.outline import read_outline
from jixiao.parsers.mirror import ruby_of, with_ruby, without_ruby
from jixiao.parsers.mend import mend, mend_cut_labels, mend_rows, mend_vertical
from jixiao.parsers.rows import Row, RowCell, document_rows
from jixiao.parsers.record_lists import listing_header, split_records
from jixiao.parsers.vocab import _rows, key, level_of, role_by_affix, squash
from jixiao.parsers.fit import shape, skipped_role
from jixiao.records import CellRead, Form, Goal, Origin

MIN_RUN = 3
EXPLODE_AT = 12
NEW_FORM_FIELDS = {"project", "department!"}
BARE_TITLE_ENDS = ("整体绩效目标", "项目绩效目标", "支出绩效目标")  # a form's name printed without 表
BARE_TITLE_MAX = 30
ENDING_CELLS = {"总分", "合计", "总计", "得分合计"}
# the columns assumed when a table prints no header: what a self-evaluation has, a target form leaves empty
HEADERLESS = Header([("level1", 0), ("level2", 1), ("indicator", 2), ("target", 3), ("actual", 4),
                     ("score_max", 5), ("score", 6), ("deviation", 7)], positional=False, assumed=True)
PROSE_HEAD = re.compile(r"^第[一二三四五六七八九十]+(?:部分|章|节)|^[一二三四五六七八九十]+、[^，。]{2,20}$")
NUMBERED_SENTENCE = re.compile(r"^(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]+、)?[^|]{6,}")
CELL_LINE_MAX = 40  # characters of a one-text line still read as a table row
INDICATOR_NUMBERING = re.compile(r"^指标\s*\d+\s*[:：.、．]")  # 指标1:完成…等工作。 is a long name, no prose after the table
SENTENCE_MARK = re.compile(r"[。：:；;]|^(?:注|说明|备注)")
CAPTION = re.compile(r"^\d+\s*[.、．]")


def parse_document(doc: Document) -> list[Form]:
    """The forms of a document (a mirror page read without its pinyin, its strings written with it)."""
    ruby = ruby_of(doc)
    return with_ruby(_parse(without_ruby(doc, ruby)), ruby) if ruby else _parse(doc)


def _parse(doc: Document) -> list[Form]:
    printed = [_one_cell(r) if _chrome_only(r) else r for r in document_rows(doc)]
    rows = regroup(printed)
    forms = []
    for whole in split_forms(rows):
        parts = split_records(whole.rows)  # a table listing several records: a form each
        for seg in [replace(whole, rows=part) for part in parts] if parts else [whole]:
            form = read_form(seg, heading=seg.title or (forms[-1].title if forms else ""))
            if form is not None:
                if not seg.title and forms:
                    inherit(form, forms[-1])
                forms.append(form)
    if not forms:  # no form table: the targets may be written as a notice's outline
        outline = read_outline(printed)
        forms = [outline] if outline is not None else []
    if forms and doc.method == "text":  # page text is often an excerpt, stopping inside a row
        last = next(((c.table, c.row, c.col, c.text) for r in reversed(rows) for c in reversed(r.cells)
                     if c.text and not c.carried), None)
        if last is not None:
            drop_cut_row(forms[-1], last)
    return forms


def _chrome_only(row: Row) -> bool:
    """A line of the web page's own links only (【打印本页】 【关闭窗口】, 发布时间:… 浏览次数:…): no part of
    any form (a page's footer had become a record of the list above it, 打印本页 its project)."""
    filled = [c.text for c in row.cells if c.text]
    return bool(filled) and (all(is_chrome(t) for t in filled) or is_chrome("".join(filled)))


def _one_cell(row: Row) -> Row:
    """A line of the page's links as one cell: it ends a form (cellkind.is_terminator), and no reader
    takes its pieces for a record's name and unit or a row's name and values."""
    first = next(c for c in row.cells if c.text)
    return replace(row, cells=[replace(first, text="".join(c.text for c in row.cells if c.text), col=0)])


def inherit(form: Form, before: Form) -> None:
    """A form with no title of its own, right after another (a new 项目名称 in the same group of
    tables), is printed under that form's heading: title, year and unit carry over where it says none."""
    form.title = before.title
    form.year = form.year or before.year
    if form.department is None and form.agency is None:
        form.department, form.agency = before.department, before.agency
    self_eval = form.form_type.endswith("self_eval")
    form.form_type = form_type_of(form.title, has_project=form.project is not None, self_eval=self_eval)


# -- regrouping -------------------------------------------------------------------------------
def anchor_kind(text: str) -> Optional[str]:
    if not text:
        return None
    if is_form_title(text):
        return "title"
    if role_of(text) == "level1" or (len(text) > 8 and is_header(tokenize_header(text))):
        return "header"
    if field_of(text) or split_fields(text):
        f = field_of(text)
        if f is None or f[0] != "year":
            return "field"
    if goal_keys_in(text):
        return "goal"
    if is_budget_label(text) or split_label_amount(text) or glued_budget_line(text) or run_together_headings(text):
        return "budget"  # (项目资金(万元)全年预算数全年执行数: the block's headings glued, a line of their own)
    if is_terminator(text) or key(text).startswith("附件"):
        return "terminator"
    if is_prose(text):
        return "prose"
    return None


def is_prose(text: str) -> bool:
    """Running text, not a cell: a numbered section heading of a report (第三部分, 2.部门绩效评价结果。)
    or a sentence that ends with a full stop."""
    k = key(text)
    return bool(PROSE_HEAD.match(k)) or (len(k) >= 8 and k.endswith("。") and bool(NUMBERED_SENTENCE.match(k)))


def split_at_anchors(cells: list[RowCell]) -> list[list[RowCell]]:
    """Cut a flattened run of cells into rows at anchors and around column-header runs."""
    out: list[list[RowCell]] = []
    cur: list[RowCell] = []
    i = 0
    n = len(cells)
    in_indicators = False  # after an indicator header, names such as 资金发放及时率 are no anchors
    goal_waiting = False  # a goal heading with no text before the header: its text may follow the table
    while i < n:
        c = cells[i]
        hdr_len = _header_run(cells, i)
        if hdr_len:
            goal_waiting = bool(cur) and all(_goal_heading_alone(x.text) for x in cur)
            if cur:
                out.append(cur)
            out.append(cells[i:i + hdr_len])
            in_indicators = any(role_of(x.text) in ("level1", "level2") for x in cells[i:i + hdr_len])
            cur = []
            i += hdr_len
            continue
        kind = anchor_kind(c.text)
        if kind is None and not in_indicators and cut_short_goal(cells, i):
            kind = "goal"  # 年度 | 文化惠民工程，主要用于…: a goal heading printed cut short, beside its text
        if in_indicators and kind == "field" and _opens_form(cells, i):
            kind = "title"  # the next form's 项目名称 | 某项目 after this one's rows (a preview runs the forms on)
        if in_indicators and (kind not in ("title", "terminator", "header", "prose") or
                              (kind == "prose" and (len(c.text) <= CELL_LINE_MAX or INDICATOR_NUMBERING.match(fold_chars(c.text)))
                               and not goal_waiting)):
            kind = None  # (a target written as a short sentence, 95%以上。, is a cell of its row)
        if kind == "budget" and cur and broken_label(cur[-1].text, c.text):
            kind = None  # 其中:当年财政 | 拨款: a label's tail a space cut off
        if kind == "budget" and _after_budget_label(cur) and any(ch.isdigit() for ch in c.text):
            kind = None  # 其中:财政拨款 | 少数民族发展资金37万元: the amount cell of the label before it
        if kind not in (None, "title", "header") and _value_of_field(cur) and not field_of(c.text):
            kind = None  # the cell right after a field key is its value (项目名称 | 某某补助经费)
        if kind and cur and not (kind == "goal" and cur and goal_keys_in(cur[-1].text)):
            out.append(cur)
            cur = []
        if kind == "title":
            in_indicators = False  # the next form's header: its fields are anchors again
        cur.append(c)
        i += 1
    if cur:
        out.append(cur)
    return out


def _opens_form(cells: list[RowCell], i: int) -> bool:
    """A field that names a new form (项目名称) with its value after it, and another field key right
    after that (主管部门): the head of the next form, not a cell of an indicator row."""
    f = field_of(cells[i].text)
    return f is not None and f[0] in NEW_FORM_FIELDS and i + 2 < len(cells) and \
        not field_of(cells[i + 1].text) and field_of(cells[i + 2].text) is not None


def _numbered_goal_heading(text: str) -> bool:
    """A report's numbered goal heading (（一）中长期绩效目标, 二、年度绩效目标): the next part's goals. Unnumbered,
    a goal word may name a level of a 评价 framework (决策 → 绩效目标 → 绩效指标明确性)."""
    return bool(text) and numbering_at(key(text)) > 0 and bool(goal_keys_in(text))


def _goal_heading_alone(text: str) -> bool:
    """A goal heading with no text of its own (总体目标, 年度目标)."""
    return any(k == key(text) for _, k in goal_keys_in(text))


def cut_short_goal(cells: list[RowCell], i: int) -> bool:
    """cells[i] is the start of a goal heading (年度 of 年度目标) and the next filled cell a sentence."""
    nxt = next((c for c in cells[i + 1:] if c.text), None)
    return nxt is not None and heading_prefix_kind(key(cells[i].text)) is not None and is_goal_sentence(nxt.text)


def _after_budget_label(cur: list[RowCell]) -> bool:
    filled = [c for c in cur if c.text]
    return bool(filled) and is_budget_label(filled[-1].text)


def _value_of_field(cur: list[RowCell]) -> bool:
    """The run so far ends with a header field key and no value yet."""
    filled = [c for c in cur if c.text]
    return bool(filled) and bool(field_of(filled[-1].text)) and field_of(filled[-1].text)[0] != "year"


def _header_run(cells: list[RowCell], i: int) -> int:
    """Length of a run of ≥3 column-header words starting at i (indicator or funding headers)."""
    j = i
    kinds = []
    while j < len(cells):
        t = cells[j].text
        if not t and kinds and j + 1 < len(cells) and cells[j + 1].text:
            j += 1  # (a crawler's | line between two headings: an empty cell inside the run)
            continue
        r = (role_in_run(t, cells[j + 1].text if j + 1 < len(cells) else None) or
             (role_of_misread(t) or role_by_affix(t) if len(kinds) >= MIN_RUN else None)) if t else None
        b = budget_role(t) if t else None
        if r is None and b is None:
            break
        if r is None and is_budget_label(t) and sum(k in ("budget_initial", "budget_full_year", "executed") for k in kinds) >= 2:
            break  # 总额 after 年初预算数 … is the first line's label
        kinds.append(r or b)
        j += 1
    for _ in range(area_run(cells, j, kinds)):  # a target column per area (西坪镇尧山村 | 桃舟乡吾培村 …)
        kinds.append("target" if "target" not in kinds else "ignore")
        j += 1
    # an indicator header by the reader's own rule (a table without level columns included: 指标名称 |
    # 计量单位 | 指标值 | 权重 …), a level column, or a funding header
    if len(kinds) >= MIN_RUN and (("level1" in kinds) or ("level2" in kinds and "indicator" in kinds) or is_header(kinds)
                             or sum(k in ("budget_initial", "budget_full_year", "executed") for k in kinds) >= 2):
        # include a group word right before (年度绩效指标 / 绩效指标)
        return j - i
    return 0


FIRST_PAGE = re.compile(r"^\s*1、")  # the first page line of a numbered preview (1、… 2、…)
# a space beside a Chinese character in a glued preview is where the viewer wrapped a cell's line (产 出 指 标)
WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
SPACE_GAP = re.compile(r"[ \u3000\u00a0]{2,}")  # spaces parting a glued line's cells (one space may be a wrap)


GLUED_LINE_MIN = 200  # characters of a line holding a whole glued form …
GLUED_CELL_MIN = 25  # … whose stray spaces leave pieces this long on average (a row of cells is shorter)


GLUED_TITLE_MAX = 48  # characters of a title GLUED_TITLE finds
GLUED_LEAD_MAX = 40  # characters before the title of a glued form line (a signature block printed first)
EMPTY_DATE = re.compile(r"年\s*月\s*日")  # a date field left blank (单位公章: 年 月 日) ends a lead


def _glued_title_at(text: str) -> Optional[int]:
    """Where the title of a glued form line starts: at its start, or after a short lead the viewer
    printed first (``主管部门审核意见单位公章:年月日鄂州市2022年…绩效目标表项目名称…``)."""
    folded, where = fold_mapped(text)  # (績效 of a Traditional page matches as 绩效)
    m = GLUED_TITLE.search(folded, 0, GLUED_LEAD_MAX + GLUED_TITLE_MAX)
    if m is None or m.start() > GLUED_LEAD_MAX:
        return None
    start = where[m.start()]
    blank = EMPTY_DATE.match(text, start)
    return blank.end() if blank else start


def _glued_form_line(whole: str, pieces: int) -> bool:
    """A long line split at stray spaces into long pieces that holds a glued form from its title on
    (``2021年度财政项目绩效自评表单位名称:… 项目类别1、部门预算项目 02、…``): a viewer's wraps, no separators."""
    text = WRAP_SPACE.sub("", whole)
    return len(whole) >= GLUED_LINE_MIN and len(whole) >= GLUED_CELL_MIN * pieces and \
        _glued_title_at(text) is not None and is_glued(whole)


WRAPPED_PIECE_MAX = 40  # characters of a short line between two glued lines of one form (259.45万元)


def _glued_wrap(rows: list[Row], j: int) -> bool:
    """rows[j] is a line of the glued form before it: a glued line of one cell, or a short one with a
    glued line after it or two words of the vocabulary (效益指标社会效益指标…80%: the last row)."""
    def glued_line(k: int) -> bool:
        return k < len(rows) and len(rows[k].cells) == 1 and bool(rows[k].cells[0].text) and \
            is_glued(rows[k].cells[0].text)
    cells = rows[j].cells
    if len(cells) != 1 or not cells[0].text:
        return False
    text = cells[0].text
    return glued_line(j) or (len(text) <= WRAPPED_PIECE_MAX and (glued_line(j + 1) or word_hits(text) >= 2))


INDICATOR_HEADINGS = ("level1", "level2", "indicator", "target", "actual", "score_max", "score")


def _header_alone(pieces: list[str]) -> bool:
    """A glued line that is nothing but an indicator table's column headings (一级指标二级指标…得分
    偏差原因分析及改进措施): its rows follow one to a line, and are read with it as a run of cells."""
    return sum(role_of(t) in INDICATOR_HEADINGS for t in pieces) >= 3 and all(role_of(t) or role_by_affix(t) for t in pieces)


def unglue(rows: list[Row]) -> list[Row]:
    """Glued lines (a whole form with no separators, a page preview's lines) → rows of cells cut at
    vocabulary words; the lines of one glued preview are joined first (a page break cuts cells)."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        r = rows[i]
        whole = " ".join(c.raw or c.text for c in r.cells)
        # a form glued from its title on, its line split into cells at stray spaces: a preview's first page
        # (1、2020年度县级专项资金绩效目标自评表专项资金名称… ⏎ 2、…), or one long line of the whole form
        first_page = len(r.cells) > 1 and (
            (FIRST_PAGE.match(whole) and i + 1 < len(rows) and rows[i + 1].cells
             and PAGE_MARKER.match(rows[i + 1].cells[0].raw or rows[i + 1].cells[0].text or "")
             and is_glued(whole) and GLUED_TITLE.match(fold_mapped(WRAP_SPACE.sub("", FIRST_PAGE.sub("", whole, count=1)))[0]))
            or _glued_form_line(whole, len([c for c in r.cells if c.text])))
        form_line = first_page and not FIRST_PAGE.match(whole)
        if (len(r.cells) == 1 and r.cells[0].text and is_glued(r.cells[0].text)) or first_page:
            lines = [whole]
            j = i + 1
            while j < len(rows) and rows[j].cells and \
                    PAGE_MARKER.match(rows[j].cells[0].raw or rows[j].cells[0].text or ""):
                # the next page of the preview (a stray space may have split its line into cells)
                lines.append(" ".join(c.raw or c.text for c in rows[j].cells))
                j += 1
            if len(lines) == 1 and _glued_title_at(WRAP_SPACE.sub("", whole)) is not None:
                # a whole form glued from its title on, its lines broken where a viewer or OCR wrapped them
                # (…300万元 ⏎ 259.45万元 ⏎ 86.5%市县资金…): the glued lines after it go on with it
                while j < len(rows) and _glued_wrap(rows, j):
                    lines.append(rows[j].cells[0].raw or rows[j].cells[0].text)
                    j += 1
            source = r.cells[0]
            joined = join_pages(lines)
            text = WRAP_SPACE.sub("", joined)
            lead = _glued_title_at(text) if form_line else 0
            if lead:  # a short lead before the title stays a line of its own (reported unread)
                out.append(Row([RowCell(text[:lead], 0, 1, False, text[:lead], source.page, source.bbox,
                                        source.confidence, source.table, source.row)], page=r.page, table=r.table))
                text = text[lead:]
            if len(lines) == 1 and not lead and SPACE_GAP.search(joined.strip()):
                # a run of spaces parts cells for sure: no word is read across it (…建设项目  主管部门:…
                # is no 项目主管部门)
                pieces = [p for seg in SPACE_GAP.split(joined.strip()) for p in split_words(WRAP_SPACE.sub("", seg))]
            else:
                pieces = split_words(text)
            if len(lines) == 1 and len(r.cells) == 1 and not lead and _header_alone(pieces):
                out.append(r)  # an indicator header alone on its line: read with the one-line rows under it
                i += 1
                continue
            out.append(Row([RowCell(squash(t), k, 1, False, t, source.page, source.bbox, source.confidence,
                                    source.table, source.row, True) for k, t in enumerate(pieces)],
                           page=r.page, table=r.table, flat=True))
            i = j
            continue
        out.append(r)
        i += 1
    return out


HEADER_LINES_MAX = 8  # lines a header's cells may spill over (one or two headings per line)


def _is_heading(text: str) -> bool:
    """A column heading of the vocabulary, whole or by its affix (绩效指标, 一级指标, 指标值(或计划水平))."""
    return bool(role_of(text) or role_by_affix(text))


def _headings_only(row: Row) -> bool:
    """Every filled cell of the row is a column heading (绩效指标 | 一级指标; 指标值(或计划水平))."""
    filled = [c.text for c in row.cells if c.text and not c.carried]
    return bool(filled) and all(_is_heading(t) for t in filled)


def _heading_lead(row: Row) -> tuple[Optional[Row], Optional[Row]]:
    """A row opening with column headings and going on with the table body (年度指标值 | 实际完成值 | … |
    产出指标 | 数量指标 | 造林面积 | …): the headings and the rest as two rows, else (None, None)."""
    cells = [c for c in row.cells if c.text and not c.carried]
    k = 0
    while k < len(cells) and _is_heading(cells[k].text) and not level_of(cells[k].text):
        k += 1
    if k == 0 or k == len(cells):
        return None, None
    return (Row([c.moved(j) for j, c in enumerate(cells[:k])], page=row.page, table=row.table, flat=True),
            Row([c.moved(j) for j, c in enumerate(cells[k:])], page=row.page, table=row.table, flat=True))


def join_header_lines(rows: list[Row]) -> list[Row]:
    """A header whose cells spilled over lines of a few headings each (``绩效指标 | 一级指标 |`` ⏎
    ``二级指标 |`` ⏎ ``三级指标 |`` ⏎ ``指标值(或计划水平) | 二级指标 |`` …, a crawler's ``|`` rows) is one
    header row: lines of headings only, none a header alone, are joined when together they are one."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        r = rows[i]
        if _headings_only(r) and read_header(r) is None:
            j = i + 1
            while j < len(rows) and j - i < HEADER_LINES_MAX and _headings_only(rows[j]) and read_header(rows[j]) is None:
                j += 1
            head, body = _heading_lead(rows[j]) if j < len(rows) and j - i < HEADER_LINES_MAX else (None, None)
            lines = rows[i:j] + ([head] if head is not None else [])  # (the last line going on into the body)
            # (lines of one cell each are a one-cell-per-line text, whose runs regroup reads as a whole)
            if len(lines) >= 2 and any(len([c for c in row.cells if c.text]) >= 2 for row in lines):
                cells = [c for row in lines for c in row.cells if c.text and not c.carried]
                joined = Row([c.moved(k) for k, c in enumerate(cells)], page=r.page, table=r.table, flat=True)
                if read_header(joined) is not None:
                    out.append(joined)
                    if head is not None:
                        out.append(body)
                        j += 1
                    i = j
                    continue
        out.append(r)
        i += 1
    return out


def join_split_headings(rows: list[Row]) -> list[Row]:
    """A header whose headings wrapped inside their cells, the second lines printed as a row of their own
    (``三级指标 | 年度 | 实际 | 分值 | 得分`` ⏎ ``指标值 | 完成值``): the lower row's pieces finish the
    header's headings from its first that is no heading alone, when each pair spells one (年度指标值, 实际完成值)."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        pieces = [c for c in row.cells if c.text and not c.carried]
        if prev is None or not pieces or row.exact or read_header(prev) is None:
            out.append(row)
            continue
        heads = [c for c in prev.cells if c.text and not c.carried]
        first = next((k for k, c in enumerate(heads) if not _is_heading(c.text)), None)
        open_cells = heads[first:first + len(pieces)] if first is not None else []  # (实际 is a heading too)
        whole = [c.text + p.text for c, p in zip(open_cells, pieces)]
        if len(open_cells) != len(pieces) or not all(_is_heading(t) for t in whole):
            out.append(row)
            continue
        done = {id(c): t for c, t in zip(open_cells, whole)}
        out[-1] = replace(prev, cells=[replace(c, text=done[id(c)], raw=done[id(c)]) if id(c) in done else c
                                      for c in prev.cells])
    return out


def _mend_vertical_rows(rows: list[Row]) -> list[Row]:
    """Each row of inferred columns with a vertical label run into the cell after it, mended (mend_vertical)."""
    out = []
    for row in rows:
        cells = mend_vertical(row.cells) if not row.exact and len(row.cells) >= 3 else row.cells
        # (a mended row is shorter: its label's characters became one cell)
        out.append(row if len(cells) == len(row.cells) else replace(row, cells=[c.moved(k) for k, c in enumerate(cells)]))
    return out


def regroup(rows: list[Row]) -> list[Row]:
    rows = join_split_headings(join_header_lines(mend_rows(split_level_openings(unglue(split_bracket_paths(
        _mend_vertical_rows(mend_cut_labels(rows))))))))
    out: list[Row] = []
    run: list[Row] = []

    def flush():
        if len(run) >= MIN_RUN:
            cells = mend([r.cells[0].moved(k, carried=False) for k, r in enumerate(run)])
            columns: Optional[tuple[int, int]] = None  # (first column, width) of the last header read
            for part in split_at_anchors(cells):
                row = Row([c.moved(k) for k, c in enumerate(part)], page=part[0].page, table=run[0].table, flat=True)
                cut = _rows_of_width(part, columns, row.page, row.table)
                out.extend(cut or [row])
                hdr = read_header(row)
                if hdr is not None:
                    cols = [c for r, c in hdr[0].roles if r != "group"]
                    columns = (min(cols), len(cols)) if cols else None
        else:
            out.extend(run)
        run.clear()

    listing = False  # under a header naming record columns (项目名称 项目单位 … 一级指标 …): rows stay whole
    for r in rows:
        if len(r.cells) == 1:
            run.append(r)
            continue
        flush()
        # a row of a real grid (it carries merged cells) is never cut; a long flattened one is
        filled = [c for c in r.cells if c.text]
        # a row cut from glued text (lexer pieces) is a run of cells whatever its length
        long_flat = (len(filled) > EXPLODE_AT or (len(filled) > 2 and all(c.glued for c in filled))) and \
            not any(c.carried for c in r.cells)
        if listing and filled and is_form_title(filled[0].text):
            listing = False  # the next form
        if long_flat and r.table is not None and not any(c.glued for c in filled) and (listing or listing_header(r)):
            listing = True  # a record list's header and rows (in the tables below it too): split_records reads them
            long_flat = False
        parts = split_at_anchors(r.cells) if long_flat else []
        if len(parts) > 1:  # a flattened run holding several rows' worth: cut at its anchors
            for part in parts:
                out.append(Row([c.moved(k) for k, c in enumerate(part)], page=r.page, table=r.table,
                               flat=r.flat or r.table is None or len(parts) > 1))
        else:
            out.append(r)
    flush()
    return out


def _rows_of_width(part: list[RowCell], columns: Optional[tuple[int, int]], page, table) -> list[Row]:
    """A run of one cell per line that writes every empty cell (a crawler's lone ``|`` lines) under a
    header of ``width`` columns: the run is rows of that width, each opening with a filled cell (its
    name, or a level label and empty cells), the last one perhaps cut short by the excerpt's end. Cut so,
    with the header's columns: [] when it is not."""
    if columns is None:
        return []
    first, width = columns
    if width < 3 or len(part) < 2 * width or all(c.text for c in part) or \
            not all(part[k].text for k in range(0, len(part), width)):  # (the last row may be cut short)
        return []
    # (exact: each cell stands in its header's column; rows outside any table stay flat, or the form's
    # reader would take them for free text after its table)
    return [Row([c.moved(first + j) for j, c in enumerate(part[k:k + width])], page=page, table=table,
                flat=table is None, exact=True) for k in range(0, len(part), width)]


# -- segmentation -----------------------------------------------------------------------------
@dataclass
class Segment:
    title: str = ""
    rows: list[Row] = field(default_factory=list)
    has_header: bool = False
    has_fields: bool = False
    year_hint: Optional[int] = None
    field_names: set = field(default_factory=set)
    lead: int = 0  # rows opening the segment that are its table's own, above its first 一级 (a page opening mid-table)
    titles: set = field(default_factory=set)  # every title the segment opened with (folded), its own and a page's


def _title_in(row: Row, following: Optional[Row] = None) -> Optional[str]:
    own = [c for c in row.cells if c.text and not c.carried]
    for c in own:
        if is_form_title(c.text):
            return clean_title(c.text)
    # the 一体化 template heads its form with the block name: 部门整体绩效目标 | 基本信息 (the second
    # cell may stand in the next row)
    after = [c for c in (following.cells if following else []) if c.text and not c.carried]
    if key(own[0].text).endswith("整体绩效目标") if own else False:
        if (len(own) == 2 and key(own[1].text) == "基本信息") or \
                (len(own) == 1 and after and key(after[0].text) == "基本信息"):
            return own[0].text
    # a heading naming the form without 表 (部门整体绩效目标), alone on its line over the header fields
    if len(own) == 1 and after and field_of(after[0].text) and _bare_title(own[0].text):
        return own[0].text
    return None


RUNNING_TITLE_ROWS = 4  # rows after a repeated title in which a header field or a year line means a new form
RUNNING_TITLE_LOOKAHEAD = 8  # (empty rows among them)


def _running_title(cur: Optional[Segment], title: str, rows: list[Row], at: int) -> bool:
    """The form's own title printed again inside its table, as a page's running header (a PDF's text, a
    viewer's copy): the segment already reads its table, the title is one it opened with, and what
    follows it goes on with the table: no header field or year line in the rows after it (a column header
    repeated at the page's top may follow)."""
    if cur is None or not cur.has_header or key(title) not in cur.titles:
        return False
    rest = _without_title(rows[at])
    after = ([rest] if any(c.text for c in rest.cells) else []) + \
        [r for r in rows[at + 1:at + 1 + RUNNING_TITLE_LOOKAHEAD] if any(c.text for c in r.cells)]
    return not any(_field_names(r) or any(year_line(c.text) for c in r.cells if c.text) for r in after[:RUNNING_TITLE_ROWS])


def _without_title(row: Row) -> Row:
    """The row without its title cells (a run flattened from one cell per line holds the rows after it)."""
    return replace(row, cells=[c for c in row.cells if c.carried or not c.text or not is_form_title(c.text)])


def _bare_title(text: str) -> bool:
    k = key(text)
    return len(k) <= BARE_TITLE_MAX and k.endswith(BARE_TITLE_ENDS) and not numbering_at(k) and k not in BARE_TITLE_ENDS


def _field_names(row: Row) -> set[str]:
    """The header fields a row names; a department key of the first rank counts as ``department!``."""
    names = set()
    for c in row.cells:
        if c.carried or not c.text:
            continue
        found = [field_of(c.text)] if field_of(c.text) else [field_of(k) for k, _ in split_fields(c.text)]
        for f in found:
            if f:
                names.add(f[0] + ("!" if f == ("department", 1) else ""))
    return names


def split_forms(rows: list[Row]) -> list[Segment]:
    segments: list[Segment] = []
    cur: Optional[Segment] = None
    before: Optional[Row] = None  # the last row with text
    for i, row in enumerate(rows):
        following = _next_filled(rows, i)
        title = _title_in(row, following)  # (the next row with text: an empty row may stand between)
        open_field = _open_field(before)
        if title and cur is not None and open_field and open_field[0] == "project":
            title = None  # 项目名称 | ⏎ 2020年…经费支出绩效自评表 |: a project named after its form
        if any(c.text for c in row.cells):
            before = row
        if title and _running_title(cur, title, rows, i):
            row = _without_title(row)
            if not any(c.text for c in row.cells):
                continue
            title = None
        if title:
            titles = {key(title)} | (cur.titles if cur is not None and not cur.has_header and not cur.has_fields else set())
            # (a run flattened from one cell per line may hold the whole form after its title)
            headed = row.flat and (read_header(row) is not None or headerless_at(row) is not None)
            if cur is not None and not cur.has_header and not cur.has_fields:
                # two titles before any field: a page heading and the form's own title, or the form's
                # title and a numbered caption over a group of tables (3.…绩效目标表): the caption
                # never wins, the later title otherwise; a year only the other one prints is kept
                if not CAPTION.match(title):
                    if year_of(cur.title) and not year_of(title):
                        cur.year_hint = year_of(cur.title)
                    cur.title = title
                cur.rows.append(row) if CAPTION.match(title) else setattr(cur, "rows", [row])
                cur.has_header = headed
                cur.titles = titles
                continue
            cur = Segment(title=title, rows=[row], has_header=headed, titles=titles)
            segments.append(cur)
            continue
        single = [c.text for c in row.cells if c.text]
        if len(single) == 1 and row.table is None and is_other_table_title(single[0]):
            cur = None
            continue
        if read_header(row) is not None or ((cur is None or not cur.has_header) and headerless_at(row, following) is not None):
            if cur is None:  # (a page opening mid-table: its rows above the first 一级 are the form's too)
                lead = [] if read_header(row) is not None else _rows_before_levels(rows[:i], row.table)
                cur = Segment(rows=lead, lead=len(lead))
                segments.append(cur)
            cur.has_header = True
            cur.rows.append(row)
            continue
        fields = _field_names(row)
        if fields and cur is not None:
            cur.field_names |= fields
        if fields:
            if cur is None or (cur.has_header and fields & NEW_FORM_FIELDS):
                cur = Segment()
                segments.append(cur)
            cur.has_fields = True
        if cur is not None:
            cur.rows.append(row)
    segments = _join_table_under_own_title(segments)
    # a form is its indicator table; a titled form cut before its table (header fields, funding)
    # still counts when it names at least two of 项目/单位/主管部门, or one and prints a level name (a table
    # whose rows this reader cannot place: 质量指标:学校的…, 指标1…: 指标2…)
    return [s for s in segments if s.has_header or (s.title and _named(s) >= 2) or
            (s.title and _named(s) == 1 and any(_level_cell(r) for r in s.rows))]


SUBJECT_FIELDS = {"project", "department", "agency", "unit"}  # the fields naming what a form is about


def _named(seg: Segment) -> int:
    return len({f.rstrip("!") for f in seg.field_names} & SUBJECT_FIELDS)


def _level_cell(row: Row) -> bool:
    """A cell of the row is a level name (产出指标) or opens with one and a colon (质量指标:…)."""
    return any(level_of(c.text) or labelled(c.text) for c in row.cells if c.text)


def _join_table_under_own_title(segments: list[Segment]) -> list[Segment]:
    """A form whose indicator table has a title of its own (项目支出绩效目标表 with its fields and funding,
    then 绩效项目指标表 over the indicators): a segment with a header and no field, right after one with
    fields and no header, is that form's table."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and prev.has_fields and not prev.has_header and seg.has_header and not seg.has_fields \
                and not seg.field_names:
            prev.rows.extend(seg.rows)
            prev.has_header = True
            continue
        out.append(seg)
    return out


def _rows_before_levels(before: list[Row], table: Optional[int]) -> list[Row]:
    """The rows of a table printed without its header or first 一级 (a page that opens mid-table) above the
    row where the levels start: the last run of rows of that table each holding a name and a value."""
    run: list[Row] = []
    for row in reversed(before):
        filled = [c.text for c in row.cells if c.text]
        if not filled and row.table == table:
            continue
        if row.table != table or len(filled) < 3 or not any(shape(t).value or shape(t).operator for t in filled):
            break
        run.append(row)
    return run[::-1]


def headerless_at(row: Row, following: Optional[Row] = None) -> Optional[int]:
    """A table without its column header: the index of the row's cell that opens it — a 一级 name,
    then a 二级 name, then at least two more cells (三级 name and value). A row opens with it; a run
    flattened from one cell per line may hold text before it (石嘴山's 批复表: 项目 | 指标值 | 绩效金额 |
    the unit | the project | its amount | 产出指标 | 成本指标(必填硬性指标) | …, no level headings)."""
    filled = [k for k, c in enumerate(row.cells) if c.text]
    # (a run flattened from one cell per line is cut into rows where the reader saw a break: level names closing
    # a run may head the records the next run opens)
    more = [c.text for c in following.cells if c.text] if row.flat and following is not None and following.flat else []
    for n, k in enumerate(filled if row.flat else filled[:1]):
        texts = [row.cells[j].text for j in filled[n:n + 4]]
        texts += more[:4 - len(texts)] if len(texts) <= 2 else []
        # (a name both levels use, 满意度指标 | 服务对象满意度指标, is the 一级 before a 二级 of its own)
        if len(texts) == 4 and 1 in level_of(texts[0]) and 2 in level_of(texts[1]) and \
                (level_of(texts[0]) == {1} or level_of(texts[1]) == {2}) and \
                not any(level_of(t) for t in texts[2:4]):
            return k
    if not row.flat and following is not None and filled and _level_record(row) and \
            (_level_record(following) or _name_value_row(following)):
        return filled[0]
    if not row.flat and following is not None and filled and _measured_record(row) and _measured_record(following):
        return filled[0]
    return _numbered_records_at(row) if row.flat else None


def _next_filled(rows: list[Row], at: int) -> Optional[Row]:
    """The next row with text after ``rows[at]`` (an empty row may stand between), or None."""
    return next((r for r in rows[at + 1:at + 3] if any(c.text for c in r.cells)), None)


def _level_record(row: Row) -> bool:
    """A table row opening with one level name, its other level's cell merged away or never printed (数量指标 |
    主体班培训人次 | 280人次, 产出指标 | 开展文物安全巡查频次 | 8次): a level name, a 三级 name, then its value."""
    texts = [c.text for c in row.cells if c.text]
    return 3 <= len(texts) <= 9 and level_of(texts[0]) and not any(level_of(t) for t in texts[1:]) and \
        _name_value_row(replace(row, cells=[c for c in row.cells if c.text][1:]))


def _measured_record(row: Row) -> bool:
    """A row of a table printing no level name at all: a name no vocabulary of the form's head knows (no
    field, funding label or goal heading) and a measured target (a unit, a percentage or a comparison:
    ≥1个, 100%, 490元/平米), no bare amount."""
    texts = [c.text for c in row.cells if c.text]
    if not 2 <= len(texts) <= 6 or not _name_value_row(row):
        return False
    name, value = texts[0], texts[1]
    if field_of(name) or is_budget_label(name) or goal_keys_in(name) or len(name) < 3:
        return False
    target = parse_target(value)
    return target is not None and target.value is not None and \
        (bool(target.unit) or target.comparator not in ("", "=", "text"))


def _name_value_row(row: Row) -> bool:
    """A row holding an indicator name and, right after it, its target."""
    texts = [c.text for c in row.cells if c.text]
    return 2 <= len(texts) <= 8 and not shape(texts[0]).value and not level_of(texts[0]) and \
        (shape(texts[1]).value or shape(texts[1]).qualitative) and len(texts[0]) <= 60


NUMBERED_RECORDS_MIN = 3  # numbered names, each with its value, that make a run an indicator table


def _numbered_records_at(row: Row) -> Optional[int]:
    """A run flattened from a table whose header and level names were lost or scattered (an xlsx
    preview's interleaved columns): where its numbered indicator names (指标6:举办… | 12次 | 96次 | 1 | 1)
    start, when at least three each have a value right after them."""
    filled = [k for k, c in enumerate(row.cells) if c.text]
    named = [n for n, k in enumerate(filled[:-1]) if INDICATOR_NUMBERING.match(fold_chars(row.cells[k].text))
             and len(row.cells[k].text) > 4 and shape(row.cells[filled[n + 1]].text).value]
    return filled[named[0]] if len(named) >= NUMBERED_RECORDS_MIN else None


# -- reading one form -------------------------------------------------------------------------
def read_form(seg: Segment, heading: str = "") -> Optional[Form]:
    """The form a segment holds; ``heading`` is the title it is printed under (its own, or the form's before it)."""
    form = Form(title=seg.title)
    form.year = year_of(seg.title) or seg.year_hint
    # the columns a table printing no header may have (a form titled a target form's has no evaluation's)
    headerless = replace(HEADERLESS, target_form=titled_target(heading or seg.title))
    fields: dict[str, tuple[int, str]] = {}
    funding = FundingReader()
    goals = GoalReader()
    unlabelled_goal: Optional[RowCell] = None  # a sentence alone after the funding block, its heading lost
    reader: Optional[IndicatorReader] = None
    as_text = False  # the indicators are written as text beside their level names (packed.py)
    just_headed = False
    header_reads: list[CellRead] = []
    goal_reads: list[CellRead] = []
    pages = []
    last_page = None
    last_fed: Optional[Row] = None
    ended = False
    before: Optional[Row] = None  # the row read before this one in the form's head
    prior: list[Row] = []  # the rows read so far, this one last (a header's upper row stands above it)
    for at, row in enumerate(seg.rows):
        if ended:
            break
        prior.append(row)
        if at < seg.lead:
            continue  # read with the table, once its first 一级 opens it
        if reader is None:
            hdr = read_header(row)
            start = headerless_at(row, _next_filled(seg.rows, at)) if hdr is None else None
            opens = block_start(row) if hdr is None and start is None and not seg.has_header else None
            if opens is not None:  # a level name and its indicators written as text (packed.py)
                own = [c for c in row.cells if c.text and not c.carried]
                head = opens
                while head and _block_label(own[head - 1].text):
                    head -= 1  # (部门整体支出 | 年度绩效指标: the block's labels, no goal text)
                if head:
                    _read_header_row(replace(row, cells=own[:head]), form, fields, funding, goals, seg, before)
                form.cells.extend(accounting.read(c, "heading") for c in own[head:opens])
                reader, as_text = IndicatorReader(headerless), True
                pages.append(row.page)
                _feed_block(reader, own[opens:], row, form)
                continue
            if start is not None:
                if start:  # the run's head before the table: fields, funding, goals
                    _read_header_row(replace(row, cells=row.cells[:start]), form, fields, funding, goals, seg, before)
                reader = IndicatorReader(headerless)
                pages.append(row.page)
                for early in seg.rows[:seg.lead]:  # a page opening mid-table: its rows above the first 一级
                    reader.feed_row(early)
                reader.feed_row(replace(row, cells=row.cells[start:]))
                continue
            if hdr is not None:
                header, after = hdr
                header = header_from_above(header, [r for r in prior[-4:-1] if r.filled][-2:])
                reader = IndicatorReader(header)
                just_headed = True
                pages.append(row.page)
                rest = row.cells[after:]
                if header.run_together or any(level_of(c.text) for c in rest if c.text) or \
                        (row.flat and any(c.text for c in rest)):
                    # data on the header's line (one cell per line: the run goes on into the body)
                    reader.feed_row(Row(rest, page=row.page, table=row.table, exact=row.exact))
                continue
            pages.append(row.page)
            if seg.title and [c.text for c in row.cells if c.text] == [seg.title]:
                header_reads.extend(accounting.header_cells(row))
                continue  # the title's own line (部门整体绩效目标 names no goal heading)
            row = _split_field_funding(row)
            n_lines = len(funding.lines)
            region = _read_header_row(row, form, fields, funding, goals, seg, before)
            before = row
            new_lines = funding.lines[n_lines:]
            for line in new_lines:
                line.origin = accounting.origin(_label_cell(row, line.item) or row.cells[0])
            if region == "funding":
                header_reads.extend(accounting.funding_cells(row, new_lines, n_lines))
            elif region == "goal":
                goal_reads.extend(accounting.goal_cells(row))
            else:
                header_reads.extend(accounting.header_cells(row))
            filled = [c for c in row.cells if c.text and not c.carried]
            unlabelled_goal = filled[0] if region is None and len(filled) == 1 and funding.lines and \
                is_goal_sentence(filled[0].text) and filled[0].text.endswith("。") else None
            continue
        # the indicator region
        if just_headed and any(c.text and not c.carried for c in row.cells):
            just_headed = False
            again = read_header(row)
            if again is not None and len(again[0].roles) > len(reader.header.roles):
                reader = IndicatorReader(again[0])  # the header's second row, with the first's merged cells
                continue
            more = header_continued(reader.header, row)
            if more is not None:  # the header's columns wrapped onto the next lines of the text
                reader = IndicatorReader(more)
                just_headed = True
                continue
            head, body = _heading_lead(row) if not reader.header.has("target") else (None, None)
            more = header_continued(reader.header, head) if head is not None else None
            if more is not None:  # … from its target on, and the body runs on after them (one cell per line)
                reader = IndicatorReader(more)
                row = body
            refined = refine_header(reader.header, row)
            if refined is not None:  # a second header row naming the parts of a column
                reader = IndicatorReader(refined)
                continue
        if read_header(row) is not None:
            continue  # a header repeated after a page break
        first = next((c.text for c in row.cells if c.text and not c.carried), "")
        if not first:
            first = next((c.text for c in row.cells if c.text), "")
        filled = [c.text for c in row.cells if c.text and not c.carried]
        own = [c for c in row.cells if c.text and not c.carried]
        if as_text and _feed_block(reader, own, row, form, only_if_read=True):
            continue  # (its texts are sentences: no end of the table)
        if key(first) == "序号" and len(filled) >= 3:
            ended = True  # another table's header (序号 | 学校性质 | …) after the indicator table
            continue
        if is_terminator(first) or key(first).startswith("附件") or any(key(t) in ENDING_CELLS for t in filled) \
                or (row.flat and (is_prose(first) or _numbered_goal_heading(first))):
            ended = True
            if row.flat and is_prose(first) and goals.collecting:
                goals.feed(row)  # a goal heading left without its text: the text printed after the table
                goal_reads.extend(accounting.goal_cells(row))
            if any(key(t) in ENDING_CELLS for t in filled):  # 总分 | 100 | 97.13: the form's closing row
                form.cells.extend(accounting.read(c, "heading") for c in accounting.own_cells(row))
            continue
        if is_noise(first) and len(filled) <= 1 and not _value_left_over(first, row, last_fed, reader):
            continue
        if row.table is None and not row.flat and not reader.header.run_together and not several_records(filled) \
                and not _cell_like_line(filled):
            if _table_goes_on(seg.rows, at + 1):  # a note printed between its rows (定性指标计算:根据…)
                form.cells.extend(accounting.read(c, "unread") for c in accounting.own_cells(row))
                continue
            ended = True  # free text after the table: the form is over
            continue
        if _name_tail_after_break(row, reader, last_page):
            own = next(c for c in row.cells if c.text and not c.carried)
            reader.append_to_last_name(own.text, own)  # an indicator name cut by the page break
            continue
        if as_text:
            _feed_block(reader, [c for c in row.cells if c.text and not c.carried], row, form)
            continue
        if row.flat:
            cut = next((k for k, c in enumerate(row.cells) if k and _numbered_goal_heading(c.text)), None)
            if cut is not None:  # the next part's goals (（一）中长期绩效目标) open after the table, in its run
                form.cells.extend(accounting.read(c, "unread") for c in row.cells[cut:] if c.text)  # (reported)
                row, ended = replace(row, cells=row.cells[:cut]), True
        reader.feed_row(row)
        last_fed = row
        if row.page is not None:
            pages.append(row.page)
            last_page = row.page
    if reader is None:
        form.warnings.append("no indicator table found (the form may be cut short)")
        reader = IndicatorReader(HEADERLESS)
    form.indicators, assignment = reader.close()
    form.cells.extend(cell_reads(assignment))
    form.budget = funding.lines
    form.goals = goals.close()
    if not form.goals and unlabelled_goal is not None:
        # the goal's own sentence between the funding block and the indicator table, its heading cell lost
        # (a merged 年度目标 label a crawler dropped): the year's goal
        form.goals = [Goal("annual", collapse(unlabelled_goal.raw or unlabelled_goal.text))]
        goal_reads.extend(accounting.goal_cells(Row([unlabelled_goal])))
    accounting.settle_goals(goal_reads, form.goals)
    for cell in goal_reads:
        if cell.record is not None:
            g = form.goals[cell.record[1]]
            if g.origin.page is None and g.origin.table is None:
                g.origin = cell.origin
    form.cells[:0] = header_reads + goal_reads
    for name in ("department", "agency", "project"):
        if name in fields:
            setattr(form, name, fields[name][1] or None)
    if form.year is None and "year" in fields:
        form.year = year_of(fields["year"][1] + "年") if fields["year"][1][:4].isdigit() else None
    if form.year is None and form.project and re.match(r"^\s*(?:19|20)\d{2}\s*年", fold_chars(form.project)):
        form.year = year_of(form.project)  # 2018年市级专项扶贫资金…: the project is the year's
    if form.year is None:
        form.year = year_of_goals(form.goals)
    self_eval = ((reader.header.has("actual") or reader.header.has("score")) and not reader.header.assumed) \
        or funding.self_eval or any(i.actual_raw or i.score is not None for i in form.indicators) \
        or any(opens_an_evaluation(c.text) for r in seg.rows for c in r.cells if c.text)
    form.form_type = form_type_of(form.title, has_project="project" in fields, self_eval=self_eval,
                                  has_tasks=funding.task_mode)
    if not ({"department", "agency", "unit"} & fields.keys()):
        form.department = unit_in_title(form.title)  # no unit field printed: the unit the title names
    if "unit" in fields:  # a bare 部门: the form's own unit in a department form, the supervising one in a project form
        name = "department" if form.form_type.startswith("department") else "agency"
        if getattr(form, name) is None:
            setattr(form, name, fields["unit"][1] or None)
    known = [p for p in pages if p is not None]
    if known:
        form.page_start, form.page_end = min(known), max(known)
    form.warnings.extend(_warnings(form))
    return form


def cell_reads(accounting) -> list[CellRead]:
    """The indicator region's accounting: each source cell once, with its role and record."""
    out: list[CellRead] = []
    seen: dict = {}
    for cell, role, record in accounting:
        ident = (cell.table, cell.row, cell.col, cell.page, cell.text) if cell.table is not None else id(cell)
        if cell.carried and ident in seen:
            continue
        if ident in seen:
            prev = out[seen[ident]]
            if prev.record is None and record is not None:
                prev.record = ("indicator", record)
            continue
        seen[ident] = len(out)
        out.append(CellRead(cell.text, role or skipped_role(cell.text), Origin(cell.page, cell.bbox, cell.table,
                                                                                cell.row), cell.col,
                            ("indicator", record) if record is not None else None, cell.confidence))
    return out


BLOCK_LABEL_MAX = 14  # characters of a label over a block of indicators (部门整体支出年度绩效指标)


def _block_label(text: str) -> bool:
    """A short label over an indicators block (部门整体支出, 年度绩效指标), no sentence."""
    k = key(text)
    return len(k) <= BLOCK_LABEL_MAX and not is_prose(text) and (k.endswith(("指标", "支出")) or role_of(text) == "group")


def _feed_block(reader: IndicatorReader, cells: list[RowCell], row: Row, form: Form, only_if_read: bool = False) -> bool:
    """A block's cells as the rows they stand for, a cell that is none (年度绩效指标) reported unread; with
    ``only_if_read``, nothing is done unless some cell stands for rows. True when some did."""
    parts = [(c, block_rows([c], row)) for c in cells]
    if only_if_read and not any(rows for _, rows in parts):
        return False
    for c, rows in parts:
        for r in rows:
            reader.feed_row(r)
        if not rows:
            form.cells.append(accounting.read(c, "unread"))
    return any(rows for _, rows in parts)


NOTE_LOOKAHEAD = 3  # rows after a line of free text in which the indicator table may go on


def _table_goes_on(rows: list[Row], start: int) -> bool:
    """A row of the table's own grid, holding a level name and at least three cells, comes within
    NOTE_LOOKAHEAD rows: the free text before it is a note inside the table, not its end."""
    for row in rows[start:start + NOTE_LOOKAHEAD]:
        filled = [c.text for c in row.cells if c.text and not c.carried]
        if row.table is not None and len(filled) >= 3 and any(level_of(t) for t in filled[:2]):
            return True
    return False


def _cell_like_line(filled: list[str]) -> bool:
    """A line of one short text inside a table of ``|`` or tab rows — a row left with one cell (a
    name whose other cells were printed elsewhere, a level name, a value) — rather than prose."""
    return len(filled) == 1 and len(filled[0]) <= CELL_LINE_MAX and not SENTENCE_MARK.search(filled[0])


def _value_left_over(text: str, row: Row, before: Optional[Row], reader) -> bool:
    """A number alone on its line of text right after a row that stopped short of the header's last
    column (``食品安全整体状况 定性 高中低`` ⏎ ``10``: the 分值 its line could not hold) is that row's
    value, not a page number (a paged file's lone number stays one)."""
    if before is None or reader is None or row.exact or before.exact or row.page is not None:
        return False  # (a grid's own cell alone in its row is read as it stands; a paged file's is its page number)
    if not key(text).isdigit() or len(key(text)) > 3:
        return False
    own = [c for c in before.cells if c.text and not c.carried]
    return 3 <= len(own) < len(reader.header.roles)


def _name_tail_after_break(row: Row, reader: IndicatorReader, last_page) -> bool:
    """The first row on a new page holding only a name-column fragment continues the last name."""
    if not reader.tokens or last_page is None or row.page is None or row.page == last_page:
        return False
    own = [c for c in row.cells if c.text and not c.carried]
    if len(own) != 1 or level_of(own[0].text) or any(ch.isdigit() for ch in own[0].text):
        return False
    name_col = next((c for r, c in reader.header.roles if r == "indicator"), None)
    return name_col is not None and own[0].col == name_col


def _read_header_row(row: Row, form: Form, fields: dict, funding: FundingReader, goals: GoalReader,
                     seg: Segment, before: Optional[Row] = None) -> Optional[str]:
    """Read a row before the indicator table; says which region it belonged to ("goal", "funding")."""
    texts = [c.text for c in row.cells if c.text and not c.carried]
    if form.year is None:
        for t in texts:
            y = year_line(t)
            if y:
                form.year = y
                break
    if goals.start(row):
        return "goal"
    if goals.takes(row) and not _is_section_row(row, goal_pending=True, goal_cols=goals.leaf_cols):
        goals.feed(row)
        return "goal"
    if not _is_section_row(row) and goals.more(row):
        return "goal"
    goals.last_leaves, goals.last_empty = [], []
    _read_fields(row, fields, before)
    funding.note_unit(row)
    if funding.read_header(row):
        return "funding"
    return "funding" if funding.feed(row) else None


UNIT_FIELDS = ("department", "agency", "unit")  # fields whose value is a unit's name (it ends as ORG says)
ORG_END = re.compile(ORG.pattern.rstrip("$"))


def _split_field_funding(row: Row) -> Row:
    """A unit's field glued to the funding line printed after it, no separator (``部门(单位)名称重庆市…
    办事处区级支出预算总量3724.39``): cut after the unit's name, so the line reads as a funding label and its
    amount (a text row; a grid's cells are its own)."""
    if row.exact:
        return row
    out: list[RowCell] = []
    for c in row.cells:
        pieces = _field_funding_pieces(c.text) if c.text and not c.carried else None
        out.extend([c.piece(t, c.col, glued=False) for t in pieces] if pieces else [c])
    return row if len(out) == len(row.cells) else replace(row, cells=[c.moved(k) for k, c in enumerate(out)])


def _field_funding_pieces(text: str) -> Optional[list[str]]:
    fields = split_fields(text)
    if len(fields) != 1 or not fields[0][1] or (field_of(fields[0][0]) or ("", 0))[0] not in UNIT_FIELDS:
        return None
    value = fields[0][1]
    split = split_label_amount(value)
    if split is not None:
        return None  # (the whole value is a label and amount: no unit's name before it)
    for m in reversed(list(ORG_END.finditer(fold_chars(value)))):  # (辦事處 of a mirror page; positions kept)
        rest = split_label_amount(value[m.end():])
        if rest is not None and value.endswith(rest[1]):
            return [text[:len(text) - len(value)], value[:m.end()], rest[0], rest[1]]
    return None


def _label_cell(row: Row, item: str) -> Optional[RowCell]:
    return next((c for c in row.cells if c.text == item and not c.carried), None) or \
        next((c for c in row.cells if c.text and item and c.text.startswith(item)), None)


def _is_section_row(row: Row, goal_pending: bool = False, goal_cols: Collection[int] = ()) -> bool:
    """A row opening another part of the head (a field, a funding line, a title, an end). Under goal
    headings still waiting for their texts, a funding label counts only with an amount beside it and
    not under a heading's own column (``预期目标 | 实际完成情况`` ⏎ ``自然资源卫片执法补助经费 |
    自然资源卫片执法补助经费``: the project's name as both goals)."""
    own = [c for c in row.cells if c.text and not c.carried]
    for c in own:
        kind = anchor_kind(c.text)
        if kind in ("field", "title", "terminator"):
            return True
        if (kind == "budget" or budget_role(c.text)) and (not goal_pending or (
                c.col not in goal_cols and any(is_amount_or_blank(o.text) for o in own))):
            return True
    return False


GOAL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!\d)")


def year_of_goals(goals) -> Optional[int]:
    """A form that prints no year anywhere else: the one year its goal texts speak of (中心2021年较好地
    完成了…), when they name exactly one."""
    years = {int(m.group(1)) for g in goals for m in GOAL_YEAR.finditer(fold_chars(g.text))}  # (２０２１年 too)
    return years.pop() if len(years) == 1 else None


def _open_field(row: Optional[Row]) -> Optional[tuple[str, int]]:
    """The field a line of text names and leaves without a value, when that is all it holds (项目名称 |); in
    an office or HTML grid an empty value cell is the form's own blank."""
    own = [c.text for c in row.cells if c.text and not c.carried] if row is not None and not row.exact else []
    f = field_of(own[0]) if len(own) == 1 else None
    return f if f and f[0] != "year" else None


def _read_fields(row: Row, fields: dict, before: Optional[Row] = None) -> None:
    cells = [c for c in row.cells if not c.carried or c.text]
    own = [c.text for c in cells if c.text]
    open_field = _open_field(before)
    if open_field and own and _field_value_like(own[0]) and not split_fields(own[0]) \
            and (anchor_kind(own[0]) is None or (open_field[0] == "project" and anchor_kind(own[0]) == "title")):
        # 项目名称 | ⏎ 某项目 | 中期预算 | …: the value opens the next row; a project may be named after its
        # form (项目名称 | ⏎ 2020年省级…经费支出绩效自评表 |), the form's title printed above it already
        _keep(fields, open_field, own[0])
    if len(own) == 2 and is_noise(own[1]) and ORG.search(own[0]) and not field_of(own[0]) and not split_fields(own[0]):
        _keep(fields, ("department", 9), own[0])  # 207101某某法院 | 单位:万元: the unit printed above its table
    for i, c in enumerate(cells):
        if not c.text or is_form_title(c.text):
            continue
        f = field_of(c.text)
        if f:
            value = ""
            for nxt in cells[i + 1:]:
                if nxt.text:
                    if _field_value_like(nxt.text):
                        value = nxt.text
                    break
            _keep(fields, f, value)
            continue
        for k, value in split_fields(c.raw if c.raw and SPACE_GAP.search(c.raw.strip()) else c.text):
            f = field_of(k)  # (the printed spaces part fields: 项目名称:某某项目  实施单位:某局)
            if f and value:
                _keep(fields, f, value)


def _field_value_like(text: str) -> bool:
    """A cell that may be a field's value: no field, label or column heading (单位名称 | 资金总额 | …: a row of
    column headings; 实施单位 | ⏎ 全年预算数 |: the funding block's heading after a blank field)."""
    return not field_of(text) and not _label_like(text) and not budget_role(text) and not role_of(text)


def _label_like(text: str) -> bool:
    """A cell that labels another rather than being a value (``*联系人:``, ``金额单位: 万元``, a
    goal heading, a funding block's label ``项目资金(万元)``): a blank field's neighbour, never its value."""
    t = text.strip().lstrip("*＊")
    fields = split_fields(t)
    return t.endswith((":", "：")) or bool(fields and not fields[0][1]) or \
        bool(UNIT_NOTE_AFTER.fullmatch(key(t))) or bool(goal_keys_in(t)) or bool(unit_label(t))


BRACKETS_ONLY = re.compile(r"[\s()（）\[\]【】〔〕《》/／]+")  # no value, though a mask (****) is one


LABELLED_VALUE = re.compile(r"^[^:：\d]{2,8}[:：]")  # a value opening with a label of its own (单位负责人:…)
AMOUNT_ONLY = re.compile(r"^[\d.,，．%％\s]+$")  # 9,034 / 250000.00 / 45.17%: an amount, no name
NAME_FIELDS = frozenset({"department", "agency", "project"})
SELF_REFERENCE_RANK = 100  # priorities a value naming the form's own unit (本单位) falls behind


@lru_cache(maxsize=None)
def self_references() -> frozenset:
    """Values that name the form's own unit instead of printing it (本单位, 同上; data/cell_words.csv)."""
    return frozenset(key(r["text"]) for r in _rows("cell_words.csv") if r["kind"] == "self_reference")


def _keep(fields: dict, f: tuple[str, int], value: str) -> None:
    name, priority = f
    if value and BRACKETS_ONLY.fullmatch(value):
        value = ""  # 单位名称(项目类别 ⏎ /支出项目): a bracket left of a heading broken over lines is no value
    if value and LABELLED_VALUE.match(value):
        value = ""  # 填报单位(盖章): 单位负责人:谭呈祥 — the next label and its value, this one left blank
    if name == "year" and not year_of(value + "年"):
        return
    if name in NAME_FIELDS and AMOUNT_ONLY.match(value):
        value = ""  # 实施单位 | 9,034: the funding block's amount a flattened PDF printed after the label
    if key(value) in self_references():
        priority += SELF_REFERENCE_RANK  # 项目实施单位 | 本单位: the unit another field names wins
    if name not in fields or (priority < fields[name][0]) or (not fields[name][1] and value):
        fields[name] = (priority, value)


def _warnings(form: Form) -> list[str]:
    out = []
    doubtful = [i.indicator for i in form.indicators if len(i.indicator) >= 30 and len(split_values(i.indicator)) >= 4]
    if doubtful:
        out.append(f"{len(doubtful)} indicator rows read from text with no cell boundaries (names holding values): "
                   + ", ".join(d[:15] + "…" for d in doubtful[:2]))
    unread = [c for c in form.cells if c.role == "unread"]
    if unread:
        where = sorted({c.origin.page for c in unread if c.origin.page is not None})
        if where:
            place = "page " + ", ".join(map(str, where)) if len(where) <= 5 else f"pages {where[0]}–{where[-1]}"
        else:
            rows = sorted({(c.origin.table, c.origin.row) for c in unread if c.origin.row is not None})
            place = ("table/row " + ", ".join(f"{t}/{r}" for t, r in rows[:5])) if rows else "text lines"
        shown = ", ".join(c.text[:12] for c in unread[:3])
        out.append(f"{len(unread)} cell{'s' if len(unread) > 1 else ''} left unread ({place}): {shown}{' …' if len(unread) > 3 else ''}")
    unknown = sorted({x for ind in form.indicators for x in (ind.level1, ind.level2) if x and not level_of(x)})
    if unknown:
        out.append("level names outside the vocabulary: " + ", ".join(unknown[:5]))
    for line in form.budget:
        if line.total is not None and line.fiscal is not None:
            parts = (line.fiscal or 0) + (line.other or 0)
            if abs(parts - line.total) > 0.011:
                out.append(f"funding line {line.item}: 总额 {line.total} ≠ 财政拨款 + 其他资金 {parts:g}")
    if not form.indicators and not any("no indicator table" in w for w in form.warnings):
        out.append("indicator table found but no indicator rows read")
    return out
