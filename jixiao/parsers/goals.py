"""Goal texts: 年度总体目标 / 年度目标 → annual, 中长期目标 / 实施期目标 → long_term, 实际完成情况 → actual.

A goal heading may stand alone with its text in the next cell, head a group of sub-headings
(年度总体目标 | 预期目标 | 实际完成情况) whose texts sit in the row below, or run together with
its sub-heading (``总体目标年度目标``). Texts are paired with the innermost headings in order;
instruction placeholders (``说明…（100字以内）``) are dropped.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import combinations, takewhile
from typing import Optional

from jixiao.normalize.folding import fold_chars
from jixiao.normalize.names import numbering_at
from jixiao.parsers.cellkind import is_placeholder
from jixiao.parsers.fit import SCORE
from jixiao.parsers.header import ORG, as_printed, is_form_title, is_other_table_title
from jixiao.parsers.lexer import fold_mapped, printed_end
from jixiao.parsers.rows import Row
from jixiao.parsers.vocab import _rows, column_roles, goal_key_pattern, goal_kinds, key, key_no_notes, squash
from jixiao.records import Goal

GROUP_WORDS = {"绩效目标", "总体目标", "整体绩效目标", "项目绩效目标"}
NUMBERED = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．]")
COLUMN_LABEL = re.compile(r"^[^，。；,;]{2,10}(?:率|比例|进度|得分|分值)(?:[（(]%?[）)])?$")
CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def goal_keys_in(text: str) -> list[tuple[str, str]]:
    """[(kind, heading)] when the cell is a goal heading (or several run together), else []."""
    if not text or NUMBERED.match(text):
        return []
    kinds = goal_kinds()
    k = key_no_notes(text)
    if k in kinds:
        return [(kinds[k], k)]
    k = key(text)
    if k in kinds:
        return [(kinds[k], k)]
    out, pos = [], 0
    pat = goal_key_pattern()
    while pos < len(k):
        m = pat.match(k, pos)
        if not m:
            return []
        out.append((kinds[m.group()], m.group()))
        pos = m.end()
    return out if len(out) >= 2 else []


GLUED_HEADING_MIN = 4  # characters of a heading read run into its text with no colon (年度绩效目标保持…)


def heading_with_text(text: str):
    """``年度目标：完成…`` → (kind, text); a heading of four or more characters run into a text of
    its own with no colon (``年度绩效目标保持和稳定地方粮食储备机制``, a glued line) too."""
    m = re.match(r"^\s*([^：:]{2,10})[：:]\s*(.+)$", text or "", re.S)
    kinds = goal_kinds()
    if m:
        k = key(m.group(1))
        if k in kinds:
            return kinds[k], m.group(2)
    k = key(text)
    glued = goal_key_pattern().match(k) if k else None
    if glued is None or len(glued.group()) < GLUED_HEADING_MIN or len(k) - glued.end() < MERGE_MIN:
        return None
    if goal_keys_in(k[glued.end():]) or heading_prefix_kind(k[glued.end():]) or is_form_title(text) \
            or is_other_table_title(text):
        return None  # (two headings run together, 年度目标实际完成情况: no text; 绩效目标申报表(…类): a title)
    return kinds[glued.group()], _after_heading(text, glued.group()) or as_printed(text, k[glued.end():])


def _after_heading(text: str, heading: str) -> str:
    """The printed text after a heading run into it (a mirror page's goal keeps its characters and its ……,
    which the lookup key folds to ......)."""
    printed = squash(text)
    matching, where = fold_mapped(printed)
    at = matching.find(heading)
    return printed[printed_end(printed, where, at + len(heading)):] if at >= 0 else ""


def collapse(text: str) -> str:
    return CJK_GAP.sub("", re.sub(r"\s+", " ", text or "").strip())


MERGE_MIN = 8  # characters: shorter texts are headings or placeholders, never half of a goal
SENTENCE_MIN = 15  # characters of the sentence beside a heading printed cut short
CJK = re.compile(r"[\u4e00-\u9fff]{4}")
SENTENCE_END = re.compile(r"(?<=[。；;])")


@lru_cache(maxsize=None)
def _marks(kind: str) -> re.Pattern:
    """``done_mark``: words a 完成情况 text uses and a target text does not (完成, 了); ``empty_mark``:
    an empty cell's mark opening a run (无通过整合…) — data/cell_words.csv."""
    words = sorted((r["text"] for r in _rows("cell_words.csv") if r["kind"] == kind), key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    return re.compile(f"^(?:{alternation})(?=[\u4e00-\u9fff])" if kind == "empty_mark" else alternation)


def split_goal_run(text: str, kinds: list[str]) -> Optional[list[str]]:
    """The texts of ``kinds`` (headings read in order) cut from one run (a glued preview): at an
    empty cell's mark (无), at sentence ends, or where the run restarts with its own opening words
    (业务收入达到55万元…业务收入77.57万元…); a leading scrap of a heading (体目标 of 年度总体目标) is
    dropped. When there are more sentences than headings, a 完成情况 text is the one that opens
    speaking of what was done (完成, 了) and a target text never does. None when the run cannot be
    cut into as many texts."""
    text = _heading_scrap(text)
    pieces: list[str] = []
    lead = _marks("empty_mark").match(fold_chars(text))  # (a mirror page's 無 too; fold_chars keeps positions)
    if lead:
        pieces.append(text[:lead.end()])
        text = text[lead.end():]
    sentences = [p for p in SENTENCE_END.split(text) if p]
    if len(pieces) + len(sentences) < len(kinds) and len(sentences) == 1:
        restart = _restart(text)
        sentences = [text[:restart], text[restart:]] if restart else sentences
    need = len(kinds) - len(pieces)
    if need < 1 or len(sentences) < need:
        return None
    best, best_score = None, None
    for cuts in combinations(range(1, len(sentences)), need - 1):
        bounds = (0,) + cuts + (len(sentences),)
        parts = ["".join(sentences[a:b]) for a, b in zip(bounds, bounds[1:])]
        firsts = [sentences[a] for a in bounds[:-1]]
        done = _marks("done_mark")
        score = sum((1 if done.search(first) else -1) if k == "actual" else (-1 if done.search(p) else 0)
                    for k, p, first in zip(kinds[len(pieces):], parts, firsts))
        if best_score is None or score > best_score:
            best, best_score = parts, score
    return pieces + best if best is not None else None


def _heading_scrap(text: str) -> str:
    """The run without a leading scrap of a goal heading (the tail of a heading printed in pieces)."""
    folded = fold_chars(text)  # (體目標 of a mirror page's 年度總體目標 too)
    for n in range(min(6, len(text) - 1), 2, -1):
        if any(h.endswith(folded[:n]) and h != folded[:n] for h in goal_kinds()):
            return text[n:]
    return text


def _restart(text: str) -> Optional[int]:
    """Where the run starts again with its first four characters (a second text), if it does."""
    k = text.find(text[:4], 4) if len(text) >= 12 else -1
    return k if k >= 4 else None


def is_goal_sentence(text: str) -> bool:
    """Running text long enough to be a goal (not a heading, a number or a label with its text)."""
    return len(text) >= SENTENCE_MIN and bool(CJK.search(text)) and not goal_keys_in(text) and \
        not heading_with_text(text)


@lru_cache(maxsize=None)
def heading_prefix_kind(k: str) -> Optional[str]:
    """The kind most goal headings starting with ``k`` name (年度 → annual), when ``k`` (two
    characters or more) starts some heading but is none."""
    kinds = goal_kinds()
    if len(k) < 2 or k in kinds:
        return None
    named = Counter(kind for heading, kind in kinds.items() if heading.startswith(k))
    if not named:
        return None
    (top, n), *rest = named.most_common()
    return top if not rest or n > rest[0][1] else None


class GoalReader:
    def __init__(self) -> None:
        self.goals: list[Goal] = []
        self.leaves: list[str] = []
        self.texts: list[str] = []
        self.last_leaves: list[str] = []  # the headings of the block just read (a second row of texts may follow)
        self.cols: list[int] = []  # the grid column of each text being collected
        self.last_goals: dict[int, Goal] = {}  # column → the goal read from it (for text wrapped into the next row)
        self.cut_short = False  # the heading being read was printed cut short (年度): its text must be a sentence
        self.leaf_cols: list[int] = []  # the grid column of each heading being read, when they stand side by side
        self.last_empty: list[str] = []  # the kinds of the block just read that got no text (placed by column)

    def more(self, row: Row) -> bool:
        """A further row of texts under the same headings (two 年度预期目标 / 具体完成情况 lines)."""
        if self.collecting or not self.last_leaves:
            return False
        cells = [c for c in row.cells if c.text and not c.carried]
        lead_blank = bool(row.cells) and not row.cells[0].text
        if cells and lead_blank and self.last_goals and all(c.col in self.last_goals for c in cells) \
                and not any(g.text.endswith(("。", "；", ";", "！")) for g in self.last_goals.values()):
            for c in cells:  # a cell's text wrapped into the next row band (or page): it continues the goal
                self.last_goals[c.col].text += collapse(c.raw or c.text)
            return True
        texts = [c for c in cells if len(key(c.text)) >= 8 and not c.text.replace(".", "").isdigit()
                 and key(c.text) not in column_roles()]  # (績效指標(biāo): 4; 年度绩效指标完成情况 heads a table)
        if texts and len(texts) == len(cells) <= len(self.last_empty):
            # headings side by side whose texts stand one per row (中期目标 | 年度目标 ⏎ text ⏎ text): the
            # next row's text is the next heading's, left empty by the row before
            for kind, c in zip(self.last_empty, texts):
                self.goals.append(Goal(kind, collapse(c.raw or c.text)))
            self.last_empty = self.last_empty[len(texts):]
            return True
        if not texts or len(texts) > len(self.last_leaves) or len(cells) > len(self.last_leaves) + 1:
            return False
        self.leaves, self.texts = list(self.last_leaves), []
        for c in texts:
            self.texts.append(collapse(c.raw or c.text))
        if not (row.flat and len(cells) == 1 < len(self.leaves) and is_goal_sentence(cells[0].text)):
            self._finish()  # (one cell per line: the next line's text is the next heading's, 目标2 ⏎ 目标2)
        return True

    @property
    def collecting(self) -> bool:
        return len(self.texts) < len(self.leaves)

    def start(self, row: Row) -> bool:
        """If the row holds goal headings, begin a goal block (texts in the same row are taken)."""
        keys: list[tuple[str, str]] = []
        key_cols: list[int] = []
        after = None
        for i, c in enumerate(row.cells):
            if c.carried or not c.text:
                continue
            ks = goal_keys_in(c.text)
            if ks:
                keys.extend(ks)
                key_cols.extend([c.col] * len(ks))
                after = i + 1
                continue
            if keys:
                break
            hw = heading_with_text(c.raw or c.text)
            if hw:
                self._finish()
                self.goals.append(Goal(hw[0], collapse(hw[1])))
                return True
        if not keys:
            return self._cut_short(row)
        self._finish()
        if len(keys) >= 2 and (keys[0][1] in GROUP_WORDS or keys[0][0] == keys[1][0] or
                               (len(keys) >= 3 and keys[0][0] in {kind for kind, _ in keys[2:]})):
            # the block's label above its sub-headings (年度目标完成情况 | 预期目标 | 目标实际完成情况)
            keys, key_cols = keys[1:], key_cols[1:]
        self.leaves = [k for k, _ in keys]
        # headings side by side in a grid: their texts below are placed by column (a blank one stays blank)
        self.leaf_cols = key_cols if row.table is not None and len(set(key_cols)) == len(key_cols) else []
        self.texts, self.cols = [], []
        self.feed(row, start=after)
        return True

    def _cut_short(self, row: Row) -> bool:
        """``年度 | 文化惠民工程，主要用于…``: a heading printed cut short (the start of 年度目标) beside
        one sentence is a goal of the kind the headings it starts mostly name. A unit's name is no
        sentence (部门 | 金寨县茶谷和美丽乡村建设服务中心: 部门 starts 部门整体绩效目标)."""
        cells = [c for c in row.cells if c.text and not c.carried]
        kind = heading_prefix_kind(key(cells[0].text)) if cells else None
        if kind is None or (len(cells) >= 2 and (not is_goal_sentence(cells[1].text) or ORG.search(key(cells[1].text)))):
            return False
        self._finish()
        if len(cells) == 1:  # the sentence follows in the next row: taken only if it is one
            self.leaves, self.texts, self.cols, self.cut_short = [kind], [], [], True
            return True
        self.goals.append(Goal(kind, collapse(cells[1].raw or cells[1].text)))
        return True

    def takes(self, row: Row) -> bool:
        """The row holds the text of the heading being read (after a heading cut short: a sentence)."""
        if not self.collecting:
            return False
        if self.cut_short:
            first = next((c.text for c in row.cells if c.text and not c.carried), "")
            if not is_goal_sentence(first):
                self.leaves, self.cut_short = [], False  # no sentence: it was no goal heading
                return False
        return True

    def feed(self, row: Row, start: int = 0) -> None:
        cells = [c for c in row.cells[start:] if c.text and not c.carried]
        if not start and not self.texts and len(self.leaf_cols) == len(self.leaves) >= 2 and row.table is not None \
                and not row.flat and 0 < len(cells) < len(self.leaves) \
                and not any(c.glued or goal_keys_in(c.text) for c in cells):
            # fewer texts than headings: each under the heading whose column it starts in (or after)
            placed: dict[int, str] = {}
            for c in cells:
                at = max((j for j, col in enumerate(self.leaf_cols) if col <= c.col), default=0)
                placed[at] = placed.get(at, "") + collapse(c.raw or c.text)
            self.texts = [placed.get(j, "") for j in range(len(self.leaves))]
            self.cols = list(self.leaf_cols)
            self._finish()
            return
        pending = self.leaves[len(self.texts):]
        own = [c for c in cells if not goal_keys_in(c.text)]
        if len(own) == 1 and len(pending) >= 2 and own[0].glued:
            pieces = split_goal_run(collapse(own[0].raw or own[0].text), pending)
            if pieces is not None:  # the texts of headings run together, run together too
                self.texts.extend(pieces)
                self.cols.extend([own[0].col] * len(pieces))
                self._finish()
                return
        for k, c in enumerate(cells):
            if not self.collecting:
                break
            if goal_keys_in(c.text):
                continue
            if start and k == 0 and len(c.text) <= 3 and len(cells) > 1:
                continue  # the tail of a heading wrapped onto its own line (年度主要目标 / 和成果)
            if start and (COLUMN_LABEL.search(fold_chars(c.text)) or SCORE.match(fold_chars(c.text))):
                continue  # another column's heading (总体完成率(%)) or the block's score (20) in the heading row
            self.texts.append(collapse(c.raw or c.text))
            self.cols.append(c.col)
            if not self.collecting and not row.exact:
                # a line of text cut at its spaces: the numbered items after the goal's sentence are its own
                # (年度目标 围绕…达成以下目标: 目标1:聘用人员1人 目标2:…)
                items = list(takewhile(lambda x: numbering_at(x.text) > 0 and not goal_keys_in(x.text), cells[k + 1:]))
                if items:
                    self.texts[-1] = " ".join([self.texts[-1]] + [collapse(x.raw or x.text) for x in items])
        if not self.collecting:
            self._finish()

    def _finish(self) -> None:
        self.cut_short = False
        if self.leaves:
            self.last_leaves = list(self.leaves)
            self.last_goals = {}
            self.last_empty = [k for i, k in enumerate(self.leaves) if i < len(self.texts) and not self.texts[i]
                               and any(self.texts[:i])]
        for i, (kind, text) in enumerate(zip(self.leaves, self.texts)):
            if text and not is_placeholder(text):
                self.goals.append(Goal(kind, text))
                if i < len(self.cols):
                    self.last_goals[self.cols[i]] = self.goals[-1]
        self.leaves, self.texts, self.cols, self.leaf_cols = [], [], [], []

    def close(self) -> list[Goal]:
        """The goals read; texts of one kind read one after another (目标1:… / 目标2:… lines under one
        年度总体目标) are one goal, joined with a space as the cell's lines are."""
        self._finish()
        seen, out = set(), []
        for g in self.goals:
            if (g.kind, g.text) in seen:
                continue
            seen.add((g.kind, g.text))
            if out and out[-1].kind == g.kind and min(len(out[-1].text), len(g.text)) >= MERGE_MIN:
                out[-1].text += " " + g.text
            else:
                out.append(g)
        return out
