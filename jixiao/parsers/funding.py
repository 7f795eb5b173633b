"""The funding block (万元): department task rows, project amount lines, self-evaluation columns.

Three shapes, one reader:
- a task table (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金) — department target forms;
- label/amount pairs (年度资金总额 | 860, 其中：财政拨款 | 800 …) — project target forms;
- a column header (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) with a line per funding
  label — self-evaluations. Values after a label go to the header's columns in printed order.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from jixiao.normalize import parse_amount
from jixiao.normalize.folding import fold_text
from jixiao.normalize.names import numbering_at
from jixiao.parsers.glued_amounts import place_short_line, split_glued_amounts
from jixiao.parsers.cellkind import EMPTYISH, is_amount, is_amount_or_blank
from jixiao.parsers.header import field_of
from jixiao.parsers.lexer import fold_chars
from jixiao.parsers.rows import Row, RowCell
from jixiao.parsers.vocab import _rows, budget_roles, column_roles, key, key_no_notes, near_miss
from jixiao.records import BudgetLine

SUB_LABEL_MAX = 8  # characters of a sub-label repeated in each column block (其中:财政资金, 到位数)
UNLISTED_LABEL_MAX = 12  # characters of a funding line's label outside the vocabulary (部门预算执行情况)

REFERENCE = re.compile(r"^(?:参见|详见|见附件|见附表)")  # 参见附件1具体金额: an amount printed elsewhere, none here
OTHER_WORD = "其他"  # 三、其他:0 — the block's last line, printed with its colon
EXPENSE = re.compile(r"支出$")  # 基本支出: | 项目支出: — the block's lines by nature of spending, printed with their colon
UNIT_SUFFIX = re.compile(r"[（(]\s*(?:万元|元)\s*[）)]$")
LABEL_MAX = 20  # characters: a funding label is short (其中：当年财政拨款（一般公共预算） is 17); a goal sentence is longer
NOT_LABEL = re.compile(r"执行|分类|性质|科目|代码|名称|情况|万元|目标|指标|绩效|说明|依据|文号|周期|期限|=|用于|[。；，,]")
LABEL_AMOUNT = re.compile(r"^(.{2,24}?[:：]?)([-+]?\d[\d,]*(?:\.\d+)?)(?:万元|万|元)?$")
# the unit a funding block prints its amounts in: 项目资金（元）, 资金情况(万元), 金额单位：元
UNIT_LABEL = re.compile(r"^[（(]\s*(万元|元)\s*[）)]$(?#a bare unit cell after its block label)|(?:资金|预算|金额|经费|拨款|执行|情况)[^（(]{0,6}[（(]\s*(万元|元)\s*[）)]|^(?:金额)?单位[:：]\s*(万元|元)$")
# an amount cell with words around its number: 854万(高标准农田建设…), 2279.048 万元, 中央补助资金(…)50
LOOSE_AMOUNT = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)?(?:[（(].*)?$|^\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)|^[^\d]{2,}?[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)?$")
STANDARD_LABEL = re.compile(r"^(?:年度资金总额|资金总额|其中|其他资金|财政拨款|上年结转|当年财政拨款|本年财政拨款|总额)")
BLOCK_PREFIX = re.compile(r"^[^（(\d]{2,8}[（(]\s*(?:万元|元)\s*[）)]")  # 项目资金(万元) run into its first line
GLUED_LABEL = re.compile(r"^(\D{2,16}?)([\d.][\d.%]*)$")  # a label and its amounts run together
AMOUNTS_AFTER = re.compile(r"[\u4e00-\u9fff:：][\d.,]{3,}%?$")  # a label's amounts run on after its last word
GLUED_LINE = re.compile(r"(\D{2,16}?)([\d.][\d.%]*)")  # one of several such lines run together
WORDS_ONLY = re.compile(r"[^\d]*[\u4e00-\u9fff][^\d]*")  # text holding words and no digit: no amount
SUB_LABEL = re.compile(r"^[^\d\s]{1,3}[:：]$")  # 市: 县: 省级: printed for an amount left blank
AMOUNT_ROLES = ("total", "fiscal", "other", "budget_initial", "budget_full_year", "executed", "execution_rate",
                "score_max", "score")
LINE_HEADINGS = ("total", "fiscal", "other")  # funding column headings that also label a line of their own
MONEY_ROLES = {"total", "fiscal", "other", "amount", "budget_initial", "budget_full_year", "executed"}
TASK_GROUP = {"年度主要任务", "主要任务", "任务名称", "年度任务"}
SKIP_ITEMS = re.compile(r"(?:合计|总计|小计)$")  # sums of the task lines, not tasks


@lru_cache(maxsize=None)
def _label_words() -> re.Pattern:
    """The words a funding line's label holds (data/funding_words.csv: 资金, 预算, 自筹, 资本金 …)."""
    return re.compile("|".join(re.escape(r["word"]) for r in _rows("funding_words.csv")))


PLANNED = "计划"  # a funding heading naming what is planned (计划执行数): a target form's block, no self-evaluation


@lru_cache(maxsize=65536)
def unit_label(text: str):
    """The unit a funding block's label prints (项目资金（元）, 資(zī)金情況(萬元), 金额单位:元) as a match of
    :data:`UNIT_LABEL` on the folded text, or None."""
    return UNIT_LABEL.search(fold_text(text))


def budget_role(text: str) -> Optional[str]:
    roles = budget_roles()
    return roles.get(key(text)) or roles.get(key_no_notes(text))


def is_budget_label(text: str) -> bool:
    k = key(text) if text else ""
    if not k or len(k) > LABEL_MAX or is_amount(text) or budget_role(text) not in (None, "total", "fiscal", "other") \
            or REFERENCE.match(k):
        return False
    if LABEL_AMOUNT.match(fold_chars(text)) or AMOUNTS_AFTER.search(fold_chars(text)):
        return False  # a label with its amount (or amounts and rate run together: 其中:中央补助40004000100%)
    if re.match(r"^其中[:：]\S{2,12}$", k) and not re.search(r"\d", k):
        return True  # 其中：中央补助, 其中:财政投款 — a sub-line of the funding block whatever its word
    if budget_role(text) in ("total", "fiscal", "other") and key_no_notes(text) not in ("总额", "其他资金", "财政拨款"):
        return False
    if field_of(text) or field_of(re.split(r"[:：]", k, maxsplit=1)[0]):
        return False  # (预算单位:东莞展览馆: a header field and its value, glued after its colon)
    bare = UNIT_SUFFIX.sub("", k)  # 项目预算金额(万元) | 193.8: a line printing its unit (资金情况(万元) stays none)
    labelled = _label_words().search(bare) or ((EXPENSE.search(bare) or bare == OTHER_WORD) and _colon_label(text))
    return bool(labelled) and not NOT_LABEL.search(bare) and not NOT_LABEL.search(UNIT_SUFFIX.sub("", fold_chars(text).rstrip(":： ")))


def split_label_amount(text: str) -> Optional[tuple[str, str]]:
    """``年度资金总额:16`` → (年度资金总额:, 16); the block's label and unit run into the line's
    (``项目资金(万元)年度资金总额:5``: the line is 年度资金总额: | 5, the unit read by note_unit)."""
    block = BLOCK_PREFIX.match(fold_chars(text))
    if block and block.end() < len(text):
        rest = split_label_amount(text[block.end():])
        if rest:
            return rest
    m = LABEL_AMOUNT.match(fold_chars(text))  # (萬元 on a mirror page: matched folded, cut as printed)
    if m:
        label, amount = text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]
        if is_budget_label(label) or (_colon_label(label) and budget_role(label) in LINE_HEADINGS):
            return label, amount  # (资金总额:704: a column heading, but its colon makes it a line's label)
    return None


def glued_budget_line(text: str) -> bool:
    """A funding line's label and its amounts run together (年度财政资金总额1560015600100%20)."""
    m = GLUED_LABEL.match(text)
    return bool(m) and len(m.group(2)) >= 2 and (budget_role(m.group(1)) in LINE_HEADINGS or is_budget_label(m.group(1)))


def glued_lines(text: str) -> list[tuple[str, str]]:
    """Funding lines run together, each a label and its amounts (一般预算内拨款6363100%合计6363100%), as
    (label, amounts) pairs; [] unless the text is two such lines or more and nothing else."""
    parts = [(m.group(1), m.group(2)) for m in GLUED_LINE.finditer(text)]
    if len(parts) < 2 or sum(len(a) + len(b) for a, b in parts) != len(text):
        return []
    return parts if all(glued_budget_line(a + b) for a, b in parts) else []


RATE_TOLERANCE = 0.01  # of a share: a rate printed as one (0.958) that 执行数 / 全年预算数 bears out


def rate_in_percent(line: BudgetLine) -> Optional[float]:
    """The line's 执行率 in percent, as the contract writes it: a rate printed as a share (0.958 for 95.8%)
    is read as one where 执行数 / 全年预算数 (or 年初预算数) gives the same share."""
    rate, budget = line.execution_rate, line.budget_full_year or line.budget_initial
    if rate is None or not 0 < rate <= 1 or not budget or line.executed is None:
        return rate
    return round(rate * 100, 6) if abs(line.executed / budget - rate) <= RATE_TOLERANCE else rate


class FundingReader:
    def __init__(self) -> None:
        self.columns: list[str] = []  # value roles in printed order (multi-amount header)
        self.column_cols: list[int] = []  # their grid columns
        self.column_spans: list[tuple[int, int]] = []  # the grid columns each heading spans
        self.pending_labels: list[RowCell] = []  # a row of labels whose amounts are in the next row
        self.open_line: Optional[int] = None  # the index in lines of a label alone on its row under amount columns
        self.task_mode = False
        self.lines: list[BudgetLine] = []
        self.self_eval = False
        self.factor = 1.0  # amounts printed in 元 are divided by 10,000: the tables hold 万元

    def note_unit(self, row: Row) -> None:
        """A label naming the block's unit (项目资金（元）, 金额单位：元) sets the factor of what follows."""
        for c in row.cells:
            if c.carried or not c.text:
                continue
            m = unit_label(c.text)
            if m:
                self.factor = 1e-4 if next(g for g in m.groups() if g) == "元" else 1.0

    def _money(self, text: Optional[str], role: str = "amount") -> Optional[float]:
        v = _amount(text)
        if v is None or role not in MONEY_ROLES or self.factor == 1.0:
            return v
        return round(v * self.factor, 8)

    def read_header(self, row: Row) -> bool:
        cells = [c for c in row.cells if c.text and not c.carried and not _row_label(c.text)]
        cells = [replace(c, text=t, raw=t) for c in cells for t in (run_together_headings(c.text) or [c.text])]
        if self.columns and any(is_amount(c.text) for c in cells):
            return False  # 总额 | 251.89 | 到位数 | 251.89 | 执行数 …: a line whose labels repeat, not a header
        if row.flat and _heading_amount_pairs(row):
            return False  # 资金总额 | 2430.30 | … | 财政拨款 | 2430.30: glued lines, each heading with its amount
        roles = [budget_role(c.text) for c in cells]
        if sum(r in AMOUNT_ROLES for r in roles) >= 2:  # a header: headings read one character off count too
            # (not the block's label printing its unit: 年度预算数(万元) | 年初预算 | … is no second 年初预算数)
            roles = [r or (None if unit_label(c.text) else near_miss(key_no_notes(c.text), budget_roles()))
                     for r, c in zip(roles, cells)]
        amount = [r for r in roles if r in AMOUNT_ROLES]
        kept = [(r, c) for r, c in zip(roles, cells) if r in AMOUNT_ROLES or r == "ignore"]
        if "item" in roles or "content" in roles:
            self.task_mode = True
            if len(amount) >= 2:
                self._set_columns(kept)
            return True
        if len(set(amount)) >= 2 and len(amount) >= 0.5 * len([r for r in roles if r]):
            self._set_columns(kept)
            # (全年(程)预算数 | 半年(程)计划执行数: a plan's columns, a target form's)
            self.self_eval = any(r in ("budget_initial", "executed", "budget_full_year") for r in amount) and \
                not any(PLANNED in fold_chars(c.text) for c in cells)
            return True
        return False

    def _set_columns(self, kept: list[tuple[str, RowCell]]) -> None:
        self.columns = [r for r, _ in kept]
        self.column_cols = [c.col for _, c in kept]
        self.column_spans = [(c.col, c.col + c.span) for _, c in kept]

    def feed(self, row: Row) -> bool:
        """Read funding lines from a row; True if the row held any."""
        if self.task_mode and not any(STANDARD_LABEL.match(key(c.text)) for c in row.cells if not c.carried and c.text):
            return self._task_row(row)
        cells = _join_broken_labels([c for c in row.cells if not c.carried]) if not row.exact else \
            [c for c in row.cells if not c.carried]
        texts = [c.text for c in cells]
        open_line, self.open_line = self.open_line, None
        if open_line is not None and self._amounts_below(open_line, [t for t in texts if t]):
            return True
        if self.pending_labels:
            if self._under_labels(cells):
                return True
        if self.columns and not self.task_mode and self._repeated_labels(texts):
            return True
        filled = [t for t in texts if t]
        if 2 <= len(filled) <= 3 and not self.columns and budget_role(filled[-2]) in ("total", "fiscal", "other") \
                and not is_budget_label(filled[-2]) and is_amount(filled[-1]) \
                and not any(is_amount(t) or (is_budget_label(t) and not unit_label(t)) for t in filled[:-2]):
            # [资金情况(万元) |] 资金总额 | 30.00: a column heading as a line's label (after the block's label)
            self.lines.append(self._line(filled[-2], [filled[-1]]))
            return True
        if not self.task_mode and (self._spanned_line(cells) or self._unlisted_line(cells)):
            return True
        labels = [c for c in cells if is_budget_label(c.text)]
        if len(labels) >= 2 and all(not t or is_budget_label(t) or not is_amount_or_blank(t) for t in texts):
            items = labels[1:] if unit_label(labels[0].text) else labels  # (after the block's label)
            if not row.flat and row.table is not None and not self.column_spans and len(items) >= 2 and \
                    len({key(c.text) for c in items}) == len(items) and all(_blank_slot_after(c, cells) for c in items):
                # 上年结转资金 | | 其他资金 | : each label beside its own amount cell, printed empty
                self.lines.extend(BudgetLine(item=c.text) for c in items)
                return True
            if all(_colon_label(c.text) for c in items) or \
                    (len({key(c.text) for c in items}) == 1 and not self.column_spans and not self.columns and
                     all(not t for t in texts if not is_budget_label(t))):
                # 政府性基金拨款: | 其他支出: — each a line, printed empty; so is one label printed for each block
                # with nothing beside it (其他资金 | 其他资金 | | |: the project's and the year's, cells dropped;
                # under column blocks the sub-label each block repeats is none)
                self.lines.extend(BudgetLine(item=c.text) for c in items)
                return True
            self.pending_labels = items  # 年度资金总额 | 其中：财政拨款 | 其他资金, amounts in the row below
            return True
        found = False
        # a heading word beside its amount is a line, in a glued form and in a grid row of pairs alike
        # (项目资金（元） | 资金总额: | 300,000.00 | 其中:财政拨款 | …: the real forms drawn into DOCX, budget
        # F1 0.959 → 0.966); the block's label before it takes no values past it
        pairs = set(_heading_amount_pairs(row)) if not self.columns else set()
        i = 0
        while i < len(cells):
            t = texts[i]
            several = glued_lines(t) if len(self.columns) >= 2 and t else []
            if several:  # 一般预算内拨款6363100%合计6363100%: lines run together, each a label and its amounts
                read = [self._glued_line(label, run, blank=not is_amount(run)) for label, run in several]
                self.lines.extend(line for line in read if line is not None)
                found = found or any(line is not None for line in read)
                i += 1
                continue
            glued = GLUED_LABEL.match(t) if len(self.columns) >= 2 and t else None
            if glued and is_budget_label(glued.group(1).rstrip(".")):
                # 年度总金额.32.06.5: the label and its amounts run together (40004000100%: one number only
                # when no cut of it bears out the columns' arithmetic)
                line = self._glued_line(glued.group(1), glued.group(2), blank=not is_amount(glued.group(2)))
                if line is not None:
                    self.lines.append(line)
                    found = True
                    i += 1
                    continue
            split = split_label_amount(t) if t and not is_budget_label(t) else None
            if split:
                self.lines.append(self._line(split[0], [split[1]]))
                found = True
                i += 1
                continue
            if i in pairs:
                self.lines.append(self._line(t, [texts[i + 1]]))  # a glued line: the heading, its amount
                found = True
                i += 2
                continue
            if not is_budget_label(t) or _is_value_of_key(texts, i):
                i += 1
                continue
            j = i + 1
            named = split_label_amount(texts[j]) if j < len(texts) and texts[j] else None
            if named and STANDARD_LABEL.match(key(t)) and not STANDARD_LABEL.match(key(named[0])) and \
                    not _colon_label(named[0]):  # (其他资金: | 基本支出:622: the next line, with its own colon)
                # 其中:财政拨款 | 少数民族发展资金37万元: the standard line's amount, with the source it names
                self.lines.append(self._line(t, [named[1]]))
                found = True
                i = j + 1
                continue
            while j < len(cells) and not is_budget_label(texts[j]) and not split_label_amount(texts[j]) and j not in pairs:
                j += 1
            if self.columns:
                after = [v for v in texts[i + 1:j] if v]
                if after and not STANDARD_LABEL.match(key(t)) and all(WORDS_ONLY.fullmatch(v) for v in after):
                    i = j  # words only after it (按照规定程序和标准进行资金拨付 | 使用规范性 | …): prose, no line
                    continue
                run_line = self._glued_line(t, after[0]) if len(after) == 1 and not is_amount_or_blank(after[0]) else None
                if run_line is not None:
                    self.lines.append(run_line)  # 1.561.56120: amounts run together
                else:
                    self.lines.append(self._line(t, self._by_position(cells[i], cells[i + 1:j]) or
                                                 self._placed(texts[i + 1:j])))
                    if not any(v for v in texts if v and v != t):
                        self.open_line = len(self.lines) - 1  # 年度资金总额 alone: its amounts may stand on the next row
                found = True
            else:
                # sub-labels printed with nothing after them (地方资金 | 市: | 县:) are blank amounts
                values = ["" if SUB_LABEL.match(v or "") or REFERENCE.match(fold_chars(v or "")) else v for v in texts[i + 1:j]]
                first = next((v for v in values if v), "")
                if not first and ((j - i == 1 and len([c for c in texts if c]) == 1 and
                                   (budget_role(t) in LINE_HEADINGS or not (self.lines or key(t).endswith("总额"))) and
                                   not (budget_role(t) == "other" or key(t).startswith("其中"))) or unit_label(t)):
                    # a lone heading such as 项目资金, 项目资金（元） (a printed but empty 其他资金 line is a line, and
                    # so is a total's or any label's after the block's first line: 下达资金总额 ⏎ 其中:… ⏎ 地方资金)
                    pass
                elif not first or (is_amount_or_blank(first) and not first.endswith("分")) or LOOSE_AMOUNT.match(fold_chars(first)):
                    trailing_label = j < len(cells)
                    # a label straight before another is a block heading (项目资金 | 年度资金总额 | 25),
                    # unless it names a total: then its amount was left blank (中期预算资金总额 | 年度…)
                    if first or not trailing_label or key(t).endswith("总额") or _colon_label(t):
                        self.lines.append(self._line(t, [first]))
                        found = True
            i = j
        return found

    def _spanned_line(self, cells: list[RowCell]) -> bool:
        """Under headings each spanning several grid columns (预算安排情况 | 资金到位情况 | 资金执行情况),
        every block repeats a sub-label before its amount (总额 251.89 | 到位数 251.89 | 执行数 251.89;
        其中:财政资金 … in each): the first label names the line, and each heading takes the amount
        standing under it, the sub-labels skipped."""
        filled = [c for c in cells if c.text]
        if len(filled) < 2 or not self.column_spans or is_amount_or_blank(filled[0].text):
            return False
        label, inside = filled[0], filled[1:]
        subs = [c for c in inside if not is_amount_or_blank(c.text)]
        under = [c for c in inside if any(a <= c.col < b for a, b in self.column_spans)]
        if not subs or len(under) < len(inside) or any(len(key(c.text)) > SUB_LABEL_MAX for c in subs):
            return False
        if label.col >= self.column_spans[0][1]:
            return False  # (a row whose first block is empty: only sub-labels, no line of its own)
        values = [next((c.text for c in inside if a <= c.col < b and is_amount_or_blank(c.text)), "")
                  for a, b in self.column_spans]
        if not any(values) and any(column_roles().get(key_no_notes(c.text)) for c in subs):
            return False  # the indicator table's headings (四、年度绩效指标完成情况 | 指标说明 | 预期指标值 …): no line
        self.lines.append(self._line(label.text, values))
        return True

    def _unlisted_line(self, cells: list[RowCell]) -> bool:
        """In a funding block (its amount columns known, or lines read before), a row of a short label
        no vocabulary lists as a line (其他, 部门预算执行情况, a column word such as 资金总额 standing
        left of the columns) followed by amounts only (0 | 0 | —) is a line of the block; a numbered
        item (（2）项目支出) is one even with every amount blank."""
        filled = [k for k, c in enumerate(cells) if c.text]
        # beside the block's own label (资金情况(万元) | 部门预算执行情况 | ): the block is known, and
        # a line printed there with its amount left empty is a line
        beside_block = len(filled) >= 2 and bool(unit_label(cells[filled[0]].text))
        if beside_block:
            filled = filled[1:]
        if len(filled) < (1 if beside_block else 2) or not (self.columns or self.lines or beside_block):
            return False
        label, rest = cells[filled[0]], cells[filled[0] + 1:]
        if not rest:
            return False
        k = key(label.text)
        role = budget_role(label.text)
        heading_as_label = role in ("total", "fiscal", "other") and bool(self.columns) and \
            label.col < min(self.column_cols)
        if not (2 <= len(k) <= UNLISTED_LABEL_MAX) or not re.search(r"[\u4e00-\u9fff]", k) or \
                re.search(r"\d", k[numbering_at(k):]) or is_budget_label(label.text) or \
                (role is not None and not heading_as_label) or field_of(label.text):
            return False
        if not all(is_amount_or_blank(c.text) for c in rest) or \
                not (any(is_amount(c.text) for c in rest) or numbering_at(k) or beside_block):
            return False
        self.lines.append(self._line(label.text, self._by_position(label, rest) or [c.text for c in rest]))
        return True

    def _repeated_labels(self, texts: list[str]) -> bool:
        """``预算数 6.84 到位数 6.84 执行数 6.84 100.00`` under column headings: each column block
        repeats a label before its amount; the first label names the line, the amounts fill the
        columns in order."""
        filled = [t for t in texts if t]
        if len(filled) < 4 or is_amount_or_blank(filled[0]):
            return False
        words = [t for t in filled[1:] if not is_amount_or_blank(t)]
        amounts = [t for t in filled[1:] if is_amount_or_blank(t)]
        if not words or len(amounts) < 2 or any(len(w) > 12 for w in words):
            return False
        # the labels alternate with the amounts: label a label a …
        if not all(is_amount_or_blank(filled[i]) for i in range(1, len(filled), 2) if i < len(filled)) and \
                len(words) >= len(amounts):
            return False
        self.lines.append(self._line(filled[0], amounts))
        return True

    def _under_labels(self, cells: list[RowCell]) -> bool:
        """Amounts in the row below a row of labels: paired by column, else in order."""
        labels, self.pending_labels = self.pending_labels, []
        amounts = [c for c in cells if c.text]
        if not amounts or not all(is_amount_or_blank(c.text) for c in amounts):
            return False
        for k, label in enumerate(labels):
            under = next((c for c in cells if c.col <= label.col < c.col + c.span and c.text), None)
            if under is None and len(amounts) == len(labels):
                under = amounts[k]
            self.lines.append(BudgetLine(item=label.text, amount=self._money(under.text) if under else None))
        return True

    def _amounts_below(self, at: int, filled: list[str]) -> bool:
        """A row of amounts alone under a label that stood alone on its row (``年度资金总额 |`` ⏎ ``| 32.4 |
        31.69 | 10 | 97.80% | 9 |``): they are the label's. A page that dropped empty cells dropped the
        leading ones (年初预算数 left blank), so fewer amounts than columns fill the last columns."""
        if not filled or len(filled) > len(self.columns) or not all(is_amount_or_blank(t) for t in filled):
            return False
        values = [""] * (len(self.columns) - len(filled)) + filled
        self.lines[at] = self._line(self.lines[at].item, values)
        return True

    def _by_position(self, label: RowCell, values: list[RowCell]) -> Optional[list[str]]:
        """Values under the header's columns when the row lines up with the header, else None."""
        cols = self.column_cols
        if label.col in cols or any(c.text not in EMPTYISH and not any(c.col <= k < c.col + c.span for k in cols)
                                    for c in values):  # (a dash under a heading no vocabulary reads lines up)
            return None
        out = []
        for k in cols:
            cell = next((c for c in values if c.col <= k < c.col + c.span), None)
            out.append(cell.text if cell else "")
        return out

    def _placed(self, values: list[str]) -> list[str]:
        """Values in order under the columns; a line that dropped its empty cells (fewer values than
        amount columns, none blank) placed where the columns' arithmetic holds (glued_amounts)."""
        roles = [r for r in self.columns if r in AMOUNT_ROLES]
        printed = list(values)
        while printed and not printed[-1]:
            printed.pop()  # (the row's padding to the table's width)
        if roles != self.columns or not printed or not all(printed):
            return values
        return place_short_line(printed, roles) or values

    def _glued_line(self, item: str, run: str, blank: bool = False) -> Optional[BudgetLine]:
        """A line whose amounts run together, cut by the columns' arithmetic (glued_amounts.py); when
        no cut is borne out, the line with its amounts empty (``blank``) or None."""
        roles = [r for r in self.columns if r in AMOUNT_ROLES]
        values = split_glued_amounts(run, roles)
        if values is None:
            if not blank:
                return None
            values = [None] * len(roles)
        line = BudgetLine(item=item)
        for role, v in zip(roles, values):
            setattr(line, role, self._money(v, role))
        line.execution_rate = rate_in_percent(line)
        return line

    def _line(self, item: str, values: list[str]) -> BudgetLine:
        line = BudgetLine(item=item)
        if self.columns:
            for role, v in zip(self.columns, values):
                if role != "ignore" and role in AMOUNT_ROLES:
                    setattr(line, role, self._money(v, role))
            extra = [v for v in values[len(self.columns):] if v]
            if len(extra) == 1 and "score_max" in self.columns and "score" not in self.columns:
                # 分值 | 执行率 | (得分 printed after the line: its cell wrapped below in the text) — one
                # amount more than the headings is the self-evaluation's last column, the score
                line.score = self._money(extra[0], "score")
            line.execution_rate = rate_in_percent(line)
        else:
            line.amount = self._money(values[0]) if values else None
        return line

    def _task_row(self, row: Row) -> bool:
        """Task lines: item, content, then the amounts; a flattened row may hold several."""
        texts = [c.text for c in row.cells if not c.carried]
        while texts and (not texts[0] or key(texts[0]) in TASK_GROUP):
            texts.pop(0)
        amount_cols = [r for r in self.columns if r in ("total", "fiscal", "other")] or ["total", "fiscal", "other"]
        found = False
        while texts:
            item = texts.pop(0)
            if not item or budget_role(item) is not None or is_amount(item):
                break
            content = None
            if texts and not (texts[0] and is_amount(texts[0])):
                content = texts.pop(0) or None
            amounts = []
            while texts and len(amounts) < len(amount_cols) and is_amount_or_blank(texts[0]):
                amounts.append(texts.pop(0))
            if not any(is_amount(v) for v in amounts) and content is None:
                break
            if not SKIP_ITEMS.search(key(item)):
                line = BudgetLine(item=item, content=content)
                for role, v in zip(amount_cols, amounts):
                    setattr(line, role, self._money(v, role))
                self.lines.append(line)
                found = True
            if not any(texts):
                break
        return found


HEADING_RUN_MAX = 60  # characters of a cell read as funding headings run together


@lru_cache(maxsize=None)
def amount_heading_pattern() -> re.Pattern:
    """The amount columns' headings (data/budget.csv), longest first."""
    words = sorted((k for k, r in budget_roles().items() if r in AMOUNT_ROLES and len(k) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def run_together_headings(text: str) -> Optional[list[str]]:
    """``全年预算数(A)全年执行数(B)预算执行率(B/A)`` → its headings, when the cell is nothing but two or more
    funding column headings printed with no separator (a line's cells glued), after the block's label
    when that opens it; None otherwise."""
    if len(text) > HEADING_RUN_MAX or budget_role(text) or len(amount_heading_pattern().findall(key(text))) < 2:
        return None  # (cheap first: two amount headings at least must be in it)
    block = BLOCK_PREFIX.match(fold_chars(text))
    if block:  # the block's label and unit run into its headings: 项目资金(万元)全年预算数全年执行数执行率
        rest = run_together_headings(text[block.end():])
        return [text[:block.end()]] + rest if rest else None
    best: dict[int, list[str]] = {0: []}
    for i in range(len(text)):
        if i not in best:
            continue
        for j in range(len(text), i + 1, -1):  # (the longest heading first: 全年预算数(A), not 全年预算数)
            piece = text[i:j]  # (a bracketed note closes the heading before it: 全年预算数(A) | 全年执行数(B))
            if budget_role(piece) in AMOUNT_ROLES and piece[0] not in "(（" and \
                    (j not in best or len(best[i]) + 1 > len(best[j])):
                best[j] = best[i] + [piece]  # (more headings rather than fewer: 执行率 | 得分, not 执行率得分)
    found = best.get(len(text))
    roles = [budget_role(p) for p in found or []]
    # (each a column of its own: 年初预算资金总额 is one heading, not 年初预算 | 资金总额)
    return found if len(roles) >= 2 and len(set(roles)) == len(roles) and not set(roles) & set(LINE_HEADINGS) else None


NOTE_ONLY = re.compile(r"^[（(][^（()）\d]{2,16}[）)]$")  # a bracketed note of words alone in its cell
LEAD_WORD = re.compile(r"其中[:：]?")  # a sub-line's lead word, alone when a space cut it off its label
BROKEN_TAIL_MAX = 4  # characters of a label's tail a space cut off (其中:当年财政 拨款)


def _join_broken_labels(cells: list[RowCell]) -> list[RowCell]:
    """A funding label cut at a space of a flattened row (``其中:当年财政 | 拨款``) joined again: its tail
    is short and no amount, and together they name a line of the vocabulary."""
    out: list[RowCell] = []
    for c in cells:
        if out and broken_label(out[-1].text, c.text):
            out[-1] = replace(out[-1], text=out[-1].text + c.text, raw=(out[-1].raw or out[-1].text) + (c.raw or c.text))
            continue
        out.append(c)
    return out


def broken_label(text: str, tail: str) -> bool:
    """``tail`` is the end of the funding label ``text``, cut off at a space (其中:当年财政 | 拨款, 其中: |
    财政拨款数), or the note printed after it (其他资金 | (包括以前年度结转资金))."""
    if NOTE_ONLY.match(tail or "") and budget_role(text) is not None:
        return True
    if LEAD_WORD.fullmatch(key(text or "")) and tail and not is_amount_or_blank(tail):
        return True  # 其中: | 财政拨款数: the sub-line's lead word cut off by a space
    if not text or not tail or len(tail) > BROKEN_TAIL_MAX or is_amount_or_blank(tail) or is_amount_or_blank(text) \
            or budget_role(text) is not None:
        return False
    return budget_role(re.sub(r"^其中[:：]", "", key(text + tail))) in LINE_HEADINGS


def _colon_label(text: str) -> bool:
    """A label printed with its colon (政府性基金拨款:): a line of its own, its amount after the colon."""
    return text.rstrip().endswith((":", "："))


def _heading_amount_pairs(row: Row) -> list[int]:
    """Indices of the funding headings (资金总额, 财政拨款, 其他资金) a row's next cell gives an amount —
    in a glued form split at its words, each heading is a line's label followed by its amount."""
    texts = [c.text for c in row.cells if not c.carried]
    return [i for i in range(len(texts) - 1)
            if texts[i] and budget_role(texts[i]) in LINE_HEADINGS and is_amount(texts[i + 1])]


def _blank_slot_after(label: RowCell, cells: list[RowCell]) -> bool:
    """The grid cell right of a label is there and empty (the label's own amount, left blank)."""
    return any(c.col == label.col + label.span and not c.text for c in cells)


def _is_value_of_key(cells: list[str], i: int) -> bool:
    """``财政资金预算分类 | 一般公共预算`` or ``项目名称 | 某某专项资金``: the label-looking cell is the
    value of the key before it."""
    prev = next((c for c in reversed(cells[:i]) if c), "")
    if not prev or is_amount_or_blank(prev) or is_budget_label(prev):
        return False
    return bool(field_of(prev)) or key(prev).endswith(("分类", "类别", "类型", "性质", "来源"))


def _row_label(text: str) -> bool:
    """总额 / 其他资金 as a line label (not a column heading) in self-evaluation layouts."""
    k = key(text)
    return bool(STANDARD_LABEL.match(k)) and k not in ("总额", "财政拨款", "其他资金")


def _amount(text: str) -> Optional[float]:
    if text is None or text in EMPTYISH:
        return None
    return parse_amount(text)
