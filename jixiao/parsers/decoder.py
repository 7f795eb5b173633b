"""The indicator-table decoder: a sequence of cells → the role of every cell, by the best whole sequence.

Part of ``parsers/`` (pure). Every layout an indicator table arrives in — a clean grid, rows whose
merged cells were flattened away and shifted, one cell per line, space-separated rows that drop
empty cells, a whole table on one line — becomes the same input: tokens (cells in reading order)
with whatever structure is known (which source row a token came from, its grid column). The
decoder gives each token one role of the table's *template* (一级, 二级, 三级, then the value
columns in printed order, e.g. 指标值 | 实际完成值 | 分值 | 得分 | 偏差原因) or ``skip``, choosing
the assignment whose total score is best (Viterbi):

- emission: how well the text fits the role (``fit.py``: vocabularies and value shapes), plus a
  bonus when the token sits in the role's header column (in an exact grid — an office or HTML
  table — a value standing in another value's column costs: real content drawn in Hebei's layout,
  DOCX indicators 0.968 → 0.980), and — one cell per line — one for a value
  when it repeats the cell before it (a target repeating its name, an actual its target: given on the
  transition from that role, so a weight printed before the target and repeated by it earns none —
  real self-evaluations with 分值 first, one cell per paragraph, actuals 0.866 → 0.904);
- transition: roles of one record follow the template order (a skipped column costs a little,
  by how often that column is left empty); a new record starts at a level name or a 三级 name;
  a record without a target (the table's last one too), a record running across two real rows,
  and a new record starting in the middle of a real row all cost.

Level names fill down (a record starting at its 三级 name keeps the levels above it).

A table printed without its header (a crawler dropped the ``<th>`` row) has no order of its own: it is
decoded with each order of value columns real forms' headers print (``data/template_orders.csv``, each
costing by its rarity there) and read in the one whose best sequence scores best (:func:`decode_choosing`).
Measured on the real pages with their header line removed: 192 → 162 items read differently (分值 before
指标值, 指标值内容 | 备注 columns after it read as an actual); real forms as header-less ``|`` rows 0.918 (unchanged).

In an office grid (``exact`` tokens) the header's 一级/二级 column names its cell's role whatever its
words: a label no vocabulary knows (``项目绩效实现情况(80分)``, a misprinted ``顼目产出(30分)``) or a
一级 word standing in the 二级 column (``投入目标``) is that column's level. Measured on the real forms
drawn into DOCX/XLSX and exported to PDF (144 forms, 1,055 rows): indicators 0.952 → 0.991 (DOCX, XLSX)
and 0.950 → 0.990 (PDF); the text sets and the dev corpus unchanged.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from jixiao.normalize.levels import known_level1, standard_levels
from jixiao.parsers.cellkind import is_blank_mark
from jixiao.parsers.fit import WEIGHTS, FitWeights, fit, labels_a_level, shape
from jixiao.parsers.vocab import (
    WEIGHT_ALONE, closed_level1_names, key, key_no_notes, level2_stems, level_of, nested_level2)

NEG = float("-inf")
REPEATED = 3  # cells printing one text that make it a column's usual value rather than a name
ECHOED = ("target", "actual", "extra", "standard")  # value columns a cell repeating the one before likely fills
ECHO_AFTER = {"target": "indicator", "actual": "target"}  # …when the cell before filled this role
TARGET_PARTS = ("operator", "unit")  # columns printing parts of the target (符号, 单位), whose cell may hold it whole


@dataclass(frozen=True)
class Token:
    text: str
    row: int  # index of the source row (tokens of one row share it)
    col: Optional[int] = None  # grid column, when the row's columns can be trusted
    real_row: bool = False  # the source row is a real table row (≥3 filled cells), not a fragment
    ref: object = None  # the source cell (for provenance)
    flat: bool = False  # cut from a flattened run (one cell per line, a table on one line)
    exact: bool = False  # ``col`` is the source grid's own column (an office or HTML table)


@dataclass(frozen=True)
class Template:
    """The value roles after the 三级 name, in printed order, and the header columns of every role."""

    values: tuple[str, ...]
    columns: Optional[dict] = None  # role → grid column of its header
    extra_cols: frozenset = frozenset()  # grid columns of headings the form does not keep (指标值说明)

    @property
    def roles(self) -> tuple[str, ...]:
        return ("level1", "level2", "indicator") + self.values


@dataclass(frozen=True)
class DecodeWeights:
    skip_column: dict = field(default_factory=lambda: {
        "target": 2.0, "actual": 0.6, "score_max": 0.6, "score": 0.6, "operator": 0.3, "unit": 0.3,
        "deviation": 0.1, "extra": 0.15, "standard": 0.15})
    new_record: float = 0.3
    no_target: float = 1.5
    cut_last: float = 0.5  # the last record of a flattened run without its target
    no_indicator: float = 3.0
    across_rows: float = 2.5
    new_in_row: float = 3.0
    column_bonus: float = 1.5
    off_column: float = 2.0
    no_level2: float = 0.8  # a 一级 name straight before a 三级 name: 成本指标 there is a 二级
    closed_level2: float = 0.0  # a 二级 outside the vocabulary by its ending (…管理) under 产出/效益/满意度指标
    echo: float = 1.0  # a cell repeating the cell before it: a value more likely, a new name less
    stem_in_column: float = 4.0  # a 二级 name without its 指标 (满意度) standing in the 二级 column
    not_parent: float = 3.0  # a 一级-or-二级 name (成本指标) whose next 二级 belongs to another 一级: a 二级 itself
    usual_value: float = 3.0  # a cell printing its column's usual value (a weight most whole records share)
    repeated_name: float = 3.0  # a 三级 name printed in REPEATED cells or more: rather a column's usual value (计划标准)
    fit: FitWeights = WEIGHTS


DEFAULT = DecodeWeights()


def decode(tokens: Sequence[Token], template: Template, w: DecodeWeights = DEFAULT) -> list[Optional[str]]:
    """The role of each token (None for a token skipped: a group word, repeated header, noise or unread).

    Two passes when the first shows a column's usual value: a weight most whole records print alike
    (分值 10 in every row that fills all its columns). A row that dropped its empty cells (``指标1:工程
    质量合格 10 10``, target and actual left blank) then reads its 10s as weight and score."""
    return decode_scored(tokens, template, w)[0]


def decode_scored(tokens: Sequence[Token], template: Template, w: DecodeWeights = DEFAULT) \
        -> tuple[list[Optional[str]], float]:
    """:func:`decode`, with the total score of the sequence it chose."""
    first, total = _viterbi(tokens, template, w, {})
    usual = usual_values(tokens, first, template)
    return _viterbi(tokens, template, w, usual) if usual else (first, total)


def decode_choosing(tokens: Sequence[Token], candidates: Sequence[tuple[Template, float]],
                    w: DecodeWeights = DEFAULT) -> tuple[Template, list[Optional[str]]]:
    """A table printed without its header: the template (of the orders the family's forms print, each with
    the cost of its rarity) whose best role sequence scores best, and that sequence."""
    best: Optional[tuple[float, Template, list[Optional[str]]]] = None
    for template, cost in candidates:
        roles, total = decode_scored(tokens, template, w)
        if best is None or total - cost > best[0]:
            best = (total - cost, template, roles)
    assert best is not None, "no template to decode with"
    return best[1], best[2]


USUAL_ROLES = ("score_max", "score")  # columns whose usual value is evidence (a weight repeats by design, full marks often)
USUAL_SHARE = 0.75  # of the whole records printing one text in the column


def usual_values(tokens: Sequence[Token], roles: Sequence[Optional[str]], template: Template) -> dict[str, str]:
    """The text a column prints in most records that fill every value column the template reads
    (at least REPEATED of them), for the columns of USUAL_ROLES."""
    kept = [r for r in ("target", "actual", "score_max", "score") if r in template.values]
    if not any(r in kept for r in USUAL_ROLES):
        return {}
    records: list[dict[str, str]] = []
    for tok, role in zip(tokens, roles):
        if role == "indicator" or (role in ("level1", "level2") and records and "indicator" in records[-1]):
            records.append({})
        if role is not None and records:
            records[-1].setdefault(role, tok.text)
    whole = [r for r in records if all(r.get(k) for k in kept)]
    out = {}
    for role in USUAL_ROLES:
        texts = Counter(r[role] for r in whole if role in r)
        if texts:
            text, n = texts.most_common(1)[0]
            if n >= REPEATED and n >= USUAL_SHARE * len(whole):
                out[role] = text
    return out


def _viterbi(tokens: Sequence[Token], template: Template, w: DecodeWeights, usual: dict[str, str]) \
        -> tuple[list[Optional[str]], float]:
    roles = template.roles
    n_roles = len(roles)
    target_at = roles.index("target") if "target" in roles else n_roles
    skip_cost = [0.0, 0.0, 0.0] + [w.skip_column.get(r, 0.3) for r in roles[3:]]
    # cumulative skip costs so a jump i → j costs cum[j] - cum[i + 1]
    cum = [0.0]
    for c in skip_cost:
        cum.append(cum[-1] + c)
    cols = template.columns or {}

    n = len(tokens)
    # a text in many rows of the table is a column's usual value (计划标准 under 绩效标准), not a name:
    # names are the table's own, one per row
    # (a run of one text counts once: a name its target and actual repeat, 2020年 | 2020年 | 2020年)
    texts = [tok.text for tok in tokens if tok.text]
    seen = Counter(t for k, t in enumerate(texts) if not k or texts[k - 1] != t)
    repeated = {t for t, k in seen.items() if k >= REPEATED}
    filled_before: list[Optional[Token]] = []
    last = None
    for tok in tokens:
        filled_before.append(last)
        last = tok if tok.text else last
    above = _nesting_levels(tokens)
    closed = _under_closed_level1(tokens)
    sibling = _sibling_levels(tokens)
    weight_label = _weights_as_level1(tokens)
    named_level_words = _level_words_as_names(tokens, cols)
    value_cols = {c for r, c in cols.items() if r in template.values}
    # state: index of the last role taken in the current record; -1 before the first record
    states = list(range(-1, n_roles))
    score = {s: (0.0 if s == -1 else NEG) for s in states}
    back: list[dict] = []
    for t, tok in enumerate(tokens):
        emit = [fit(tok.text, r, w.fit) for r in roles]
        if above[t]:  # 产出指标 under the NDRC template's 实施效果指标 is its 二级
            emit[0], emit[1] = emit[1], emit[0]
        elif weight_label[t]:  # (50分) left where the 一级 stands, its vertical label lost: the 一级 as printed
            emit[0] = w.fit.level_like  # (and no value of the row above: 指标2: | …… | (30分) ⏎ 经济效益指标)
            emit[3:] = [min(e, w.fit.unread) for e in emit[3:]]
        if sibling[t]:
            emit[0] -= w.not_parent
        if closed[t] and shape(tok.text).level2_ending:
            emit[1] = min(emit[1], w.closed_level2)
        if tok.text in repeated:
            emit[2] -= w.repeated_name
        for j, r in enumerate(roles):
            if usual.get(r) == tok.text:
                emit[j] += w.usual_value
        if cols and tok.col is not None and "level1" in cols and cols.get("indicator") == tok.col and \
                emit[1] > emit[2] and ("level2" not in cols or t in named_level_words):
            # 指标类型 | 指标名称 | 指标值 holding 产出指标 | 数量指标 | 375万平方米: with no 二级 column (or the
            # row's 二级 settled without it) the name column's 二级 word is the row's name as printed
            emit[1], emit[2] = emit[2], emit[1]
        # (a row of a text table that dropped its empty cells stands left-aligned under the header: its
        # column says less than a cell printing a column's usual value)
        placed = tok.col is not None and not (usual and not tok.exact and tok.text in usual.values())
        if cols and placed:
            for j, r in enumerate(roles):
                if cols.get(r) == tok.col:
                    emit[j] += w.column_bonus
                    if r == "level2" and key_no_notes(tok.text) in level2_stems():
                        emit[j] += w.stem_in_column  # older templates print 满意度 for 满意度指标
                elif tok.exact and j > 2 and r in cols and (tok.col in cols.values() or tok.col in template.extra_cols) \
                        and not (r == "target" and any(cols.get(p) == tok.col for p in TARGET_PARTS)):
                    # a value standing in another column of an exact grid (指标值说明's too); a whole target
                    # written in its sign's or unit's column (符号 | 指标值 | 单位(文字描述): ═100%) is still one
                    emit[j] -= w.off_column
                elif tok.exact and r == "indicator" and tok.col in value_cols:
                    emit[j] -= w.off_column  # a sentence in an office grid's 指标值 column, its 三级 cell left blank
            for j, r in ((0, "level1"), (1, "level2")):
                if tok.exact and cols.get(r) == tok.col and emit[j] < w.fit.level_like + w.column_bonus and \
                        labels_a_level(tok.text):
                    # an office grid's 一级/二级 column names its cell's role whatever its words
                    # (项目绩效实现情况(80分) | 投入目标 | 配套设施到位率, 顼目产出(30分): no vocabulary's)
                    emit[j] = w.fit.level_like + w.column_bonus
                    emit[1 - j] -= w.off_column  # (投入目标 in the 二级 column: a 二级 there, though a 一级 word)
                    emit[2] -= w.off_column
        skip = fit(tok.text, "skip", w.fit)
        if tok.flat and shape(tok.text).number and \
                any(0 <= u < n and tokens[u].flat and tokens[u].text == tok.text for u in (t - 1, t + 1)):
            skip = min(skip, w.fit.unread)  # a number repeated by its neighbour is a value (target and actual), no page number
        prev_tok = tokens[t - 1] if t else None
        echoed = prev_tok is not None and tok.text == prev_tok.text and bool(tok.text) and not tok.exact and \
            ((tok.flat and prev_tok.flat) or (tok.row != prev_tok.row and not shape(tok.text).number))
        if echoed:
            # a cell repeating the one before: a target repeating its name, an actual its target —
            # rarely a new record of the same name (the target's and actual's bonus is the transition's:
            # only after the name, the target; an actual repeating a weight before the target is none)
            emit = [e + (w.echo if r in ECHOED and r not in ECHO_AFTER else -w.echo if r == "indicator" else 0.0)
                    for e, r in zip(emit, roles)]
        # (rows are told apart by the last cell with text: the empty cells opening a grid row are no part
        # of a record before the row's name)
        prev_filled = filled_before[t]
        same_row = prev_filled is not None and prev_filled.row == tok.row
        crossing = prev_filled is not None and not same_row and prev_filled.real_row and tok.real_row
        new: dict = {}
        ptr: dict = {}
        for i, si in score.items():
            if si == NEG:
                continue
            # skip the token: the state stays
            cand = si + skip
            if cand > new.get(i, NEG):
                new[i], ptr[i] = cand, (i, None)
            for j in range(n_roles):
                e = emit[j]
                if e <= -8.5:
                    continue
                if j > i and not (i >= 2 and j <= 2):
                    # the same record goes on
                    cost = cum[j] - cum[i + 1] if i >= 0 else 0.0
                    if i >= 0 and j > 2 and i < 2:
                        cost += w.no_indicator
                    if i == 0 and j == 2:
                        cost += w.no_level2
                    if crossing and i >= 2:
                        cost += w.across_rows
                    if i == -1 and j > 2:
                        cost += w.no_indicator
                elif j <= 2:
                    # a new record starts at a level name or a 三级 name
                    cost = w.new_record
                    if 2 <= i < target_at:
                        cost += w.no_target
                    if same_row and tok.real_row and i >= 2:
                        cost += w.new_in_row
                else:
                    continue
                if echoed and i >= 0 and roles[i] == ECHO_AFTER.get(roles[j]):
                    cost -= w.echo
                cand = si + e - cost
                if cand > new.get(j, NEG):
                    new[j], ptr[j] = cand, (i, j)
        score = {s: new.get(s, NEG) for s in states}
        back.append(ptr)
    # the best final state (the last record, too, costs when it ends before its target), then walk back
    # (a flattened run ending inside a record was most often cut there: an excerpt's end)
    cut = w.cut_last if n and tokens[-1].flat else w.no_target
    final = {s: v - (cut if 2 <= s < target_at else 0.0) for s, v in score.items()}
    best = max(final, key=lambda s: final[s])
    out: list[Optional[str]] = [None] * n
    s = best
    for t in range(n - 1, -1, -1):
        prev, role = back[t][s]
        out[t] = roles[role] if role is not None else None
        s = prev
    return out, final[best]


ROW_NUMBER = re.compile(r"^(\d{1,3})[、.．]?$")
ROW_NUMBERS_MIN = 3  # numbers in sequence, each before a name, that make a 序号 column


def row_numbers(tokens: Sequence[Token]) -> set[int]:
    """The tokens that number the rows (a 序号 column) outside an exact grid: 1, 2, 3 … in order, each
    straight before a cell that is no value (the row's name or level). A bare number is otherwise a
    value, and a row number read as the last row's value takes its place (``开展文化活动 | 1 | 8 | …``)."""
    marked: set[int] = set()
    expect = 1
    following = _next_filled(tokens)
    for k, tok in enumerate(tokens):
        if tok.exact:
            continue
        m = ROW_NUMBER.match(tok.text.strip())
        if not m or int(m.group(1)) != expect:
            continue
        nxt = following[k]
        if nxt and not ROW_NUMBER.match(nxt.strip()) and max(fit(nxt, r) for r in ("level1", "level2", "indicator")) > 0:
            marked.add(k)
            expect += 1
    return marked if len(marked) >= ROW_NUMBERS_MIN else set()


def _level_words_as_names(tokens: Sequence[Token], cols: dict) -> set[int]:
    """Tokens in the 三级 column of a row whose 二级 is settled without them, so that a 二级 word there is the
    row's name as printed: an office grid's row, whose 二级 column is its own whether blank (产出指标 | |
    数量指标 | 375万平方米) or filled (產出指標 | 成本指標 | 社會成本指標 | 100%), and a text row set one column
    right, its 一级 cell left, that opens with its own 二级 (成本指标 | 社会成本指标 | 定量 | 100 | %)."""
    if "level2" not in cols or "indicator" not in cols:
        return set()
    opens_level2 = {tok.row for k, tok in enumerate(tokens) if tok.real_row and not tok.exact and tok.text
                    and tok.col == cols["level2"] and (k == 0 or tokens[k - 1].row != tok.row)}
    settled = {t for t, tok in enumerate(tokens) if tok.exact or (tok.real_row and tok.row in opens_level2)}
    return {t for t in settled if tokens[t].col == cols["indicator"] and tokens[t].text}


def _weights_as_level1(tokens: Sequence[Token]) -> list[bool]:
    """For each token: is it a weight alone in brackets (``(50分)``) straight before a 二级 name — what a
    一级 cell prints when its vertical label is lost?"""
    following = _next_filled(tokens)
    return [bool(WEIGHT_ALONE.match(key(tok.text))) and 2 in level_of(following[k]) for k, tok in enumerate(tokens)]


def _next_filled(tokens: Sequence[Token]) -> list[str]:
    """For each token: the text of the next token with text ('' at the end)."""
    out = [""] * len(tokens)
    nxt = ""
    for k in range(len(tokens) - 1, -1, -1):
        out[k] = nxt
        nxt = tokens[k].text or nxt
    return out


def _nesting_levels(tokens: Sequence[Token]) -> list[bool]:
    """For each token: is it a 二级 name of the 一级 that stands above it (data/levels.csv ``under``:
    产出指标 after the NDRC template's 实施效果指标, up to the next such 一级)?"""
    nested = nested_level2()
    out = []
    parent = None
    for tok in tokens:
        k = key_no_notes(tok.text)
        out.append(parent is not None and k in nested[parent])
        if k in nested:
            parent = k
    return out


def _under_closed_level1(tokens: Sequence[Token]) -> list[bool]:
    """For each token: does it stand under a 一级 whose 二级 are all in the vocabulary (产出指标: 数量, 质量,
    时效, 成本; data/cell_words.csv closed_level1)? There a text ending as open 二级 names do (…管理) is
    rather a row's 偏差 (特困人员实行动态管理): none of the real or generated forms prints such a 二级 under
    them, while 管理指标 holds 预算执行管理, 资产管理 …"""
    closed = closed_level1_names()
    out, under = [], False
    for tok in tokens:
        if tok.text and level_of(tok.text) == {1}:
            under = (known_level1(tok.text) or "") in closed
        out.append(under)
    return out


def _sibling_levels(tokens: Sequence[Token]) -> list[bool]:
    """For each token: is it a name printed as both 一级 and 二级 (成本指标) whose next level name, no 三级
    name between, is a 二级 of another 一级 (成本指标 ⏎ …… ⏎ 经济效益指标: 效益指标's), or itself again right
    after a 一级 (产出指标 ⏎ 成本指标 ⏎ 成本指标: the 长期 and 年度 二级 columns side by side; 满意度指标 ⏎
    满意度指标 alone is a 一级 and its 二级)? Then it cannot stand above that 二级: it is a 二级 of its own."""
    out = [False] * len(tokens)
    for t, tok in enumerate(tokens):
        if level_of(tok.text) != {1, 2}:
            continue
        nxt = next((x.text for x in tokens[t + 1:] if not is_blank_mark(x.text)), "")  # (…… an unfilled row)
        if key_no_notes(nxt) == key_no_notes(tok.text) and \
                level_of(next((x.text for x in reversed(tokens[:t]) if not is_blank_mark(x.text)), "")) == {1}:
            out[t] = True  # 产出指标 ⏎ 成本指标 ⏎ 成本指标: a 二级 printed in two columns (长期 | 年度) under its 一级
        elif level_of(nxt) == {2}:
            own, _ = standard_levels(tok.text, None)
            parent, _ = standard_levels(None, nxt)
            out[t] = own is not None and parent is not None and own != parent
    return out


def record_starts(assigned: Sequence[Optional[str]]) -> list[bool]:
    """For each token: does it start a new record? (The same rule the decoder's transitions use.)"""
    order = {"level1": 0, "level2": 1, "indicator": 2}
    starts = []
    last = -1
    for role in assigned:
        if role is None:
            starts.append(False)
            continue
        j = order.get(role, 3)
        start = j <= 2 and (j <= last or last >= 2)
        starts.append(start)
        last = j if j <= 2 else max(last, 3)
    return starts
