"""Labels broken over several cells put back together: ``经济效益 | 指标``, ``产 | 出 | 指 | 标``.

A line of rows that holds only the end of a level label (``绩效指标 项目完成`` ⏎ ``指标``) finishes the
last cell of the line before it (:func:`mend_rows`); a level label a page break cut (``产出指标(70`` ⏎
``分)``, ``效益指`` ⏎ ``标``: a merged cell spanning the break) is joined again (:func:`mend_cut_labels`).

Part of ``parsers/`` (pure). Crawlers and viewers break a label wherever the printed cell wrapped
(one line per paragraph, one character per line for vertical text 竖排). A run of short cells
whose concatenation is a vocabulary word (a level name, a column heading, a header field key, a
goal heading, a funding label) — and whose pieces are not words on their own — is one cell.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import (
    WEIGHT_ALONE,
    budget_roles, column_roles, field_keys, goal_kinds, key, key_no_notes, level_of, looks_like_level_label,
)

MAX_PIECES = 6
VERTICAL_PIECES = 16  # one-character cells that may spell one label (a label printed vertically)
BRACKETED_ONLY = re.compile(r"^[（(][^（）()]*[）)]$")  # a cell that is one bracketed note: (%), (平方米), (必填)
MAX_PIECE_LEN = 8


@lru_cache(maxsize=None)
def _words() -> frozenset:
    from jixiao.parsers.vocab import level_names

    l1, l2 = level_names()
    return frozenset(l1 | l2 | set(column_roles()) | set(field_keys()) | set(goal_kinds()) | set(budget_roles()))


def is_word(text: str) -> bool:
    return bool(text) and (key(text) in _words() or key_no_notes(text) in _words() or bool(level_of(text)))




def mend(cells: list[RowCell]) -> list[RowCell]:
    """Join runs of cells that together spell one vocabulary word (longest run first); a level
    label's weight printed on a line of its own (产出指标 ⏎ (50)) joins the label."""
    cells = _unglue_heads(cells)
    out: list[RowCell] = []
    i = 0
    n = len(cells)
    while i < n:
        if out and WEIGHT_ALONE.match(key(cells[i].text)) and (level_of(out[-1].text) or looks_like_level_label(out[-1].text)):
            out[-1] = _joined([out[-1], cells[i]])
            i += 1
            continue
        k = _run_spelling(cells, i) if cells[i].text and len(cells[i].text) <= MAX_PIECE_LEN else 0
        if k:
            out.append(_joined(cells[i:i + k]))
            i += k
            continue
        out.append(cells[i])
        i += 1
    return out


def _unglue_heads(cells: list[RowCell]) -> list[RowCell]:
    """A level name with the head of the next label glued after it (``满意度指标服务对象`` ⏎ ``满意度指标``, the
    cells of a line run together): the head moves down to the label it begins (满意度指标 | 服务对象满意度指标)."""
    out = list(cells)
    for i in range(len(out) - 1):
        text, nxt = out[i].text, out[i + 1].text
        if not text or not level_of(nxt) or len(text) > 2 * MAX_PIECE_LEN:
            continue
        cut = next((m for m in range(len(text) - 2, 1, -1) if level_of(text[:m]) and _plain(text[m:])
                    and not is_word(text[m:])
                    and len(text) - m <= MAX_PIECE_LEN and level_of(text[m:] + nxt)), None)
        if cut is not None:
            head = text[cut:]
            out[i] = replace(out[i], text=text[:cut], raw=text[:cut])
            out[i + 1] = replace(out[i + 1], text=head + nxt, raw=head + out[i + 1].raw)
    return out


def _plain(text: str) -> bool:
    """Characters only (no weight, bracket or digit): what the head of a label is."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


VERTICAL_TAIL_MAX = 2  # characters of a vertical label's end glued to the text after it


def mend_vertical(cells: list[RowCell]) -> list[RowCell]:
    """A label printed one character to a cell whose last character ran into the next cell's text
    (``绩 | 效 | 指 | 标一级指标二级指标…``, a vertical 绩效指标 beside a glued header): the label joined,
    the rest of that cell a cell of its own."""
    out: list[RowCell] = []
    i = 0
    while i < len(cells):
        k = 0
        while i + k < len(cells) and len(cells[i + k].text) == 1:
            k += 1
        nxt = cells[i + k] if k >= 2 and i + k < len(cells) else None
        m = next((m for m in range(1, VERTICAL_TAIL_MAX + 1) if nxt is not None and len(nxt.text) > m
                  and is_word("".join(c.text for c in cells[i:i + k]) + nxt.text[:m])), 0)
        if not m:
            out.append(cells[i])
            i += 1
            continue
        out.append(_joined(cells[i:i + k] + [replace(nxt, text=nxt.text[:m], raw=nxt.text[:m])]))
        out.append(replace(nxt, text=nxt.text[m:], raw=nxt.text[m:]))
        i += k + 1
    return out


def _run_spelling(cells: list[RowCell], i: int) -> int:
    """How many cells from ``i`` spell one label (the longest such run), 0 when none does. A word among
    the pieces is a cell of its own, unless a head that is none runs into it (服务对象 | 满意度指标)."""
    chars = 0  # a label printed one character to a line may be longer (社会公众或服务对象满意度指标)
    while i + chars < len(cells) and chars < VERTICAL_PIECES and len(cells[i + chars].text.strip()) == 1:
        chars += 1
    for k in range(min(max(MAX_PIECES, chars), len(cells) - i), 1, -1):
        piece = cells[i:i + k]
        if any(not c.text or len(c.text) > MAX_PIECE_LEN or any(ch.isdigit() for ch in c.text) for c in piece):
            continue
        if BRACKETED_ONLY.match(piece[0].text.strip()):
            continue  # a bracketed note opens no label: it closes the cell before (a unit cell's (%) | 质量指标)
        text = "".join(c.text for c in piece)
        word = is_word(text)
        if not (word or (k == 2 and _label_head(piece[0].text, piece[1].text))):
            continue
        if not any(_whole_label(c.text) for c in piece[1:]) or (k == 2 and word and not is_word(piece[0].text)) \
                or _heading(text):
            return k
    return 0


def _heading(text: str) -> bool:
    """The run spells a column heading of the vocabulary as printed (年度 ⏎ 指标值, 偏差原因 ⏎ 分析及 ⏎
    改进措施): its pieces are one heading even where some are words alone."""
    return key(text) in _headings()


@lru_cache(maxsize=None)
def _headings() -> frozenset:
    return frozenset(k for k in column_roles() if len(k) >= 4)


def _whole_label(text: str) -> bool:
    """A piece that is a label by itself: a vocabulary word, or a level name outside it (项目效益指标)."""
    return (is_word(text) and len(text) > 1) or looks_like_level_label(text)


def _joined(pieces: list[RowCell]) -> RowCell:
    """One cell of the pieces of a broken label, where its first piece stood."""
    first = pieces[0]
    return RowCell("".join(c.text for c in pieces), first.col, 1, first.carried, "".join(c.raw for c in pieces),
                   first.page, first.bbox, first.confidence, first.table, first.row)


LEVEL_TAIL = "指标"  # how a level label broken over lines ends


def mend_rows(rows: list[Row]) -> list[Row]:
    """A row holding only the end of a level label (指标, 标) joins the end of the rows before it when
    together they spell a level name: the last cell of a row of cells (绩效指标 项目完成 ⏎ 指标), or the
    longest run of one-cell rows that does (服务对象 ⏎ 满意度 ⏎ 指标 → 服务对象满意度指标)."""
    out: list[Row] = []
    for row in rows:
        row = _label_split_in_row(row)
        filled = [c for c in row.cells if c.text]
        # (in space-separated text the row goes on after the label's end: 标 数量指标 维护设备数量 ≥5套 …)
        opens = bool(filled) and not row.exact and filled[0] is row.cells[0]
        tail = len(filled) == 1 or opens
        heads = _heads_of(out, filled[0]) if filled and tail and _label_tail(filled[0].text) else []
        if not heads and len(filled) == 1 and level_of(filled[0].text) and out:
            heads = _head_of_label(out[-1], filled[0])  # 服务对象 ⏎ 满意度指标: a head that is no label by itself
        if not heads and len(filled) == 1 and out and WEIGHT_ALONE.match(key(filled[0].text)):
            heads = _weighted_label(out[-1])  # 满意度指标 ⏎ (10分): the label's weight on a line of its own
        if not heads:
            out.append(row)
            continue
        prev, cell = out[-len(heads)], _joined(heads + filled[:1])
        del out[len(out) - len(heads):]
        cells = [cell if c is heads[0] else c for c in prev.cells]
        if len(filled) > 1:  # the rest of the row follows the label (the label's row padded no further)
            cells = cells[:cells.index(cell) + 1]
            cells += [c.moved(len(cells) + k) for k, c in enumerate(row.cells[1:])]
        table = row.table if len(filled) > 1 else prev.table  # (a one-cell line before it is no table's row)
        out.append(Row(cells, page=prev.page, table=table, flat=prev.flat, exact=prev.exact))
    return out


def _label_split_in_row(row: Row) -> Row:
    """A level label a space cut inside a row of text (产出 指标 年度申请就学补助户数 …, 社会效益 指标 …):
    the tail (指标, 标) joins the cell before it when together they spell a level name that cell is not; a
    run of one-character cells spelling a word is joined (绩 效 指 标)."""
    if row.exact or len(row.cells) < 2:
        return row
    cells = list(row.cells)
    k = 1
    while k < len(cells):
        a, b = cells[k - 1], cells[k]
        if a.text and b.text and _label_tail(b.text) and level_of(a.text + b.text) and \
                (not level_of(a.text) or LEVEL_TAIL.endswith(key(b.text))):  # (产出 | 指标: 产出 is a 一级 alone too)
            cells[k - 1:k + 1] = [_joined([a, b])]
            continue
        k += 1
    cells = _single_characters_spelling(cells)
    if [c.text for c in cells] == [c.text for c in row.cells]:
        return row
    return replace(row, cells=[c.moved(j) for j, c in enumerate(cells)])


def _single_characters_spelling(cells: list[RowCell]) -> list[RowCell]:
    """A label printed one character to a line inside a row of text (``产出指标 绩 效 指 标 质量指标``, a
    vertical 绩效指标 a PDF's text layer spaced out): a run of one-character cells spelling a word, joined."""
    out: list[RowCell] = []
    i = 0
    while i < len(cells):
        k = 0
        while i + k < len(cells) and len(cells[i + k].text.strip()) == 1 and k < VERTICAL_PIECES:
            k += 1
        while k >= 2 and not is_word("".join(c.text.strip() for c in cells[i:i + k])):
            k -= 1
        if k >= 2:
            out.append(_joined(cells[i:i + k]))
            i += k
        else:
            out.append(cells[i])
            i += 1
    return out


def _label_tail(text: str) -> bool:
    """The end of a level label broken over lines: 指标 or 标, or a few characters ending so that are no
    label by themselves (可持续影 ⏎ 响指标)."""
    k = key(text)
    return LEVEL_TAIL.endswith(k) or (k.endswith(LEVEL_TAIL) and len(k) <= MAX_PIECE_LEN and not level_of(k)
                                      and not looks_like_level_label(k))


def _head_of_label(row: Row, label: RowCell) -> list[RowCell]:
    """The one cell of the row before a whole level label when it is no word by itself and the two spell a
    longer level name (服务对象 ⏎ 满意度指标 → 服务对象满意度指标); in rows of text, the row's last cell
    after level names only (满意度指标 服务对象 ⏎ 满意度指标: the 一级, then the 二级's head)."""
    filled = [c for c in row.cells if c.text]
    if len(filled) > 1 and not row.exact and all(level_of(c.text) for c in filled[:-1]):
        filled = filled[-1:]
    if len(filled) != 1 or is_word(filled[0].text) or WEIGHT_ALONE.match(key(filled[0].text)) or \
            BRACKETED_ONLY.match(filled[0].text.strip()) or len(filled[0].text) > MAX_PIECE_LEN or any(ch.isdigit() for ch in filled[0].text):
        return []
    return filled if level_of(filled[0].text + label.text) else []


def _weighted_label(row: Row) -> list[RowCell]:
    """The row's last cell when it is a whole level label with no weight yet (the head a weight alone joins)."""
    filled = [c for c in row.cells if c.text]
    last = filled[-1] if filled else None
    return [last] if last is not None and level_of(last.text) and not WEIGHT_ALONE.search(key(last.text)) and \
        "分" not in last.text else []


def _only_text(row: Row) -> str:
    return next((c.text.strip() for c in row.cells if c.text), "")


def _heads_of(out: list[Row], tail: RowCell) -> list[RowCell]:
    """The last cells of the rows before that the label ``tail`` ends (one per row taken), or []."""
    singles = 0  # the one-cell rows right before (more when each holds one character: a vertical label)
    while singles < min(len(out), VERTICAL_PIECES - 1) and sum(1 for c in out[-1 - singles].cells if c.text) == 1 \
            and (singles < MAX_PIECES - 1 or len(_only_text(out[-1 - singles])) == 1):
        singles += 1
    lasts = [next((c for c in reversed(r.cells) if c.text), None) for r in out[-max(singles, 1):]] if out else []
    if not lasts or lasts[-1] is None:
        return []  # (only the row right before may hold several cells, and it holds text)
    for m in range(len(lasts), 0, -1):
        heads = lasts[len(lasts) - m:]
        if WEIGHT_ALONE.match(key(heads[0].text)):
            continue  # (产出指标 ⏎ (50) ⏎ 数量 ⏎ 指标: the weight is the label's above, not this one's)
        text = "".join(c.text for c in heads)
        if is_word(text + tail.text) or (m == 1 and _label_head(text, tail.text)):
            return heads
    return []


def _label_head(head: str, tail: str) -> bool:
    k = key(head)
    if not k or len(k) > MAX_PIECE_LEN or any(ch.isdigit() for ch in k) or k.endswith(LEVEL_TAIL) or BRACKETED_ONLY.match(k):
        return False
    whole = k + key(tail)
    return whole.endswith(LEVEL_TAIL) and (bool(level_of(whole)) or looks_like_level_label(whole))


def _open_bracket(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _across_break(upper: Row, lower: Row) -> bool:
    """The last row of one table and the first of the next, on the next page, or on the same page
    when the next table follows directly (pages stitched into one picture are read as tables one under
    another on one page)."""
    if upper.table is None or lower.table is None or upper.page is None or lower.page is None:
        return False
    return lower.page == upper.page + 1 or (lower.page == upper.page and lower.table == upper.table + 1)


def mend_cut_labels(rows: list[Row]) -> list[Row]:
    """A level cell a page break cut in two — a merged cell spanning the break, its lines split between the
    pages' grids: the last row of a page and the first of the next hold, in one column, pieces of a label
    that together spell one, the upper no whole label by itself (``产出指标(70`` ⏎ ``分)``, ``效益指`` ⏎
    ``标``). The lower cell's text moves up and it is left empty; the rows its merged cell spans carry the
    whole label. A weight alone below a whole label (``产出指标`` ⏎ ``(50分)``) is the label's too, and so is
    the 指标 a whole label lacks (``社会效益`` ⏎ ``指标``)."""
    out = list(rows)
    for r in range(len(out) - 1):
        upper, lower = out[r], out[r + 1]
        if not _across_break(upper, lower):
            continue
        below = {c.col: c for c in lower.cells if c.text}
        for c in upper.cells:
            under = below.get(c.col)
            if not c.text or under is None or len(key(under.text)) > MAX_PIECE_LEN:
                continue
            whole = c.text + under.text
            weight = _whole_label(c.text) and WEIGHT_ALONE.match(key(under.text)) and "(" in key(under.text)
            # a whole label may still lack its 指标 (社会效益 ⏎ 指标)
            short = not key(c.text).endswith("指标") and bool(level_of(whole))
            if not weight and (not (level_of(whole) or looks_like_level_label(whole)) or
                               (_whole_label(c.text) and not _open_bracket(c.text) and not short) or
                               _whole_label(under.text)):
                continue
            joined = replace(c, text=whole, raw=(c.raw or c.text) + (under.raw or under.text))
            out[r] = replace(out[r], cells=[joined if x is c else x for x in out[r].cells])
            out[r + 1] = replace(out[r + 1], cells=[replace(x, text="", raw="") if x is under else x
                                                    for x in out[r + 1].cells])
            k, cell = r, c
            while cell.carried and k > 0:  # the merged cell's rows above the break: its first one holds it
                above = next((x for x in out[k - 1].cells if x.col == c.col and x.text == c.text), None)
                if above is None:
                    break
                out[k - 1] = replace(out[k - 1], cells=[replace(x, text=whole, raw=whole) if x is above else x
                                                        for x in out[k - 1].cells])
                k, cell = k - 1, above
            for k in range(r + 2, len(out)):  # the merged cell's copies in the rows it spans carry the label
                copy = next((x for x in out[k].cells if x.col == c.col and x.carried and x.text == under.text), None)
                if copy is None:
                    break
                out[k] = replace(out[k], cells=[replace(x, text=whole, raw=whole) if x is copy else x
                                                for x in out[k].cells])
    return out
